package dev.arazzo.codegen.diagnostic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the diagnostics of one generation run, in the order they are found.
 *
 * <p>Stages report into it instead of throwing, so that a user sees every problem in one run.
 */
public final class Diagnostics {

    private final List<Diagnostic> reported = new ArrayList<>();

    public void error(String code, SourceLocation location, String message) {
        reported.add(Diagnostic.error(code, location, message));
    }

    public void warning(String code, SourceLocation location, String message) {
        reported.add(Diagnostic.warning(code, location, message));
    }

    public void add(Diagnostic diagnostic) {
        reported.add(diagnostic);
    }

    public boolean hasErrors() {
        return reported.stream().anyMatch(Diagnostic::isError);
    }

    /** How many errors there are so far: a stage compares counts to learn whether its part added any. */
    public long errorCount() {
        return reported.stream().filter(Diagnostic::isError).count();
    }

    public List<Diagnostic> all() {
        return Collections.unmodifiableList(reported);
    }
}
