package dev.wheelhouse.ops.hosts;

import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.HostRef;
import java.nio.file.Path;
import java.util.List;

/**
 * A deploy of an artifact to an application's hosts.
 *
 * @param releaseId the release directory's name; null = made from the time and the version
 * @param breakLock remove a lock someone else holds (the user saw its owner and age and confirmed)
 */
public record HostDeployRequest(String environment, Application application, List<HostRef> hosts, Path artifact,
                                String version, String releaseId, String reason, boolean breakLock) {
    public HostDeployRequest {
        hosts = List.copyOf(hosts);
    }
}
