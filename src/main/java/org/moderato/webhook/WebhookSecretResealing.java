package org.moderato.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Logger;
import org.moderato.platform.PreviousSecretForgetting;

/**
 * Seals with the current site secret the webhook secrets stored in plain by earlier versions (at start-up)
 * and those that open only with the previous site secret (just before it is forgotten).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebhookSecretResealing {

    private static final Logger LOG = Logger.getLogger(WebhookSecretResealing.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    WebhookSecrets secrets;

    @PostConstruct
    void sealThoseStoredBeforeSealing() {
        sealAgainWhereNeeded();
    }

    /** Committed before the previous secret goes: a rollback afterwards would leave secrets only it could open. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void beforeThePreviousSecretIsForgotten(@Observes PreviousSecretForgetting forgetting) {
        sealAgainWhereNeeded();
    }

    private void sealAgainWhereNeeded() {
        int resealed = 0;
        for (Webhook hook : em.createQuery("SELECT w FROM Webhook w", Webhook.class).getResultList()) {
            Optional<String> again = secrets.toSealAgain(hook.getSealedSecret());
            if (again.isPresent()) {
                hook.sealAgain(secrets.seal(again.get()));
                resealed++;
            }
        }
        if (resealed > 0) {
            int count = resealed;
            LOG.info(() -> count + " webhook secrets sealed with the current site secret");
        }
    }
}
