package dev.wheelhouse.core.workspace;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How careful the console must be with an environment: production gets every guardrail. */
public enum Tier {
    DEVELOPMENT("development", "#2f9e44"),
    STAGING("staging", "#e8a200"),
    PRODUCTION("production", "#e03131");

    private final String id;
    private final String defaultColour;

    Tier(String id, String defaultColour) {
        this.id = id;
        this.defaultColour = defaultColour;
    }

    /** The lower-case word used in the workspace file and on the command line. */
    public String id() {
        return id;
    }

    /** The colour an environment of this tier gets when the workspace names none. */
    public String defaultColour() {
        return defaultColour;
    }

    public boolean isProduction() {
        return this == PRODUCTION;
    }

    public static Optional<Tier> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id.equals(wanted)).findFirst();
    }

    /** "development, staging, production": for messages that say what was expected. */
    public static String choices() {
        return Arrays.stream(values()).map(Tier::id).collect(Collectors.joining(", "));
    }

    /**
     * Guesses a tier from a context or host name: prod wins over stag over dev, so that
     * "prod-dev-tools" is treated with production's care. Unknown names are development.
     */
    public static Tier guessFrom(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (n.contains("prod") || n.contains("prd") || n.contains("live")) {
            return PRODUCTION;
        }
        if (n.contains("stag") || n.contains("stg") || n.contains("preprod") || n.contains("uat")) {
            return STAGING;
        }
        return DEVELOPMENT;
    }
}
