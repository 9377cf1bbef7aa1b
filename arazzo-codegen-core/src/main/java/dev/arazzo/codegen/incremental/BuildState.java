package dev.arazzo.codegen.incremental;

import dev.arazzo.codegen.write.SourceWriter;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a successful generation run leaves for the next one: its fingerprint, the files it read and
 * the files it produced.
 *
 * <p>Kept as a small text file, one entry per line; outputs are stored relative to the output
 * directory. A file that cannot be parsed is treated as absent, which costs one full regeneration
 * and nothing else. A state of the first format (before stamps) is read with no stamps: the next check
 * hashes every file once and records them.
 *
 * @param fingerprint the fingerprint of the inputs the run saw
 * @param outputDirectory the root that the run wrote into, absolute and normalized
 * @param filesRead every file the run read, absolute and normalized
 * @param outputs every file the run produced, absolute, normalized and under {@code outputDirectory}
 * @param warnings the warnings the run reported, as printed, so that an up-to-date build can show them again
 * @param outputDigests the SHA-256 of each output as the run wrote it (hex); an output without one is
 *     never up to date
 * @param stamps the {@link FileStamp} of each input and output, taken before it was hashed, so that the
 *     next check can skip reading the files whose stamps still hold (see {@link FileDigests}); absolute and
 *     normalized paths
 * @param stampWindow nanoseconds from the first of the stamps to the writing of this state: how much older
 *     than the state file a file's modified time must be for its stamp to be trusted
 * @param generator the generator's identity with the stamp of its jar, so that the next check need not read
 *     the jar while that stamp holds; {@code null} when the run was given its generator's identity
 */
public record BuildState(
        Fingerprint fingerprint, Path outputDirectory, Set<Path> filesRead, Set<Path> outputs, List<String> warnings,
        Map<Path, String> outputDigests, Map<Path, FileStamp> stamps, long stampWindow, GeneratorStamp generator) {

    private static final String HEADER =
            "# arazzo-codegen incremental build state. Delete this file to force a full regeneration.";
    private static final String FORMAT = "format=2";
    private static final String FIRST_FORMAT = "format=1";
    private static final String END = "end";

    public BuildState {
        Objects.requireNonNull(fingerprint, "fingerprint");
        outputDirectory = outputDirectory.toAbsolutePath().normalize();
        filesRead = normalized(filesRead);
        outputs = normalized(outputs);
        for (Path output : outputs) {
            if (!output.startsWith(outputDirectory) || output.equals(outputDirectory)) {
                throw new IllegalArgumentException("output " + output + " is not under " + outputDirectory);
            }
        }
        // loops rather than lambdas: the up-to-date check loads as few classes as it can
        List<String> oneLine = new ArrayList<>(warnings.size());
        for (String warning : warnings) {
            oneLine.add(warning.replace('\r', ' ').replace('\n', ' '));
        }
        warnings = List.copyOf(oneLine);
        Map<Path, String> digests = new TreeMap<>();
        for (Map.Entry<Path, String> entry : outputDigests.entrySet()) {
            digests.put(entry.getKey().toAbsolutePath().normalize(), entry.getValue());
        }
        digests.keySet().retainAll(outputs);
        outputDigests = Collections.unmodifiableMap(digests);
        Map<Path, FileStamp> normalizedStamps = new TreeMap<>();
        for (Map.Entry<Path, FileStamp> entry : stamps.entrySet()) {
            normalizedStamps.put(entry.getKey().toAbsolutePath().normalize(), entry.getValue());
        }
        stamps = Collections.unmodifiableMap(normalizedStamps);
        if (stampWindow < 0) {
            throw new IllegalArgumentException("negative stamp window " + stampWindow);
        }
    }

    /** A state without a generator stamp (the next check identifies the generator again). */
    public BuildState(Fingerprint fingerprint, Path outputDirectory, Set<Path> filesRead, Set<Path> outputs,
            List<String> warnings, Map<Path, String> outputDigests, Map<Path, FileStamp> stamps, long stampWindow) {
        this(fingerprint, outputDirectory, filesRead, outputs, warnings, outputDigests, stamps, stampWindow, null);
    }

    /** A state without stamps (every file is hashed by the next check). */
    public BuildState(Fingerprint fingerprint, Path outputDirectory, Set<Path> filesRead, Set<Path> outputs,
            List<String> warnings, Map<Path, String> outputDigests) {
        this(fingerprint, outputDirectory, filesRead, outputs, warnings, outputDigests, Map.of(), 0);
    }

    /** This state with {@code stamps} taken over {@code stampWindow} nanoseconds. */
    BuildState withStamps(Map<Path, FileStamp> stamps, long stampWindow) {
        return new BuildState(fingerprint, outputDirectory, filesRead, outputs, warnings, outputDigests, stamps,
                stampWindow, generator);
    }

    /** This state with {@code generator} as its generator stamp. */
    BuildState withGenerator(GeneratorStamp generator) {
        return new BuildState(fingerprint, outputDirectory, filesRead, outputs, warnings, outputDigests, stamps,
                stampWindow, generator);
    }

    /** A state without recorded digests (so never up to date by {@link #outputsIntact()}). */
    public BuildState(Fingerprint fingerprint, Path outputDirectory, Set<Path> filesRead, Set<Path> outputs,
            List<String> warnings) {
        this(fingerprint, outputDirectory, filesRead, outputs, warnings, Map.of());
    }

    /** A state without warnings. */
    public BuildState(Fingerprint fingerprint, Path outputDirectory, Set<Path> filesRead, Set<Path> outputs) {
        this(fingerprint, outputDirectory, filesRead, outputs, List.of());
    }

    private static Set<Path> normalized(Set<Path> paths) {
        Set<Path> result = new LinkedHashSet<>();
        for (Path path : new TreeSet<>(paths)) {
            result.add(path.toAbsolutePath().normalize());
        }
        return Set.copyOf(result);
    }

    /** The SHA-256 (hex) of each of {@code files} that exists, read from disk. */
    public static Map<Path, String> digestsOf(Set<Path> files) throws IOException {
        Map<Path, String> digests = new TreeMap<>();
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                digests.put(file, sha256(Files.readAllBytes(file)));
            }
        }
        return digests;
    }

    /** Whether every output is on disk with the bytes the run wrote (its recorded digest). */
    public boolean outputsIntact() throws IOException {
        return outputDigests.keySet().equals(outputs) && digestsOf(outputs).equals(outputDigests);
    }

    /** As {@link #outputsIntact()}, with the outputs' digests from {@code digests} (trusting their stamps). */
    boolean outputsIntact(FileDigests digests) {
        if (!outputDigests.keySet().equals(outputs)) {
            return false;
        }
        for (Map.Entry<Path, String> output : outputDigests.entrySet()) {
            if (!digests.digest(output.getKey()).equals(output.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The outputs that no longer exist on disk, in a stable order. */
    public List<Path> missingOutputs() {
        List<Path> missing = new ArrayList<>();
        for (Path output : new TreeSet<>(outputs)) {
            if (!Files.isRegularFile(output)) {
                missing.add(output);
            }
        }
        return missing;
    }

    /**
     * Reads the state that an earlier run saved.
     *
     * @return empty when there is no state file or it cannot be parsed (truncated, edited, an older
     *     format): the caller then regenerates everything
     * @throws IOException when the file exists but cannot be read
     */
    public static Optional<BuildState> read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        return parse(lines);
    }

    private static Optional<BuildState> parse(List<String> lines) {
        if (lines.size() < 4 || !(lines.get(1).equals(FORMAT) || lines.get(1).equals(FIRST_FORMAT))
                || !lines.get(lines.size() - 1).equals(END)) {
            return Optional.empty();
        }
        boolean first = lines.get(1).equals(FIRST_FORMAT);
        Fingerprint fingerprint = null;
        Path outputDirectory = null;
        Set<Path> filesRead = new LinkedHashSet<>();
        List<String> outputs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, String> digests = new LinkedHashMap<>();
        Map<Path, FileStamp> stamps = new LinkedHashMap<>();
        long stampWindow = first ? 0 : -1;
        GeneratorStamp generator = null;
        try {
            for (String line : lines.subList(2, lines.size() - 1)) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    return Optional.empty();
                }
                String value = line.substring(eq + 1);
                switch (line.substring(0, eq)) {
                    case "fingerprint" -> fingerprint = new Fingerprint(value);
                    case "outputDirectory" -> outputDirectory = Path.of(value);
                    case "read" -> filesRead.add(Path.of(value));
                    case "output" -> outputs.add(value);
                    case "warning" -> warnings.add(value);
                    case "digest" -> {
                        if (value.length() < 66 || value.charAt(64) != ' ') {
                            return Optional.empty();
                        }
                        digests.put(value.substring(65), value.substring(0, 64));
                    }
                    case "stampWindow" -> {
                        if (first) {
                            return Optional.empty();
                        }
                        stampWindow = Long.parseLong(value);
                    }
                    case "generator" -> {
                        // <window> <size> <modified> <changed> <key> <identity> <absolute path of the jar>
                        String[] fields = value.split(" ", 7);
                        Path path = fields.length == 7 ? Path.of(fields[6]) : null;
                        if (first || path == null || !path.isAbsolute()) {
                            return Optional.empty();
                        }
                        generator = new GeneratorStamp(fields[5], path, Long.parseLong(fields[1]),
                                Long.parseLong(fields[2]), Long.parseLong(fields[3]), fields[4],
                                Long.parseLong(fields[0]));
                    }
                    case "stamp" -> {
                        // <sha256> <size> <modified> <changed> <key> <absolute path>
                        String[] fields = value.split(" ", 6);
                        Path path = fields.length == 6 ? Path.of(fields[5]) : null;
                        if (first || path == null || !path.isAbsolute()) {
                            return Optional.empty();
                        }
                        stamps.put(path, new FileStamp(Long.parseLong(fields[1]), Long.parseLong(fields[2]),
                                Long.parseLong(fields[3]), fields[4], fields[0]));
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (fingerprint == null || outputDirectory == null || !outputDirectory.isAbsolute() || stampWindow < 0) {
                return Optional.empty();
            }
            Set<Path> resolved = new LinkedHashSet<>();
            Map<Path, String> resolvedDigests = new LinkedHashMap<>();
            for (String output : outputs) {
                Path relative = Path.of(output);
                if (relative.isAbsolute()) {
                    return Optional.empty();
                }
                resolved.add(outputDirectory.resolve(relative));
                if (digests.containsKey(output)) {
                    resolvedDigests.put(outputDirectory.resolve(relative), digests.get(output));
                }
            }
            return Optional.of(new BuildState(fingerprint, outputDirectory, filesRead, resolved, warnings,
                    resolvedDigests, stamps, stampWindow, generator));
        } catch (IllegalArgumentException e) {
            // A bad digest or number, a path that escapes the output directory, a path this platform cannot hold.
            return Optional.empty();
        }
    }

    /**
     * Saves this state to {@code file}, replacing any earlier one atomically where the file system
     * allows: a reader sees the old state or the new one, never half of either.
     */
    public void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add(FORMAT);
        lines.add("fingerprint=" + fingerprint.value());
        lines.add("outputDirectory=" + checked(outputDirectory.toString()));
        for (Path path : new TreeSet<>(filesRead)) {
            lines.add("read=" + checked(path.toString()));
        }
        for (Path path : new TreeSet<>(outputs)) {
            lines.add("output=" + checked(outputDirectory.relativize(path).toString().replace('\\', '/')));
        }
        for (Map.Entry<Path, String> digest : outputDigests.entrySet()) {
            lines.add("digest=" + digest.getValue() + " "
                    + outputDirectory.relativize(digest.getKey()).toString().replace('\\', '/'));
        }
        for (String warning : warnings) {
            lines.add("warning=" + warning);
        }
        lines.add("stampWindow=" + stampWindow);
        for (Map.Entry<Path, FileStamp> entry : stamps.entrySet()) {
            FileStamp stamp = entry.getValue();
            lines.add("stamp=" + stamp.sha256() + " " + stamp.size() + " " + stamp.modified() + " " + stamp.changed()
                    + " " + stamp.key() + " " + checked(entry.getKey().toString()));
        }
        if (generator != null) {
            lines.add("generator=" + generator.window() + " " + generator.size() + " " + generator.modified() + " "
                    + generator.changed() + " " + generator.key() + " " + generator.version() + " "
                    + checked(generator.jar().toString()));
        }
        lines.add(END);

        Path directory = file.toAbsolutePath().getParent();
        // the temporary files of a write that was killed, then this one (with the umask's permissions)
        SourceWriter.removeTemporaryFiles(directory, 1);
        try {
            SourceWriter.replace(file.toAbsolutePath(), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String checked(String path) throws IOException {
        if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
            throw new IOException("cannot record a path with a line break: " + path);
        }
        return path;
    }
}
