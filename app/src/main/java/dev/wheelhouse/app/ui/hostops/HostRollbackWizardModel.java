package dev.wheelhouse.app.ui.hostops;

import dev.wheelhouse.ops.hosts.HostFleet;
import dev.wheelhouse.ops.hosts.HostOperation;
import dev.wheelhouse.ops.hosts.HostRollbackPlanner;
import dev.wheelhouse.ops.hosts.HostRollbackRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The host rollback wizard: each host's releases (current and bad ones marked), the target (each
 * host's previous good release, or one chosen for all), confirm, run. No controls here.
 */
public final class HostRollbackWizardModel extends HostWizardModel {
    /** The choice meaning "each host's previous good release". */
    public static final String PREVIOUS_GOOD = "previous good release (per host)";

    private final ObjectProperty<String> target = new SimpleObjectProperty<>(PREVIOUS_GOOD);
    private final ObservableList<String> choices = FXCollections.observableArrayList(PREVIOUS_GOOD);

    public HostRollbackWizardModel(HostOpsContext context) {
        super(context);
    }

    @Override
    protected String inputProblem() {
        return null;
    }

    private String toRelease() {
        String t = target.get();
        return t == null || t.equals(PREVIOUS_GOOD) ? null : t;
    }

    @Override
    protected java.util.concurrent.Callable<HostOperation> planner(String reason, boolean breakLock) {
        HostRollbackRequest request = new HostRollbackRequest(context.environment().name(), context.application(),
                context.environment().hosts(), toRelease(), reason, breakLock);
        return () -> new HostRollbackPlanner(context.releases(), context.operator()).plan(request);
    }

    @Override
    protected List<HostRow> rows(HostOperation op) {
        Set<String> ids = new LinkedHashSet<>();
        for (HostFleet.Host h : op.fleet().hosts()) {
            if (h.read() != null) {
                h.read().releases().forEach(r -> ids.add(r.id()));
            }
        }
        List<String> all = new ArrayList<>(List.of(PREVIOUS_GOOD));
        all.addAll(ids);
        if (!choices.equals(all)) {
            String keep = target.get();
            choices.setAll(all);
            target.set(all.contains(keep) ? keep : PREVIOUS_GOOD);
        }
        return super.rows(op);
    }

    @Override
    protected String targetProblem(HostOperation op) {
        List<String> none = new ArrayList<>();
        for (HostFleet.Host h : op.fleet().hosts()) {
            if (h.read() != null && h.target() == null) {
                none.add(h.alias() + (toRelease() == null ? ": no good release before " + h.from() : ": has no release " + toRelease()));
            }
        }
        return none.isEmpty() ? null : "Nothing to roll back to on " + String.join("; ", none) + ".";
    }

    @Override
    protected String summary(HostOperation op) {
        return "Roll back " + context.application().name() + " on " + op.fleet().hosts().size() + " host"
                + (op.fleet().hosts().size() == 1 ? "" : "s") + " in " + context.environment().name() + " to "
                + (toRelease() == null ? "each host's previous good release" : toRelease())
                + "; the releases left are marked bad.";
    }

    public ObjectProperty<String> targetProperty() {
        return target;
    }

    public ObservableList<String> choices() {
        return choices;
    }
}
