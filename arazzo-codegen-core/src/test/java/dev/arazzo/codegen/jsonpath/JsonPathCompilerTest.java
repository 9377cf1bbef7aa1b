package dev.arazzo.codegen.jsonpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.google.testing.compile.Compilation;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.arazzo.codegen.testing.GeneratedCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonPathCompilerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeName NODE_LIST =
            ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(JsonNode.class));

    @Test
    void filterQueryCompilesToStreamPipeline() {
        JsonPathCompiler compiler = new JsonPathCompiler(ClassName.get("com.example", "JsonPathSupport"));

        CodeBlock code = compiler.compile("$.store.book[?@.price < 10].title", CodeBlock.of("body"));

        assertEquals("""
                com.example.JsonPathSupport.select(body)
                .flatMap(com.example.JsonPathSupport.member("store"))
                .flatMap(com.example.JsonPathSupport.member("book"))
                .flatMap(com.example.JsonPathSupport.filter(node -> com.example.JsonPathSupport.less(\
                node.path("price"), com.fasterxml.jackson.databind.node.IntNode.valueOf(10))))
                .flatMap(com.example.JsonPathSupport.member("title"))
                .toList()""", code.toString());
    }

    @Test
    void queryReadingTheRootInAFilterBindsTheRootOnce() {
        JsonPathCompiler compiler = new JsonPathCompiler(ClassName.get("com.example", "S"));

        assertEquals("com.example.S.evaluate(response.body(), root -> com.example.S.select(root)"
                + ".flatMap(com.example.S.filter(node -> com.example.S.equal(node.path(\"id\"), root.path(\"id\"))))"
                + ".toList())",
                compiler.compile("$[?@.id == $.id]", CodeBlock.of("response.body()")).toString());
    }

    /** One query per construct: every function, both pattern kinds, unions, slices, descendants, nesting. */
    private static final List<String> EVERY_CONSTRUCT = List.of(
            "$[?length(@.name) >= 2]",
            "$[?count(@.*) == 2]",
            "$[?value(@..id) == 'x']",
            "$[?match(@.name, 'a.c')]",
            "$[?search(@.name, $.pattern)]",
            "$[?match(@.name, value($.pattern))]",
            "$..[0, 'name', 1:3:1, ::-1, *]",
            "$[-1]['a'][?@[-2] != @[9007199254740991]]",
            "$[?@[?@.x && !(@.y || @.z)]]",
            "$[?$.flag == true && @.n > -0.5e1 || @.n == 12345678901 && @.n != 123456789012345678901234567890]");

    @Test
    void everyConstructCompilesWithoutWarnings() {
        JsonPathCompiler compiler = new JsonPathCompiler(GeneratedCode.JSON_PATH_SUPPORT, Set.of("document"));
        JsonPathCriterion criterion = new JsonPathCriterion(GeneratedCode.JSON_PATH_SUPPORT, Set.of("document"));
        List<MethodSpec> methods = new ArrayList<>();
        for (int i = 0; i < EVERY_CONSTRUCT.size(); i++) {
            methods.add(MethodSpec.methodBuilder("query" + i)
                    .addModifiers(Modifier.STATIC)
                    .returns(NODE_LIST)
                    .addParameter(JsonNode.class, "document")
                    .addStatement("return $L", compiler.compile(EVERY_CONSTRUCT.get(i), CodeBlock.of("document")))
                    .build());
            methods.add(MethodSpec.methodBuilder("criterion" + i)
                    .addModifiers(Modifier.STATIC)
                    .returns(boolean.class)
                    .addParameter(JsonNode.class, "document")
                    .addStatement("return $L",
                            criterion.compileCriterion(EVERY_CONSTRUCT.get(i), CodeBlock.of("document")))
                    .build());
        }
        TypeSpec type = TypeSpec.classBuilder("EveryConstruct").addModifiers(Modifier.FINAL).addMethods(methods).build();

        Compilation compilation = GeneratedCode.compile(List.of(JavaFile.builder(GeneratedCode.JSON_PATH_PACKAGE, type).build()));

        assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics().toString());
        assertEquals(List.of(), compilation.diagnostics());
    }

    @Test
    void lambdaParametersAvoidNamesInScope() throws Exception {
        JsonPathCompiler compiler = new JsonPathCompiler(GeneratedCode.JSON_PATH_SUPPORT, Set.of("node", "root", "node3"));
        MethodSpec method = MethodSpec.methodBuilder("select")
                .addModifiers(Modifier.STATIC)
                .returns(NODE_LIST)
                .addParameter(JsonNode.class, "root")
                .addStatement("$T node = root", JsonNode.class)
                .addStatement("$T node3 = node", JsonNode.class)
                .addStatement("return $L", compiler.compile("$[?@[?@[?@ == $.k]]]", CodeBlock.of("node3")))
                .build();

        Class<?> type = GeneratedCode.compileClass("Shadowing", List.of(method));

        assertEquals(List.of(MAPPER.readTree("[[1]]")),
                GeneratedCode.call(type, "select", MAPPER.readTree("{\"k\": 1, \"a\": [[1]], \"b\": [[2]]}")));
    }

    @Test
    void nullOrMissingRootGivesEmptyList() {
        MethodSpec method = MethodSpec.methodBuilder("all")
                .addModifiers(Modifier.STATIC)
                .returns(NODE_LIST)
                .addParameter(JsonNode.class, "document")
                .addStatement("return $L",
                        new JsonPathCompiler(GeneratedCode.JSON_PATH_SUPPORT).compile("$..*", CodeBlock.of("document")))
                .build();
        Class<?> type = GeneratedCode.compileClass("Empty", List.of(method));

        assertEquals(List.of(), GeneratedCode.call(type, "all", (JsonNode) null));
        assertEquals(List.of(), GeneratedCode.call(type, "all", MissingNode.getInstance()));
    }

    @Test
    void relativeQueryCannotBeCompiledAlone() {
        JsonPathQuery relative = new JsonPathQuery(true, List.of());

        assertThrows(IllegalArgumentException.class,
                () -> new JsonPathCompiler(GeneratedCode.JSON_PATH_SUPPORT).compile(relative, CodeBlock.of("x")));
    }

    /** I-Regexp semantics where Java's regex syntax differs: pattern, subject, whether it matches. */
    private static final List<Arguments> REGEX_CASES = List.of(
            Arguments.of("[a&&b]", "&", true), // '&&' is not intersection in I-Regexp
            Arguments.of("[a&&b]", "b", true),
            Arguments.of("[^a]", "\n", true),
            Arguments.of(".", "\u0085", true), // Java's '.' excludes NEL and U+2028; I-Regexp's only \n and \r
            Arguments.of(".", "\r", false),
            Arguments.of("a.c", "a\uD83D\uDE00c", true), // '.' is one code point
            Arguments.of("\\p{Lu}+", "ÀB", true),
            Arguments.of("\\p{Cn}", "\u0378", true),
            Arguments.of("[\\p{Nd}x-z]+", "1y", true),
            Arguments.of("a{2,3}", "aaa", true),
            Arguments.of("a{2,}", "aaaa", true),
            Arguments.of("[a-]", "-", true),
            Arguments.of("[\\-\\]]+", "-]", true),
            Arguments.of("\\^\\.[$^]", "^.$", true), // '$' is an anchor outside classes, see the suite
            Arguments.of("\\$", "$", false), // and has no escape in I-Regexp
            Arguments.of("(a|b)*c", "abac", true),
            Arguments.of("()", "", true),
            // not I-Regexps: no error, no match
            Arguments.of("(?i)a", "a", false),
            Arguments.of("a*?", "a", false),
            Arguments.of("a++", "a", false),
            Arguments.of("a{3,2}", "aaa", false),
            Arguments.of("a{,2}", "a", false),
            Arguments.of("\\d", "1", false),
            Arguments.of("\\w", "a", false),
            Arguments.of("[a-\\p{L}]", "a", false),
            Arguments.of("[]a]", "a", false),
            Arguments.of("[a-b-c]", "a", false),
            Arguments.of("\\p{IsLatin}", "a", false),
            Arguments.of("(a", "a", false),
            Arguments.of("a)", "a", false),
            Arguments.of("a]", "a]", false),
            Arguments.of("\\", "\\", false));

    private static Class<?> regexQueries;

    /** One method per literal pattern, and one that reads the pattern from the document. */
    @BeforeAll
    static void compileRegexQueries() {
        JsonPathCompiler compiler = new JsonPathCompiler(GeneratedCode.JSON_PATH_SUPPORT);
        List<MethodSpec> methods = new ArrayList<>();
        for (int i = 0; i < REGEX_CASES.size(); i++) {
            String pattern = (String) REGEX_CASES.get(i).get()[0];
            String literal = "'" + pattern.replace("\\", "\\\\").replace("'", "\\'") + "'";
            methods.add(MethodSpec.methodBuilder("literal" + i)
                    .addModifiers(Modifier.STATIC)
                    .returns(NODE_LIST)
                    .addParameter(JsonNode.class, "document")
                    .addStatement("return $L", compiler.compile("$[?match(@.s, " + literal + ")]",
                            CodeBlock.of("document")))
                    .build());
        }
        methods.add(MethodSpec.methodBuilder("fromDocument")
                .addModifiers(Modifier.STATIC)
                .returns(NODE_LIST)
                .addParameter(JsonNode.class, "document")
                .addStatement("return $L", compiler.compile("$[?match(@.s, @.p)]", CodeBlock.of("document")))
                .build());
        regexQueries = GeneratedCode.compileClass("Regex", methods);
    }

    static Stream<Arguments> regexCases() {
        return REGEX_CASES.stream();
    }

    @ParameterizedTest(name = "match(''{1}'', ''{0}'') is {2}")
    @MethodSource("regexCases")
    void literalAndDocumentPatternsFollowIRegexp(String pattern, String subject, boolean expected) {
        int index = REGEX_CASES.stream().map(arguments -> arguments.get()[0]).toList().indexOf(pattern);
        JsonNode document = MAPPER.createArrayNode().add(MAPPER.createObjectNode().put("s", subject).put("p", pattern));

        assertEquals(expected, !((List<?>) GeneratedCode.call(regexQueries, "literal" + index, document)).isEmpty(),
                "literal");
        assertEquals(expected, !((List<?>) GeneratedCode.call(regexQueries, "fromDocument", document)).isEmpty(),
                "document");
    }

    @Test
    void searchFindsAndDollarAnchorsAtTheVeryEnd() throws Exception {
        MethodSpec method = MethodSpec.methodBuilder("search")
                .addModifiers(Modifier.STATIC)
                .returns(NODE_LIST)
                .addParameter(JsonNode.class, "document")
                .addStatement("return $L", new JsonPathCompiler(GeneratedCode.JSON_PATH_SUPPORT)
                        .compile("$[?search(@, 'b$')]", CodeBlock.of("document")))
                .build();
        Class<?> type = GeneratedCode.compileClass("Search", List.of(method));

        assertEquals(List.of(MAPPER.readTree("\"ab\"")),
                GeneratedCode.call(type, "search", MAPPER.readTree("[\"ab\", \"ab\\n\", \"ba\"]")));
        assertFalse(((List<?>) GeneratedCode.call(type, "search", MAPPER.readTree("[1, null]"))).size() > 0);
    }
}
