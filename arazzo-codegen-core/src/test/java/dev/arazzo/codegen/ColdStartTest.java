package dev.arazzo.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.load.DocumentLoader;
import dev.arazzo.codegen.load.SchemaChecker;
import dev.arazzo.codegen.testing.Shared;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a first generation in a fresh JVM loads: a library a document does not need is not initialised. Each case
 * runs in a class loader of its own over the test class path, which records every class it defines (a JVM shares
 * its classes between tests, so the test JVM's own loader could not tell).
 */
class ColdStartTest {

    @TempDir
    Path output;

    @Test
    void theSeedLoadsNoSaxonClass() throws Exception {
        Path openapi = Path.of(ColdStartTest.class.getResource("/seed/amazon-connect-openapi.yml").toURI());
        Set<String> loaded = loadedBy("generate", Shared.seedWorkflow().toString(), openapi.toString(),
                output.toString());

        assertTrue(loaded.contains("dev.arazzo.codegen.emit.WorkflowEmitter"), "the generation ran in the loader");
        assertEquals(List.of(), withPrefix(loaded, "net.sf.saxon."), "the seed has no XPath of XPath 2.0 or later");
        assertFalse(loaded.contains("com.networknt.schema.format.Formats"), "formats are annotations in draft 2020-12");
    }

    @Test
    void aJsonDocumentIsLoadedAndSchemaCheckedWithoutYaml() throws Exception {
        Path json = Shared.root().resolve("corpus/oak-postmarkapp-server/workflows.arazzo.json");
        Set<String> loaded = loadedBy("check", json.toString());

        assertTrue(loaded.contains("dev.arazzo.codegen.load.SchemaChecker"), "the schema check ran in the loader");
        assertEquals(List.of(), withPrefix(loaded, "org.yaml."));
        assertEquals(List.of(), withPrefix(loaded, "com.fasterxml.jackson.dataformat.yaml."));
    }

    @Test
    void aYamlDocumentLoadsTheYamlParser() throws Exception {
        Set<String> loaded = loadedBy("check", Shared.seedWorkflow().toString());

        assertFalse(withPrefix(loaded, "org.yaml.snakeyaml.").isEmpty(), "the recording sees what a document needs");
    }

    private static List<String> withPrefix(Set<String> classes, String prefix) {
        return classes.stream().filter(name -> name.startsWith(prefix)).sorted().toList();
    }

    /** Runs {@code Probe.method(arguments)} in a fresh class loader; the names of the classes it defined. */
    private static Set<String> loadedBy(String method, String... arguments) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(url(entry));
        }
        try (RecordingLoader loader = new RecordingLoader(urls.toArray(URL[]::new))) {
            Class<?> probe = Class.forName(Probe.class.getName(), true, loader);
            Object diagnostics = probe.getMethod(method, String[].class).invoke(null, (Object) arguments);
            assertEquals(List.of(), diagnostics, "the case generates without a diagnostic");
            return Set.copyOf(loader.defined);
        }
    }

    private static URL url(String entry) {
        try {
            return new File(entry).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Defines every class of the class path itself (its parent is the platform loader) and names each one. */
    private static final class RecordingLoader extends URLClassLoader {

        private final Set<String> defined = ConcurrentHashMap.newKeySet();

        RecordingLoader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            Class<?> found = super.findClass(name);
            defined.add(name);
            return found;
        }
    }

    /** What runs inside the fresh loader; each method returns the diagnostics, as text. */
    public static final class Probe {

        private Probe() {
        }

        /** Generates {@code arguments[0]} (its one OpenAPI source read from {@code arguments[1]}) into {@code arguments[2]}. */
        public static List<String> generate(String[] arguments) {
            Path spec = Path.of(arguments[0]);
            GenerationRequest request = GenerationRequest.builder().spec(spec).outputDirectory(Path.of(arguments[2]))
                    .packageName("com.example.connect")
                    .sourceMapping("../openapi/amazon-connect-openapi.yml", Path.of(arguments[1])).build();
            return ArazzoCodegen.generate(request).diagnostics().stream().map(Object::toString).toList();
        }

        /** Loads {@code arguments[0]} and checks it against its release's JSON Schema. */
        public static List<String> check(String[] arguments) {
            Path file = Path.of(arguments[0]).toAbsolutePath();
            Diagnostics diagnostics = new Diagnostics();
            new DocumentLoader().load(file, SourceLocation.ofFile(file, ""), diagnostics)
                    .flatMap(source -> SchemaChecker.read(source, diagnostics));
            return diagnostics.all().stream().map(Object::toString).toList();
        }
    }
}
