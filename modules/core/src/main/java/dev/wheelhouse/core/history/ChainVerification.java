package dev.wheelhouse.core.history;

/**
 * The result of re-computing the history's hash chain. When broken, firstBadRecord names the
 * first record whose stored hash does not match (e.g. "operation 12" or "step 12/3").
 */
public record ChainVerification(long recordsChecked, boolean intact, String firstBadRecord, String detail) {
    public static ChainVerification ok(long count) {
        return new ChainVerification(count, true, null, null);
    }

    public static ChainVerification broken(long checked, String record, String detail) {
        return new ChainVerification(checked, false, record, detail);
    }
}
