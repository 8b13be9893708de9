package dev.wheelhouse.app;

import dev.wheelhouse.core.cluster.ClusterGateway;
import dev.wheelhouse.core.cluster.PracticeSandbox;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.kube.Fabric8ClusterGateway;
import dev.wheelhouse.sandbox.Sandbox;
import dev.wheelhouse.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The practice sandbox inside the console's own process, with its kubeconfig in the data dir. */
public final class InProcessSandbox implements PracticeSandbox {
    private final Path kubeconfig;
    private final SandboxOptions options;
    private Running running;

    public InProcessSandbox(Path dataDir) {
        this(dataDir.resolve("sandbox").resolve("kubeconfig"), SandboxOptions.defaults());
    }

    public InProcessSandbox(Path kubeconfig, SandboxOptions options) {
        this.kubeconfig = kubeconfig;
        this.options = options;
    }

    @Override
    public synchronized Session start() {
        if (running == null) {
            Sandbox sandbox = null;
            try {
                sandbox = Sandbox.start(options);
                Path file = sandbox.writeKubeconfig(kubeconfig);
                running = new Running(sandbox, file, new Fabric8ClusterGateway(file));
            } catch (IOException e) {
                if (sandbox != null) {
                    sandbox.close();
                }
                throw new UncheckedIOException("cannot start the practice sandbox: " + e.getMessage(), e);
            }
        }
        return running;
    }

    @Override
    public synchronized Optional<Session> current() {
        return Optional.ofNullable(running);
    }

    private synchronized void stopped(Running session) {
        if (running == session) {
            running = null;
        }
    }

    private final class Running implements Session {
        private final Sandbox sandbox;
        private final Path kubeconfig;
        private final ClusterGateway cluster;

        Running(Sandbox sandbox, Path kubeconfig, ClusterGateway cluster) {
            this.sandbox = sandbox;
            this.kubeconfig = kubeconfig;
            this.cluster = cluster;
        }

        @Override
        public URI url() {
            return sandbox.url();
        }

        @Override
        public Path kubeconfig() {
            return kubeconfig;
        }

        @Override
        public List<Environment> environments() {
            return sandbox.seed().environments();
        }

        @Override
        public List<Application> applications() {
            return sandbox.seed().applications();
        }

        @Override
        public ClusterGateway cluster() {
            return cluster;
        }

        @Override
        public void close() {
            try {
                cluster.close();
            } finally {
                sandbox.close();
                stopped(this);
            }
        }
    }
}
