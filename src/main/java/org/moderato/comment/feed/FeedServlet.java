package org.moderato.comment.feed;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.moderato.article.Article;
import org.moderato.article.ArticleService;
import org.moderato.platform.HttpCaching;
import org.moderato.platform.ReaderTexts;
import org.moderato.platform.Settings;

/**
 * {@code /articles/{slug}/feed} and {@code /comments/feed} (RSS 2.0), each with {@code /atom} for Atom;
 * a trailing slash, as WordPress writes its feed addresses, is accepted. The same bytes for every reader,
 * so they carry an ETag and Last-Modified and answer 304 when the reader's copy is current. The article
 * feeds pass through the page cache like the article pages.
 */
@WebServlet({"/comments/feed", "/comments/feed/*", "/articles/*"})
public class FeedServlet extends HttpServlet {

    private static final Pattern ARTICLE_FEED = Pattern.compile("/articles/([a-z0-9][a-z0-9-]{0,199})/feed(/atom)?/?");
    private static final Pattern SITE_FEED = Pattern.compile("/comments/feed(/atom)?/?");

    @Inject
    CommentFeeds feeds;

    @Inject
    ArticleService articles;

    @Inject
    Settings settings;

    @Inject
    ReaderTexts texts;

    private String entryTitle(FeedEntry entry) {
        return texts.text("feed.entry", entry.authorName(), entry.articleTitle());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher article = ARTICLE_FEED.matcher(path);
        Matcher site = SITE_FEED.matcher(path);
        Instant now = Instant.now();
        String siteUrl = settings.siteUrl(request.getLocalPort()) + request.getContextPath();
        FeedFormat.Feed feed;
        FeedFormat format;
        if (article.matches()) {
            Optional<Article> found = articles.bySlug(article.group(1));
            if (found.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            Article a = found.get();
            format = article.group(2) == null ? FeedFormat.RSS : FeedFormat.ATOM;
            List<FeedEntry> entries = feeds.newest(a.getId(), now);
            feed = new FeedFormat.Feed(texts.with("feed.comments.article", a.getTitle()), siteUrl + "/articles/" + a.getSlug(),
                    siteUrl + path, siteUrl, updated(entries, a.getPublishedAt()), entries, this::entryTitle);
        } else if (site.matches()) {
            format = site.group(1) == null ? FeedFormat.RSS : FeedFormat.ATOM;
            List<FeedEntry> entries = feeds.newest(null, now);
            feed = new FeedFormat.Feed(texts.text("feed.comments.site"), siteUrl + "/", siteUrl + path, siteUrl,
                    updated(entries, Instant.EPOCH), entries, this::entryTitle);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (HttpCaching.notModified(request, response, etag(format, feed), feed.updated())) {
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        try {
            format.write(feed, body);
        } catch (XMLStreamException e) {
            throw new IOException("Could not write the feed " + path, e);
        }
        response.setContentType(format.contentType() + "; charset=UTF-8");
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }

    /** Anything a reader could see change changes it: the entries (their versions cover edits), titles, the address. */
    private static String etag(FeedFormat format, FeedFormat.Feed feed) {
        int hash = List.of(format.name(), feed.title(), feed.selfUrl(), feed.entries()).hashCode();
        return "W/\"" + Integer.toHexString(hash) + "-" + feed.entries().size() + "\"";
    }

    private static Instant updated(List<FeedEntry> entries, Instant floor) {
        Instant last = floor;
        for (FeedEntry entry : entries) {
            if (entry.lastChange().isAfter(last)) {
                last = entry.lastChange();
            }
        }
        return last.truncatedTo(ChronoUnit.SECONDS);
    }
}
