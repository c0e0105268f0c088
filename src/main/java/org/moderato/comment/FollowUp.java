package org.moderato.comment;

/**
 * What a reader asked to be told by email when they posted (the boxes under the form, only offered
 * when mail is on): nothing, every later comment of the thread, or only replies to their comment.
 * Either choice also asks for "your comment was approved" when the comment was held.
 */
public enum FollowUp {
    NONE,
    THREAD,
    REPLIES
}
