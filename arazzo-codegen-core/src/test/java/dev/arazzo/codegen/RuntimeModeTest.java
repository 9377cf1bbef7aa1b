package dev.arazzo.codegen;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.arazzo.codegen.GenerationResult.GeneratedFile;
import dev.arazzo.codegen.emit.RuntimeSupport;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.runtime.RequestInterceptor;
import dev.arazzo.runtime.StepFailedException;
import dev.arazzo.runtime.WorkflowListener;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runtime=shared} (the default) calls the arazzo-runtime jar; {@code runtime=inline} writes the
 * runtime's sources into the generated package, so that the output compiles and runs with Jackson (and
 * Saxon for XPath 2.0+) alone.
 */
class RuntimeModeTest {

    private static final String PACKAGE = "com.example.inline";
    private static final String WORKFLOW = """
            arazzo: 1.0.1
            info: {title: Runtime modes, version: '1'}
            sourceDescriptions:
              - {name: things, url: things-openapi.yaml, type: openapi}
            workflows:
              - workflowId: checks
                outputs:
                  state: $steps.json.outputs.state
                steps:
                  - stepId: json
                    operationId: getStatus
                    successCriteria:
                      - {context: $response.body, type: jsonpath, condition: "$[?@.count > 2 && match(@.state, 'r.*')]"}
                    outputs:
                      state: $response.body#/state
                  - stepId: xml
                    operationId: getStatus
                    successCriteria:
                      - {context: $response.body, type: {type: xpath, version: xpath-30},
                         condition: "string-join(//name, ',') = 'Rex,Bo'"}
            """;

    @TempDir
    Path directory;

    private RecordingServer server;

    @BeforeEach
    void start() throws IOException {
        server = RecordingServer.start();
        try (InputStream in = RuntimeModeTest.class.getResourceAsStream("/fixtures/things-openapi.yaml")) {
            Files.write(directory.resolve("things-openapi.yaml"), in.readAllBytes());
        }
        Files.writeString(directory.resolve("checks.arazzo.yaml"), WORKFLOW);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private GenerationResult generate(RuntimeMode mode) {
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder()
                .spec(directory.resolve("checks.arazzo.yaml"))
                .outputDirectory(directory.resolve("generated-" + mode.configName()))
                .packageName(PACKAGE)
                .runtime(mode)
                .build());
        assertFalse(result.hasErrors(), result.diagnostics().toString());
        return result;
    }

    private static Set<String> classNames(GenerationResult result) {
        return result.files().stream().map(GeneratedFile::qualifiedName).collect(Collectors.toSet());
    }

    private static String source(GenerationResult result, String simpleName) throws IOException {
        return Files.readString(result.files().stream()
                .filter(file -> file.qualifiedName().equals(PACKAGE + "." + simpleName))
                .findFirst().orElseThrow().path());
    }

    /**
     * The jars of Jackson and Saxon-HE (with the xmlresolver it runs with): what a project with
     * runtime=inline and xpath-30 criteria needs.
     */
    private static List<File> jacksonAndSaxon() throws ClassNotFoundException {
        return List.of(jarOf(JsonNode.class), jarOf(JsonParser.class), jarOf(JsonProperty.class),
                jarOf(Class.forName("net.sf.saxon.s9api.Processor")), jarOf(Class.forName("org.xmlresolver.Resolver")));
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sharedModeWritesNoRuntimeSourceAndImportsTheRuntimePackage() throws IOException {
        GenerationResult result = generate(RuntimeMode.SHARED);

        assertEquals(Set.of(PACKAGE + ".ChecksWorkflow"), classNames(result));
        String workflow = source(result, "ChecksWorkflow");
        for (String type : List.of("Transport", "StepRequest", "HttpExchange", "Values", "JsonPathSupport",
                "XPathSupport", "StepFailedException", "RequestInterceptor", "WorkflowListener", "Credentials")) {
            assertTrue(workflow.contains("import dev.arazzo.runtime." + type + ";"), type + " is not imported");
        }
        assertFalse(Files.exists(directory.resolve("generated-shared/com/example/inline/Values.java")));
    }

    @Test
    void sharedModeGivesEveryPackageTheSameInterceptorListenerAndExceptions() throws Exception {
        Path second = Files.copy(directory.resolve("checks.arazzo.yaml"), directory.resolve("other.arazzo.yaml"));
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder()
                .spec(directory.resolve("checks.arazzo.yaml")).spec(second)
                .outputDirectory(directory.resolve("two"))
                .packageName("com.example.one")
                .packageFor(second, "com.example.two")
                .build());
        assertFalse(result.hasErrors(), result.diagnostics().toString());
        assertEquals(Set.of("com.example.one.ChecksWorkflow", "com.example.two.ChecksWorkflow"), classNames(result));

        Compilation compilation = GeneratedCode.compile(result);
        ClassLoader loader = GeneratedCode.classesOf(compilation, RuntimeModeTest.class.getClassLoader());
        for (String pkg : List.of("com.example.one", "com.example.two")) {
            Class<?> builder = loader.loadClass(pkg + ".ChecksWorkflow$Builder");
            assertEquals(RequestInterceptor.class,
                    builder.getMethod("requestInterceptor", RequestInterceptor.class).getParameterTypes()[0]);
            assertEquals(WorkflowListener.class,
                    builder.getMethod("listener", WorkflowListener.class).getParameterTypes()[0]);
            Object clientBuilder = call(loader.loadClass(pkg + ".ChecksWorkflow"), "builder");
            call(clientBuilder, "baseUri", server.baseUri());
            Object client = call(clientBuilder, "build");
            server.on("GET", "/status", Response.json(500, "{}"));
            Object inputs = call(call(loader.loadClass(pkg + ".ChecksWorkflow$Inputs"), "builder"), "build");
            assertThrows(StepFailedException.class, () -> call(client, "run", inputs));
        }
    }

    @Test
    void theDefaultIsShared() {
        assertEquals(RuntimeMode.SHARED, GenerationRequest.builder().spec(Path.of("a.arazzo.yaml"))
                .outputDirectory(Path.of("out")).build().runtime());
    }

    @Test
    void sharedModeOutputDoesNotCompileWithoutTheRuntime() throws Exception {
        Compilation compilation = Compiler.javac().withOptions("--release", "17")
                .withClasspath(jacksonAndSaxon()).compile(sources(generate(RuntimeMode.SHARED)));

        assertEquals(Compilation.Status.FAILURE, compilation.status());
        assertTrue(compilation.errors().stream().anyMatch(e -> e.getMessage(null).contains("dev.arazzo.runtime")),
                compilation.errors().toString());
    }

    @Test
    void inlineModeWritesTheRuntimeTheWorkflowsNeedIntoTheirPackage() throws IOException {
        GenerationResult result = generate(RuntimeMode.INLINE);

        Set<String> expected = RuntimeSupport.typesFor(true, true).stream().map(type -> PACKAGE + "." + type)
                .collect(Collectors.toSet());
        expected.add(PACKAGE + ".ChecksWorkflow");
        assertEquals(expected, classNames(result));
        assertFalse(source(result, "ChecksWorkflow").contains("dev.arazzo.runtime"));
        String values = source(result, "Values");
        assertTrue(values.startsWith("package com.example.inline;\n\n// Generated by dev.arazzo.codegen.ArazzoCodegen: run-time"
                + " support for the workflows of this package.\n// Do not edit; it is written again at every"
                + " generation.\n"), values.substring(0, 200));
        assertFalse(values.contains("dev.arazzo.runtime"));
    }

    @Test
    void inlineModeWritesJsonPathAndSaxonSupportOnlyWhenCriteriaNeedThem() throws IOException {
        Files.writeString(directory.resolve("checks.arazzo.yaml"), """
                arazzo: 1.0.1
                info: {title: Runtime modes, version: '1'}
                sourceDescriptions:
                  - {name: things, url: things-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: checks
                    steps:
                      - stepId: json
                        operationId: getStatus
                        successCriteria:
                          - {context: $response.body, type: regex, condition: 'ready'}
                          - {context: $response.body, type: {type: xpath, version: xpath-10}, condition: '/a'}
                """);

        Set<String> written = classNames(generate(RuntimeMode.INLINE));

        assertTrue(written.contains(PACKAGE + ".Values"));
        assertFalse(written.contains(PACKAGE + ".JsonPathSupport"), written.toString());
        assertFalse(written.contains(PACKAGE + ".XPathSupport"), written.toString());
    }

    @Test
    void inlineModeWritesJsonPathSupportWhenASelectorSelectsSeveralNodes() throws IOException {
        Files.writeString(directory.resolve("checks.arazzo.yaml"), """
                arazzo: 1.1.0
                info: {title: Runtime modes, version: '1'}
                sourceDescriptions:
                  - {name: things, url: things-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: checks
                    steps:
                      - stepId: json
                        operationId: getStatus
                        outputs:
                          values: {context: $response.body, selector: "$.*", type: jsonpath}
                """);

        Set<String> written = classNames(generate(RuntimeMode.INLINE));

        assertTrue(written.contains(PACKAGE + ".JsonPathSupport"), written.toString());
        assertFalse(written.contains(PACKAGE + ".XPathSupport"), written.toString());
    }

    @Test
    void everyRuntimeSourceTheGeneratorCarriesCanBeCopiedInline() throws Exception {
        Path shipped = Path.of(RuntimeSupport.class.getResource("/dev/arazzo/codegen/runtime/").toURI());
        Set<String> types;
        try (Stream<Path> files = Files.list(shipped)) {
            types = files.map(file -> file.getFileName().toString().replaceFirst("\\.java$", ""))
                    .collect(Collectors.toSet());
        }

        assertEquals(types, Set.copyOf(RuntimeSupport.typesFor(true, true, true)));
        for (String type : types) {
            assertTrue(RuntimeSupport.source(type, "a.b", "gen").startsWith("package a.b;\n\n// Generated by gen:"),
                    type);
        }
    }

    @Test
    void inlineModeCompilesAndRunsWithJacksonAndSaxonAlone() throws Exception {
        List<File> classpath = jacksonAndSaxon();
        try (URLClassLoader libraries = new URLClassLoader(classpath.stream().map(RuntimeModeTest::url)
                .toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> libraries.loadClass("dev.arazzo.runtime.Values"),
                    "the runtime jar is not on the classpath");

            Compilation compilation = Compiler.javac()
                    .withOptions("--release", "17", "-Xlint:all", "-Werror")
                    .withClasspath(classpath)
                    .compile(sources(generate(RuntimeMode.INLINE)));
            assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics().toString());
            assertEquals(List.of(), compilation.diagnostics());

            ClassLoader loader = GeneratedCode.classesOf(compilation, libraries);
            Class<?> workflow = loader.loadClass(PACKAGE + ".ChecksWorkflow");
            Object builder = call(workflow, "builder");
            call(builder, "baseUri", server.baseUri());
            Object client = call(builder, "build");
            Object inputs = call(call(loader.loadClass(PACKAGE + ".ChecksWorkflow$Inputs"), "builder"), "build");
            String json = "{\"state\":\"ready\",\"count\":3}";
            String xml = "<pets><pet><name>Rex</name></pet><pet><name>Bo</name></pet></pets>";
            server.on("GET", "/status", Response.json(200, json),
                    new Response(200, xml, Map.of("Content-Type", "application/xml")));

            assertEquals("ready", call(call(client, "run", inputs), "state"));

            server.on("GET", "/status", Response.json(200, "{\"state\":\"ready\",\"count\":1}"));
            RuntimeException failed = assertThrows(RuntimeException.class, () -> call(client, "run", inputs));
            assertEquals(PACKAGE + ".StepFailedException", failed.getClass().getName());
            assertEquals("json", call(failed, "stepId"));

            server.on("GET", "/status", Response.json(200, json),
                    new Response(200, "<pets><pet><name>Rex</name></pet></pets>",
                            Map.of("Content-Type", "application/xml")));
            RuntimeException xpathFailed = assertThrows(RuntimeException.class, () -> call(client, "run", inputs));
            assertEquals("xml", call(xpathFailed, "stepId"));
            assertEquals(5, server.requests().size(), "run, json fails, run whose xml fails");
        }
    }

    private static List<JavaFileObject> sources(GenerationResult result) {
        return result.files().stream().map(file -> {
            try {
                return JavaFileObjects.forResource(file.path().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static URL url(File file) {
        try {
            return file.toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
