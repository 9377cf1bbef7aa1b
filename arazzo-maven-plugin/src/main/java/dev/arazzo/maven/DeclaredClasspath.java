package dev.arazzo.maven;

import dev.arazzo.codegen.RuntimeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The compile classpath as {@link ClasspathCheck} reads it, from the dependencies the project declares: for a
 * generating build where they give the answer collection would ({@link #forGeneration}), so that such a build does
 * not collect the dependency graph ({@link CompileClasspath}, whose class is not even loaded then); for an
 * up-to-date build every one in a compile scope ({@link #inCompileScopes}), checked for presence only.
 */
final class DeclaredClasspath {

    /** A version Maven takes as written: no range, no property, no meta version, no timestamped snapshot. */
    private static final Pattern PLAIN_VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._+-]*");
    private static final Pattern TIMESTAMPED_SNAPSHOT = Pattern.compile(".*-[0-9]{8}\\.[0-9]{6}-[0-9]+");

    /** Collects the compile classpath ({@link CompileClasspath#collect}); a test counts whether it is asked to. */
    interface Collector {
        List<ClasspathCheck.Dependency> collect() throws MojoExecutionException;
    }

    private DeclaredClasspath() {
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

    /**
     * Every dependency {@code declared} in a scope on the compile classpath (compile, the default, provided,
     * system), with its version as written: what an up-to-date build checks for presence, collecting only when
     * one the generated code calls is not among them.
     */
    static List<ClasspathCheck.Dependency> inCompileScopes(List<org.apache.maven.model.Dependency> declared) {
        List<ClasspathCheck.Dependency> found = new ArrayList<>();
        for (org.apache.maven.model.Dependency dependency : declared) {
            String scope = dependency.getScope();
            if (scope == null || scope.isEmpty() || ClasspathCheck.COMPILE_SCOPES.contains(scope)) {
                found.add(new ClasspathCheck.Dependency(dependency.getGroupId(), dependency.getArtifactId(),
                        String.valueOf(dependency.getVersion())));
            }
        }
        return found;
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
}
