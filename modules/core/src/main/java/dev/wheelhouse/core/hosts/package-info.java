/**
 * The host-side ports and records, JDK types only: the window and the headless commands see
 * these and never SSHJ (modules/ssh implements them).
 */
package dev.wheelhouse.core.hosts;
