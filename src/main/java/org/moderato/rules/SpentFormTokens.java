package org.moderato.rules;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Timestamp;
import java.time.Instant;
import org.moderato.platform.SqlConflicts;

/**
 * Spends a signed form token, in the caller's transaction, before any check: the row's primary key is
 * the single-use check (a second, even concurrent, use cannot be stored), and a refusal that commits
 * keeps the token spent, so one form cannot probe again and again. Forged tokens are not recorded
 * (the bot check refuses them). Every form that carries a token (the comment form, the report form)
 * spends it here.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class SpentFormTokens {

    @PersistenceContext
    EntityManager em;

    @Inject
    FormToken formTokens;

    @Resource
    SessionContext context;

    /** False when the token was used before: the caller refuses, and the transaction is marked to roll back. */
    public boolean spend(String formToken, Instant expiresAt) {
        if (!formTokens.isSigned(formToken)) {
            return true;
        }
        try {
            // a plain insert, at once: no entity for the unit of work to track and flush
            em.createNativeQuery("INSERT INTO used_form_tokens (token_key, expires_at) VALUES (?, ?)")
                    .setParameter(1, FormToken.nonceOf(formToken)).setParameter(2, Timestamp.from(expiresAt)).executeUpdate();
            return true;
        } catch (PersistenceException usedBefore) {
            if (!SqlConflicts.isConflict(usedBefore)) {
                throw usedBefore;
            }
            context.setRollbackOnly();
            return false;
        }
    }
}
