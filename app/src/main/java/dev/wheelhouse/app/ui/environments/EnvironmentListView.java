package dev.wheelhouse.app.ui.environments;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.actions.ActionIds;
import dev.wheelhouse.app.ui.actions.ActionRegistry;
import dev.wheelhouse.app.ui.common.Badges;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The sidebar: environments grouped by tier, production first, each with its colour stripe,
 * a PROD badge where it is production, a READ-ONLY badge where it is read-only and a SANDBOX
 * badge on the practice sandbox's environments.
 */
public final class EnvironmentListView extends VBox {
    public static final String ID = "environment-sidebar";
    public static final String ID_LIST = "environment-list";
    public static final String ID_ADD = "sidebar-add-environment";

    /** A line of the list: a tier's heading or an environment. */
    public sealed interface Row permits TierHeading, Entry {}

    public record TierHeading(Tier tier, int count) implements Row {}

    public record Entry(Environment environment) implements Row {}

    private final WorkspaceViewModel viewModel;
    private final ListView<Row> list = new ListView<>();
    private final Label placeholder = new Label();
    private boolean syncing;

    public EnvironmentListView(WorkspaceViewModel viewModel, ActionRegistry actions) {
        this.viewModel = viewModel;
        setId(ID);
        getStyleClass().add(Css.SIDEBAR);

        Label title = new Label("ENVIRONMENTS");
        title.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD, Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button add = actions.bind(new Button(null, new FontIcon(Feather.PLUS)), ActionIds.ADD_ENVIRONMENT);
        add.setId(ID_ADD);
        add.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        HBox header = new HBox(6, title, spacer, add);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(Css.SIDEBAR_HEADER);

        list.setId(ID_LIST);
        list.getStyleClass().add(Css.SIDEBAR_LIST);
        list.setCellFactory(ignored -> new RowCell());
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.setPadding(new javafx.geometry.Insets(0, 20, 0, 20));
        placeholder.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        list.setPlaceholder(placeholder);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(header, list);

        list.getSelectionModel().selectedIndexProperty().addListener((obs, was, now) -> onListSelection(was.intValue(), now.intValue()));
        viewModel.environments().addListener((ListChangeListener<Environment>) c -> rebuild());
        viewModel.selectedProperty().addListener((obs, was, now) -> showSelected(now));
        viewModel.phaseProperty().addListener((obs, was, now) -> updatePlaceholder());
        rebuild();
        updatePlaceholder();
    }

    /** Headings and entries in sidebar order (the view-model already sorts production first). */
    static List<Row> rows(List<Environment> environments) {
        List<Row> rows = new ArrayList<>();
        Tier current = null;
        for (Environment env : environments) {
            if (env.tier() != current) {
                current = env.tier();
                Tier t = current;
                rows.add(new TierHeading(t, (int) environments.stream().filter(e -> e.tier() == t).count()));
            }
            rows.add(new Entry(env));
        }
        return rows;
    }

    private void rebuild() {
        syncing = true;
        try {
            list.getItems().setAll(rows(viewModel.environments()));
        } finally {
            syncing = false;
        }
        showSelected(viewModel.selected());
    }

    private void updatePlaceholder() {
        placeholder.setText(switch (viewModel.phase()) {
            case LOADING -> "Reading the workspace…";
            case INVALID, FAILED -> "The workspace file can't be used until it is fixed.";
            case LOADED, MISSING -> "No environments yet.";
        });
    }

    private void onListSelection(int was, int now) {
        if (syncing || now < 0) {
            return;
        }
        Row row = list.getItems().get(now);
        if (row instanceof Entry entry) {
            viewModel.select(entry.environment().name());
            return;
        }
        // A heading is not selectable: move on to the environment in the direction of travel.
        int step = now >= was ? 1 : -1;
        for (int i = now + step; i >= 0 && i < list.getItems().size(); i += step) {
            if (list.getItems().get(i) instanceof Entry entry) {
                viewModel.select(entry.environment().name());
                showSelected(viewModel.selected());
                return;
            }
        }
        showSelected(viewModel.selected());
    }

    private void showSelected(Environment env) {
        syncing = true;
        try {
            int at = -1;
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i) instanceof Entry e && e.environment().equals(env)) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedIndex() != at) {
                list.getSelectionModel().clearAndSelect(at);
                list.scrollTo(Math.max(0, at - 1));
            }
        } finally {
            syncing = false;
        }
    }

    private final class RowCell extends ListCell<Row> {
        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("tier-heading-cell");
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                setDisable(false);
                return;
            }
            switch (row) {
                case TierHeading heading -> {
                    getStyleClass().add("tier-heading-cell");
                    setGraphic(heading(heading));
                    setMouseTransparent(true);
                }
                case Entry entry -> {
                    setGraphic(entry(entry.environment()));
                    setMouseTransparent(false);
                }
            }
        }

        private static Label heading(TierHeading heading) {
            Label label = new Label(heading.tier().id().toUpperCase(Locale.ROOT) + "  ·  " + heading.count());
            label.getStyleClass().addAll(Css.TIER_HEADER, Css.tierClass(heading.tier()));
            if (heading.tier().isProduction()) {
                label.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
            }
            return label;
        }

        private HBox entry(Environment env) {
            Region stripe = new Region();
            stripe.getStyleClass().add(Css.COLOUR_STRIPE);
            stripe.setStyle("-fx-background-color: " + env.effectiveColour() + ";");

            Label name = new Label(env.name());
            name.getStyleClass().add(Css.ENV_ROW_NAME);
            name.setMinWidth(0);
            Region spacer1 = new Region();
            HBox.setHgrow(spacer1, Priority.ALWAYS);
            HBox top = new HBox(6, name, spacer1);
            top.setAlignment(Pos.CENTER_LEFT);
            if (env.tier().isProduction()) {
                top.getChildren().add(Badges.tierShort(env.tier()));
            }

            Label detail = new Label(describeTargets(env));
            detail.getStyleClass().addAll(Css.ENV_ROW_DETAIL, Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            detail.setMinWidth(0);
            Region spacer2 = new Region();
            HBox.setHgrow(spacer2, Priority.ALWAYS);
            HBox bottom = new HBox(6, detail, spacer2);
            bottom.setAlignment(Pos.CENTER_LEFT);
            if (env.readOnly()) {
                bottom.getChildren().add(Badges.readOnly());
            }
            if (viewModel.isSandbox(env)) {
                bottom.getChildren().add(Badges.sandbox());
            }

            VBox text = new VBox(2, top, bottom);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(10, stripe, text);
            row.setId("env-row-" + env.name());
            row.getStyleClass().addAll(Css.ENV_ROW, Css.tierClass(env.tier()));
            row.setAlignment(Pos.CENTER_LEFT);
            return row;
        }
    }

    /** "2 contexts · 3 hosts", "no targets yet". */
    public static String describeTargets(Environment env) {
        List<String> parts = new ArrayList<>();
        int contexts = env.kubeTargets().size();
        int hosts = env.hosts().size();
        if (contexts > 0) {
            parts.add(contexts + (contexts == 1 ? " context" : " contexts"));
        }
        if (hosts > 0) {
            parts.add(hosts + (hosts == 1 ? " host" : " hosts"));
        }
        return parts.isEmpty() ? "no targets yet" : String.join(" · ", parts);
    }
}
