package org.moderato.comment;

/**
 * Where a submission came from, kept for moderation (and anonymised later by the privacy rules).
 * {@code staff}: posted by a logged-in moderator or admin.
 */
public record ClientInfo(String ipAddress, String userAgent, boolean staff) {

    public ClientInfo {
        if (userAgent != null && userAgent.length() > CommentLimits.USER_AGENT_MAX) {
            userAgent = userAgent.substring(0, CommentLimits.USER_AGENT_MAX);
        }
    }
}
