package org.moderato.spamfilter;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.moderato.platform.DatabaseConfig;

/**
 * This node's in-memory copy of the model. Training on this node applies its change here right
 * after it commits; a change made by another node (or a failed step here) shows as a newer version
 * in the database, checked at most once a second, and the model is read again, at most every
 * {@link #RELOAD_PAUSE_MILLIS} so a busy desk on another node cannot keep this one reloading.
 */
@ApplicationScoped
public class SpamModels {

    private static final Logger LOG = Logger.getLogger(SpamModels.class.getName());
    static final long CHECK_MILLIS = 1000;
    static final long RELOAD_PAUSE_MILLIS = 10_000;

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    private volatile SpamModel model;
    private volatile long version = -1;
    private volatile long checkedAt;
    private long loadedAt;

    /** The model as of at most a second ago (or the last reload pause), read from the database the first time. */
    public SpamModel current() {
        long now = System.currentTimeMillis();
        SpamModel m = model;
        if (m != null && now - checkedAt < CHECK_MILLIS) {
            return m;
        }
        return refresh(now);
    }

    private synchronized SpamModel refresh(long now) {
        if (model != null && now - checkedAt < CHECK_MILLIS) {
            return model;
        }
        checkedAt = now;
        try (Connection db = dataSource.getConnection()) {
            if (model == null || (SpamModelTable.version(db) != version && now - loadedAt >= RELOAD_PAUSE_MILLIS)) {
                long started = System.nanoTime();
                SpamModelTable.Loaded loaded = SpamModelTable.load(db);
                model = loaded.model();
                version = loaded.version();
                loadedAt = now;
                LOG.fine(() -> String.format("spam model version %d loaded: %d features in %.1f ms", loaded.version(),
                        loaded.model().features(), (System.nanoTime() - started) / 1e6));
            }
        } catch (SQLException e) {
            if (model == null) {
                throw new IllegalStateException("cannot read the spam filter's model", e);
            }
            LOG.warning("cannot check the spam filter's model, keeping the copy in memory: " + e);
        }
        return model;
    }

    /**
     * A change that committed on this node: applied here when it is the next version, else the copy
     * is read again (another node changed the model in between).
     */
    public void learnt(SpamModelTable.Saved saved, int[] hashes, Label label, int delta) {
        follow(saved, copy -> copy.train(hashes, label, delta));
    }

    /** New comments learnt as one change ({@link SpamModelTable#learnAll}): applied here as {@link #learnt} is. */
    public void learntAll(SpamModelTable.Saved saved, List<SpamModelTable.Example> examples) {
        follow(saved, copy -> examples.forEach(example -> copy.train(example.hashes(), example.label(), 1)));
    }

    private synchronized void follow(SpamModelTable.Saved saved, Consumer<SpamModel> change) {
        if (model != null && saved.version() == version + 1) {
            change.accept(model);
            version = saved.version();
        } else {
            forceReload();
        }
    }

    /** A model rebuilt from scratch and saved at this version replaces the copy at once. */
    public synchronized void replaced(SpamModel rebuilt, SpamModelTable.Saved saved) {
        model = rebuilt;
        version = saved.version();
        loadedAt = System.currentTimeMillis();
    }

    private void forceReload() {
        version = -1;
        checkedAt = 0;
        loadedAt = 0;
    }
}
