package dev.arazzo.codegen.incremental;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.SideTask;
import dev.arazzo.codegen.source.FileReads;
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
import java.util.function.Supplier;

/**
 * Runs the generator only when something it depends on changed since the last successful run.
 *
 * <pre>{@code
 * var generation = new IncrementalGeneration(stateFile, ArazzoCodegen::generate);
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
    /** The jar whose identity is {@link #identity}'s, reused from the state while its stamp holds; or null. */
    private final Path generatorJar;
    private final Supplier<String> identity;

    /**
     * @param stateFile where this generation keeps its state between runs
     * @param generatorVersion identifies the generator; a different value forces regeneration
     * @param generator the generator itself, normally {@code ArazzoCodegen::generate}
     */
    public IncrementalGeneration(
            Path stateFile, String generatorVersion, Function<GenerationRequest, GenerationResult> generator) {
        this(stateFile, Objects.requireNonNull(generatorVersion, "generatorVersion"), generator, FileDigests.DISK);
    }

    /**
     * A generation by the generator on the class path, identified by {@link GeneratorVersion#current()}: a
     * snapshot jar's identity is recorded in the state with the jar's stamp and reused while the stamp holds
     * (see {@link GeneratorStamp}), so that a check that finds nothing changed does not read the jar.
     *
     * @param stateFile where this generation keeps its state between runs
     * @param generator the generator itself, normally {@code ArazzoCodegen::generate}
     */
    public IncrementalGeneration(Path stateFile, Function<GenerationRequest, GenerationResult> generator) {
        this(stateFile, null, generator, FileDigests.DISK, snapshotJar(), new ClassPathIdentity());
    }

    /** As the public constructor, reaching the files through {@code files} (a test counts what the check reads). */
    IncrementalGeneration(Path stateFile, String generatorVersion,
            Function<GenerationRequest, GenerationResult> generator, FileDigests.FileAccess files) {
        this(stateFile, Objects.requireNonNull(generatorVersion, "generatorVersion"), generator, files, null, null);
    }

    /**
     * A generation whose generator is identified by {@code identity} (the identity of {@code generatorJar}), or
     * by {@code generatorVersion} when that is not null.
     */
    IncrementalGeneration(Path stateFile, String generatorVersion,
            Function<GenerationRequest, GenerationResult> generator, FileDigests.FileAccess files, Path generatorJar,
            Supplier<String> identity) {
        this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
        this.generatorVersion = generatorVersion;
        this.generator = Objects.requireNonNull(generator, "generator");
        this.files = Objects.requireNonNull(files, "files");
        this.generatorJar = generatorJar == null ? null : generatorJar.toAbsolutePath().normalize();
        this.identity = generatorVersion == null ? Objects.requireNonNull(identity, "identity") : null;
    }

    /** The jar of a snapshot generator on the class path (whose identity is worth keeping), or null. */
    private static Path snapshotJar() {
        Path code = GeneratorVersion.codeLocation();
        return code != null && ArazzoCodegen.VERSION.endsWith("-SNAPSHOT") && Files.isRegularFile(code) ? code : null;
    }

    /** {@link GeneratorVersion#current()}, as a class rather than a lambda: no bootstrap on the no-op path. */
    private static final class ClassPathIdentity implements Supplier<String> {
        @Override
        public String get() {
            return GeneratorVersion.current();
        }
    }

    /** Reads the identity {@link #identify} left to be read, on a {@link SideTask}'s thread. */
    private final class ReadIdentity implements Supplier<Identified> {
        private final Identified pending;

        ReadIdentity(Identified pending) {
            this.pending = pending;
        }

        @Override
        public Identified get() {
            return new Identified(identity.get(), null, pending.stamp, pending.stampedAt, pending.restamped);
        }
    }

    /** The generator on the request, as the work {@link FileReads#listening} runs. */
    private final class Generate implements Supplier<GenerationResult> {
        private final GenerationRequest request;

        Generate(GenerationRequest request) {
            this.request = request;
        }

        @Override
        public GenerationResult get() {
            return generator.apply(request);
        }
    }

    /** The generator's identity for a run, and the stamp to record with it (null: none to record). */
    private static final class Identified {
        final String version;
        final GeneratorStamp recorded;
        final FileDigests.Attributes stamp;
        final long stampedAt;
        final boolean restamped;

        Identified(String version, GeneratorStamp recorded, FileDigests.Attributes stamp, long stampedAt,
                boolean restamped) {
            this.version = version;
            this.recorded = recorded;
            this.stamp = stamp;
            this.stampedAt = stampedAt;
            this.restamped = restamped;
        }

        /** The stamp for a state written now. */
        GeneratorStamp stampNow(Path jar) {
            if (recorded != null) {
                return recorded;
            }
            if (stamp == null) {
                return null;
            }
            return new GeneratorStamp(version, jar, stamp.size(), stamp.modified(), stamp.changed(), stamp.key(),
                    Math.max(0, System.nanoTime() - stampedAt));
        }
    }

    /**
     * The generator's identity: the one given, the one {@code previous} recorded for the jar while its stamp
     * holds and is not racy, or else {@link #identity}'s, with the jar's stamp taken before it reads the jar;
     * when {@code defer}, that last one is left to be read ({@link ReadIdentity}): its version is then null.
     */
    private Identified identify(BuildState previous, boolean defer) {
        if (generatorVersion != null) {
            return new Identified(generatorVersion, null, null, 0, false);
        }
        if (generatorJar == null) {
            return new Identified(defer ? null : identity.get(), null, null, 0, false);
        }
        long stampedAt = System.nanoTime();
        FileDigests.Attributes now;
        try {
            now = files.stat(generatorJar);
        } catch (IOException e) {
            now = null;
        }
        if (now == null) {
            return new Identified(defer ? null : identity.get(), null, null, 0, false);
        }
        GeneratorStamp old = previous == null ? null : previous.generator();
        boolean same = old != null && old.jar().equals(generatorJar) && old.matches(now);
        if (same && !FileDigests.racy(old.modified(), FileDigests.racyFrom(files, stateFile, old.window()))) {
            return new Identified(old.version(), old, null, 0, false);
        }
        // Read the jar, after its stamp was taken: a state written later records that stamp (no longer racy
        // against that state). A racy stamp that still holds is no reason to write one: a build that changed
        // nothing writes nothing.
        return new Identified(defer ? null : identity.get(), null, now, stampedAt, !same);
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
        // A generator identity to be read (a snapshot jar's zip directory, read and digested) is read on a thread
        // of its own: without a state it is needed only for the state written after the generation, and with one
        // (a jar whose stamp changed) the inputs' digests are taken meanwhile. Without a state the files the
        // generation reads are digested on another, from the bytes it read. A request that is not concurrent
        // keeps all of it on this thread, as before.
        Identified identified = identify(previous.orElse(null), request.concurrent());
        SideTask<Identified> identifying = identified.version == null
                ? SideTask.start("arazzo-generator-identity", new ReadIdentity(identified), true) : null;
        ReadDigests reads = previous.isEmpty() && request.concurrent() ? new ReadDigests(files) : null;
        String version = identified.version;
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
            if (identifying != null) {
                // the inputs' digests while the jar is read; the fingerprint below takes them from the check
                try {
                    for (String file : Fingerprint.inputs(request, state.filesRead())) {
                        inputs.digest(Path.of(file));
                    }
                } finally {
                    identifying.await();
                }
                identified = identifying.join();
                version = identified.version;
            }
            before = Fingerprint.of(version, request, state.filesRead(), inputs);
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
                if (inputs.restamped() || outputs.restamped() || identified.restamped) {
                    // touched but unchanged: record the new stamps, so that the next check does not read it
                    Map<Path, FileStamp> stamps = new TreeMap<>(inputs.stamps());
                    stamps.putAll(outputs.stamps());
                    state = state.withStamps(stamps, inputs.elapsed()).withGenerator(identified.stampNow(generatorJar));
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

        GenerationRequest asked = withPreviousOutputs(request, previousOutputs);
        GenerationResult result;
        FileDigests readDigests;
        try {
            result = reads == null ? generator.apply(asked) : FileReads.listening(reads, new Generate(asked));
        } catch (RuntimeException | Error e) {
            // the side threads end with the run, also when it fails
            try {
                if (reads != null) {
                    reads.finish();
                }
            } catch (RuntimeException | Error suppressed) {
                e.addSuppressed(suppressed);
            }
            if (identifying != null) {
                identifying.await();
            }
            throw e;
        }
        try {
            readDigests = reads == null ? null : reads.finish();
        } finally {
            if (identifying != null) {
                identifying.await();
            }
        }
        if (identifying != null) {
            identified = identifying.join();
            version = identified.version;
        }
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
                read = readDigests != null ? readDigests : FileDigests.reading(files);
                fingerprint = Fingerprint.of(version, request, result.filesRead(), read);
            }
            Map<Path, FileStamp> stamps = new TreeMap<>(read.stamps());
            stamps.putAll(written.stamps());
            BuildState next = new BuildState(fingerprint, request.outputDirectory(), result.filesRead(), outputs,
                    warnings, digests, stamps, Math.max(read.elapsed(), written.elapsed()),
                    identified.stampNow(generatorJar));
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
