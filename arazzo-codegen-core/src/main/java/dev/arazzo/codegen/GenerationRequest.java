package dev.arazzo.codegen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one generation run needs: which Arazzo documents, where the Java goes, and how.
 *
 * <p>The Maven plugin, the tests and any other front end build the same request:
 *
 * <pre>{@code
 * GenerationRequest request = GenerationRequest.builder()
 *         .spec(Path.of("src/main/arazzo/shop.arazzo.yaml"))
 *         .outputDirectory(Path.of("target/generated-sources/arazzo"))
 *         .packageName("com.example.shop")
 *         .build();
 * }</pre>
 *
 * @param specs the Arazzo documents to generate from, in order
 * @param outputDirectory the root of the generated source tree
 * @param packageName the Java package of the generated classes, unless {@code packageBySpec} says otherwise
 * @param packageBySpec a package for particular documents, keyed by their normalized absolute path
 * @param sourceMappings local files that stand in for {@code sourceDescriptions} urls (offline builds,
 *     mirrors), keyed by the url exactly as the document writes it, or as resolved against the document's
 *     {@code $self} (Arazzo 1.1: {@code apis/shop.yaml} in a document whose {@code $self} is
 *     {@code https://example.com/flows/x.arazzo.yaml} is also matched as
 *     {@code https://example.com/flows/apis/shop.yaml})
 * @param warningsAsErrors whether warnings stop generation like errors do
 * @param previousOutputs files that an earlier run wrote; those this run does not produce are deleted
 * @param runtime where the generated code's run-time support comes from: the {@code arazzo-runtime} jar
 *     ({@link RuntimeMode#SHARED}, the default) or sources copied into each generated package
 * @param idempotencyTokens whether a step whose operation takes an idempotency token (a {@code ClientToken}
 *     body member, an {@code Idempotency-Key} header) that the step does not set gets a UUID per step
 *     execution, the same on its retries; on by default
 * @param projectDirectory the directory a build owns; source urls and OpenAPI {@code $ref}s may name files
 *     below it (and below {@code allowedRoots}, and the mapped files' folders), nothing else; {@code null}
 *     for no confinement but the system folders ({@code /etc}, {@code /proc}, {@code /dev}, {@code /sys})
 * @param allowedRoots further folders whose files source urls and {@code $ref}s may name (a shared folder
 *     of API descriptions beside the project)
 * @param suppressedWarnings warnings left out of the result (and so never made errors by {@code warningsAsErrors}):
 *     each a diagnostic code ({@code unknown-step}), or a code and a file ({@code unknown-step@bnpl-arazzo.yaml}:
 *     only warnings located in a file whose path ends with that one); see {@link WarningSuppression}
 * @param concurrent whether a document's Arazzo JSON Schema check runs on a second thread while its sources are
 *     read (on by default); off, everything runs on the calling thread. The result is the same either way.
 */
public record GenerationRequest(
        List<Path> specs,
        Path outputDirectory,
        String packageName,
        Map<Path, String> packageBySpec,
        Map<String, Path> sourceMappings,
        boolean warningsAsErrors,
        Set<Path> previousOutputs,
        RuntimeMode runtime,
        boolean idempotencyTokens,
        Path projectDirectory,
        List<Path> allowedRoots,
        List<String> suppressedWarnings,
        boolean concurrent) {

    public GenerationRequest {
        List<Path> roots = new ArrayList<>(allowedRoots.size()); // a loop: no stream classes for every build
        for (Path root : allowedRoots) {
            roots.add(root.toAbsolutePath().normalize());
        }
        allowedRoots = List.copyOf(roots);
        projectDirectory = projectDirectory == null ? null : projectDirectory.toAbsolutePath().normalize();
        specs = List.copyOf(specs);
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(packageName, "packageName");
        packageBySpec = Map.copyOf(packageBySpec);
        sourceMappings = Map.copyOf(sourceMappings);
        previousOutputs = Set.copyOf(previousOutputs);
        Objects.requireNonNull(runtime, "runtime");
        suppressedWarnings = suppressedWarnings == null ? List.of() : List.copyOf(suppressedWarnings);
    }

    /** A concurrent request: the components before {@code concurrent}. */
    public GenerationRequest(List<Path> specs, Path outputDirectory, String packageName,
            Map<Path, String> packageBySpec, Map<String, Path> sourceMappings, boolean warningsAsErrors,
            Set<Path> previousOutputs, RuntimeMode runtime, boolean idempotencyTokens, Path projectDirectory,
            List<Path> allowedRoots, List<String> suppressedWarnings) {
        this(specs, outputDirectory, packageName, packageBySpec, sourceMappings, warningsAsErrors, previousOutputs,
                runtime, idempotencyTokens, projectDirectory, allowedRoots, suppressedWarnings, true);
    }


    /** The package for the classes generated from {@code spec}. */
    public String packageFor(Path spec) {
        return packageBySpec.getOrDefault(spec.toAbsolutePath().normalize(), packageName);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link GenerationRequest}; only the specs and the output directory are required. */
    public static final class Builder {
        private final List<Path> specs = new ArrayList<>();
        private Path outputDirectory;
        private String packageName = "";
        private final Map<Path, String> packageBySpec = new LinkedHashMap<>();
        private final Map<String, Path> sourceMappings = new LinkedHashMap<>();
        private boolean warningsAsErrors;
        private final Set<Path> previousOutputs = new LinkedHashSet<>();
        private RuntimeMode runtime = RuntimeMode.SHARED;
        private boolean idempotencyTokens = true;
        private Path projectDirectory;
        private final List<Path> allowedRoots = new ArrayList<>();
        private final List<String> suppressedWarnings = new ArrayList<>();
        private boolean concurrent = true;

        private Builder() {
        }

        public Builder spec(Path spec) {
            specs.add(Objects.requireNonNull(spec, "spec"));
            return this;
        }

        public Builder specs(List<Path> specs) {
            for (Path spec : specs) {
                spec(spec);
            }
            return this;
        }

        public Builder outputDirectory(Path outputDirectory) {
            this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory");
            return this;
        }

        public Builder packageName(String packageName) {
            this.packageName = Objects.requireNonNull(packageName, "packageName");
            return this;
        }

        public Builder packageFor(Path spec, String packageName) {
            packageBySpec.put(spec.toAbsolutePath().normalize(), Objects.requireNonNull(packageName, "packageName"));
            return this;
        }

        public Builder sourceMapping(String url, Path localFile) {
            sourceMappings.put(Objects.requireNonNull(url, "url"), Objects.requireNonNull(localFile, "localFile"));
            return this;
        }

        /** Every mapping of {@code mappings}, as {@link #sourceMapping} adds one. */
        public Builder sourceMappings(Map<String, Path> mappings) {
            mappings.forEach(this::sourceMapping);
            return this;
        }

        /**
         * The directory the build owns (the Maven project's); source urls and {@code $ref}s are confined to
         * it, the {@linkplain #allowedRoot allowed roots} and the mapped files' folders. Unset: the folder of
         * each document.
         */
        public Builder projectDirectory(Path projectDirectory) {
            this.projectDirectory = Objects.requireNonNull(projectDirectory, "projectDirectory");
            return this;
        }

        /** A further folder whose files source urls and {@code $ref}s may name. */
        public Builder allowedRoot(Path root) {
            allowedRoots.add(Objects.requireNonNull(root, "root"));
            return this;
        }

        public Builder warningsAsErrors(boolean warningsAsErrors) {
            this.warningsAsErrors = warningsAsErrors;
            return this;
        }

        public Builder previousOutputs(Set<Path> previousOutputs) {
            this.previousOutputs.addAll(previousOutputs);
            return this;
        }

        /** Where the run-time support comes from; {@link RuntimeMode#SHARED} unless set. */
        public Builder runtime(RuntimeMode runtime) {
            this.runtime = Objects.requireNonNull(runtime, "runtime");
            return this;
        }

        /**
         * Whether generated steps supply the idempotency tokens their operations take and they do not set
         * (default {@code true}); with {@code false} no token is sent unless the document gives one.
         */
        public Builder idempotencyTokens(boolean idempotencyTokens) {
            this.idempotencyTokens = idempotencyTokens;
            return this;
        }

        /** A warning to leave out: a diagnostic code, or {@code code@file}; see {@link WarningSuppression}. */
        public Builder suppressWarning(String suppression) {
            suppressedWarnings.add(Objects.requireNonNull(suppression, "suppression"));
            return this;
        }

        /**
         * Whether a document's schema check runs on a second thread while its sources are read ({@code true}
         * unless set); {@code false} keeps the whole generation on the calling thread.
         */
        public Builder concurrent(boolean concurrent) {
            this.concurrent = concurrent;
            return this;
        }

        public GenerationRequest build() {
            if (specs.isEmpty()) {
                throw new IllegalStateException("at least one spec is required");
            }
            if (outputDirectory == null) {
                throw new IllegalStateException("outputDirectory is required");
            }
            return new GenerationRequest(specs, outputDirectory, packageName, packageBySpec, sourceMappings,
                    warningsAsErrors, previousOutputs, runtime, idempotencyTokens, projectDirectory, allowedRoots,
                    suppressedWarnings, concurrent);
        }
    }
}
