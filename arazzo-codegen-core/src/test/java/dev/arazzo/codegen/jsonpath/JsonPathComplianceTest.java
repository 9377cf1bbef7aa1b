package dev.arazzo.codegen.jsonpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.arazzo.codegen.testing.GeneratedCode;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of the JSONPath Compliance Test Suite (RFC 9535): invalid selectors must be rejected by
 * the parser; valid ones are compiled to Java, all into one class, compiled with -Werror, loaded and run
 * against the case's document.
 */
class JsonPathComplianceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ClassName SUPPORT = GeneratedCode.JSON_PATH_SUPPORT;
    private static final ClassName QUERIES = ClassName.get(GeneratedCode.JSON_PATH_PACKAGE, "ComplianceQueries");

    static Path suite() {
        return Path.of(System.getProperty("arazzo.shared", "../../shared"), "conformance", "jsonpath-cts.json");
    }

    /** A valid case whose query went into the generated class as the method {@code methodName}. */
    private record CompiledCase(int position, String displayName, String methodName, JsonNode test) {
    }

    @TestFactory
    Stream<DynamicTest> complianceSuite() throws IOException {
        JsonNode tests = MAPPER.readTree(Files.readString(suite())).get("tests");
        assertEquals(703, tests.size(), "the suite has 703 cases");

        List<DynamicTest> dynamicTests = new ArrayList<>();
        List<CompiledCase> compiledCases = new ArrayList<>();
        TypeSpec.Builder queries = TypeSpec.classBuilder(QUERIES).addModifiers(Modifier.FINAL);
        JsonPathCompiler compiler = new JsonPathCompiler(SUPPORT, Set.of("document"));
        for (int i = 0; i < tests.size(); i++) {
            JsonNode test = tests.get(i);
            String displayName = i + ": " + test.get("name").asText();
            String selector = test.get("selector").asText();
            if (test.path("invalid_selector").asBoolean()) {
                dynamicTests.add(dynamicTest(displayName, () -> assertThrows(JsonPathSyntaxException.class,
                        () -> JsonPathParser.parse(selector), "should be rejected: " + selector)));
                continue;
            }
            JsonPathQuery query;
            try {
                query = JsonPathParser.parse(selector);
            } catch (JsonPathSyntaxException e) {
                dynamicTests.add(dynamicTest(displayName, () -> {
                    throw new AssertionError("valid selector rejected: " + selector, e);
                }));
                continue;
            }
            String methodName = "case" + i;
            queries.addMethod(MethodSpec.methodBuilder(methodName)
                    .addModifiers(Modifier.STATIC)
                    .addJavadoc("$L\n", selector.replace("*/", "*&#47;").replace("@", "{@literal @}"))
                    .returns(ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(JsonNode.class)))
                    .addParameter(JsonNode.class, "document")
                    .addStatement("return $L", compiler.compile(query, CodeBlock.of("document")))
                    .build());
            compiledCases.add(new CompiledCase(dynamicTests.size(), displayName, methodName, test));
            dynamicTests.add(null); // replaced below, once the class is compiled
        }

        Class<?> compiled = null;
        AssertionError compileFailure = null;
        try {
            compiled = GeneratedCode.load(List.of(
                            JavaFile.builder(GeneratedCode.JSON_PATH_PACKAGE, queries.build()).skipJavaLangImports(true).build()))
                    .loadClass(QUERIES.canonicalName());
        } catch (AssertionError e) {
            compileFailure = e; // reported by every valid case
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
        for (CompiledCase compiledCase : compiledCases) {
            Class<?> queriesClass = compiled;
            AssertionError failure = compileFailure;
            dynamicTests.set(compiledCase.position(), dynamicTest(compiledCase.displayName(),
                    () -> run(queriesClass, failure, compiledCase.methodName(), compiledCase.test())));
        }
        return dynamicTests.stream();
    }

    private static void run(Class<?> queries, AssertionError compileFailure, String methodName, JsonNode test)
            throws Exception {
        if (compileFailure != null) {
            throw compileFailure;
        }
        Method method = queries.getDeclaredMethod(methodName, JsonNode.class);
        method.setAccessible(true);
        @SuppressWarnings("unchecked")
        List<JsonNode> nodes = (List<JsonNode>) method.invoke(null, test.get("document"));
        ArrayNode actual = MAPPER.createArrayNode().addAll(nodes);
        String selector = test.get("selector").asText();
        if (test.has("result")) {
            assertEquals(test.get("result"), actual, selector);
        } else {
            List<JsonNode> allowed = new ArrayList<>();
            test.get("results").forEach(allowed::add);
            assertTrue(allowed.contains(actual), selector + ": " + actual + " is none of " + allowed);
        }
    }
}
