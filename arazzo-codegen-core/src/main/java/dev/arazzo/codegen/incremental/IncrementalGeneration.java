package dev.arazzo.codegen.incremental;

import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.write.SourceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
 * every file that run produced still exists with the bytes it wrote. The bytes are known without reading
 * a file whose size, times and file key are those the state recorded (see {@link FileDigests} for when
 * that is safe); a file whose stamp differs is hashed, and when only stamps differed (a touched file)
 * the check is still up to date and records the new stamps. Otherwise the generator runs with the previous outputs,
 * so that it rewrites only changed files and deletes those it no longer produces. The state is
 * replaced only when the run reports no error; a failed run leaves the earlier state in place.
 *
 * <p>One instance per state file; distinct state files (one per build execution) never interfere.
 */
public final class IncrementalGeneration {

    private final Path stateFile;
    private final String generatorVersion;
    private final Function<GenerationRequest, GenerationResult> generator;
    private final FileDigests.FileAccess files;

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
        this.files = FileDigests.DISK;
    }

    /** As the public constructor, reaching the files through {@code files} (a test counts what the check reads). */
    IncrementalGeneration(Path stateFile, String generatorVersion,
            Function<GenerationRequest, GenerationResult> generator, FileDigests.FileAccess files) {
        this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
        this.generatorVersion = Objects.requireNonNull(generatorVersion, "generatorVersion");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.files = Objects.requireNonNull(files, "files");
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
        FileDigests inputs = null;
        if (previous.isEmpty()) {
            reason = stateFile.toFile().exists() ? "the saved build state is unreadable" : "no earlier build";
        } else {
            BuildState state = previous.get();
            long racyFrom = FileDigests.racyFrom(files, stateFile, state.stampWindow());
            inputs = new FileDigests(state.stamps(), racyFrom, files);
            before = Fingerprint.of(generatorVersion, request, state.filesRead(), inputs);
            FileDigests outputs = new FileDigests(state.stamps(), racyFrom, files);
            List<Path> missing = state.missingOutputs();
            if (!before.equals(state.fingerprint())) {
                reason = "inputs or configuration changed";
            } else if (!missing.isEmpty()) {
                reason = missing.size() + " generated file(s) missing, e.g. " + missing.get(0);
            } else if (!state.outputsIntact(outputs)) {
                reason = "generated files differ from what the last build wrote";
            } else if (!manifestMatches(state, request)) {
                reason = "an earlier build was interrupted";
            } else {
                if (inputs.restamped() || outputs.restamped()) {
                    // touched but unchanged: record the new stamps, so that the next check does not read it
                    Map<Path, FileStamp> stamps = new TreeMap<>(inputs.stamps());
                    stamps.putAll(outputs.stamps());
                    state = state.withStamps(stamps, inputs.elapsed());
                    state.write(stateFile);
                }
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
            FileDigests written = FileDigests.reading(files);
            Map<Path, String> digests = new TreeMap<>();
            for (Path output : outputs) {
                String digest = written.digest(output);
                if (digest.length() == 64) {
                    digests.put(output, digest);
                }
            }
            // When the run read the same files as the last one, keep the digest (and the stamps) taken
            // before it ran: a file edited while the generator was running then still differs at the
            // next build.
            FileDigests read = inputs;
            Fingerprint fingerprint = before;
            if (before == null || !normalized(result.filesRead()).equals(previous.get().filesRead())) {
                read = FileDigests.reading(files);
                fingerprint = Fingerprint.of(generatorVersion, request, result.filesRead(), read);
            }
            Map<Path, FileStamp> stamps = new TreeMap<>(read.stamps());
            stamps.putAll(written.stamps());
            BuildState next = new BuildState(fingerprint, request.outputDirectory(), result.filesRead(), outputs,
                    warnings, digests, stamps, Math.max(read.elapsed(), written.elapsed()));
            next.write(stateFile);
        }
        return new Generated(reason, result);
    }

    /**
     * Whether the output directory's manifest says its last write finished and produced these outputs
     * (a generator that keeps no manifest is taken at its state's word).
     */
    private static boolean manifestMatches(BuildState state, GenerationRequest request) {
        SourceWriter writer = new SourceWriter(state.outputDirectory(), SourceWriter.owner(request.specs(),
                request.packageName(), request.packageBySpec()));
        if (!Files.exists(writer.manifestFile())) {
            return true;
        }
        SourceWriter.Manifest manifest = writer.manifest();
        return manifest.complete() && manifest.files().equals(state.outputs());
    }

    /**
     * Removes what the last successful run generated, and its state: for a build that has no documents
     * left. Only files under that run's output directory are deleted.
     *
     * @return the files deleted
     * @throws IOException when the state file cannot be read or deleted
     */
    public List<Path> clean() throws IOException {
        Optional<BuildState> previous = BuildState.read(stateFile);
        if (previous.isEmpty()) {
            return List.of();
        }
        SourceWriter writer = new SourceWriter(previous.get().outputDirectory());
        List<Path> deleted = writer.deleteStale(previous.get().outputs(), Set.of());
        writer.deleteSpentManifests();
        Files.deleteIfExists(stateFile);
        return deleted;
    }

    private static Set<Path> normalized(Set<Path> paths) {
        Set<Path> result = new LinkedHashSet<>();
        paths.forEach(path -> result.add(path.toAbsolutePath().normalize()));
        return result;
    }

    private static GenerationRequest withPreviousOutputs(GenerationRequest request, Set<Path> previousOutputs) {
        Set<Path> all = new LinkedHashSet<>(request.previousOutputs());
        all.addAll(previousOutputs);
        return new GenerationRequest(request.specs(), request.outputDirectory(), request.packageName(),
                request.packageBySpec(), request.sourceMappings(), request.warningsAsErrors(), all,
                request.runtime(), request.idempotencyTokens(), request.projectDirectory(), request.allowedRoots(),
                request.suppressedWarnings(), request.concurrent());
    }
}
