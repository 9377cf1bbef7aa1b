package dev.arazzo.codegen.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which files a build may read for a document: those below its roots (the project directory, the
 * allowed roots of the request, the folders of the mapped files), and never anything below
 * {@code /etc}, {@code /proc}, {@code /dev} or {@code /sys}. A symbolic link counts where it leads too.
 *
 * @param roots the folders whose files may be read, absolute and normalized
 */
public record FileAccess(List<Path> roots) {

    private static final List<Path> NEVER = List.of(Path.of("/etc"), Path.of("/proc"), Path.of("/dev"),
            Path.of("/sys"));

    public FileAccess {
        roots = roots.stream().map(root -> root.toAbsolutePath().normalize()).distinct().toList();
    }

    /** Access to every file but those below {@code /etc}, {@code /proc}, {@code /dev} and {@code /sys}. */
    public static FileAccess anywhere() {
        return new FileAccess(List.of(Path.of("/").toAbsolutePath()));
    }

    /** Whether {@code file} may be read. */
    public boolean allows(Path file) {
        Path path = file.toAbsolutePath().normalize();
        if (!inside(path, roots) || NEVER.stream().anyMatch(path::startsWith)) {
            return false;
        }
        if (!Files.exists(path)) {
            return true;
        }
        try {
            Path real = path.toRealPath();
            if (NEVER.stream().anyMatch(real::startsWith)) {
                return false;
            }
            return inside(real, roots) || inside(real, realRoots());
        } catch (IOException e) {
            return false;
        }
    }

    /** The roots, for a message: what a url or {@code $ref} may name. */
    public String describe() {
        return String.join(", ", roots.stream().map(Path::toString).toList());
    }

    private static boolean inside(Path path, List<Path> roots) {
        return roots.stream().anyMatch(path::startsWith);
    }

    private List<Path> realRoots() {
        List<Path> real = new ArrayList<>();
        for (Path root : roots) {
            try {
                real.add(root.toRealPath());
            } catch (IOException e) {
                // a root that does not exist holds nothing
            }
        }
        return real;
    }
}
