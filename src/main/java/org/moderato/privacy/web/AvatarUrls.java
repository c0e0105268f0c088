package org.moderato.privacy.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.moderato.privacy.Avatars;

/**
 * {@code #{avatars.url(c.id())}} in the comment template. The first comment asked about loads the
 * tokens of its whole article at once, so a page of comments costs one query.
 */
@Named("avatars")
@RequestScoped
public class AvatarUrls {

    @Inject
    Avatars avatars;

    @Inject
    HttpServletRequest request;

    private final Map<Long, String> tokens = new HashMap<>();

    public String url(Long commentId) {
        if (commentId == null) {
            return null;
        }
        if (!tokens.containsKey(commentId)) {
            tokens.putAll(avatars.tokensForArticleOf(commentId));
        }
        return request.getContextPath() + "/avatars/" + tokens.getOrDefault(commentId, "anonymous") + ".svg";
    }
}
