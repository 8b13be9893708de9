/** The practice sandbox: a Kubernetes API over real HTTP with simulated controllers and metrics. */
package dev.wheelhouse.sandbox;
