package dev.arazzo.maven;

import dev.arazzo.codegen.RuntimeMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionRequest;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.graph.DependencyNode;

/**
 * The project's compile classpath, as {@link ClasspathCheck} reads it: collected by Maven's own resolver when the goal
 * is about to generate, not for every build (the goal declares no {@code requiresDependencyCollection}, which would
 * have Maven collect the project's dependencies before every run, up-to-date ones included).
 */
final class CompileClasspath {

    /**
     * Accepts no node: Maven collects the dependency graph (poms only, with version mediation and scopes) and
     * resolves no file, as it does for a mojo's {@code requiresDependencyCollection}.
     */
    static final DependencyFilter NO_FILES = (node, parents) -> false;

    /** A version Maven takes as written: no range, no property, no meta version, no timestamped snapshot. */
    private static final Pattern PLAIN_VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._+-]*");
    private static final Pattern TIMESTAMPED_SNAPSHOT = Pattern.compile(".*-[0-9]{8}\\.[0-9]{6}-[0-9]+");

    /** Collects the compile classpath; for {@link #forGeneration}, so that a test sees whether it was asked to. */
    interface Collector {
        List<ClasspathCheck.Dependency> collect() throws MojoExecutionException;
    }

    private CompileClasspath() {
    }

    /**
     * The classpath for the check of a generating build: the dependencies {@code declared} in the project's model
     * where they give the answer collection would (see {@link #declaredExactly}), else {@code collector}'s.
     */
    static List<ClasspathCheck.Dependency> forGeneration(List<org.apache.maven.model.Dependency> declared,
            RuntimeMode runtime, Collector collector) throws MojoExecutionException {
        Optional<List<ClasspathCheck.Dependency>> exact = declaredExactly(declared, runtime);
        return exact.isPresent() ? exact.get() : collector.collect();
    }

    /**
     * What {@link ClasspathCheck} reads of the compile classpath (jackson-databind, and arazzo-runtime unless
     * {@code runtime} is inline), taken from the project's declared dependencies (the effective model:
     * dependencyManagement and properties applied) when collection could not give another answer: each is
     * declared once, directly, in compile scope (the default), as a plain jar without classifier, with a version
     * that is not a range, a property, {@code LATEST}/{@code RELEASE} or a timestamped snapshot. Maven's
     * nearest-wins mediation then puts exactly that version on the classpath. Empty when any of that does not
     * hold: the classpath is then collected.
     */
    static Optional<List<ClasspathCheck.Dependency>> declaredExactly(List<org.apache.maven.model.Dependency> declared,
            RuntimeMode runtime) {
        List<ClasspathCheck.Dependency> found = new ArrayList<>(2);
        if (!declaredOnce(declared, ClasspathCheck.JACKSON_GROUP, ClasspathCheck.JACKSON_ARTIFACT, found)) {
            return Optional.empty();
        }
        if (runtime == RuntimeMode.SHARED
                && !declaredOnce(declared, ClasspathCheck.RUNTIME_GROUP, ClasspathCheck.RUNTIME_ARTIFACT, found)) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(found));
    }

    private static boolean declaredOnce(List<org.apache.maven.model.Dependency> declared, String groupId,
            String artifactId, List<ClasspathCheck.Dependency> found) {
        org.apache.maven.model.Dependency match = null;
        for (org.apache.maven.model.Dependency dependency : declared) {
            if (groupId.equals(dependency.getGroupId()) && artifactId.equals(dependency.getArtifactId())) {
                if (match != null) {
                    return false; // twice (another type or classifier): leave it to the resolver
                }
                match = dependency;
            }
        }
        if (match == null || !blankOr(match.getScope(), "compile") || !blankOr(match.getType(), "jar")
                || !blankOr(match.getClassifier(), "")) {
            return false;
        }
        String version = match.getVersion();
        if (version == null || !PLAIN_VERSION.matcher(version).matches()
                || TIMESTAMPED_SNAPSHOT.matcher(version).matches()
                || version.equals("LATEST") || version.equals("RELEASE")) {
            return false;
        }
        found.add(new ClasspathCheck.Dependency(groupId, artifactId, version));
        return true;
    }

    private static boolean blankOr(String value, String expected) {
        return value == null || value.isEmpty() || value.equals(expected);
    }

    /**
     * Collects {@code project}'s dependencies with the build's repository session (so reactor projects, offline mode
     * and mirrors behave as in the rest of the build) and returns those on the compile classpath.
     *
     * @throws MojoExecutionException when Maven cannot collect them (a missing pom, a repository that cannot be
     *     reached); its message says which dependency
     */
    static List<ClasspathCheck.Dependency> collect(ProjectDependenciesResolver resolver, MavenProject project,
            RepositorySystemSession session) throws MojoExecutionException {
        DependencyResolutionRequest request = new DefaultDependencyResolutionRequest(project, session)
                .setResolutionFilter(NO_FILES);
        try {
            return of(resolver.resolve(request).getDependencyGraph());
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException("Cannot collect the dependencies of " + project.getId()
                    + ", which the Arazzo generator checks for what the generated code calls: " + e.getMessage(), e);
        }
    }

    /**
     * The artifacts of a collected graph that are on the compile classpath (scope compile, provided or system, as
     * Maven derived it for transitive ones), each once, nearest first.
     */
    static List<ClasspathCheck.Dependency> of(DependencyNode root) {
        Map<String, ClasspathCheck.Dependency> found = new LinkedHashMap<>();
        Set<DependencyNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<DependencyNode> level = new ArrayList<>(root == null ? List.of() : root.getChildren());
        while (!level.isEmpty()) {
            List<DependencyNode> next = new ArrayList<>();
            for (DependencyNode node : level) {
                if (!seen.add(node) || node.getDependency() == null) {
                    continue;
                }
                String scope = node.getDependency().getScope();
                if (!scope.isEmpty() && !ClasspathCheck.COMPILE_SCOPES.contains(scope)) {
                    continue;
                }
                Artifact artifact = node.getArtifact();
                found.putIfAbsent(artifact.getGroupId() + ":" + artifact.getArtifactId(), new ClasspathCheck.Dependency(
                        artifact.getGroupId(), artifact.getArtifactId(), artifact.getBaseVersion()));
                next.addAll(node.getChildren());
            }
            level = next;
        }
        return List.copyOf(found.values());
    }
}
