package org.moderato.privacy;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.moderato.comment.CommentStatus;
import org.moderato.platform.Hmac;
import org.moderato.platform.SiteSecret;

/**
 * Avatar tokens: HMAC-SHA-256, under a key of its own, of the comment's blind index, cut to 128 bits.
 * Unlike Gravatar's MD5 of the address, nobody without the site secret can compute the token of an
 * address, and the token says nothing about the index or the address it came from. A comment that is
 * not public yet (its author's preview) gets a picture of its own, from its id: the same picture as
 * the author's published comments would tell whoever holds the preview link who wrote it.
 */
@Stateless
public class Avatars {

    private static final int IDS_PER_QUERY = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    SiteSecret siteSecret;

    public String tokenFor(String emailIndex) {
        return emailIndex == null ? Identicon.ANONYMOUS : Hmac.sha256Hex(siteSecret.keyFor("avatar"), emailIndex).substring(0, 32);
    }

    /** The picture of a comment that is not public yet: unlinkable to its author's other comments. */
    public String unpublishedTokenFor(long commentId) {
        return Hmac.sha256Hex(siteSecret.keyFor("avatar-unpublished"), Long.toString(commentId)).substring(0, 32);
    }

    /**
     * Tokens of these comments, in one query per 500: a page asks once for the comments it shows, not
     * once per comment, and not for the rest of its article (thousands on a busy one).
     */
    public Map<Long, String> tokensFor(Collection<Long> commentIds) {
        Map<Long, String> tokens = new HashMap<>();
        List<Long> ids = List.copyOf(commentIds);
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            em.createQuery("SELECT c.id, c.emailIndex, c.status FROM Comment c WHERE c.id IN :ids", Object[].class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                    .getResultList()
                    .forEach(row -> tokens.put((Long) row[0], row[2] == CommentStatus.APPROVED ? tokenFor((String) row[1])
                            : unpublishedTokenFor((Long) row[0])));
        }
        return tokens;
    }
}
