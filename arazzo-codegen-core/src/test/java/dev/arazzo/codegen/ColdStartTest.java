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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a first generation in a fresh JVM loads: a library a document does not need is not initialised, and what
 * is needed is read once. Each case runs in a class loader of its own over the test class path, which records every
 * class it defines and every resource asked of it (a JVM shares its classes between tests, so the test JVM's own
 * loader could not tell).
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
    void theSeedsYamlOpenApiIsReadWithoutSwaggerCoresMappersOrAYamlWriter() throws Exception {
        Path openapi = Path.of(ColdStartTest.class.getResource("/seed/amazon-connect-openapi.yml").toURI());
        Set<String> loaded = loadedBy("generate", Shared.seedWorkflow().toString(), openapi.toString(),
                output.toString());

        assertTrue(loaded.contains("io.swagger.v3.parser.util.OpenAPIDeserializer"), "swagger-parser read it");
        // swagger-parser's DeserializationUtils builds swagger-core's YAML mappers, OpenAPIV3Parser two more
        assertFalse(loaded.contains("io.swagger.v3.parser.util.DeserializationUtils"));
        assertFalse(loaded.contains("io.swagger.v3.parser.OpenAPIV3Parser"));
        assertEquals(List.of(), withPrefix(loaded, "io.swagger.v3.core.util.Yaml"));
        assertEquals(List.of(), withPrefix(loaded, "io.swagger.v3.core.util.ObjectMapperFactory"));
        assertEquals(List.of(), withPrefix(loaded, "com.fasterxml.jackson.datatype.jsr310."), "no date is read");
        assertEquals(List.of(), withPrefix(loaded, "org.yaml.snakeyaml.representer."), "nothing is written");
        assertEquals(List.of(), withPrefix(loaded, "org.yaml.snakeyaml.emitter."));
        assertEquals(List.of(), withPrefix(loaded, "javax.net.ssl."), "nothing is fetched");
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

    @Test
    void aReleaseReadsOnlyItsOwnSchemaAndBothReadTheMetaSchemaOnce() throws Exception {
        Path v11 = Path.of(ColdStartTest.class.getResource("/fixtures/v11/every-field.arazzo.yaml").toURI());
        List<String> alone = run("check", v11.toString()).resources();
        List<String> both = run("check", Shared.seedWorkflow().toString(), v11.toString()).resources();

        assertTrue(alone.contains("dev/arazzo/codegen/load/arazzo-schema-1.1.json"), alone.toString());
        assertFalse(alone.contains("dev/arazzo/codegen/load/arazzo-schema-1.0.json"), alone.toString());
        assertEquals(1, both.stream().filter("draft/2020-12/schema"::equals).count(), both.toString());
        assertEquals(1, both.stream().filter("dev/arazzo/codegen/load/arazzo-schema-1.0.json"::equals).count());
    }

    private static List<String> withPrefix(Set<String> classes, String prefix) {
        return classes.stream().filter(name -> name.startsWith(prefix)).sorted().toList();
    }

    /**
     * The warm-up's list is what a generation of the seed loads from its class path once the document is read and
     * schema-checked, written in the order it loads them and compared as a set (that order can vary): no class it
     * does not need (a warm-up must not load what the generation would not), none it needs missing. After a change
     * to what generation loads, run this test with {@code -Darazzo.warmUp.write=true} to write the list again, and
     * commit it.
     */
    @Test
    void theWarmUpLoadsWhatTheSeedNeedsAfterItsDocumentIsRead() throws Exception {
        Path openapi = Path.of(ColdStartTest.class.getResource("/seed/amazon-connect-openapi.yml").toURI());
        List<String> generation = run("generateAlone", Shared.seedWorkflow().toString(), openapi.toString(),
                output.toString()).inOrder();
        Set<String> beforeSources = run("readDocument", Shared.seedWorkflow().toString()).classes();
        List<String> expected = new ArrayList<>();
        for (String name : generation) {
            if (!beforeSources.contains(name) && !name.startsWith(WarmUp.class.getName())
                    && !name.startsWith(ColdStartTest.class.getName())) {
                expected.add(name);
            }
        }
        Path list = Path.of("src/main/resources/dev/arazzo/codegen").resolve(WarmUp.LIST);
        if (Boolean.getBoolean("arazzo.warmUp.write")) {
            Files.write(list, expected);
        }
        assertTrue(expected.size() > 300, "the recording saw the later phases: " + expected.size());
        assertTrue(expected.contains("dev.arazzo.codegen.emit.WorkflowEmitter"));
        assertTrue(expected.contains("com.palantir.javapoet.CodeWriter"));
        assertFalse(expected.contains("dev.arazzo.codegen.load.SchemaChecker"), "read before the sources");
        // the order of two classes can change with the JIT compiler's timing; the set cannot
        assertEquals(new TreeSet<>(expected), new TreeSet<>(Files.readAllLines(list)),
                "the warm-up's list is out of date: run ColdStartTest with -Darazzo.warmUp.write=true and commit "
                        + list);
    }

    @Test
    void theWarmUpsThreadIsGoneWhenTheFirstGenerationReturns() throws Exception {
        Path openapi = Path.of(ColdStartTest.class.getResource("/seed/amazon-connect-openapi.yml").toURI());
        run("generate", Shared.seedWorkflow().toString(), openapi.toString(), output.toString());

        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            assertFalse(thread.getName().equals(WarmUp.THREAD) && thread.isAlive(), "the warm-up outlived generate");
        }
    }

    /** What a run in a fresh class loader defined and the resources it asked that loader for, each in order. */
    private record Recorded(List<String> inOrder, List<String> resources) {

        Set<String> classes() {
            return Set.copyOf(inOrder);
        }
    }

    private static Set<String> loadedBy(String method, String... arguments) throws Exception {
        return run(method, arguments).classes();
    }

    /**
     * Runs {@code Probe.method(arguments)} in a fresh class loader, which is also the thread's context class
     * loader meanwhile (the schema validator reads its meta-schemas through that one).
     */
    private static Recorded run(String method, String... arguments) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(url(entry));
        }
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        try (RecordingLoader loader = new RecordingLoader(urls.toArray(URL[]::new))) {
            thread.setContextClassLoader(loader);
            Class<?> probe = Class.forName(Probe.class.getName(), true, loader);
            Object diagnostics = probe.getMethod(method, String[].class).invoke(null, (Object) arguments);
            assertEquals(List.of(), diagnostics, "the case generates without a diagnostic");
            return new Recorded(List.copyOf(loader.defined), List.copyOf(loader.resources));
        } finally {
            thread.setContextClassLoader(context);
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

        private final List<String> defined = java.util.Collections.synchronizedList(new ArrayList<>());
        private final List<String> resources = java.util.Collections.synchronizedList(new ArrayList<>());

        RecordingLoader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            Class<?> found = super.findClass(name);
            defined.add(name);
            return found;
        }

        @Override
        public URL getResource(String name) {
            resources.add(name);
            return super.getResource(name);
        }
    }

    /** What runs inside the fresh loader; each method returns the diagnostics, as text. */
    public static final class Probe {

        private Probe() {
        }

        /**
         * Generates {@code arguments[0]} (its one OpenAPI source read from {@code arguments[1]}) into
         * {@code arguments[2]}.
         */
        public static List<String> generate(String[] arguments) {
            return generate(arguments, true);
        }

        /** {@link #generate}, all on the calling thread (so with no warm-up and in one order of loading). */
        public static List<String> generateAlone(String[] arguments) {
            return generate(arguments, false);
        }

        private static List<String> generate(String[] arguments, boolean concurrent) {
            GenerationRequest request = GenerationRequest.builder().spec(Path.of(arguments[0]))
                    .outputDirectory(Path.of(arguments[2])).packageName("com.example.connect").concurrent(concurrent)
                    .sourceMapping("../openapi/amazon-connect-openapi.yml", Path.of(arguments[1])).build();
            return ArazzoCodegen.generate(request).diagnostics().stream().map(Object::toString).toList();
        }

        /**
         * What a generation does before it reads a document's sources: loads the document, checks it against its
         * release's JSON Schema (the check's thread) and reads it into records (the caller, meanwhile).
         */
        public static List<String> readDocument(String[] arguments) {
            Diagnostics diagnostics = new Diagnostics();
            Path file = Path.of(arguments[0]).toAbsolutePath();
            new DocumentLoader().load(file, SourceLocation.ofFile(file, ""), diagnostics).ifPresent(source -> {
                SchemaChecker.violations(source).forEach(diagnostics::add);
                SchemaChecker.reading(source);
            });
            return diagnostics.all().stream().map(Object::toString).toList();
        }

        /** Loads each document and checks it against its release's JSON Schema. */
        public static List<String> check(String[] arguments) {
            Diagnostics diagnostics = new Diagnostics();
            DocumentLoader loader = new DocumentLoader();
            for (String argument : arguments) {
                Path file = Path.of(argument).toAbsolutePath();
                loader.load(file, SourceLocation.ofFile(file, ""), diagnostics)
                        .flatMap(source -> SchemaChecker.read(source, diagnostics));
            }
            return diagnostics.all().stream().map(Object::toString).toList();
        }
    }
}
