package dev.wheelhouse.app.ui.hosts;

import dev.wheelhouse.core.hosts.ConnectionState;
import dev.wheelhouse.core.workspace.Application;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pure text for the host cards: sizes, rates, uptime, the state chip. */
public final class HostFormat {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    private static final Pattern CHANGED = Pattern.compile(
            "presents (\\S+) (SHA256:[A-Za-z0-9+/=]+), but (.+?) records (\\S+) (SHA256:[A-Za-z0-9+/=]+)");
    private static final Pattern SYSTEMCTL_UNIT = Pattern.compile(
            "systemctl\\s+(?:--\\S+\\s+)*(?:restart|reload-or-restart|try-restart|start)\\s+([A-Za-z0-9@._:-]+)");

    private HostFormat() {}

    /** "512 B", "3.2 GiB". */
    public static String bytes(long bytes) {
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, UNITS[unit]);
    }

    /** "1.2 MiB/s", or an em dash before there is a previous sample to compare with. */
    public static String rate(Double bytesPerSecond) {
        return bytesPerSecond == null ? "—" : bytes(Math.round(bytesPerSecond)) + "/s";
    }

    public static String percent(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.0f %%", value);
    }

    /** "3 d 4 h", "5 h 12 min", "42 s". */
    public static String uptime(Duration uptime) {
        if (uptime == null) {
            return "—";
        }
        long s = uptime.toSeconds();
        if (s >= 86_400) {
            return s / 86_400 + " d " + (s % 86_400) / 3600 + " h";
        }
        if (s >= 3600) {
            return s / 3600 + " h " + (s % 3600) / 60 + " min";
        }
        if (s >= 60) {
            return s / 60 + " min";
        }
        return s + " s";
    }

    /** The chip's text: "connecting", "up", "down · retry in 3 s", "reconnecting (attempt 2)". */
    public static String stateText(ConnectionState state, Instant now) {
        if (state == null) {
            return "starting";
        }
        return switch (state.phase()) {
            case CONNECTING -> "connecting";
            case UP -> "up";
            case RECONNECTING -> state.attempt() > 0 ? "reconnecting (attempt " + (state.attempt() + 1) + ")" : "reconnecting";
            case CLOSED -> "closed";
            case DOWN -> {
                if (state.nextAttempt() == null) {
                    yield "down";
                }
                long seconds = Math.max(0, (Duration.between(now, state.nextAttempt()).toMillis() + 999) / 1000);
                yield seconds == 0 ? "down · retrying" : "down · retry in " + seconds + " s";
            }
        };
    }

    /** The old and new keys of a CHANGED host key, read from the adapter's warning. */
    public record ChangedKey(String newType, String newFingerprint, String oldWhere, String oldType, String oldFingerprint) {}

    public static Optional<ChangedKey> changedKey(String error) {
        if (error == null) {
            return Optional.empty();
        }
        Matcher m = CHANGED.matcher(error);
        return m.find() ? Optional.of(new ChangedKey(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5))) : Optional.empty();
    }

    /** The warning's advice after the fingerprints ("Someone could be intercepting ... connect again."). */
    public static String afterChangedKey(String error) {
        Matcher m = CHANGED.matcher(error);
        if (!m.find()) {
            return error;
        }
        String rest = error.substring(m.end()).replaceFirst("^\\.\\s*", "");
        return rest.isBlank() ? error : rest;
    }

    /** The systemd unit an application's host service restarts ("systemctl restart shop" → "shop"), if it says. */
    public static Optional<String> unitOf(Application application) {
        if (application == null || application.hostService() == null || application.hostService().restartCommand() == null) {
            return Optional.empty();
        }
        Matcher m = SYSTEMCTL_UNIT.matcher(application.hostService().restartCommand());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
