package dev.arazzo.codegen.diagnostic;

/** How serious a diagnostic is: any {@link #ERROR} stops generation and nothing is written. */
public enum Severity {
    ERROR,
    WARNING;

    /** The word printed between location and code, as javac prints it. */
    public String label() {
        return this == ERROR ? "error" : "warning";
    }
}
