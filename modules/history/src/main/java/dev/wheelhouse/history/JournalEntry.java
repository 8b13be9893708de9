package dev.wheelhouse.history;

import java.time.Instant;

/**
 * One row of the journal, as stored. Fields a given entry type does not use are null.
 * {@code stepSeq} is null for operation entries.
 */
record JournalEntry(
        long seq,
        EntryType type,
        long operationId,
        Integer stepSeq,
        Instant recordedAt,
        String kind,
        String environment,
        String application,
        String target,
        String fromVersion,
        String toVersion,
        String operator,
        String reason,
        String stepName,
        String stepStatus,
        String outcome,
        String output,
        String prevHash,
        String hash,
        Long linkedTo) {

    /** What the entry is about, as the operator knows it: "operation 12" or "step 12/3". */
    String subject() {
        return type.isStep() ? "step " + operationId + "/" + stepSeq : "operation " + operationId;
    }

    /** "record 57 (step 12/3 finished)", for messages. */
    String describe() {
        String what = switch (type) {
            case OPERATION_STARTED, STEP_STARTED -> "started";
            case OPERATION_FINISHED, STEP_FINISHED -> "finished";
        };
        return "record " + seq + " (" + subject() + " " + what + ")";
    }

    static JournalEntry operationStarted(long operationId, String kind, String environment,
            String application, String target, String fromVersion, String toVersion,
            String operator, String reason, Long linkedTo) {
        return new JournalEntry(0, EntryType.OPERATION_STARTED, operationId, null, null, kind,
                environment, application, target, fromVersion, toVersion, operator, reason,
                null, null, null, null, null, null, linkedTo);
    }

    static JournalEntry operationFinished(long operationId, String outcome) {
        return new JournalEntry(0, EntryType.OPERATION_FINISHED, operationId, null, null, null,
                null, null, null, null, null, null, null, null, null, outcome, null, null, null, null);
    }

    static JournalEntry stepStarted(long operationId, int stepSeq, String name) {
        return new JournalEntry(0, EntryType.STEP_STARTED, operationId, stepSeq, null, null,
                null, null, null, null, null, null, null, name, null, null, null, null, null, null);
    }

    static JournalEntry stepFinished(long operationId, int stepSeq, String status, String output) {
        return new JournalEntry(0, EntryType.STEP_FINISHED, operationId, stepSeq, null, null,
                null, null, null, null, null, null, null, null, status, null, output, null, null, null);
    }

    /** This draft placed in the chain: numbered, timestamped, linked and hashed. */
    JournalEntry chained(long newSeq, Instant at, String previousHash) {
        JournalEntry unsealed = new JournalEntry(newSeq, type, operationId, stepSeq, at, kind,
                environment, application, target, fromVersion, toVersion, operator, reason,
                stepName, stepStatus, outcome, output, previousHash, null, linkedTo);
        return new JournalEntry(newSeq, type, operationId, stepSeq, at, kind, environment,
                application, target, fromVersion, toVersion, operator, reason, stepName,
                stepStatus, outcome, output, previousHash, ChainHash.of(unsealed), linkedTo);
    }
}
