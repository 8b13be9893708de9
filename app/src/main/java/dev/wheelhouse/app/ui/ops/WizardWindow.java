package dev.wheelhouse.app.ui.ops;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.common.Badges;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.core.workspace.Environment;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The frame every operation wizard shares: a header naming the operation and the environment
 * (tier badge; production in red, with a band), the pages as numbered crumbs, the current page,
 * and Cancel / Back / the primary button. Escape is Cancel and Enter the primary button. The
 * wizard decides what the buttons do and when they are enabled; this only lays them out.
 */
public final class WizardWindow {
    public static final String ID = "wizard";
    public static final String ID_TITLE = "wizard-title";
    public static final String ID_CRUMBS = "wizard-crumbs";
    public static final String ID_BACK = "wizard-back";
    public static final String ID_NEXT = "wizard-next";
    public static final String ID_CANCEL = "wizard-cancel";
    public static final String ID_PRODUCTION_BAND = "wizard-production-band";
    public static final String PRODUCTION = "wizard-production";
    public static final String STYLESHEET = Objects.requireNonNull(
            WizardWindow.class.getResource("/dev/wheelhouse/app/ui/ops/ops.css"), "ops.css on the class path").toExternalForm();

    private final Stage stage = new Stage();
    private final List<String> pages;
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final HBox crumbs = new HBox(6);
    private final ScrollPane content = new ScrollPane();
    private final Button back = new Button("_Back", new FontIcon(Feather.CHEVRON_LEFT));
    private final Button next = new Button("_Next", new FontIcon(Feather.CHEVRON_RIGHT));
    private final Button cancel = new Button("Cancel");

    /**
     * @param title what the wizard does, e.g. "Roll back storefront"
     * @param sandbox whether the environment is the practice sandbox's (labelled SANDBOX)
     */
    public WizardWindow(Window owner, String title, Environment env, boolean sandbox, List<String> pages) {
        this.pages = List.copyOf(pages);
        Label name = new Label(title);
        name.setId(ID_TITLE);
        name.getStyleClass().add(Styles.TITLE_3);
        Label where = new Label("in " + env.name());
        where.getStyleClass().add(Styles.TEXT_BOLD);
        HBox heading = new HBox(10, name, where, Badges.tier(env.tier()));
        if (sandbox) {
            heading.getChildren().add(Badges.sandbox());
        }
        heading.setAlignment(Pos.CENTER_LEFT);
        crumbs.setId(ID_CRUMBS);
        crumbs.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(10);
        if (env.tier().isProduction()) {
            Label band = new Label("PRODUCTION — " + env.name() + ": changes here reach your users",
                    new FontIcon(Feather.ALERT_TRIANGLE));
            band.setId(ID_PRODUCTION_BAND);
            band.getStyleClass().add(Css.PRODUCTION_BAND);
            band.setMaxWidth(Double.MAX_VALUE);
            top.getChildren().add(band);
        }
        top.getChildren().addAll(heading, crumbs);
        top.getStyleClass().add("wizard-header");

        content.setFitToWidth(true);
        content.getStyleClass().add("wizard-content");
        content.setPadding(new Insets(4));

        back.setId(ID_BACK);
        next.setId(ID_NEXT);
        next.setDefaultButton(true);
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        cancel.setId(ID_CANCEL);
        cancel.setCancelButton(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(8, cancel, spacer, back, next);
        footer.getStyleClass().add("wizard-footer");
        footer.setAlignment(Pos.CENTER_RIGHT);

        BorderPane root = new BorderPane(content, top, null, footer, null);
        root.setId(ID);
        root.getStyleClass().add("wizard");
        if (env.tier().isProduction()) {
            root.getStyleClass().add(PRODUCTION);
        }
        Scene scene = new Scene(root, 980, 640);
        scene.getStylesheets().addAll(Css.STYLESHEET, STYLESHEET);
        // Escape reaches Cancel even when a text field has the focus and would keep it.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !cancel.isDisabled()) {
                e.consume();
                cancel.fire();
            }
        });
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(title + " — " + env.name() + " — Wheelhouse");
        stage.setScene(scene);
        stage.setMinWidth(760);
        stage.setMinHeight(520);
        page.addListener((obs, was, now) -> renderCrumbs());
        renderCrumbs();
    }

    private void renderCrumbs() {
        crumbs.getChildren().clear();
        for (int i = 0; i < pages.size(); i++) {
            Label crumb = new Label((i + 1) + " " + pages.get(i));
            crumb.getStyleClass().add("wizard-crumb");
            if (i == page.get()) {
                crumb.getStyleClass().add("current");
            } else if (i < page.get()) {
                crumb.getStyleClass().add("done");
            }
            crumbs.getChildren().add(crumb);
            if (i < pages.size() - 1) {
                FontIcon sep = new FontIcon(Feather.CHEVRON_RIGHT);
                sep.getStyleClass().add("wizard-crumb-separator");
                crumbs.getChildren().add(sep);
            }
        }
    }

    public void setContent(Node node) {
        content.setContent(node);
        content.setVvalue(0);
    }

    /**
     * Gives the keyboard to the page itself, so Enter reaches the primary button (a focused
     * Cancel or Re-check would otherwise take it) and Tab goes on from the top of the page.
     */
    public void focusContent() {
        content.requestFocus();
    }

    /** The index of the page shown, for the crumbs. */
    public IntegerProperty pageProperty() {
        return page;
    }

    public Button backButton() {
        return back;
    }

    public Button nextButton() {
        return next;
    }

    public Button cancelButton() {
        return cancel;
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public void close() {
        stage.close();
    }
}
