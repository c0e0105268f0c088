package org.moderato.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.moderato.account.Role;
import org.moderato.comment.CommentStatus;

/**
 * Privacy requests, like WordPress's "Export / Erase Personal Data" tools: everything stored about
 * the person with a given address, found through the blind index (never by decrypting every row),
 * exported as JSON or erased in batches.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class PrivacyRequests {

    static final int EXPORT_PAGE = 500;
    static final int ERASE_BATCH = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    EmailVault vault;

    @Inject
    PrivacyBatches batches;

    @Inject
    PrivacyLog log;

    /** What an erasure did. */
    public record Erasure(int comments, boolean textDeleted, String maskedEmail) {}

    public long count(String email) {
        return em.createQuery("SELECT COUNT(c) FROM Comment c WHERE c.emailIndex IN :indexes", Long.class)
                .setParameter("indexes", indexesOf(email))
                .getSingleResult();
    }

    /** Writes every comment stored under this address as one JSON document, reading a page at a time. */
    public int export(String email, String actor, OutputStream out) {
        List<String> indexes = indexesOf(email);
        int exported = 0;
        // the generator closes its stream; the response's must stay open until this transaction has committed
        try (JsonGenerator json = Json.createGenerator(new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        })) {
            json.writeStartObject()
                    .write("exportedAt", Instant.now().toString())
                    .write("email", EmailVault.normalise(email))
                    .write("note", "Every comment stored with this email address on this site.")
                    .writeStartArray("comments");
            long after = 0;
            while (true) {
                List<Object[]> page = em.createQuery("SELECT c.id, a.slug, a.title, c.parentId, c.status, c.createdAt, c.authorName,"
                                + " c.emailCiphertext, c.website, c.body, c.ipAddress, c.userAgent, c.clientAnonymisedAt"
                                + " FROM Comment c JOIN c.article a WHERE c.emailIndex IN :indexes AND c.id > :after ORDER BY c.id",
                                Object[].class)
                        .setParameter("indexes", indexes)
                        .setParameter("after", after)
                        .setMaxResults(EXPORT_PAGE)
                        .getResultList();
                for (Object[] r : page) {
                    json.writeStartObject()
                            .write("id", (Long) r[0])
                            .writeStartObject("article").write("slug", (String) r[1]).write("title", (String) r[2]).writeEnd();
                    nullable(json, "replyTo", r[3]);
                    json.write("status", ((CommentStatus) r[4]).name().toLowerCase(Locale.ROOT))
                            .write("postedAt", r[5].toString())
                            .write("author", (String) r[6]);
                    nullable(json, "email", vault.decrypt((String) r[7]).orElse(null));
                    nullable(json, "website", r[8]);
                    json.write("text", (String) r[9]);
                    nullable(json, "ipAddress", r[10]);
                    nullable(json, "userAgent", r[11]);
                    nullable(json, "ipAnonymisedAt", r[12]);
                    json.writeEnd();
                    after = (Long) r[0];
                }
                exported += page.size();
                if (page.size() < EXPORT_PAGE) {
                    break;
                }
            }
            json.writeEnd().writeEnd();
        }
        log.record(actor, PrivacyAction.EXPORT, null, comments(exported) + " of " + EmailMask.mask(EmailVault.normalise(email)) + " exported");
        return exported;
    }

    /**
     * Erases, batch by batch (each its own transaction), every comment stored under this address: the
     * author becomes "Anonymous" and email, website, IP and user agent go; the text stays, or the comments
     * are deleted. "Always hold" marks and spent form tokens of the address go too.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Erasure erase(String email, boolean deleteText, String actor) {
        List<String> indexes = indexesOf(email);
        Instant now = Instant.now();
        int erased = 0;
        int batch;
        do {
            batch = batches.eraseNext(indexes, deleteText, now, ERASE_BATCH);
            erased += batch;
        } while (batch > 0);
        batches.forgetIndexes(indexes);
        String masked = EmailMask.mask(EmailVault.normalise(email));
        log.record(actor, PrivacyAction.ERASE, null, comments(erased) + " of " + masked + (deleteText ? " deleted" : " anonymised, text kept"));
        return new Erasure(erased, deleteText, masked);
    }

    /** "1 comment", "1,002 comments": the same wording in the log and on the page. */
    public static String comments(long count) {
        return count == 1 ? "1 comment" : NumberFormat.getIntegerInstance(Locale.ENGLISH).format(count) + " comments";
    }

    private List<String> indexesOf(String email) {
        if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+")) {
            throw new PrivacyActionRefused("Enter the email address the person commented with.");
        }
        return vault.lookupIndexes(email);
    }

    private static void nullable(JsonGenerator json, String name, Object value) {
        if (value == null) {
            json.writeNull(name);
        } else if (value instanceof Long number) {
            json.write(name, number);
        } else {
            json.write(name, value.toString());
        }
    }
}
