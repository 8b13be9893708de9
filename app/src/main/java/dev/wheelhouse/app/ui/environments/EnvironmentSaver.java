package dev.wheelhouse.app.ui.environments;

import dev.wheelhouse.core.workspace.Environment;
import java.util.function.Consumer;

/** Saves an added (originalName null) or edited environment; exactly one callback runs. */
@FunctionalInterface
public interface EnvironmentSaver {
    void save(String originalName, Environment environment, Runnable onSaved, Consumer<String> onFailed);
}
