package dev.wheelhouse.app.ui.common;

import dev.wheelhouse.core.workspace.Tier;
import java.util.Locale;
import java.util.Objects;

/** The console's own style classes (wheelhouse.css); AtlantaFX's are in atlantafx Styles. */
public final class Css {
    /** The console's stylesheet, on top of the AtlantaFX user-agent theme. */
    public static final String STYLESHEET = Objects.requireNonNull(
                    Css.class.getResource("/dev/wheelhouse/app/ui/wheelhouse.css"), "wheelhouse.css on the class path")
            .toExternalForm();

    public static final String ROOT = "wheelhouse";
    public static final String TOP_BAR = "top-bar";
    public static final String APP_TITLE = "app-title";
    public static final String PALETTE_HINT = "palette-hint";
    public static final String KBD = "kbd";
    public static final String SIDEBAR = "sidebar";
    public static final String SIDEBAR_HEADER = "sidebar-header";
    public static final String SIDEBAR_LIST = "sidebar-list";
    public static final String TIER_HEADER = "tier-header";
    public static final String ENV_ROW = "env-row";
    public static final String ENV_ROW_NAME = "env-row-name";
    public static final String ENV_ROW_DETAIL = "env-row-detail";
    public static final String COLOUR_STRIPE = "colour-stripe";
    public static final String BADGE = "badge";
    public static final String TIER_BADGE = "tier-badge";
    public static final String READ_ONLY_BADGE = "read-only-badge";
    public static final String PRODUCTION_BAND = "production-band";
    public static final String DETAIL = "detail";
    public static final String DETAIL_HEADER = "detail-header";
    public static final String SECTION_TITLE = "section-title";
    public static final String TARGET_CARD = "target-card";
    public static final String TARGET_ROW = "target-row";
    public static final String NAMESPACE_CHIP = "namespace-chip";
    public static final String CONNECTION_CHIP = "connection-chip";
    public static final String EMPTY_STATE = "empty-state";
    public static final String EMPTY_STATE_ICON = "empty-state-icon";
    public static final String ERROR_PANEL = "error-panel";
    public static final String MONO = "mono";
    public static final String BANNER = "banner";
    public static final String PROPOSAL = "proposal";
    public static final String STATUS_BAR = "status-bar";
    public static final String STATUS_ITEM = "status-item";
    public static final String FIELD_ERROR = "field-error";
    public static final String EDITOR = "environment-editor";
    public static final String EDITOR_ROW = "editor-row";
    public static final String PALETTE = "command-palette";
    public static final String PALETTE_ROW = "palette-row";
    public static final String DANGER_MARK = "danger-mark";
    public static final String SANDBOX_BADGE = "sandbox-badge";
    public static final String RESOURCE_TABLE = "resource-table";
    public static final String STALE_BANNER = "stale-banner";
    public static final String HEALTH_DEGRADED = "health-degraded";
    public static final String HEALTH_FAILED = "health-failed";
    public static final String LIVE_TABS = "live-tabs";
    public static final String OVERVIEW_CARD = "overview-card";
    public static final String FIGURE = "figure";
    public static final String METRICS_ABSENT = "metrics-absent";

    private Css() {}

    /** "tier-production", "tier-staging", "tier-development". */
    public static String tierClass(Tier tier) {
        return "tier-" + tier.id();
    }

    /** "state-not-connected", "state-connected", ... */
    public static String stateClass(Enum<?> state) {
        return "state-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
