package dev.wheelhouse.app.ui.hosts;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.core.hosts.UnknownHostKey;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Asks about a host key no known_hosts file has: alias, key type, SHA256 fingerprint. Accept
 * records it in Wheelhouse's own known_hosts and reconnects; Refuse leaves the host down.
 * Refuse is the default button: Enter must not trust a key.
 */
final class HostKeyDialog extends Dialog<Boolean> {
    static final String ID = "host-key-dialog";
    static final ButtonType ACCEPT = new ButtonType("Accept and connect", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType REFUSE = new ButtonType("Refuse", ButtonBar.ButtonData.CANCEL_CLOSE);

    HostKeyDialog(UnknownHostKey key, Window owner) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Unknown host key — " + key.alias());
        setHeaderText("The authenticity of " + key.alias() + " (" + key.knownHostsName() + ") can't be established.");
        setGraphic(new FontIcon(Feather.KEY));
        getDialogPane().setId(ID);
        getDialogPane().getStylesheets().add(Css.STYLESHEET);

        TextField fingerprint = new TextField(key.fingerprint());
        fingerprint.setEditable(false);
        fingerprint.setId("host-key-fingerprint");
        fingerprint.getStyleClass().add(Css.MONO);
        fingerprint.setPrefColumnCount(52);
        GridPane grid = new GridPane(12, 8);
        grid.addRow(0, new Label("Host"), new Label(key.alias() + "  →  " + key.knownHostsName()));
        grid.addRow(1, new Label("Key type"), new Label(key.keyType()));
        grid.addRow(2, new Label("Fingerprint"), fingerprint);
        if (!key.otherKnownTypes().isEmpty()) {
            Label other = new Label("Already known for this host: " + String.join(", ", key.otherKnownTypes()));
            other.getStyleClass().add(Styles.WARNING);
            grid.add(other, 0, 3, 2, 1);
        }
        Label advice = new Label("Compare the fingerprint with the one the host itself shows "
                + "(ssh-keygen -lf /etc/ssh/ssh_host_" + shortType(key.keyType()) + "_key.pub on its console). "
                + "Accepting records the key in Wheelhouse's own known_hosts.");
        advice.setWrapText(true);
        advice.setMaxWidth(560);
        getDialogPane().setContent(new VBox(14, grid, advice));
        getDialogPane().getButtonTypes().setAll(ACCEPT, REFUSE);
        getDialogPane().lookupButton(ACCEPT).setId("host-key-accept");
        getDialogPane().lookupButton(REFUSE).setId("host-key-refuse");
        ((javafx.scene.control.Button) getDialogPane().lookupButton(ACCEPT)).setDefaultButton(false);
        ((javafx.scene.control.Button) getDialogPane().lookupButton(REFUSE)).setDefaultButton(true);
        setResultConverter(button -> button == ACCEPT);
    }

    private static String shortType(String keyType) {
        if (keyType == null) {
            return "*";
        }
        if (keyType.contains("ed25519")) {
            return "ed25519";
        }
        if (keyType.contains("ecdsa")) {
            return "ecdsa";
        }
        return keyType.contains("rsa") ? "rsa" : "*";
    }
}
