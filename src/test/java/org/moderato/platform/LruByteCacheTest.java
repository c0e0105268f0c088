package org.moderato.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LruByteCacheTest {

    private static LruByteCache<String, byte[]> cache(long maxBytes) {
        return new LruByteCache<>(maxBytes, page -> page.length);
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenTheBytesPassTheBound() {
        LruByteCache<String, byte[]> cache = cache(100);
        cache.put("a", new byte[40]);
        cache.put("b", new byte[40]);
        cache.get("a");
        cache.put("c", new byte[40]);
        assertNull(cache.get("b"), "b was used least recently");
        assertNotNull(cache.get("a"));
        assertNotNull(cache.get("c"));
        assertEquals(80, cache.bytes());
    }

    @Test
    void oneLargeValueEvictsAsManySmallOnesAsItNeeds() {
        LruByteCache<String, byte[]> cache = cache(100);
        for (int i = 0; i < 10; i++) {
            cache.put("small-" + i, new byte[10]);
        }
        cache.put("large", new byte[55]);
        assertEquals(5, cache.size(), "six small ones made room: " + cache.size());
        assertNull(cache.get("small-5"));
        assertNotNull(cache.get("small-6"));
        assertEquals(95, cache.bytes());
    }

    @Test
    void replacingAValueCountsOnlyTheNewOne() {
        LruByteCache<String, byte[]> cache = cache(100);
        cache.put("a", new byte[90]);
        cache.put("a", new byte[30]);
        assertEquals(30, cache.bytes());
        assertArrayEquals(new byte[30], cache.get("a"));
    }

    @Test
    void aValueLargerThanTheBoundIsNotKeptAndRemovesItsOlderCopy() {
        LruByteCache<String, byte[]> cache = cache(100);
        cache.put("a", new byte[10]);
        cache.put("b", new byte[10]);
        cache.put("b", new byte[101]);
        assertNull(cache.get("b"));
        assertNotNull(cache.get("a"));
        assertEquals(10, cache.bytes());
    }

    @Test
    void underRandomUseTheBytesNeverPassTheBoundAndAgreeWithTheEntries() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        LruByteCache<Integer, byte[]> cache = new LruByteCache<>(10_000, page -> page.length);
        for (int i = 0; i < 20_000; i++) {
            int key = random.nextInt(500);
            if (random.nextBoolean()) {
                cache.put(key, new byte[random.nextInt(2_000)]);
            } else {
                cache.get(key);
            }
            assertTrue(cache.bytes() <= 10_000, "seed " + seed + ": " + cache.bytes());
        }
        long sum = 0;
        for (int key = 0; key < 500; key++) {
            byte[] page = cache.get(key);
            sum += page == null ? 0 : page.length;
        }
        assertEquals(sum, cache.bytes(), "seed " + seed);
    }
}
