package dev.arazzo.codegen.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's shared test material ({@code ../shared}: seed, spec, corpus, conformance suites). */
public final class Shared {

    private Shared() {
    }

    public static Path root() {
        String configured = System.getProperty("arazzo.shared");
        Path root = configured != null ? Path.of(configured) : Path.of("../../shared");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("shared test material not found at " + root.toAbsolutePath()
                    + "; it lies beside the repository as ../shared");
        }
        return root.toAbsolutePath().normalize();
    }

    public static Path seedWorkflow() {
        return root().resolve("seed/amazon-connect-start-chat-and-set-attributes-workflow.yml");
    }
}
