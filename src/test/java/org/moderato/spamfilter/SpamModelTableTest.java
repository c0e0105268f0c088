package org.moderato.spamfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The model's table on H2 with the real migrations: what is learnt is read back, and a rebuild replaces it. */
class SpamModelTableTest {

    private Connection db;

    @BeforeEach
    void migrate() throws SQLException {
        String url = "jdbc:h2:mem:spam-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        db = DriverManager.getConnection(url, "sa", "");
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void lessonsAreStoredAndEachMovesTheVersion() throws SQLException {
        int[] features = {FeatureHash.of("casino"), FeatureHash.of("bonus")};
        assertEquals(1, SpamModelTable.train(db, features, Label.SPAM, 1).version());
        assertEquals(2, SpamModelTable.train(db, new int[] {FeatureHash.of("casino")}, Label.GOOD, 1).version());
        assertEquals(3, SpamModelTable.train(db, features, Label.SPAM, 1).version());
        assertEquals(4, SpamModelTable.train(db, features, Label.SPAM, -1).version());

        SpamModelTable.Loaded loaded = SpamModelTable.load(db);
        assertEquals(4, loaded.version());
        assertEquals(1, loaded.model().spamMessages());
        assertEquals(1, loaded.model().goodMessages());
        assertEquals(new SpamModel.Counts(1, 1), loaded.model().counts("casino"));
        assertEquals(new SpamModel.Counts(1, 0), loaded.model().counts("bonus"));
    }

    @Test
    void newCommentsLearntTogetherCountAsIfLearntOneByOneInOneVersion() throws SQLException {
        SpamModelTable.train(db, new int[] {FeatureHash.of("casino")}, Label.GOOD, 1);
        int casino = FeatureHash.of("casino");
        int bonus = FeatureHash.of("bonus");
        int hello = FeatureHash.of("hello");
        List<SpamModelTable.Example> batch = List.of(
                new SpamModelTable.Example(new int[] {casino, bonus}, Label.SPAM),
                new SpamModelTable.Example(new int[] {casino, bonus, bonus}, Label.SPAM),
                new SpamModelTable.Example(new int[] {hello, casino}, Label.GOOD));

        assertEquals(2, SpamModelTable.learnAll(db, batch).version(), "one change, one version");

        SpamModel together = SpamModelTable.load(db).model();
        SpamModel oneByOne = new SpamModel();
        oneByOne.train(new int[] {casino}, Label.GOOD, 1);
        batch.forEach(example -> oneByOne.train(example.hashes(), example.label(), 1));
        for (String feature : List.of("casino", "bonus", "hello")) {
            assertEquals(oneByOne.counts(feature), together.counts(feature), feature);
        }
        assertEquals(new SpamModel.Counts(2, 2), together.counts("casino"));
        assertEquals(new SpamModel.Counts(3, 0), together.counts("bonus"));
        assertEquals(2, together.spamMessages());
        assertEquals(2, together.goodMessages());
    }

    @Test
    void aRebuiltModelReplacesEverything() throws SQLException {
        SpamModelTable.train(db, new int[] {FeatureHash.of("old")}, Label.SPAM, 1);
        SpamModel rebuilt = new SpamModel();
        rebuilt.train(new int[] {FeatureHash.of("new")}, Label.GOOD, 1);
        rebuilt.train(new int[] {FeatureHash.of("new")}, Label.GOOD, 1);

        assertEquals(2, SpamModelTable.replace(db, rebuilt).version());

        SpamModel loaded = SpamModelTable.load(db).model();
        assertEquals(new SpamModel.Counts(0, 0), loaded.counts("old"));
        assertEquals(new SpamModel.Counts(0, 2), loaded.counts("new"));
        assertEquals(0, loaded.spamMessages());
        assertEquals(2, loaded.goodMessages());
        assertEquals(1, loaded.features());
    }
}
