package dev.arazzo.codegen;

import dev.arazzo.codegen.diagnostic.Diagnostic;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Warnings a build chose to leave out ({@link GenerationRequest#suppressedWarnings()}): a diagnostic code
 * ({@code unknown-step}) leaves out every warning of that code; {@code code@file}
 * ({@code unknown-step@bnpl-arazzo.yaml}, {@code remote-ref@specs/vendor/openapi.yaml}) only those located in
 * a file whose path ends with {@code file}, compared name by name. Errors are never left out.
 *
 * <pre>{@code
 * List<Diagnostic> kept = WarningSuppression.filter(result.diagnostics(), List.of("unknown-step@vendor.arazzo.yaml"));
 * }</pre>
 */
public final class WarningSuppression {

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private WarningSuppression() {
    }

    /** {@code diagnostics} without the warnings that one of {@code suppressions} matches, in their order. */
    public static List<Diagnostic> filter(List<Diagnostic> diagnostics, List<String> suppressions) {
        if (suppressions.isEmpty()) {
            return diagnostics;
        }
        return diagnostics.stream()
                .filter(d -> d.isError() || suppressions.stream().noneMatch(s -> matches(s, d)))
                .toList();
    }

    /** Whether {@code suppression} leaves {@code diagnostic} out (never an error, nor a malformed suppression). */
    public static boolean matches(String suppression, Diagnostic diagnostic) {
        if (diagnostic.isError() || problem(suppression).isPresent()) {
            return false;
        }
        String text = suppression.strip();
        int at = text.indexOf('@');
        String code = at < 0 ? text : text.substring(0, at);
        if (!code.equals(diagnostic.code())) {
            return false;
        }
        if (at < 0) {
            return true;
        }
        Path file = Path.of(text.substring(at + 1).replace('\\', '/')).normalize();
        return diagnostic.location().file().normalize().endsWith(file);
    }

    /** Why {@code suppression} is not {@code code} or {@code code@file}; empty when it is one. */
    public static Optional<String> problem(String suppression) {
        String text = suppression.strip();
        int at = text.indexOf('@');
        String code = at < 0 ? text : text.substring(0, at);
        String file = at < 0 ? null : text.substring(at + 1);
        if (!CODE.matcher(code).matches()) {
            return Optional.of("the suppressed warning '" + text + "' does not start with a diagnostic code (the"
                    + " kebab-case word in brackets, e.g. 'unknown-step'); write 'code' or 'code@file'");
        }
        if (file != null) {
            try {
                if (file.isBlank() || Path.of(file).isAbsolute() && Path.of(file).getFileName() == null) {
                    return Optional.of("the suppressed warning '" + text + "' names no file after '@'; write"
                            + " 'code@file', e.g. '" + code + "@vendor.arazzo.yaml'");
                }
            } catch (InvalidPathException e) {
                return Optional.of("the suppressed warning '" + text + "' names a file that is no path: " + e.getReason());
            }
        }
        return Optional.empty();
    }
}
