package org.moderato.comment;

/** Where a submission came from, kept for moderation (and anonymised later by the privacy rules). */
public record ClientInfo(String ipAddress, String userAgent) {

    public ClientInfo {
        if (userAgent != null && userAgent.length() > CommentLimits.USER_AGENT_MAX) {
            userAgent = userAgent.substring(0, CommentLimits.USER_AGENT_MAX);
        }
    }
}
