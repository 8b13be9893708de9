/**
 * The host-side ports and records, JDK types only, so they can move to {@code core} unchanged:
 * the window and the headless commands see these and never SSHJ.
 */
package dev.wheelhouse.ssh.api;
