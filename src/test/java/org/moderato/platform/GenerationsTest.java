package org.moderato.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class GenerationsTest {

    private final Generations generations = new Generations();

    @Test
    void aCopyMadeBeforeAChangeIsNotKept() {
        long before = generations.of(1);
        generations.advance(1);
        AtomicBoolean kept = new AtomicBoolean();
        assertFalse(generations.ifStill(1, before, () -> kept.set(true)));
        assertFalse(kept.get());
        assertTrue(generations.ifStill(1, generations.of(1), () -> kept.set(true)));
        assertTrue(kept.get());
    }

    @Test
    void keysMoveOnTheirOwn() {
        long other = generations.of(2);
        generations.advance(1);
        generations.advance(1);
        assertEquals(2, generations.of(1));
        assertEquals(other, generations.of(2));
    }

    @Test
    void advanceHandsOnTheCountItHad() {
        generations.advance(3);
        List<Long> seen = new ArrayList<>();
        generations.advance(3, seen::add);
        assertEquals(List.of(1L), seen);
        assertEquals(2, generations.of(3));
    }

    /** An advance cannot slip between ifStill's check and its keep: the keep sees the count it checked. */
    @Test
    void aKeepRunsWhileTheCountStandsStill() throws InterruptedException {
        CountDownLatch keeping = new CountDownLatch(1);
        CountDownLatch advanced = new CountDownLatch(1);
        AtomicBoolean movedDuringKeep = new AtomicBoolean();
        Thread keeper = new Thread(() -> generations.ifStill(4, 0, () -> {
            keeping.countDown();
            try {
                // the advance below is waiting for this keep to end
                movedDuringKeep.set(advanced.await(200, java.util.concurrent.TimeUnit.MILLISECONDS) || generations.of(4) != 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        keeper.start();
        keeping.await();
        Thread mover = new Thread(() -> {
            generations.advance(4);
            advanced.countDown();
        });
        mover.start();
        keeper.join();
        mover.join();
        assertFalse(movedDuringKeep.get());
        assertEquals(1, generations.of(4));
    }
}
