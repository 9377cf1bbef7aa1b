package dev.arazzo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arazzo.codegen.RuntimeMode;
import dev.arazzo.maven.ClasspathCheck.Dependency;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When a generating build takes the classpath from the declared dependencies ({@link DeclaredClasspath#forGeneration})
 * rather than collecting it: only where the declared list gives the collected answer.
 */
class DeclaredClasspathTest {

    private static final String RUNTIME = "dev.arazzo:arazzo-runtime";
    private static final String JACKSON = "com.fasterxml.jackson.core:jackson-databind";

    /** A collector that counts its calls and answers with a classpath of its own. */
    private static final class CountingCollector implements DeclaredClasspath.Collector {
        int calls;

        @Override
        public List<Dependency> collect() {
            calls++;
            return List.of(new Dependency("dev.arazzo", "arazzo-runtime", "collected"),
                    new Dependency("com.fasterxml.jackson.core", "jackson-databind", "collected"));
        }
    }

    /**
     * Each row: the runtime mode, then the declared dependencies ({@code groupId:artifactId:version[:scope[:type
     * [:classifier]]]}, separated by {@code |}), and whether the classpath is collected.
     */
    @ParameterizedTest(name = "{0} {1}: collected {2}")
    @CsvSource(delimiter = ';', value = {
        // both declared directly, compile scope, plain versions: nearest wins picks exactly those
        "shared; dev.arazzo:arazzo-runtime:1.2.0|com.fasterxml.jackson.core:jackson-databind:2.17.1; false",
        "shared; dev.arazzo:arazzo-runtime:1.2.0:compile:jar|com.fasterxml.jackson.core:jackson-databind:2.14.0; false",
        "shared; dev.arazzo:arazzo-runtime:0.1.0-SNAPSHOT|com.fasterxml.jackson.core:jackson-databind:2.17.1; false",
        "shared; com.example:other:1.0|dev.arazzo:arazzo-runtime:1.2.0|com.fasterxml.jackson.core:jackson-databind:2.17.1"
                + "; false",
        "inline; com.fasterxml.jackson.core:jackson-databind:2.17.1; false",
        // a range, a property, a meta version, a timestamped snapshot: the resolver decides the version
        "shared; dev.arazzo:arazzo-runtime:[1.0,2.0)|com.fasterxml.jackson.core:jackson-databind:2.17.1; true",
        "shared; dev.arazzo:arazzo-runtime:1.2.0|com.fasterxml.jackson.core:jackson-databind:[2.15,); true",
        "shared; dev.arazzo:arazzo-runtime:1.2.0|com.fasterxml.jackson.core:jackson-databind:2.15.0,2.16.0; true",
        "shared; dev.arazzo:arazzo-runtime:${runtime.version}|com.fasterxml.jackson.core:jackson-databind:2.17.1; true",
        "shared; dev.arazzo:arazzo-runtime:1.2.0|com.fasterxml.jackson.core:jackson-databind:LATEST; true",
        "shared; dev.arazzo:arazzo-runtime:RELEASE|com.fasterxml.jackson.core:jackson-databind:2.17.1; true",
        "shared; dev.arazzo:arazzo-runtime:1.2.0-20260101.120000-3|com.fasterxml.jackson.core:jackson-databind:2.17.1"
                + "; true",
        "shared; dev.arazzo:arazzo-runtime:1.2.0|com.fasterxml.jackson.core:jackson-databind:; true",
        // one missing: it may come in through another dependency
        "shared; com.fasterxml.jackson.core:jackson-databind:2.17.1; true",
        "shared; dev.arazzo:arazzo-runtime:1.2.0; true",
        "inline; dev.arazzo:arazzo-runtime:1.2.0; true",
        "shared; com.example:orders-client:2.0; true",
        // another scope, type or classifier, or declared twice
        "shared; dev.arazzo:arazzo-runtime:1.2.0:provided|com.fasterxml.jackson.core:jackson-databind:2.17.1; true",
        "shared; dev.arazzo:arazzo-runtime:1.2.0:test|com.fasterxml.jackson.core:jackson-databind:2.17.1; true",
        "shared; dev.arazzo:arazzo-runtime:1.2.0|com.fasterxml.jackson.core:jackson-databind:2.17.1:runtime; true",
        "shared; dev.arazzo:arazzo-runtime:1.2.0|com.fasterxml.jackson.core:jackson-databind:2.17.1:system; true",
        "shared; dev.arazzo:arazzo-runtime:1.2.0:compile:test-jar|com.fasterxml.jackson.core:jackson-databind:2.17.1"
                + "; true",
        "shared; dev.arazzo:arazzo-runtime:1.2.0:compile:jar:tests|com.fasterxml.jackson.core:jackson-databind:2.17.1"
                + "; true",
        "shared; dev.arazzo:arazzo-runtime:1.2.0|dev.arazzo:arazzo-runtime:1.2.0:compile:jar:sources"
                + "|com.fasterxml.jackson.core:jackson-databind:2.17.1; true",
    })
    void collectsWhenTheDeclaredListCouldDiffer(String mode, String declared, boolean collected)
            throws MojoExecutionException {
        CountingCollector collector = new CountingCollector();

        List<Dependency> classpath = DeclaredClasspath.forGeneration(declared(declared), runtime(mode), collector);

        assertEquals(collected ? 1 : 0, collector.calls);
        if (!collected) {
            // exactly the declared ones the check reads, with their declared versions
            List<Dependency> expected = new ArrayList<>();
            for (org.apache.maven.model.Dependency dependency : declared(declared)) {
                String key = dependency.getGroupId() + ":" + dependency.getArtifactId();
                if (key.equals(JACKSON) || key.equals(RUNTIME) && mode.equals("shared")) {
                    expected.add(new Dependency(dependency.getGroupId(), dependency.getArtifactId(),
                            dependency.getVersion()));
                }
            }
            assertEquals(expected.size(), classpath.size());
            assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(classpath));
        } else {
            assertEquals(collector.collect(), classpath);
        }
    }

    /** The declared shortcut fails and warns as the collected graph of the same direct dependencies does. */
    @ParameterizedTest(name = "runtime {0}, jackson {1}")
    @CsvSource({"1.2.0, 2.17.1", "1.1.0, 2.17.1", "1.2.0, 2.14.2", "1.1.0, 2.9.0", "1.2.0-SNAPSHOT, 2.15.0"})
    void theShortcutWarnsAsCollectionDoes(String runtimeVersion, String jacksonVersion)
            throws MojoExecutionException {
        List<org.apache.maven.model.Dependency> declared = declared(RUNTIME + ":" + runtimeVersion + "|" + JACKSON
                + ":" + jacksonVersion);
        List<Dependency> collected = List.of(new Dependency("dev.arazzo", "arazzo-runtime", runtimeVersion),
                new Dependency("com.fasterxml.jackson.core", "jackson-databind", jacksonVersion));
        CountingCollector collector = new CountingCollector();

        List<Dependency> shortcut = DeclaredClasspath.forGeneration(declared, RuntimeMode.SHARED, collector);

        assertEquals(0, collector.calls);
        ClasspathCheck byDeclared = new ClasspathCheck(RuntimeMode.SHARED, "1.2.0", shortcut);
        ClasspathCheck byCollection = new ClasspathCheck(RuntimeMode.SHARED, "1.2.0", collected);
        assertEquals(byCollection.warnings(), byDeclared.warnings());
        assertEquals(byCollection.missing(), byDeclared.missing());
    }

    @Test
    void aFailedCollectionIsTheBuildsFailure() {
        DeclaredClasspath.Collector failing = () -> {
            throw new MojoExecutionException("Cannot collect the dependencies of com.example:app:1.0");
        };

        MojoExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(MojoExecutionException.class,
                () -> DeclaredClasspath.forGeneration(declared(JACKSON + ":2.17.1"), RuntimeMode.SHARED, failing));
        assertEquals("Cannot collect the dependencies of com.example:app:1.0", e.getMessage());
    }

    private static RuntimeMode runtime(String mode) {
        return RuntimeMode.fromConfigName(mode).orElseThrow();
    }

    private static List<org.apache.maven.model.Dependency> declared(String list) {
        List<org.apache.maven.model.Dependency> dependencies = new ArrayList<>();
        for (String coordinates : list.split("\\|")) {
            String[] parts = coordinates.split(":", -1);
            org.apache.maven.model.Dependency dependency = new org.apache.maven.model.Dependency();
            dependency.setGroupId(parts[0]);
            dependency.setArtifactId(parts[1]);
            dependency.setVersion(parts[2].isEmpty() ? null : parts[2]);
            if (parts.length > 3) {
                dependency.setScope(parts[3]);
            }
            if (parts.length > 4) {
                dependency.setType(parts[4]);
            }
            if (parts.length > 5) {
                dependency.setClassifier(parts[5]);
            }
            dependencies.add(dependency);
        }
        return dependencies;
    }
}
