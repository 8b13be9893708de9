package dev.wheelhouse.ops;

import dev.wheelhouse.core.workspace.Environment;

/** The tier's rules for changing an environment: the one place they are checked, for every kind of operation. */
public final class Guardrails {
    private Guardrails() {}

    /**
     * Refuses a change to a read-only environment, and to a production one unless
     * {@code confirmation} is its name, typed (the wizard's text field, the command's --confirm).
     *
     * @param what the operation as a verb phrase, for the message ("roll back", "deploy")
     * @throws OpsInputException when refused (nothing was changed)
     */
    public static void check(Environment env, String what, String confirmation) {
        if (env.readOnly()) {
            throw new OpsInputException("environment '" + env.name() + "' is read-only: " + what + " refused, nothing was changed");
        }
        if (needsConfirmation(env) && !env.name().equals(confirmation)) {
            throw new OpsInputException("environment '" + env.name() + "' is production: type its name to confirm (--confirm "
                    + env.name() + ") to " + what + " (nothing was changed)");
        }
    }

    /** Whether the operator must type the environment's name before a change runs. */
    public static boolean needsConfirmation(Environment env) {
        return env.tier().isProduction();
    }
}
