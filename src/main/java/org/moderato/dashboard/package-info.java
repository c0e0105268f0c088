/**
 * The admin's dashboard ({@code /admin/}): what the moderators' work looks like, from the comments and
 * their history: comments per day by outcome, the queue now, the time to a decision, the reasons for
 * holds, the actions per moderator. Charts are SVG drawn on the server, each with a table of the same
 * figures. Depends on {@code comment}, {@code moderation} and {@code report}; nothing depends on it.
 */
package org.moderato.dashboard;
