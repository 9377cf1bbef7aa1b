package dev.arazzo.codegen.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Violations of the Arazzo JSON Schemas, each as a sentence at the offending node. */
class SchemaCheckerTest {

    @TempDir
    Path output;

    static java.util.stream.Stream<Arguments> declaredReleases() {
        return java.util.stream.Stream.of(
                Arguments.of("YAML 1.1.0", "arazzo: 1.1.0\ninfo: {title: t, version: '1'}\n", true),
                Arguments.of("YAML, quoted 1.1.1", "arazzo: '1.1.1'\n", true),
                Arguments.of("YAML, after a comment", "# a flow\narazzo: \"1.1.0\"\n", true),
                Arguments.of("JSON on one line", "{\"arazzo\": \"1.1.0\", \"info\": {}}", true),
                Arguments.of("JSON, the key not first", "{\"info\": {}, \"arazzo\":\"1.1.0\"}", true),
                Arguments.of("YAML 1.0.1", "arazzo: 1.0.1\n", false),
                Arguments.of("JSON 1.0.1", "{\"arazzo\": \"1.0.1\"}", false),
                Arguments.of("a nested YAML key", "info:\n  arazzo: 1.1.0\narazzo: 1.0.1\n", false),
                Arguments.of("no arazzo field", "openapi: 3.1.0\n", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("declaredReleases")
    void theReleaseBuiltAheadIsTheOneTheStartOfTheTextDeclares(String name, String text, boolean release11)
            throws Exception {
        Path document = output.resolve("document.txt");
        Files.writeString(document, text);

        assertEquals(release11, SchemaChecker.declaresRelease11(document), text);
    }

    @Test
    void aDocumentThatCannotBeReadIsGuessedToBe10AndPreparingItThrowsNothing() {
        Path missing = output.resolve("missing.arazzo.yaml");

        assertEquals(false, SchemaChecker.declaresRelease11(missing));
        SchemaChecker.prepare(missing);
    }

    @Test
    void everySchemaViolationIsReportedOnceWithLineAndColumn() throws Exception {
        Path spec = fixture("schema-violations.arazzo.yaml");

        GenerationResult result = generate(spec);

        assertEquals(List.of(
                spec + ":2:55: error: [unknown-field] 'info' has field 'titel', which Arazzo does not define here; "
                        + "did you mean 'title'? Otherwise remove it or, for an extension, name it 'x-titel'",
                spec + ":4:48: error: [invalid-field] 'type' of source description 'shop' must be one of arazzo, "
                        + "openapi; found 'swagger'",
                spec + ":8:9: error: [conflicting-fields] step 'place' has 'operationId' and 'workflowId'; keep "
                        + "exactly one of 'operationId', 'operationPath' or 'workflowId'",
                spec + ":11:9: error: [missing-field] step 2 of workflow 'broken' has no 'stepId'; add it",
                spec + ":13:13: error: [missing-field] parameter 'orderId' has no 'in'; add it",
                spec + ":15:13: error: [missing-field] criterion 1 of step 2 of workflow 'broken' has 'type' but no "
                        + "'context'; add a 'context' (e.g. 'context: $response.body') or remove 'type'",
                spec + ":17:52: error: [invalid-field] 'retryLimit' of action 'again' must be at least 0; found -1",
                spec + ":18:13: error: [missing-field] action 'jump' needs one of 'workflowId' or 'stepId'; add "
                        + "exactly one",
                spec + ":20:18: error: [invalid-field] output 'count' of step 2 of workflow 'broken' must be a "
                        + "string, not an array"),
                result.diagnostics().stream().map(Diagnostic::toString).toList());
        assertTrue(result.files().isEmpty());
    }

    @Test
    void anArazzoSourceIsCheckedAgainstTheSchemaToo() throws Exception {
        Path spec = fixture("schema-source.arazzo.yaml");
        Path source = fixture("schema-broken-source.arazzo.yaml");

        GenerationResult result = generate(spec);

        assertEquals(List.of(source + ":2:7: error: [missing-field] 'info' has no 'version'; add it"),
                result.diagnostics().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void aDocumentThatIsNotAnObjectGetsOneDiagnosticNotOnePerStage() throws Exception {
        Path spec = Files.writeString(output.resolve("list.arazzo.yaml"), "- arazzo: 1.0.1\n");

        GenerationResult result = generate(spec);

        assertEquals(List.of(spec + ":1:1: error: [not-arazzo] the document is an array, not an object; an Arazzo "
                + "document is an object that starts with 'arazzo: 1.0.1'"),
                result.diagnostics().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void anUnsupportedVersionIsReportedAtTheVersion() throws Exception {
        Path spec = Files.writeString(output.resolve("v2.arazzo.yaml"), """
                arazzo: 2.0.0
                info: {title: T, version: '1'}
                sourceDescriptions: [{name: s, url: s.yaml}]
                workflows: [{workflowId: w, steps: [{stepId: a, operationId: x}]}]
                """);

        assertEquals(List.of(spec + ":1:9: error: [unsupported-version] 'arazzo' must be an Arazzo 1.0.x or 1.1.x "
                + "version written as a string, such as '1.0.1' or '1.1.0'; found '2.0.0'"), messages(check(spec)));
    }

    @Test
    void whereTheSchemaContradictsTheSpecificationTheSpecificationWins() throws Exception {
        Path spec = Files.writeString(output.resolve("gaps.arazzo.yaml"), """
                $schema: https://spec.openapis.org/arazzo/1.0/schema/2025-10-15
                arazzo: 1.0.1
                info: {title: T, version: '1'}
                sourceDescriptions: [{name: s, url: s.yaml}]
                workflows:
                  - workflowId: w
                    steps:
                      - stepId: a
                        operationId: x
                        requestBody:
                          payload: {tags: []}
                          replacements: [{target: /tags, value: [a, b]}]
                        successCriteria:
                          - context: $response.body
                            type: {type: jsonpath, version: draft-goessner-dispatch-jsonpath-00}
                            condition: $.items
                """);

        assertEquals(List.of(), check(spec));
    }

    @Test
    void aCriterionExpressionTypeIsStillCheckedAgainstItsOwnSchema() throws Exception {
        Path spec = Files.writeString(output.resolve("xpath.arazzo.yaml"), """
                arazzo: 1.0.1
                info: {title: T, version: '1'}
                sourceDescriptions: [{name: s, url: s.yaml}]
                workflows:
                  - workflowId: w
                    steps:
                      - stepId: a
                        operationId: x
                        successCriteria:
                          - {context: $response.body, type: {type: xpath, version: xpath-40}, condition: /a}
                """);

        assertEquals(List.of(spec + ":10:68: error: [invalid-field] 'version' of 'type' of criterion 1 of step 'a' "
                + "must be one of xpath-10, xpath-20, xpath-30; found 'xpath-40'"), messages(check(spec)));
    }

    private List<Diagnostic> check(Path spec) {
        Diagnostics diagnostics = new Diagnostics();
        SourceDocument source = new DocumentLoader().load(spec, SourceLocation.ofFile(spec, ""), diagnostics)
                .orElseThrow();
        assertEquals(List.of(), diagnostics.all());
        return SchemaChecker.check(source);
    }

    private static List<String> messages(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::toString).toList();
    }

    private GenerationResult generate(Path spec) {
        return ArazzoCodegen.generate(GenerationRequest.builder().spec(spec).outputDirectory(output)
                .packageName("com.example").build());
    }

    static Path fixture(String name) throws Exception {
        return Path.of(SchemaCheckerTest.class.getResource("/fixtures/" + name).toURI());
    }
}
