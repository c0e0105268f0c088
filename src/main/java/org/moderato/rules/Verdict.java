package org.moderato.rules;

import java.util.List;
import org.moderato.comment.CommentStatus;

/** What the rules decided for a new comment, and every reason, in words a moderator can read. */
public record Verdict(CommentStatus status, List<String> reasons) {

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    public static Verdict hold(String reason) {
        return new Verdict(CommentStatus.PENDING, List.of("held: " + reason));
    }
}
