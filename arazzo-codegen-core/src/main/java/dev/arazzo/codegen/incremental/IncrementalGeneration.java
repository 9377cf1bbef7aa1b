package dev.arazzo.codegen.incremental;

import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs the generator only when something it depends on changed since the last successful run.
 *
 * <pre>{@code
 * var generation = new IncrementalGeneration(stateFile, GeneratorVersion.current(), ArazzoCodegen::generate);
 * switch (generation.run(request)) {
 *     case IncrementalGeneration.UpToDate upToDate -> log("nothing to generate");
 *     case IncrementalGeneration.Generated generated -> report(generated.result());
 * }
 * }</pre>
 *
 * <p>Up to date means: the state file of the last successful run holds the same {@link Fingerprint}
 * as the inputs have now (generator version, configuration, bytes of every file that run read) and
 * every file that run produced still exists. Otherwise the generator runs with the previous outputs,
 * so that it rewrites only changed files and deletes those it no longer produces. The state is
 * replaced only when the run reports no error; a failed run leaves the earlier state in place.
 *
 * <p>One instance per state file; distinct state files (one per build execution) never interfere.
 */
public final class IncrementalGeneration {

    private final Path stateFile;
    private final String generatorVersion;
    private final Function<GenerationRequest, GenerationResult> generator;

    /**
     * @param stateFile where this generation keeps its state between runs
     * @param generatorVersion identifies the generator; a different value forces regeneration
     * @param generator the generator itself, normally {@code ArazzoCodegen::generate}
     */
    public IncrementalGeneration(
            Path stateFile, String generatorVersion, Function<GenerationRequest, GenerationResult> generator) {
        this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
        this.generatorVersion = Objects.requireNonNull(generatorVersion, "generatorVersion");
        this.generator = Objects.requireNonNull(generator, "generator");
    }

    /** What {@link #run} did. */
    public sealed interface Outcome permits UpToDate, Generated {
    }

    /**
     * Nothing was generated: the inputs match the last successful run and its outputs exist.
     *
     * @param state the state of that run
     */
    public record UpToDate(BuildState state) implements Outcome {
    }

    /**
     * The generator ran.
     *
     * @param reason why it had to, in a few words for a log line
     * @param result what it did; when {@link GenerationResult#hasErrors()} the state was not replaced
     */
    public record Generated(String reason, GenerationResult result) implements Outcome {
    }

    /**
     * Generates what {@code request} asks for unless the last successful run already did.
     *
     * @throws IOException when the state file cannot be read or written
     */
    public Outcome run(GenerationRequest request) throws IOException {
        Optional<BuildState> previous = BuildState.read(stateFile);
        String reason;
        Set<Path> previousOutputs = Set.of();
        Fingerprint before = null;
        if (previous.isEmpty()) {
            reason = stateFile.toFile().exists() ? "the saved build state is unreadable" : "no earlier build";
        } else {
            BuildState state = previous.get();
            before = Fingerprint.of(generatorVersion, request, state.filesRead());
            List<Path> missing = state.missingOutputs();
            if (!before.equals(state.fingerprint())) {
                reason = "inputs or configuration changed";
            } else if (!missing.isEmpty()) {
                reason = missing.size() + " generated file(s) missing, e.g. " + missing.get(0);
            } else {
                return new UpToDate(state);
            }
            // Never delete in a folder that this request does not write to (a moved project, a new
            // outputDirectory): the old outputs are not this run's to remove.
            if (state.outputDirectory().equals(request.outputDirectory().toAbsolutePath().normalize())) {
                previousOutputs = state.outputs();
            }
        }

        GenerationResult result = generator.apply(withPreviousOutputs(request, previousOutputs));
        if (!result.hasErrors()) {
            Set<Path> outputs = new LinkedHashSet<>();
            result.files().forEach(file -> outputs.add(file.path()));
            List<String> warnings = result.diagnostics().stream().map(Object::toString).toList();
            BuildState next = new BuildState(Fingerprint.of(generatorVersion, request, result.filesRead()),
                    request.outputDirectory(), result.filesRead(), outputs, warnings);
            // When the run read the same files as the last one, keep the digest taken before it ran: a
            // file edited while the generator was running then still differs at the next build.
            if (before != null && next.filesRead().equals(previous.get().filesRead())) {
                next = new BuildState(before, next.outputDirectory(), next.filesRead(), next.outputs(), warnings);
            }
            next.write(stateFile);
        }
        return new Generated(reason, result);
    }

    private static GenerationRequest withPreviousOutputs(GenerationRequest request, Set<Path> previousOutputs) {
        Set<Path> all = new LinkedHashSet<>(request.previousOutputs());
        all.addAll(previousOutputs);
        return new GenerationRequest(request.specs(), request.outputDirectory(), request.packageName(),
                request.packageBySpec(), request.sourceMappings(), request.warningsAsErrors(), all,
                request.runtime(), request.idempotencyTokens());
    }
}
