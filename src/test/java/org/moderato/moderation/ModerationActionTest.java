package org.moderato.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.moderato.comment.CommentStatus;

class ModerationActionTest {

    @ParameterizedTest
    @EnumSource(CommentStatus.class)
    void everyButtonOffersALegalMoveAndEveryLegalMoveHasAButton(CommentStatus from) {
        List<ModerationAction> actions = ModerationAction.availableFrom(from);
        actions.forEach(a -> assertTrue(from.canMoveTo(a.target()), from + " -> " + a));
        Set<CommentStatus> reachable = actions.stream().map(ModerationAction::target).collect(Collectors.toSet());
        assertEquals(from.nextStatuses(), reachable);
    }

    @Test
    void theQueueShowsWordPresssButtons() {
        assertEquals(List.of("Approve", "Spam", "Trash"),
                ModerationAction.availableFrom(CommentStatus.PENDING).stream().map(ModerationAction::label).toList());
        assertEquals(List.of("Not spam", "Trash"),
                ModerationAction.availableFrom(CommentStatus.SPAM).stream().map(ModerationAction::label).toList());
    }
}
