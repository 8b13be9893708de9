package dev.wheelhouse.kube;

import java.nio.file.Path;

/** A kubeconfig that cannot be used for a context; the message names the file and the context. */
public final class KubeconfigException extends Exception {
    private final Path file;
    private final String context;

    public KubeconfigException(Path file, String context, String message) {
        super(message);
        this.file = file;
        this.context = context;
    }

    public Path file() {
        return file;
    }

    public String context() {
        return context;
    }
}
