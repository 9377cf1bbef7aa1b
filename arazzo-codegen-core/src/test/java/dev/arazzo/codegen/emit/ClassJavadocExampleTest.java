package dev.arazzo.codegen.emit;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.testing.Documents;
import dev.arazzo.codegen.testing.GeneratedCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The example in a workflow class's Javadoc compiles and builds a client, with or without servers in the OpenAPI. */
class ClassJavadocExampleTest {

    private static final Pattern EXAMPLE = Pattern.compile("(?s)<pre>\\{@code\\n(.*?)\\n \\* }</pre>");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "servers: {0}")
    @CsvSource(delimiter = '|', value = {
        "'servers: [{url: https://pets.example.com}]'| false",
        "''| true",
        "'servers: [{url: /v1}]'| true",
    })
    void theExampleBuildsAClient(String servers, boolean needsBaseUri) throws Exception {
        Documents.write(dir, "pets.openapi.yaml", """
                openapi: 3.0.3
                info: {title: pets, version: '1'}
                %s
                paths:
                  /pets:
                    get:
                      operationId: listPets
                      responses: {'200': {description: ok}}
                """.formatted(servers));
        Path spec = Documents.write(dir, "pets.arazzo.yaml", """
                arazzo: 1.0.1
                info: {title: pets, version: '1'}
                sourceDescriptions: [{name: petsApi, url: pets.openapi.yaml, type: openapi}]
                workflows:
                  - workflowId: list-pets
                    steps:
                      - {stepId: list, operationId: listPets}
                """);

        GenerationResult result = GeneratedCode.generate(spec, dir.resolve("out"), Map.of()).result();
        String source = Files.readString(result.workflowClasses().get(0).path());
        Matcher example = EXAMPLE.matcher(source);
        assertTrue(example.find(), source);
        String code = example.group(1).replaceAll("(?m)^ \\* ?", "");
        String client = code.substring(0, code.indexOf(';') + 1);

        assertEquals(needsBaseUri, client.contains(".baseUri(URI.create(\"https://api.example.com\"))"), client);
        Object built = build(result, client);
        assertEquals(GeneratedCode.PACKAGE + ".ListPetsWorkflow", built.getClass().getName());
    }

    /** Compiles the example's statement in a method of its own, with the generated classes, and runs it. */
    private static Object build(GenerationResult result, String statement) throws Exception {
        List<JavaFileObject> sources = new ArrayList<>();
        for (GenerationResult.GeneratedFile file : result.files()) {
            sources.add(JavaFileObjects.forResource(file.path().toUri().toURL()));
        }
        sources.add(JavaFileObjects.forSourceString(GeneratedCode.PACKAGE + ".Example", """
                package %s;

                import java.net.URI;

                public final class Example {
                    public static Object client() {
                        %s
                        return client;
                    }
                }
                """.formatted(GeneratedCode.PACKAGE, statement)));
        Compilation compilation = Compiler.javac().withOptions("--release", "17", "-Xlint:all", "-Werror")
                .compile(sources);
        assertThat(compilation).succeededWithoutWarnings();
        ClassLoader loader = GeneratedCode.classesOf(compilation, ClassJavadocExampleTest.class.getClassLoader());
        return loader.loadClass(GeneratedCode.PACKAGE + ".Example").getMethod("client").invoke(null);
    }
}
