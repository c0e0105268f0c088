package org.moderato.moderation.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import org.moderato.moderation.QueueFilter;
import org.moderato.moderation.QueueView;

/** Addresses of queue pages that keep the moderator's search and article filter. */
final class QueueLinks {

    private QueueLinks() {}

    static String to(String contextPath, QueueFilter filter, String extraName, Object extraValue) {
        StringJoiner query = new StringJoiner("&", contextPath + "/moderation?", "");
        query.add("status=" + filter.view().key());
        if (filter.search() != null) {
            query.add("s=" + URLEncoder.encode(filter.search(), StandardCharsets.UTF_8));
        }
        if (filter.articleId() != null) {
            query.add("article=" + filter.articleId());
        }
        if (extraName != null) {
            query.add(extraName + "=" + extraValue);
        }
        return query.toString();
    }

    static String view(String contextPath, QueueFilter filter, QueueView view) {
        return to(contextPath, filter.withView(view), null, null);
    }
}
