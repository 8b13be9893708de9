package dev.wheelhouse.core.hosts;

import java.nio.file.Path;

/**
 * Asked for the passphrase of an encrypted key file. The window asks the user; the answer is
 * used for that one decryption and then wiped, never stored or logged.
 */
@FunctionalInterface
public interface PassphraseProvider {

    /**
     * @param attempt 1 for the first ask, 2 after a wrong passphrase, ...
     * @return the passphrase (the caller wipes the array), or null to skip this key
     */
    char[] passphrase(Path keyFile, int attempt);

    /** Headless: nobody to ask, so encrypted keys are skipped (with a message saying so). */
    PassphraseProvider NONE = (keyFile, attempt) -> null;
}
