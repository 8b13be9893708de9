package dev.wheelhouse.ops;

/**
 * An operation refused before anything ran or was journaled: bad input (an unknown revision, a
 * malformed image), a guardrail (read-only, production not confirmed) or a blocking preflight
 * finding. The message names what and where and says nothing was changed; headless commands
 * exit 2 with it, the window shows it on the wizard page.
 */
public class OpsInputException extends RuntimeException {
    public OpsInputException(String message) {
        super(message);
    }
}
