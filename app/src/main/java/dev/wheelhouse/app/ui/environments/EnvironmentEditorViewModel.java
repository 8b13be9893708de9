package dev.wheelhouse.app.ui.environments;

import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.workspace.KubeTarget;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.core.workspace.Workspace;
import dev.wheelhouse.core.workspace.WorkspaceRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The environment editor's state. Validation asks {@link WorkspaceRules} about the workspace
 * as it would be saved (so uniqueness is the rules' too) and puts each problem next to the
 * field it is about; the editor has no rules of its own beyond "a port is a number".
 */
public final class EnvironmentEditorViewModel {
    private static final Pattern WHERE = Pattern.compile("environments\\[(\\d+)](?:\\.(\\w+)(?:\\[(\\d+)])?(?:\\.(\\w+))?)?");

    private final Workspace workspace;
    private final String originalName;
    private final EnvironmentSaver saver;

    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Tier> tier = new SimpleObjectProperty<>(Tier.DEVELOPMENT);
    private final StringProperty colour = new SimpleStringProperty("");
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final ObservableList<KubeTargetRow> kubeTargets =
            FXCollections.observableArrayList(row -> new Observable[] {row.context, row.namespaces});
    private final ObservableList<HostRow> hosts =
            FXCollections.observableArrayList(row -> new Observable[] {row.alias, row.hostName, row.port, row.user});

    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper tierError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper colourError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper otherErrors = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper();

    /**
     * @param workspace the workspace as it is now (the other environments' names must stay unique)
     * @param original the environment being edited, or null to add one
     */
    public EnvironmentEditorViewModel(Workspace workspace, Environment original, EnvironmentSaver saver) {
        this.workspace = Objects.requireNonNull(workspace);
        this.originalName = original == null ? null : original.name();
        this.saver = Objects.requireNonNull(saver);
        if (original != null) {
            name.set(original.name());
            tier.set(original.tier());
            colour.set(original.colour() == null ? "" : original.colour());
            readOnly.set(original.readOnly());
            original.kubeTargets().forEach(t -> kubeTargets.add(new KubeTargetRow(t.context(), String.join(", ", t.namespaces()))));
            original.hosts().forEach(h -> hosts.add(new HostRow(h.alias(), h.hostName(),
                    h.port() == null ? "" : h.port().toString(), h.user())));
        }
        validate();
        for (Observable o : List.<Observable>of(name, tier, colour, readOnly, kubeTargets, hosts)) {
            o.addListener(ignored -> {
                saveError.set(null);
                validate();
            });
        }
    }

    public boolean isNew() {
        return originalName == null;
    }

    public String originalName() {
        return originalName;
    }

    public KubeTargetRow addKubeTarget() {
        KubeTargetRow row = new KubeTargetRow("", "");
        kubeTargets.add(row);
        return row;
    }

    public HostRow addHost() {
        HostRow row = new HostRow("", null, "", null);
        hosts.add(row);
        return row;
    }

    /** The environment the fields describe (ports that are not numbers are left out). */
    public Environment toEnvironment() {
        List<KubeTarget> targets = kubeTargets.stream()
                .map(r -> new KubeTarget(r.context.get().trim(), splitNamespaces(r.namespaces.get())))
                .toList();
        List<HostRef> refs = hosts.stream()
                .map(r -> new HostRef(r.alias.get().trim(), blankToNull(r.hostName.get()), parsePort(r.port.get()),
                        blankToNull(r.user.get())))
                .toList();
        String c = colour.get() == null ? "" : colour.get().trim();
        return new Environment(name.get() == null ? "" : name.get().trim(), tier.get(), c.isEmpty() ? null : c,
                readOnly.get(), targets, refs);
    }

    private void validate() {
        Environment candidate = toEnvironment();
        List<Environment> all = new ArrayList<>(workspace.environments());
        all.removeIf(e -> e.name().equals(originalName));
        int index = all.size();
        all.add(candidate);
        List<WorkspaceRules.Problem> problems = WorkspaceRules.check(new Workspace(all, workspace.applications()));

        Map<String, List<String>> byField = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        for (WorkspaceRules.Problem problem : problems) {
            Matcher m = WHERE.matcher(problem.where());
            if (!m.matches() || Integer.parseInt(m.group(1)) != index) {
                continue;
            }
            String field = m.group(2) == null ? "" : m.group(2);
            String key = m.group(3) == null ? field : field + "[" + m.group(3) + "]." + m.group(4);
            if (field.isEmpty()) {
                other.add(problem.message());
            } else {
                byField.computeIfAbsent(key, k -> new ArrayList<>()).add(problem.message());
            }
        }
        for (int h = 0; h < hosts.size(); h++) {
            String port = hosts.get(h).port.get();
            if (port != null && !port.isBlank() && parsePort(port) == null) {
                byField.computeIfAbsent("hosts[" + h + "].port", k -> new ArrayList<>())
                        .add("port '" + port.trim() + "' is not a number");
            }
        }

        nameError.set(message(byField.remove("name")));
        tierError.set(message(byField.remove("tier")));
        colourError.set(message(byField.remove("colour")));
        for (int t = 0; t < kubeTargets.size(); t++) {
            KubeTargetRow row = kubeTargets.get(t);
            row.contextError.set(message(byField.remove("kubernetes[" + t + "].context")));
            row.namespacesError.set(message(byField.remove("kubernetes[" + t + "].namespaces")));
        }
        for (int h = 0; h < hosts.size(); h++) {
            HostRow row = hosts.get(h);
            row.aliasError.set(message(byField.remove("hosts[" + h + "].alias")));
            row.portError.set(message(byField.remove("hosts[" + h + "].port")));
        }
        byField.values().forEach(other::addAll);
        otherErrors.set(message(other));
        boolean anyRowError = kubeTargets.stream().anyMatch(r -> r.contextError.get() != null || r.namespacesError.get() != null)
                || hosts.stream().anyMatch(r -> r.aliasError.get() != null || r.portError.get() != null);
        valid.set(nameError.get() == null && tierError.get() == null && colourError.get() == null
                && otherErrors.get() == null && !anyRowError);
    }

    /** Saves through the workspace; on failure the fields stay as they are and saveError says why. */
    public void save() {
        if (!valid.get() || saving.get()) {
            return;
        }
        saving.set(true);
        saveError.set(null);
        saver.save(originalName, toEnvironment(),
                () -> {
                    saving.set(false);
                    saved.set(true);
                },
                message -> {
                    saving.set(false);
                    saveError.set(message);
                });
    }

    private static String message(List<String> messages) {
        return messages == null || messages.isEmpty() ? null : String.join("; ", messages);
    }

    static List<String> splitNamespaces(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Integer parsePort(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    // --- properties ----------------------------------------------------------------------

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Tier> tierProperty() {
        return tier;
    }

    public StringProperty colourProperty() {
        return colour;
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public ObservableList<KubeTargetRow> kubeTargets() {
        return kubeTargets;
    }

    public ObservableList<HostRow> hosts() {
        return hosts;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tierErrorProperty() {
        return tierError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty colourErrorProperty() {
        return colourError.getReadOnlyProperty();
    }

    /** Problems that belong to no single field. */
    public ReadOnlyStringProperty otherErrorsProperty() {
        return otherErrors.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public boolean isValid() {
        return valid.get();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Becomes true once the save succeeded: the view closes then. */
    public ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    /** One Kubernetes target being edited: namespaces as typed, comma-separated. */
    public static final class KubeTargetRow {
        private final StringProperty context;
        private final StringProperty namespaces;
        private final ReadOnlyStringWrapper contextError = new ReadOnlyStringWrapper();
        private final ReadOnlyStringWrapper namespacesError = new ReadOnlyStringWrapper();

        KubeTargetRow(String context, String namespaces) {
            this.context = new SimpleStringProperty(context);
            this.namespaces = new SimpleStringProperty(namespaces);
        }

        public StringProperty contextProperty() {
            return context;
        }

        public StringProperty namespacesProperty() {
            return namespaces;
        }

        public ReadOnlyStringProperty contextErrorProperty() {
            return contextError.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty namespacesErrorProperty() {
            return namespacesError.getReadOnlyProperty();
        }
    }

    /** One host being edited: empty host name, port and user mean "as the ssh config says". */
    public static final class HostRow {
        private final StringProperty alias;
        private final StringProperty hostName;
        private final StringProperty port;
        private final StringProperty user;
        private final ReadOnlyStringWrapper aliasError = new ReadOnlyStringWrapper();
        private final ReadOnlyStringWrapper portError = new ReadOnlyStringWrapper();

        HostRow(String alias, String hostName, String port, String user) {
            this.alias = new SimpleStringProperty(alias == null ? "" : alias);
            this.hostName = new SimpleStringProperty(hostName == null ? "" : hostName);
            this.port = new SimpleStringProperty(port == null ? "" : port);
            this.user = new SimpleStringProperty(user == null ? "" : user);
        }

        public StringProperty aliasProperty() {
            return alias;
        }

        public StringProperty hostNameProperty() {
            return hostName;
        }

        public StringProperty portProperty() {
            return port;
        }

        public StringProperty userProperty() {
            return user;
        }

        public ReadOnlyStringProperty aliasErrorProperty() {
            return aliasError.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty portErrorProperty() {
            return portError.getReadOnlyProperty();
        }
    }
}
