package dev.arazzo.codegen.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The write stage, the only one that touches the disk: writes a file only when its bytes change (so
 * an unchanged file keeps its modification time and incremental compilers stay quiet), each
 * atomically, and deletes the files of an earlier run that this run no longer produces.
 */
public final class SourceWriter {

    private final Path outputDirectory;

    public SourceWriter(Path outputDirectory) {
        this.outputDirectory = outputDirectory.toAbsolutePath().normalize();
    }

    /** Writes {@code content} to {@code relativePath}; returns whether the bytes changed. */
    public boolean write(String relativePath, String content) {
        Path target = outputDirectory.resolve(relativePath).normalize();
        if (!target.startsWith(outputDirectory)) {
            throw new IllegalArgumentException("refusing to write outside the output directory: " + relativePath);
        }
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return false;
            }
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.write(temporary, bytes);
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
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
        return outputDirectory.resolve(relativePath).normalize();
    }
}
