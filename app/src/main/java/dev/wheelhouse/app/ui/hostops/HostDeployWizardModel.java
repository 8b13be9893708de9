package dev.wheelhouse.app.ui.hostops;

import dev.wheelhouse.core.workspace.WorkspaceRules;
import dev.wheelhouse.ops.hosts.HostDeployPlanner;
import dev.wheelhouse.ops.hosts.HostDeployRequest;
import dev.wheelhouse.ops.hosts.HostOperation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The host deploy wizard: an artifact and a version, the hosts read, confirm, run. No controls here. */
public final class HostDeployWizardModel extends HostWizardModel {
    private final StringProperty artifact = new SimpleStringProperty("");
    private final StringProperty version = new SimpleStringProperty("");
    private final StringProperty releaseId = new SimpleStringProperty("");

    public HostDeployWizardModel(HostOpsContext context) {
        super(context);
    }

    @Override
    protected String inputProblem() {
        String path = artifact.get() == null ? "" : artifact.get().strip();
        if (path.isEmpty()) {
            return "Choose the artifact: a file or a directory to upload.";
        }
        Path p = Path.of(path);
        if (!Files.isRegularFile(p) && !Files.isDirectory(p)) {
            return "Artifact " + path + " is not a file or directory here.";
        }
        String v = WorkspaceRules.versionProblem(version.get()).orElse(null);
        if (v != null) {
            return v.substring(0, 1).toUpperCase() + v.substring(1) + ".";
        }
        String id = releaseId();
        return id == null ? null : WorkspaceRules.releaseIdProblem(id).map(m -> m.substring(0, 1).toUpperCase() + m.substring(1) + ".").orElse(null);
    }

    private String releaseId() {
        String id = releaseId.get() == null ? "" : releaseId.get().strip();
        return id.isEmpty() ? null : id;
    }

    /** The release id the deploy will use: the one typed, or time and version. Fixed once the hosts are read. */
    private String chosenId;

    @Override
    protected java.util.concurrent.Callable<HostOperation> planner(String reason, boolean breakLock) {
        if (chosenId == null || releaseId() != null) {
            chosenId = releaseId() != null ? releaseId() : HostDeployPlanner.releaseId(Instant.now(), version.get().strip());
        }
        HostDeployRequest request = new HostDeployRequest(context.environment().name(), context.application(),
                context.environment().hosts(), Path.of(artifact.get().strip()), version.get().strip(), chosenId, reason, breakLock);
        return () -> new HostDeployPlanner(context.releases(), context.operator()).plan(request);
    }

    /** Typing a new version makes a new release id. */
    public void inputsChanged() {
        chosenId = null;
    }

    @Override
    protected String summary(HostOperation op) {
        return "Deploy " + version.get().strip() + " of " + context.application().name() + " to "
                + op.fleet().hosts().size() + " host" + (op.fleet().hosts().size() == 1 ? "" : "s") + " in "
                + context.environment().name() + " as release " + chosenId + ", in " + op.batches().size() + " batch"
                + (op.batches().size() == 1 ? "" : "es") + "; a failing batch switches its hosts back.";
    }

    public StringProperty artifactProperty() {
        return artifact;
    }

    public StringProperty versionProperty() {
        return version;
    }

    public StringProperty releaseIdProperty() {
        return releaseId;
    }
}
