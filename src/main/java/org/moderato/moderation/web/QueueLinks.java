package org.moderato.moderation.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.moderato.moderation.QueueFilter;
import org.moderato.moderation.QueuePage;
import org.moderato.moderation.QueueView;

/** Addresses of queue pages that keep the moderator's search and article filter. */
final class QueueLinks {

    private QueueLinks() {}

    static String to(String contextPath, QueueFilter filter, Map<String, Object> extra) {
        StringJoiner query = new StringJoiner("&", contextPath + "/moderation?", "");
        query.add("status=" + filter.view().key());
        if (filter.search() != null) {
            query.add("s=" + URLEncoder.encode(filter.search(), StandardCharsets.UTF_8));
        }
        if (filter.articleId() != null) {
            query.add("article=" + filter.articleId());
        }
        extra.forEach((name, value) -> query.add(name + "=" + value));
        return query.toString();
    }

    static String view(String contextPath, QueueFilter filter, QueueView view) {
        return to(contextPath, filter.withView(view), Map.of());
    }

    /** The same page of the queue with every row ticked (the no-JavaScript "select all"). */
    static String allTicked(String contextPath, QueueFilter filter, QueuePage.Cursor cursor) {
        Map<String, Object> extra = new LinkedHashMap<>();
        if (cursor.after() != null) {
            extra.put("after", cursor.after());
        } else if (cursor.before() != null) {
            extra.put("before", cursor.before());
        }
        extra.put("select", "all");
        return to(contextPath, filter, extra);
    }
}
