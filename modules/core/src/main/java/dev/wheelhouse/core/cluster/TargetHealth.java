package dev.wheelhouse.core.cluster;

/**
 * One context's connection as the status bar shows it, summed over its feeds.
 *
 * @param server the API server URL from the kubeconfig ("" when it could not be read)
 * @param status the worst meaningful status: MISCONFIGURED, else UNREACHABLE when no feed is
 *     live, else RECONNECTING, else CONNECTING, else LIVE (FORBIDDEN feeds count as live
 *     connections; their kinds say so in place)
 * @param detail the reason, for a tooltip
 * @param live feeds that are LIVE
 * @param forbidden feeds answered with 403
 * @param total feeds of this context
 */
public record TargetHealth(String context, String server, FeedStatus status, String detail, int live, int forbidden, int total) {}
