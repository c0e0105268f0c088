package org.moderato.privacy.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.moderato.privacy.Avatars;

/**
 * The avatars' addresses of the article page's comments (its Java writes each comment's markup, so no
 * page reads this bean by name). The page says first which comments it shows ({@link #expect}); the
 * first one asked about loads the tokens of all of them, so a page of comments costs one query.
 */
@RequestScoped
public class AvatarUrls {

    @Inject
    Avatars avatars;

    @Inject
    HttpServletRequest request;

    private final Map<Long, String> tokens = new HashMap<>();
    private final Set<Long> expected = new HashSet<>();

    /** The comments this request is about to show. */
    public void expect(Collection<Long> commentIds) {
        expected.addAll(commentIds);
    }

    public String url(Long commentId) {
        if (commentId == null) {
            return null;
        }
        if (!tokens.containsKey(commentId)) {
            Set<Long> wanted = new HashSet<>(expected);
            wanted.add(commentId);
            wanted.removeAll(tokens.keySet());
            tokens.putAll(avatars.tokensFor(wanted));
            tokens.putIfAbsent(commentId, null);
        }
        return request.getContextPath() + "/avatars/" + Objects.requireNonNullElse(tokens.get(commentId), "anonymous") + ".svg";
    }
}
