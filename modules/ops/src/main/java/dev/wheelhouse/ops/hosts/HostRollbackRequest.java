package dev.wheelhouse.ops.hosts;

import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.HostRef;
import java.util.List;

/**
 * A rollback of an application's hosts.
 *
 * @param toRelease the release to go back to on every host; null = each host's previous good release
 */
public record HostRollbackRequest(String environment, Application application, List<HostRef> hosts, String toRelease,
                                  String reason, boolean breakLock) {
    public HostRollbackRequest {
        hosts = List.copyOf(hosts);
    }
}
