package org.moderato.article.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.moderato.comment.CommentThreads;
import org.moderato.comment.PublicComment;

class ThreadMarkupTest {

    private static PublicComment comment(long id, Long parent, String author, boolean staff) {
        return new PublicComment(id, parent, author, null, "text " + id, Instant.EPOCH, staff);
    }

    /** 1 > (2 > 3), 4; 5 > 6: two threads, a reply two deep, a return from depth 3 to 1. */
    private static List<CommentThreads.Shown> thread() {
        List<PublicComment> comments = List.of(comment(1, null, "Ann", false), comment(2, 1L, "Bob", false),
                comment(3, 2L, "Editor", true), comment(4, null, "Cy", false), comment(5, null, "Dee", false),
                comment(6, 5L, "Eve", false));
        return CommentThreads.of(comments, null, false).page(0, 1).comments();
    }

    /** What the page writes: each item's opening, a stand-in for its body, the form after {@code formAfter}, the closing. */
    private static Document render(ThreadMarkup markup, Long formAfter) {
        StringBuilder html = new StringBuilder();
        markup.upTo(formAfter).forEach(i -> html.append(i.opening()).append("<article id=\"div-comment-").append(i.comment().id()).append("\"></article>"));
        html.append(formAfter == null ? markup.closing() : "").append("<div id=\"respond\"></div>");
        markup.after(formAfter).forEach(i -> html.append(i.opening()).append("<article id=\"div-comment-").append(i.comment().id()).append("\"></article>"));
        html.append(formAfter == null ? "" : markup.closing());
        return Jsoup.parseBodyFragment(html.toString());
    }

    private static String ids(List<Element> elements) {
        return elements.stream().map(Element::id).collect(Collectors.joining(" "));
    }

    @Test
    void repliesNestInsideTheirParentsAsWalkerCommentWritesThem() {
        Document page = render(ThreadMarkup.of(thread(), "Editor"), null);
        assertEquals("comment-1 comment-4 comment-5", ids(page.select("body > ol.comment-list > li")));
        assertEquals("comment-2", ids(page.select("#comment-1 > ol.children > li")));
        assertEquals("comment-3", ids(page.select("#comment-2 > ol.children > li")));
        assertEquals("comment-6", ids(page.select("#comment-5 > ol.children > li")));
        assertEquals("respond", page.select("body > ol.comment-list + div").attr("id"), "the form after the list");
    }

    @Test
    void classesFollowGetCommentClass() {
        Document page = render(ThreadMarkup.of(thread(), "Editor"), null);
        assertEquals("comment even thread-even depth-1 parent", page.getElementById("comment-1").className());
        assertEquals("comment odd alt depth-2 parent", page.getElementById("comment-2").className());
        assertEquals("comment byuser comment-by-staff bypostauthor even depth-3", page.getElementById("comment-3").className());
        assertEquals("comment odd alt thread-odd thread-alt depth-1", page.getElementById("comment-4").className());
        assertEquals("comment even thread-even depth-1 parent", page.getElementById("comment-5").className());
        assertEquals("3", page.getElementById("comment-3").attr("data-depth"));
    }

    @Test
    void aStaffReplyUnderAnotherNameIsNotThePostAuthors() {
        Document page = render(ThreadMarkup.of(thread(), "The Moderato team"), null);
        assertTrue(page.getElementById("comment-3").hasClass("byuser"));
        assertTrue(!page.getElementById("comment-3").hasClass("bypostauthor"));
    }

    @Test
    void theFormGoesInsideTheCommentRepliedToBeforeItsReplies() {
        Document page = render(ThreadMarkup.of(thread(), "Editor"), 2L);
        assertEquals("div-comment-2 respond comment-3",
                ids(page.getElementById("comment-2").children().stream()
                        .flatMap(e -> e.is("ol") ? e.children().stream() : java.util.stream.Stream.of(e)).toList()));
        assertEquals("comment-1 comment-4 comment-5", ids(page.select("body > ol.comment-list > li")), "the rest of the thread is intact");
    }

    @Test
    void noCommentsNoList() {
        ThreadMarkup empty = ThreadMarkup.of(List.of(), "Editor");
        assertEquals("", empty.closing());
        assertTrue(render(empty, null).select("ol").isEmpty());
    }
}
