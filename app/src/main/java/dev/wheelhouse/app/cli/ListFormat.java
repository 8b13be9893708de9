package dev.wheelhouse.app.cli;

/** How a listing without a flat table (envs, hosts, inventory) prints; picocli rejects anything else. */
public enum ListFormat {
    table, json
}
