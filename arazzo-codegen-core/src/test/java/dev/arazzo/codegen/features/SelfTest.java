package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Arazzo 1.1 {@code $self}: the base URI of relative source urls, matched by source mappings as written or as
 * resolved, and the value of the {@code $self} runtime expression.
 */
class SelfTest extends ScenarioTest {

    private static final String DOCUMENT = """
            arazzo: 1.1.0
            $self: https://example.com/flows/x.arazzo.yaml
            info: {title: Self, version: '1'}
            sourceDescriptions:
              - {name: things, url: apis/things.yaml, type: openapi}
            workflows:
              - workflowId: fetch
                inputs: {type: object, properties: {id: {type: string}}}
                steps:
                  - stepId: get
                    operationId: getThing
                    parameters:
                      - {name: id, in: path, value: $inputs.id}
                      - {name: X-Trace, in: header, value: 'from {$self}'}
                    outputs:
                      name: $response.body#/name
                outputs:
                  name: $steps.get.outputs.name
                  self: $self
            """;

    @Test
    void aRelativeSourceUrlResolvedAgainstAnHttpsSelfIsMappedToALocalFileAndTheClientRuns() throws Exception {
        Path spec = scenario.write("x.arazzo.yaml", DOCUMENT);
        Path things = directory.resolve("things-openapi.yaml");

        GeneratedCode code = GeneratedCode.generate(spec, directory.resolve("generated"),
                Map.of("https://example.com/flows/apis/things.yaml", things));
        scenario.server().on("GET", "/things/t1", Response.json(200, "{\"id\":\"t1\",\"name\":\"Widget\"}"));
        Object client = scenario.client(code, "FetchWorkflow");

        Object outputs = call(client, "run", Scenario.inputs(code, "FetchWorkflow", Map.of("id", "t1")));

        assertEquals("Widget", call(outputs, "name"));
        assertEquals("https://example.com/flows/x.arazzo.yaml", call(outputs, "self"));
        RecordingServer.Request sent = scenario.server().requests().get(0);
        assertEquals("GET", sent.method());
        assertEquals("/things/t1", sent.path());
        assertEquals("from https://example.com/flows/x.arazzo.yaml", sent.header("X-Trace"));
    }

    @Test
    void aMappingOfTheUrlAsWrittenStillMatches() {
        Path spec = scenario.write("x.arazzo.yaml", DOCUMENT);

        GeneratedCode code = GeneratedCode.generate(spec, directory.resolve("generated"),
                Map.of("apis/things.yaml", directory.resolve("things-openapi.yaml")));

        assertEquals("FetchWorkflow", code.type("FetchWorkflow").getSimpleName());
    }

    @Test
    void withoutAMappingTheResolvedUrlIsRemoteAndReportedAsSuch() {
        Path spec = scenario.write("x.arazzo.yaml", DOCUMENT);

        List<String> diagnostics = generate(spec);

        assertEquals(List.of(spec + ":5:25: error: [remote-source] source url 'apis/things.yaml' (resolved against the "
                + "document's $self: https://example.com/flows/apis/things.yaml) is remote and is never fetched at "
                + "build time; map either form to a local copy with a source mapping (the plugin's "
                + "<sourceMappings>)"), diagnostics);
    }

    @Test
    void aRelativeSelfIsResolvedAgainstTheDocumentsFileFirst() throws Exception {
        Files.createDirectories(directory.resolve("apis"));
        Files.copy(directory.resolve("things-openapi.yaml"), directory.resolve("apis/things.yaml"));
        Files.createDirectories(directory.resolve("flows"));
        Path spec = scenario.write("flows/x.arazzo.yaml", DOCUMENT.replace(
                "$self: https://example.com/flows/x.arazzo.yaml", "$self: ../x.arazzo.yaml"));

        GeneratedCode code = GeneratedCode.generate(spec, directory.resolve("generated"), Map.of());
        scenario.server().on("GET", "/things/t2", Response.json(200, "{\"id\":\"t2\",\"name\":\"Gear\"}"));

        Object outputs = call(scenario.client(code, "FetchWorkflow"), "run",
                Scenario.inputs(code, "FetchWorkflow", Map.of("id", "t2")));
        assertEquals("Gear", call(outputs, "name"));
        assertEquals("../x.arazzo.yaml", call(outputs, "self"), "$self is the document's $self as written");
    }

    @Test
    void readingSelfInADocumentWithoutOneIsALocatedError() {
        Path spec = scenario.write("x.arazzo.yaml", DOCUMENT.replace("$self: https://example.com/flows/x.arazzo.yaml\n",
                "").replace("apis/things.yaml", "things-openapi.yaml"));

        List<String> diagnostics = generate(spec);

        assertEquals(2, diagnostics.size(), diagnostics::toString);
        assertTrue(diagnostics.get(0).startsWith(spec + ":13:48: error: [undefined-self] '$self' reads the document's "
                + "$self, but this document has none"), diagnostics::toString);
        assertTrue(diagnostics.get(1).startsWith(spec + ":18:13: error: [undefined-self]"), diagnostics::toString);
    }

    private List<String> generate(Path spec) {
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());
        assertTrue(result.files().isEmpty());
        return result.diagnostics().stream().map(Diagnostic::toString).toList();
    }
}
