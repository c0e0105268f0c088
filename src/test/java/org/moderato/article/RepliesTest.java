package org.moderato.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.moderato.article.web.Replies;

class RepliesTest {

    @Test
    void countsReadAsWordPressWritesThem() {
        assertEquals("0 replies", Replies.count(0));
        assertEquals("1 reply", Replies.count(1));
        assertEquals("2 replies", Replies.count(2));
        assertEquals("1000 replies", Replies.count(1000));
    }
}
