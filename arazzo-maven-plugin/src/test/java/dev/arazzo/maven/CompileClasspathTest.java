package dev.arazzo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.arazzo.codegen.RuntimeMode;
import dev.arazzo.maven.ClasspathCheck.Dependency;
import java.util.List;
import java.util.Optional;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.DefaultDependencyNode;
import org.eclipse.aether.graph.DependencyNode;
import org.junit.jupiter.api.Test;

class CompileClasspathTest {

    @Test
    void directAndTransitiveCompileDependenciesAreOnTheClasspath() {
        DependencyNode lib = node("com.example:orders-client:2.0", "compile",
                node("dev.arazzo:arazzo-runtime:1.2.0", "compile",
                        node("com.fasterxml.jackson.core:jackson-databind:2.17.1", "compile")));

        List<Dependency> classpath = CompileClasspath.of(root(lib));

        assertEquals(List.of(new Dependency("com.example", "orders-client", "2.0"),
                new Dependency("dev.arazzo", "arazzo-runtime", "1.2.0"),
                new Dependency("com.fasterxml.jackson.core", "jackson-databind", "2.17.1")), classpath);
        // arazzo-runtime only through another dependency is enough for the check
        assertEquals(Optional.empty(), new ClasspathCheck(RuntimeMode.SHARED, "1.2.0", classpath).missing());
    }

    @Test
    void providedAndSystemAreOnItRuntimeAndTestAreNot() {
        List<Dependency> classpath = CompileClasspath.of(root(
                node("com.fasterxml.jackson.core:jackson-databind:2.17.1", "provided"),
                node("com.example:tools:1.0", "system"),
                node("com.example:unscoped:1.0", ""),
                node("dev.arazzo:arazzo-runtime:1.2.0", "test"),
                node("com.example:driver:3.0", "runtime",
                        node("com.example:driver-deps:3.0", "runtime"))));

        assertEquals(List.of(new Dependency("com.fasterxml.jackson.core", "jackson-databind", "2.17.1"),
                new Dependency("com.example", "tools", "1.0"), new Dependency("com.example", "unscoped", "1.0")),
                classpath);
        assertEquals(Optional.of("The generated code calls arazzo-runtime, which is not on the project's compile"
                + " classpath: add <dependency><groupId>dev.arazzo</groupId><artifactId>arazzo-runtime</artifactId>"
                + "<version>1.2.0</version></dependency> to <dependencies> (or set <runtime>inline</runtime> to write"
                + " the runtime's sources into the package)."),
                new ClasspathCheck(RuntimeMode.SHARED, "1.2.0", classpath).missing());
    }

    @Test
    void theNearestOfTwoVersionsIsTakenAndSnapshotsKeepTheirBaseVersion() {
        List<Dependency> classpath = CompileClasspath.of(root(
                node("com.example:lib:1.0", "compile", node("dev.arazzo:arazzo-runtime:1.1.0", "compile")),
                node("dev.arazzo:arazzo-runtime:1.2.0-20260101.120000-3", "compile")));

        assertEquals(List.of(new Dependency("com.example", "lib", "1.0"),
                new Dependency("dev.arazzo", "arazzo-runtime", "1.2.0-SNAPSHOT")), classpath);
    }

    @Test
    void aNodeReachedTwiceIsReadOnce() {
        DependencyNode shared = node("com.fasterxml.jackson.core:jackson-databind:2.17.1", "compile");
        List<Dependency> classpath = CompileClasspath.of(root(node("com.example:a:1", "compile", shared),
                node("com.example:b:1", "compile", shared)));

        assertEquals(3, classpath.size());
        assertFalse(CompileClasspath.NO_FILES.accept(shared, List.of()));
    }

    private static DependencyNode root(DependencyNode... children) {
        DefaultDependencyNode root = new DefaultDependencyNode(new DefaultArtifact("com.example:app:1.0"));
        root.setChildren(List.of(children));
        return root;
    }

    private static DependencyNode node(String coordinates, String scope, DependencyNode... children) {
        DefaultDependencyNode node = new DefaultDependencyNode(
                new org.eclipse.aether.graph.Dependency(new DefaultArtifact(coordinates), scope));
        node.setChildren(List.of(children));
        return node;
    }
}
