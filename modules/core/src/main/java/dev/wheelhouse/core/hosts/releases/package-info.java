/**
 * Releases of a service on hosts, as a port: a release directory per deploy under the deploy
 * root, a {@code current} link switched atomically, a lock, and a release log on each host.
 * JDK types only; modules/ssh implements it over SSH and SFTP, modules/ops plans with it.
 */
package dev.wheelhouse.core.hosts.releases;
