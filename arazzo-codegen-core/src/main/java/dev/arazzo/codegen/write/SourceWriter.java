package dev.arazzo.codegen.write;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The write stage, the only one that touches the disk: writes a file only when its bytes change (so
 * an unchanged file keeps its modification time and incremental compilers stay quiet), each
 * atomically (a temporary file, then a move), and deletes the files of an earlier run that this run
 * no longer produces.
 *
 * <p>A manifest in the output directory ({@value #MANIFEST}{@code -<hash of the documents' paths>}, one
 * per set of documents and packages, so that two builds sharing a folder keep apart) lists every file a run may have written,
 * and is saved before the first file is written and again, marked complete, after the last: a run
 * killed at any moment leaves a manifest that names its files, so that the next run deletes those it
 * does not produce, and removes the temporary files the killed run left. Files are created with the
 * permissions of the process's umask (0644 under umask 022).
 */
public final class SourceWriter {

    /** The manifest's name in the output directory. */
    public static final String MANIFEST = ".arazzo-codegen-files";
    private static final String COMPLETE = "complete";
    private static final String WRITING = "writing";
    private static final String TEMPORARY_SUFFIX = ".arazzo-tmp";

    /** How many temporary files this JVM has named (see {@link #temporaryTag}). */
    private static final AtomicLong TEMPORARY_FILES = new AtomicLong();

    private final Path outputDirectory;
    private final Path manifestFile;

    /**
     * @param outputDirectory the folder written
     * @param owner names the manifest: {@link #owner} of the documents generated
     */
    public SourceWriter(Path outputDirectory, String owner) {
        this.outputDirectory = outputDirectory.toAbsolutePath().normalize();
        this.manifestFile = this.outputDirectory.resolve(MANIFEST + "-" + owner);
    }

    /** A writer that keeps no manifest of its own documents: for deleting files. */
    public SourceWriter(Path outputDirectory) {
        this(outputDirectory, "none");
    }

    /**
     * The manifest's owner for a set of documents generated into packages: a short hash of their
     * absolute, normalized paths and of the packages.
     */
    public static String owner(Collection<Path> specs, String packageName, java.util.Map<Path, String> packageBySpec) {
        // loops rather than lambdas: an up-to-date check asks for the owner and loads as few classes as it can
        TreeSet<String> paths = new TreeSet<>();
        for (Path spec : specs) {
            paths.add(spec.toAbsolutePath().normalize().toString());
        }
        List<String> parts = new ArrayList<>(paths);
        parts.add("package=" + packageName);
        for (java.util.Map.Entry<Path, String> entry : new java.util.TreeMap<>(packageBySpec).entrySet()) {
            parts.add(entry.getKey() + "=" + entry.getValue());
        }
        String joined = String.join("\n", parts);
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(joined.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Where this writer's manifest is. */
    public Path manifestFile() {
        return manifestFile;
    }

    /**
     * What the manifest of the output directory says.
     *
     * @param complete whether the run that saved it finished writing (true when there is no manifest)
     * @param files the files it lists, absolute, normalized and under the output directory
     */
    public record Manifest(boolean complete, Set<Path> files) {
    }

    /** Reads the manifest; an unreadable one is an incomplete run that listed nothing. */
    public Manifest manifest() {
        List<String> lines;
        try {
            lines = Files.readAllLines(manifestFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Manifest(true, Set.of());
        } catch (IOException e) {
            return new Manifest(false, Set.of());
        }
        Set<Path> files = new LinkedHashSet<>();
        for (String line : lines.isEmpty() ? List.<String>of() : lines.subList(1, lines.size())) {
            try {
                Path file = outputDirectory.resolve(line).normalize();
                if (!line.isEmpty() && file.startsWith(outputDirectory) && !file.equals(outputDirectory)) {
                    files.add(file);
                }
            } catch (java.nio.file.InvalidPathException e) {
                // a line this platform cannot hold names no file this generator wrote
            }
        }
        return new Manifest(!lines.isEmpty() && lines.get(0).equals(COMPLETE), Set.copyOf(files));
    }

    /**
     * Starts a run that writes {@code relativePaths}: removes temporary files an earlier, killed run left,
     * and saves the manifest (marked as writing) with the files the earlier runs listed and these.
     */
    public void begin(Collection<String> relativePaths) {
        removeTemporaryFiles();
        Set<Path> files = new TreeSet<>(manifest().files());
        relativePaths.forEach(path -> files.add(resolve(path)));
        saveManifest(WRITING, files);
    }

    /** Ends a run: the manifest lists exactly {@code current}, marked complete. */
    public void finish(Set<Path> current) {
        saveManifest(COMPLETE, new TreeSet<>(current));
    }

    /** Deletes the manifests of the output directory whose files are all gone (after a clean). */
    public void deleteSpentManifests() {
        if (!Files.isDirectory(outputDirectory)) {
            return;
        }
        try (Stream<Path> children = Files.list(outputDirectory)) {
            for (Path child : children.filter(c -> c.getFileName().toString().startsWith(MANIFEST + "-")).toList()) {
                String owner = child.getFileName().toString().substring(MANIFEST.length() + 1);
                if (new SourceWriter(outputDirectory, owner).manifest().files().stream().noneMatch(Files::exists)) {
                    Files.deleteIfExists(child);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the manifests in " + outputDirectory, e);
        }
    }

    private void saveManifest(String status, Set<Path> files) {
        StringBuilder text = new StringBuilder(status).append('\n');
        for (Path file : files) {
            text.append(outputDirectory.relativize(file).toString().replace('\\', '/')).append('\n');
        }
        replace(manifestFile, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code content} to {@code relativePath}; returns whether the bytes changed. */
    public boolean write(String relativePath, String content) {
        Path target = resolve(relativePath);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + target, e);
        }
        replace(target, bytes);
        return true;
    }

    /**
     * Replaces {@code target} by {@code bytes} atomically where the file system allows, through a
     * temporary file created with the umask's permissions (not the 0600 of {@code createTempFile}).
     */
    public static void replace(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = null;
            try {
                OutputStream created = null;
                while (created == null) {
                    Path candidate = target.resolveSibling("." + target.getFileName() + "." + temporaryTag()
                            + TEMPORARY_SUFFIX);
                    try {
                        created = Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW,
                                StandardOpenOption.WRITE);
                        temporary = candidate;
                    } catch (FileAlreadyExistsException e) {
                        // another writer's (or a killed run's) temporary file: this one takes the next name
                    }
                }
                try (OutputStream out = created) {
                    out.write(bytes);
                }
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                if (temporary != null) {
                    Files.deleteIfExists(temporary);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /**
     * A name part for a temporary file that no other is likely to have: the clock's nanoseconds and a count
     * of this JVM's temporary files. Not a {@code UUID.randomUUID()}, whose first call seeds a
     * {@code SecureRandom} (a security provider's classes and a read of the system's entropy) in every cold
     * generation; {@code CREATE_NEW} makes the name unique, a name taken already is skipped.
     */
    private static String temporaryTag() {
        return Long.toHexString(System.nanoTime()) + "-" + TEMPORARY_FILES.incrementAndGet();
    }

    /**
     * Deletes the temporary files of {@link #replace} that a killed run left in {@code directory}, down
     * to {@code depth} levels.
     */
    public static void removeTemporaryFiles(Path directory, int depth) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory, depth)) {
            for (Path file : files.filter(SourceWriter::isTemporary).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove temporary files in " + directory, e);
        }
    }

    private void removeTemporaryFiles() {
        removeTemporaryFiles(outputDirectory, Integer.MAX_VALUE);
    }

    private static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMPORARY_SUFFIX) && Files.isRegularFile(file);
    }

    /** Deletes the {@code previous} files not in {@code current}; returns the deleted ones. */
    public List<Path> deleteStale(Set<Path> previous, Set<Path> current) {
        Set<Path> keep = new HashSet<>();
        current.forEach(p -> keep.add(p.toAbsolutePath().normalize()));
        List<Path> deleted = new ArrayList<>();
        for (Path file : previous.stream().map(p -> p.toAbsolutePath().normalize()).sorted().toList()) {
            if (!keep.contains(file) && file.startsWith(outputDirectory)) {
                try {
                    if (Files.deleteIfExists(file)) {
                        deleted.add(file);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete stale file " + file, e);
                }
            }
        }
        return deleted;
    }

    public Path resolve(String relativePath) {
        Path target = outputDirectory.resolve(relativePath).normalize();
        if (!target.startsWith(outputDirectory) || target.equals(outputDirectory)) {
            throw new IllegalArgumentException("refusing to write outside the output directory: " + relativePath);
        }
        return target;
    }
}
