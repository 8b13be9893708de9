package dev.wheelhouse.app.cli;

/** How the history prints: aligned columns for people, JSON and CSV for scripts. */
public enum OutputFormat {
    table, json, csv
}
