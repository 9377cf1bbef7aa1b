package dev.arazzo.maven;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.RuntimeMode;
import dev.arazzo.codegen.SpecFinder;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.incremental.IncrementalGeneration;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.sonatype.plexus.build.incremental.BuildContext;

/**
 * Generates typed Java clients from Arazzo workflow documents: one class per workflow, with typed
 * {@code Inputs} and {@code Outputs} records and one method per step.
 *
 * <p>The output folder is added as a compile source root, so the generated classes are compiled with
 * the project's own code. The goal is incremental: when neither the Arazzo documents, nor the
 * OpenAPI documents they name (and their {@code $ref} targets), nor the configuration, nor the
 * generator changed since the last successful run, nothing is generated; otherwise only files whose
 * content changed are rewritten and classes of removed workflows are deleted. Problems in the
 * documents are reported as {@code file:line:column} errors and fail the build.
 *
 * <p>The least configuration is an execution of this goal with a {@code packageName}: <code>&lt;configuration&gt;
 * &lt;packageName&gt;com.example.pets&lt;/packageName&gt;&lt;/configuration&gt;</code>. The project also needs
 * {@code dev.arazzo:arazzo-runtime} (unless {@code runtime} is {@code inline}) and {@code jackson-databind}
 * as dependencies: the goal fails, naming them, when the compile classpath lacks them.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    /**
     * Arazzo documents to generate from, relative to the project's base directory or absolute. Each
     * must exist. When none are listed and no {@code specDirectory} is set, the documents are found
     * in {@code src/main/arazzo}.
     *
     * <p>Default: none.
     *
     * <p>Example: <code>&lt;specs&gt;
     * &lt;spec&gt;src/main/arazzo/amazon-connect-start-chat-and-set-attributes-workflow.yml&lt;/spec&gt;
     * &lt;/specs&gt;</code>
     */
    @Parameter
    private List<File> specs;

    /**
     * A folder searched for Arazzo documents with {@code includes} and {@code excludes}; the documents
     * found are used together with any listed in {@code specs}. When unset it is
     * <code>${project.basedir}/src/main/arazzo</code>, searched only if {@code specs} is empty. A folder that
     * does not exist holds no documents.
     *
     * <p>Default: <code>${project.basedir}/src/main/arazzo</code> (when {@code specs} is empty).
     *
     * <p>Example: <code>&lt;specDirectory&gt;${project.basedir}/src/main/workflows&lt;/specDirectory&gt;</code>
     */
    @Parameter(property = "arazzo.specDirectory")
    private File specDirectory;

    /**
     * Ant-style patterns, relative to {@code specDirectory}, of the documents to generate from
     * ({@code **} any folders, {@code *} any characters of a name).
     *
     * <p>Default: {@code **&#47;*.arazzo.yaml}, {@code **&#47;*-arazzo.yaml}, {@code **&#47;arazzo.yaml} and
     * {@code **&#47;*-workflow.yaml}, each also with {@code .yml} and {@code .json}: Arazzo documents are told
     * apart from the OpenAPI documents next to them by their names.
     *
     * <p>Example: <code>&lt;includes&gt;&lt;include&gt;**&#47;*.arazzo.yaml&lt;/include&gt;
     * &lt;include&gt;shop/*.yaml&lt;/include&gt;&lt;/includes&gt;</code>
     */
    @Parameter
    private List<String> includes;

    /**
     * Ant-style patterns, relative to {@code specDirectory}, of documents to leave out although
     * {@code includes} match them.
     *
     * <p>Default: none.
     *
     * <p>Example: <code>&lt;excludes&gt;&lt;exclude&gt;drafts/**&lt;/exclude&gt;&lt;/excludes&gt;</code>
     */
    @Parameter
    private List<String> excludes;

    /**
     * The Java package of the generated classes. Required unless {@code packages} gives every
     * document its own package.
     *
     * <p>Default: none.
     *
     * <p>Example: <code>&lt;packageName&gt;com.example.connect&lt;/packageName&gt;</code>
     */
    @Parameter(property = "arazzo.packageName")
    private String packageName;

    /**
     * A Java package for the classes of particular documents, overriding {@code packageName}. Each
     * {@code spec} must be one of the documents this execution generates from.
     *
     * <p>Default: none.
     *
     * <p>Example: <code>&lt;packages&gt;&lt;package&gt;&lt;spec&gt;src/main/arazzo/shop.arazzo.yaml&lt;/spec&gt;
     * &lt;name&gt;com.example.shop&lt;/name&gt;&lt;/package&gt;&lt;/packages&gt;</code>
     */
    @Parameter
    private List<PackageMapping> packages;

    /**
     * Where the generated sources are written; added to the project's compile source roots, also
     * when the goal is skipped or finds nothing to do. Several executions may share it as long as
     * they generate into different packages.
     *
     * <p>Example: <code>&lt;outputDirectory&gt;target/generated-sources/flows&lt;/outputDirectory&gt;</code>
     */
    @Parameter(property = "arazzo.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/arazzo",
            required = true)
    private File outputDirectory;

    /**
     * Local files read in place of {@code sourceDescriptions} urls: for offline builds, mirrors or a
     * pinned copy of an API description. The url must be written exactly as in the Arazzo document, or as
     * resolved against the document's {@code $self} (Arazzo 1.1).
     *
     * <p>Default: none.
     *
     * <p>Example: <code>&lt;sourceMappings&gt;&lt;sourceMapping&gt;
     * &lt;url&gt;https://api.example.com/openapi.yaml&lt;/url&gt;&lt;file&gt;src/main/openapi/example.yaml&lt;/file&gt;
     * &lt;/sourceMapping&gt;&lt;/sourceMappings&gt;</code>
     */
    @Parameter
    private List<SourceMapping> sourceMappings;

    /**
     * Folders outside the project whose files source urls and OpenAPI {@code $ref}s may name. Without
     * them a build reads only files below the project's base directory and the folders of the mapped
     * files, never anything below {@code /etc}, {@code /proc}, {@code /dev} or {@code /sys}, and nothing
     * remote.
     *
     * <p>Default: none.
     *
     * <p>Example: <code>&lt;allowedRoots&gt;&lt;allowedRoot&gt;../api-descriptions&lt;/allowedRoot&gt;
     * &lt;/allowedRoots&gt;</code>
     */
    @Parameter
    private List<File> allowedRoots;

    /**
     * Whether warnings about the documents fail the build like errors do.
     *
     * <p>Example: <code>&lt;warningsAsErrors&gt;true&lt;/warningsAsErrors&gt;</code>
     */
    @Parameter(property = "arazzo.warningsAsErrors", defaultValue = "false")
    private boolean warningsAsErrors;

    /**
     * Where the generated code's run-time support (HTTP exchange, JSON values, criteria helpers, the
     * exception types) comes from:
     * <ul>
     *   <li>{@code shared}: the {@code dev.arazzo:arazzo-runtime} jar (package {@code dev.arazzo.runtime}),
     *       which the project lists as a dependency of the same version as this plugin; the plugin adds
     *       nothing to the project's classpath itself. Every generated package shares one
     *       {@code WorkflowException} hierarchy, one {@code RequestInterceptor} and one
     *       {@code WorkflowListener}.</li>
     *   <li>{@code inline}: the runtime's sources are written into each generated package, only those
     *       its workflows need; the project then needs only jackson-databind (and Saxon-HE for XPath 2.0+
     *       criteria).</li>
     * </ul>
     *
     * <p>Example: <code>&lt;runtime&gt;inline&lt;/runtime&gt;</code>
     */
    @Parameter(property = "arazzo.runtime", defaultValue = "shared")
    private String runtime;

    /**
     * Whether a step whose operation takes an idempotency token (a {@code ClientToken} request body
     * member, an {@code Idempotency-Key} header) that the step does not set sends a new UUID for each
     * step execution, the same one on its retries, so that a retried request is not carried out twice.
     * With {@code false} no token is sent unless the Arazzo document gives one.
     *
     * <p>Example: <code>&lt;idempotencyTokens&gt;false&lt;/idempotencyTokens&gt;</code>
     */
    @Parameter(property = "arazzo.idempotencyTokens", defaultValue = "true")
    private boolean idempotencyTokens = true;

    /**
     * Whether a build that finds no Arazzo document fails, saying which folder it searched with which patterns.
     * With {@code false} it only warns (for a project whose documents come and go).
     *
     * <p>Example: <code>&lt;failIfNoSpecs&gt;false&lt;/failIfNoSpecs&gt;</code>
     */
    @Parameter(property = "arazzo.failIfNoSpecs", defaultValue = "true")
    private boolean failIfNoSpecs = true;

    /**
     * Warnings to leave out of the log (and so never made errors by {@code warningsAsErrors}): each a diagnostic
     * code, the word in brackets ({@code unknown-step}), or a code and a file ({@code unknown-step@vendor-arazzo.yaml}:
     * only the warnings located in a file whose path ends with that one). Errors cannot be left out.
     *
     * <p>Default: none.
     *
     * <p>Example: <code>&lt;suppressWarnings&gt;
     * &lt;suppressWarning&gt;legacy-expression@vendor-arazzo.yaml&lt;/suppressWarning&gt;
     * &lt;/suppressWarnings&gt;</code>
     */
    @Parameter
    private List<String> suppressWarnings;

    /**
     * Skips generation. The output folder is still added as a compile source root, so sources
     * generated earlier are compiled.
     *
     * <p>Example: <code>&lt;skip&gt;true&lt;/skip&gt;</code>
     */
    @Parameter(property = "arazzo.skip", defaultValue = "false")
    private boolean skip;

    /** Holds one incremental-build state file per execution id. */
    @Parameter(defaultValue = "${project.build.directory}/arazzo-state", readonly = true, required = true)
    private File stateDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** Collects the project's dependencies for {@link #checkClasspath()}, only when the goal generates. */
    @Inject
    private ProjectDependenciesResolver dependenciesResolver;

    /** Tells an IDE (m2e) which files changed; Maven's own implementation does nothing. */
    @Inject
    private BuildContext buildContext;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        String where = outputDirectory == null ? "this project"
                : "the documents generated into ".concat(outputDirectory.toString());
        // classes rather than lambdas and method references on the way to an up-to-date check: each first
        // invokedynamic bootstraps the JDK's lambda machinery, which no other part of a no-op build loads
        ExecuteBoundary.run(getLog(), where, new ExecuteBoundary.Work() {
            @Override
            public void run() throws MojoExecutionException, MojoFailureException {
                generate();
            }
        });
    }

    private void generate() throws MojoExecutionException, MojoFailureException {
        Path output = outputDirectory.toPath().toAbsolutePath().normalize();
        // First, whatever happens next: a skipped or up-to-date run must still compile what is there.
        project.addCompileSourceRoot(output.toString());
        if (skip) {
            getLog().info("Skipping Arazzo code generation (arazzo.skip)");
            return;
        }
        GenerationReport report = new GenerationReport(project.getBasedir().toPath());
        List<Path> documents = documents();
        if (documents.isEmpty()) {
            // the last document was removed: so are the classes generated from it
            try {
                List<Path> removed = new IncrementalGeneration(stateFile(), ArazzoCodegen::generate).clean();
                if (!removed.isEmpty()) {
                    getLog().info("Removed " + removed.size() + " file(s) generated from Arazzo documents that are gone");
                }
            } catch (IOException | UncheckedIOException e) {
                throw new MojoExecutionException("Arazzo code generation failed: " + e.getMessage(), e);
            }
            String nothing = report.noDocuments(scannedDirectory().toPath(), effectiveIncludes(), nonNull(excludes));
            if (failIfNoSpecs) {
                throw new MojoFailureException(nothing);
            }
            getLog().warn(nothing);
            return;
        }
        GenerationRequest request = request(documents, output);
        // The classpath is checked only when there is something to generate: an up-to-date build collects nothing.
        IncrementalGeneration generation = new IncrementalGeneration(stateFile(), new CheckedGeneration());

        IncrementalGeneration.Outcome outcome;
        try {
            outcome = generation.run(request);
        } catch (ClasspathFailure e) {
            if (e.getCause() instanceof MojoFailureException failure) {
                throw failure;
            }
            throw (MojoExecutionException) e.getCause();
        } catch (IOException | UncheckedIOException e) {
            throw new MojoExecutionException("Arazzo code generation failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("The Arazzo generator failed unexpectedly; this is a bug: " + e, e);
        }

        if (outcome instanceof IncrementalGeneration.UpToDate upToDate) {
            checkDeclaredClasspath();
            getLog().info(report.upToDate(documents.size(), upToDate.state().outputs().size()));
            // the documents did not change, so neither did their warnings: show them again until fixed
            for (String warning : upToDate.state().warnings()) {
                getLog().warn(warning);
            }
            return;
        }
        IncrementalGeneration.Generated generated = (IncrementalGeneration.Generated) outcome;
        getLog().debug("Generating Arazzo sources: " + generated.reason());
        GenerationResult result = generated.result();
        for (Diagnostic diagnostic : result.diagnostics()) {
            if (diagnostic.isError()) {
                getLog().error(diagnostic.toString());
            } else {
                getLog().warn(diagnostic.toString());
            }
        }
        if (result.hasErrors()) {
            throw new MojoFailureException(report.failure(result));
        }
        report.perSpec(documents, result).forEach(getLog()::info);
        report.workflowClasses(result).forEach(getLog()::info);
        if (!result.deleted().isEmpty()) {
            getLog().info(report.deleted(result.deleted()));
        }
        if (!result.written().isEmpty() || !result.deleted().isEmpty()) {
            buildContext.refresh(output.toFile());
        }
    }

    /** The listed specs, then those found in the spec folder; each once. */
    private List<Path> documents() throws MojoExecutionException, MojoFailureException {
        Set<Path> found = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        for (File spec : nonNull(specs)) {
            Path path = spec.toPath().toAbsolutePath().normalize();
            if (Files.isRegularFile(path)) {
                found.add(path);
            } else {
                missing.add(path.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new MojoFailureException("Arazzo spec(s) listed in <specs> do not exist: " + String.join(", ", missing));
        }
        if (specDirectory != null || found.isEmpty()) {
            try {
                for (Path path : new SpecFinder(effectiveIncludes(), nonNull(excludes)).find(scannedDirectory().toPath())) {
                    found.add(path.toAbsolutePath().normalize());
                }
            } catch (IOException | UncheckedIOException e) {
                throw new MojoExecutionException("Cannot search " + scannedDirectory() + " for Arazzo documents: "
                        + e.getMessage(), e);
            }
        }
        return List.copyOf(found);
    }

    private File scannedDirectory() {
        return specDirectory != null ? specDirectory : new File(project.getBasedir(), "src/main/arazzo");
    }

    private List<String> effectiveIncludes() {
        return includes == null || includes.isEmpty() ? SpecFinder.DEFAULT_INCLUDES : includes;
    }

    /**
     * The one request for the core; every configuration mistake reported at once. The parameters are
     * mapped as given; the core checks what they mean ({@link ArazzoCodegen#checkConfiguration}) and
     * its problems are worded here in the plugin's parameter names.
     */
    private GenerationRequest request(List<Path> documents, Path output) throws MojoFailureException {
        List<String> problems = new ArrayList<>();
        GenerationRequest.Builder request = GenerationRequest.builder()
                .specs(documents)
                .projectDirectory(project.getBasedir().toPath())
                .outputDirectory(output)
                .warningsAsErrors(warningsAsErrors)
                .idempotencyTokens(idempotencyTokens);
        java.util.Optional<RuntimeMode> mode = RuntimeMode.fromConfigName(runtime == null ? "shared" : runtime);
        if (mode.isPresent()) {
            request.runtime(mode.get());
        } else {
            problems.add("<runtime> is '" + runtime + "'; it is 'shared' (the arazzo-runtime jar) or"
                    + " 'inline' (its sources in the generated package)");
        }
        request.packageName(packageName == null ? "" : packageName.trim());
        for (PackageMapping mapping : nonNull(packages)) {
            if (mapping.getSpec() == null || mapping.getName() == null || mapping.getName().isBlank()) {
                problems.add("<package> " + mapping + " needs both <spec> and <name>");
            } else {
                request.packageFor(mapping.getSpec().toPath().toAbsolutePath().normalize(), mapping.getName().trim());
            }
        }
        for (String suppression : nonNull(suppressWarnings)) {
            request.suppressWarning(suppression.strip());
        }
        for (File root : nonNull(allowedRoots)) {
            request.allowedRoot(root.toPath().toAbsolutePath().normalize());
        }
        for (SourceMapping mapping : nonNull(sourceMappings)) {
            if (mapping.getUrl() == null || mapping.getUrl().isBlank() || mapping.getFile() == null) {
                problems.add("<sourceMapping> " + mapping + " needs both <url> and <file>");
            } else {
                request.sourceMapping(mapping.getUrl().trim(), mapping.getFile().toPath().toAbsolutePath().normalize());
            }
        }
        GenerationRequest built = request.build();
        for (Diagnostic problem : ArazzoCodegen.checkConfiguration(built)) {
            if (problem.isError()) {
                problems.add(configurationProblem(problem));
            }
        }
        if (!problems.isEmpty()) {
            throw new MojoFailureException("Invalid arazzo-maven-plugin configuration:\n" + String.join("\n", problems));
        }
        return built;
    }

    /** A configuration problem the core found, in the plugin's parameter names. */
    private String configurationProblem(Diagnostic problem) {
        Path file = problem.location().file();
        return switch (problem.code()) {
            case "missing-package" -> "no Java package for " + file + ": set <packageName> or map it in <packages>";
            case "unknown-package-spec" -> "<package> names " + file + ", which is not one of the specs generated from";
            case "missing-mapped-file" -> nonNull(sourceMappings).stream()
                    .filter(m -> m.getFile() != null && m.getFile().toPath().toAbsolutePath().normalize().equals(file))
                    .findFirst()
                    .map(m -> "<sourceMapping> for " + m.getUrl() + " names " + m.getFile() + ", which does not exist")
                    .orElse(problem.message());
            case "invalid-suppression" -> "<suppressWarnings>: " + problem.message();
            case "invalid-package" -> "<packageName> or <packages>: " + problem.message();
            default -> problem.message();
        };
    }

    /**
     * Fails the build, before anything is generated, when the compile classpath lacks what the generated code
     * calls ({@link ClasspathCheck}); warns about versions that do not fit. The classpath is collected here
     * ({@link CompileClasspath}), not by Maven before every run of the goal, and only when the declared
     * dependencies could give another answer ({@link DeclaredClasspath#declaredExactly}).
     */
    private void checkClasspath() throws MojoFailureException, MojoExecutionException {
        ClasspathCheck check = classpathCheck(DeclaredClasspath.forGeneration(project.getDependencies(), runtimeMode(),
                new DeclaredClasspath.Collector() {
                    @Override
                    public List<ClasspathCheck.Dependency> collect() throws MojoExecutionException {
                        return collectClasspath();
                    }
                }));
        check.warnings().forEach(getLog()::warn);
        failIfMissing(check);
    }

    /**
     * On an up-to-date build, the same failure as {@link #checkClasspath()} when a dependency the generated code
     * calls was removed from the pom since the last generation, which changes no input of the generation: the
     * dependencies the pom declares are read (no collection), and only when they do not name both is the
     * classpath collected, for a dependency that comes in through another one. Version warnings are for builds
     * that generate.
     */
    private void checkDeclaredClasspath() throws MojoFailureException, MojoExecutionException {
        if (classpathCheck(DeclaredClasspath.inCompileScopes(project.getDependencies())).missing().isPresent()) {
            failIfMissing(classpathCheck(collectClasspath()));
        }
    }

    /** The project's compile classpath, collected (poms only, no file resolved). */
    private List<ClasspathCheck.Dependency> collectClasspath() throws MojoExecutionException {
        return CompileClasspath.collect(dependenciesResolver, project, session.getRepositorySession());
    }

    /** The check of {@code classpath} for this execution's runtime mode and the plugin's version. */
    private ClasspathCheck classpathCheck(List<ClasspathCheck.Dependency> classpath) {
        return new ClasspathCheck(runtimeMode(), ArazzoCodegen.VERSION, classpath);
    }

    private RuntimeMode runtimeMode() {
        return RuntimeMode.fromConfigName(runtime == null ? "shared" : runtime).orElse(RuntimeMode.SHARED);
    }

    private static void failIfMissing(ClasspathCheck check) throws MojoFailureException {
        java.util.Optional<String> missing = check.missing();
        if (missing.isPresent()) {
            throw new MojoFailureException(missing.get());
        }
    }

    /** One state file per execution, so that several executions in one project do not interfere. */
    private Path stateFile() {
        String id = mojoExecution.getExecutionId().replaceAll("[^A-Za-z0-9._-]", "_");
        return stateDirectory.toPath().resolve(id + ".state");
    }

    /** The generator, after {@link #checkClasspath()}: run only when there is something to generate. */
    private final class CheckedGeneration implements java.util.function.Function<GenerationRequest, GenerationResult> {
        @Override
        public GenerationResult apply(GenerationRequest request) {
            try {
                checkClasspath();
            } catch (MojoFailureException | MojoExecutionException e) {
                throw new ClasspathFailure(e);
            }
            return ArazzoCodegen.generate(request);
        }
    }

    /** Carries a failure of {@link #checkClasspath()} out of the generator function. */
    private static final class ClasspathFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClasspathFailure(AbstractMojoExecutionException cause) {
            super(cause);
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
