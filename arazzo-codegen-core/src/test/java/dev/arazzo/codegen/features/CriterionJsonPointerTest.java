package dev.arazzo.codegen.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.testing.GeneratedCode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Arazzo 1.1 criteria are simple, regex, jsonpath or xpath; an Expression Type Object {@code jsonpointer}
 * in a criterion has no condition language, so it is a located error saying what to write instead.
 */
class CriterionJsonPointerTest extends ScenarioTest {

    @Test
    void aJsonPointerCriterionIsALocatedErrorNamingTheSimpleConditionToWrite() {
        Path spec = scenario.write("workflow.arazzo.yaml", """
                arazzo: 1.1.0
                info: {title: Pointer, version: '1'}
                sourceDescriptions:
                  - {name: things, url: things-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: w
                    steps:
                      - stepId: a
                        operationId: getThing
                        parameters: [{name: id, in: path, value: t1}]
                        successCriteria:
                          - {context: $response.body, condition: /id, type: {type: jsonpointer, version: rfc6901}}
                """);
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());

        assertTrue(result.files().isEmpty());
        assertEquals(List.of(spec + ":12:61: error: [unsupported-feature] a jsonpointer criterion has no condition "
                + "to evaluate: Arazzo 1.1 names simple, regex, jsonpath and xpath criteria; test the value the "
                + "pointer selects with a simple condition instead, e.g. '$response.body#/a == 1'"),
                result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString).toList());
    }
}
