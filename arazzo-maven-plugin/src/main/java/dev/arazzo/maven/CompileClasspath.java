package dev.arazzo.maven;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private CompileClasspath() {
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
