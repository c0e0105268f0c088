package org.moderato.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.moderato.article.ArticleLimits;

/**
 * Which page of a site a thread belongs to: the id the page gives ({@code data-page-id}) or else its
 * canonical URL, which must be on one of the site's origins. The fragment is never part of it.
 */
public record PageRef(String key) {

    private static final Pattern PAGE_ID = Pattern.compile("[A-Za-z0-9._:/-]{1," + ArticleLimits.PAGE_REF_MAX + "}");

    /** The page's ref, or a message saying what is wrong with what it sent. */
    public static PageRef of(Site site, String explicitId, String url) {
        if (explicitId != null && !explicitId.isEmpty()) {
            if (!PAGE_ID.matcher(explicitId).matches()) {
                throw new SiteRefused("A page id has 1 to " + ArticleLimits.PAGE_REF_MAX
                        + " letters, digits and . _ : / - only.", 400);
            }
            return new PageRef("id:" + explicitId);
        }
        String canonical = canonicalUrl(url).orElseThrow(() -> new SiteRefused(
                "Give the page's id, or its URL (http or https, at most " + ArticleLimits.PAGE_REF_MAX + " characters).", 400));
        URI uri = URI.create(canonical);
        if (!site.allows(uri.getScheme() + "://" + uri.getRawAuthority())) {
            throw new SiteRefused("That page is not on one of the site's origins.", 403);
        }
        return new PageRef("url:" + canonical);
    }

    /** Scheme and host in lower case, the default port dropped (as in an origin), path and query as given. */
    private static Optional<String> canonicalUrl(String url) {
        if (url == null || url.isEmpty() || url.length() > ArticleLimits.PAGE_REF_MAX) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return Origins.normalise(uri.getScheme() + "://" + uri.getRawAuthority())
                    .map(origin -> origin + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
