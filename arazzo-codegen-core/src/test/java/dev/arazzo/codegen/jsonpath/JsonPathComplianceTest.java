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
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    private static final ClassName SUPPORT = ClassName.get(GeneratedCode.PACKAGE, "JsonPathSupport");
    private static final ClassName QUERIES = ClassName.get(GeneratedCode.PACKAGE, "ComplianceQueries");

    static Path suite() {
        return Path.of(System.getProperty("arazzo.shared", "../../shared"), "conformance", "jsonpath-cts.json");
    }

    @TestFactory
    Stream<DynamicTest> complianceSuite() throws IOException {
        JsonNode tests = MAPPER.readTree(Files.readString(suite())).get("tests");
        assertEquals(703, tests.size(), "the suite has 703 cases");

        List<JsonNode> valid = new ArrayList<>();
        List<DynamicTest> dynamicTests = new ArrayList<>();
        TypeSpec.Builder queries = TypeSpec.classBuilder(QUERIES).addModifiers(Modifier.FINAL);
        JsonPathCompiler compiler = new JsonPathCompiler(SUPPORT, java.util.Set.of("document"));
        List<String> methodNames = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            JsonNode test = tests.get(i);
            String name = i + ": " + test.get("name").asText();
            String selector = test.get("selector").asText();
            if (test.path("invalid_selector").asBoolean()) {
                dynamicTests.add(dynamicTest(name, () -> assertThrows(JsonPathSyntaxException.class,
                        () -> JsonPathParser.parse(selector), "should be rejected: " + selector)));
                continue;
            }
            String methodName = "case" + i;
            JsonPathQuery query;
            try {
                query = JsonPathParser.parse(selector);
            } catch (JsonPathSyntaxException e) {
                dynamicTests.add(dynamicTest(name, () -> {
                    throw new AssertionError("valid selector rejected: " + selector, e);
                }));
                continue;
            }
            queries.addMethod(MethodSpec.methodBuilder(methodName)
                    .addModifiers(Modifier.STATIC)
                    .addJavadoc("$L\n", selector.replace("*/", "*&#47;").replace("@", "{@literal @}"))
                    .returns(ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(JsonNode.class)))
                    .addParameter(JsonNode.class, "document")
                    .addStatement("return $L", compiler.compile(query, CodeBlock.of("document")))
                    .build());
            valid.add(test);
            methodNames.add(methodName);
            dynamicTests.add(null); // placeholder, filled in once the class is compiled
        }

        JavaFile supportFile = JavaFile.builder(GeneratedCode.PACKAGE, JsonPathCompiler.supportType(SUPPORT))
                .skipJavaLangImports(true)
                .build();
        JavaFile queriesFile = JavaFile.builder(GeneratedCode.PACKAGE, queries.build())
                .skipJavaLangImports(true)
                .build();
        Class<?> compiled;
        AssertionError compileFailure = null;
        try {
            compiled = GeneratedCode.load(List.of(supportFile, queriesFile)).loadClass(QUERIES.canonicalName());
        } catch (AssertionError e) {
            compiled = null;
            compileFailure = e;
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }

        int next = 0;
        for (int i = 0; i < dynamicTests.size(); i++) {
            if (dynamicTests.get(i) == null) {
                JsonNode test = valid.get(next);
                String methodName = methodNames.get(next);
                next++;
                Class<?> queriesClass = compiled;
                AssertionError failure = compileFailure;
                dynamicTests.set(i, dynamicTest(tests.get(Integer.parseInt(methodName.substring(4))).get("name")
                        .asText(), () -> run(queriesClass, failure, methodName, test)));
            }
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
