package dev.wheelhouse.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChainHashTest {

    private static final Instant AT = Instant.parse("2026-01-02T03:04:05.000006Z");

    @Test
    void isStableAndLooksLikeSha256Hex() {
        JournalEntry e = JournalEntry.stepFinished(3, 2, "SUCCEEDED", "ok").chained(9, AT, ChainHash.GENESIS);
        assertThat(e.hash()).matches("[0-9a-f]{64}").isEqualTo(ChainHash.of(e));
        assertThat(ChainHash.of(e)).isEqualTo(ChainHash.of(
                JournalEntry.stepFinished(3, 2, "SUCCEEDED", "ok").chained(9, AT, ChainHash.GENESIS)));
    }

    @Test
    void fieldBoundariesAndNullsAreUnambiguous() {
        String ab = start("ab", "c").hash();
        String a = start("a", "bc").hash();
        String nullEnv = start(null, "c").hash();
        String emptyEnv = start("", "c").hash();
        assertThat(ab).isNotEqualTo(a);
        assertThat(nullEnv).isNotEqualTo(emptyEnv);
        // The same text in a different column is a different record.
        JournalEntry inEnvironment = JournalEntry.operationStarted(1, "deploy", "x", null, null, null, null, null, null, null)
                .chained(1, AT, ChainHash.GENESIS);
        JournalEntry inApplication = JournalEntry.operationStarted(1, "deploy", null, "x", null, null, null, null, null, null)
                .chained(1, AT, ChainHash.GENESIS);
        assertThat(inEnvironment.hash()).isNotEqualTo(inApplication.hash());
    }

    @Test
    void everyChainFieldChangesTheHash() {
        JournalEntry base = JournalEntry.stepFinished(3, 2, "SUCCEEDED", "ok").chained(9, AT, ChainHash.GENESIS);
        assertThat(JournalEntry.stepFinished(3, 2, "SUCCEEDED", "ok").chained(10, AT, ChainHash.GENESIS).hash())
                .as("sequence").isNotEqualTo(base.hash());
        assertThat(JournalEntry.stepFinished(3, 2, "SUCCEEDED", "ok").chained(9, AT.plusNanos(1000), ChainHash.GENESIS).hash())
                .as("time, to the microsecond").isNotEqualTo(base.hash());
        assertThat(JournalEntry.stepFinished(3, 2, "SUCCEEDED", "ok").chained(9, AT, "1".repeat(64)).hash())
                .as("previous hash").isNotEqualTo(base.hash());
        assertThat(JournalEntry.stepFinished(4, 2, "SUCCEEDED", "ok").chained(9, AT, ChainHash.GENESIS).hash())
                .as("operation").isNotEqualTo(base.hash());
        assertThat(JournalEntry.stepFinished(3, 1, "SUCCEEDED", "ok").chained(9, AT, ChainHash.GENESIS).hash())
                .as("step").isNotEqualTo(base.hash());
        assertThat(JournalEntry.stepStarted(3, 2, null).chained(9, AT, ChainHash.GENESIS).hash())
                .as("entry type").isNotEqualTo(
                        JournalEntry.stepFinished(3, 2, null, null).chained(9, AT, ChainHash.GENESIS).hash());
    }

    private static JournalEntry start(String environment, String application) {
        return JournalEntry.operationStarted(1, "deploy", environment, application, null, null, null, null, null, null)
                .chained(1, AT, ChainHash.GENESIS);
    }

    @Test
    void aLinkChangesTheHashAndNoLinkLeavesTheOldEncoding() {
        JournalEntry unlinked = start("prod", "web");
        JournalEntry linked = JournalEntry.operationStarted(1, "deploy", "prod", "web", null, null, null, null, null, 7L)
                .chained(1, AT, ChainHash.GENESIS);
        assertThat(linked.hash()).isNotEqualTo(unlinked.hash());
        // A record written before links existed hashes as it always did (pinned from schema v1).
        assertThat(unlinked.hash()).isEqualTo(ChainHash.of(new JournalEntry(1, EntryType.OPERATION_STARTED, 1, null, AT,
                "deploy", "prod", "web", null, null, null, null, null, null, null, null, null, ChainHash.GENESIS, null, null)));
    }
}
