package dev.wheelhouse.app.ui.common;

import dev.wheelhouse.core.workspace.Tier;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The small labels that mark tier and read-only the same way wherever they appear. */
public final class Badges {
    private Badges() {}

    /** "PRODUCTION" on red, "STAGING" on amber, "DEVELOPMENT" on green. */
    public static Label tier(Tier tier) {
        Label badge = new Label(tier.id().toUpperCase(Locale.ROOT));
        badge.getStyleClass().addAll(Css.BADGE, Css.TIER_BADGE, Css.tierClass(tier));
        badge.setMinWidth(Region.USE_PREF_SIZE);
        if (tier.isProduction()) {
            badge.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        }
        return badge;
    }

    /** "PROD"/"STG"/"DEV": the short form for narrow places such as the sidebar. */
    public static Label tierShort(Tier tier) {
        String text = switch (tier) {
            case PRODUCTION -> "PROD";
            case STAGING -> "STG";
            case DEVELOPMENT -> "DEV";
        };
        Label badge = new Label(text);
        badge.getStyleClass().addAll(Css.BADGE, Css.TIER_BADGE, Css.tierClass(tier));
        badge.setMinWidth(Region.USE_PREF_SIZE);
        return badge;
    }

    public static Label readOnly() {
        Label badge = new Label("READ-ONLY", new FontIcon(Feather.LOCK));
        badge.getStyleClass().addAll(Css.BADGE, Css.READ_ONLY_BADGE);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        return badge;
    }

    /** Marks the practice sandbox's environments wherever they show. */
    public static Label sandbox() {
        Label badge = new Label("SANDBOX", new FontIcon(Feather.PACKAGE));
        badge.getStyleClass().addAll(Css.BADGE, Css.SANDBOX_BADGE);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        return badge;
    }

    /** A keyboard shortcut drawn as a key cap. */
    public static Label kbd(String text) {
        Label kbd = new Label(text);
        kbd.getStyleClass().add(Css.KBD);
        return kbd;
    }
}
