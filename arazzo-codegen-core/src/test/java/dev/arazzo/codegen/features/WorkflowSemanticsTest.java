package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Workflow semantics that real documents expect: the outputs of workflows that steps run, literal outputs,
 * names outside the specification's pattern, and the inputs passed to workflows that steps and actions run.
 */
class WorkflowSemanticsTest extends ScenarioTest {

    static final String HEADER = """
            arazzo: 1.0.1
            info: {title: Semantics, version: '1'}
            sourceDescriptions:
              - {name: things, url: things-openapi.yaml, type: openapi}
            """;

    /** A workflow that fetches thing {@code $inputs.id} and outputs its name. */
    static final String FETCH = """
              - workflowId: fetch
                inputs: {type: object, properties: {id: {type: string}}}
                steps:
                  - stepId: get
                    operationId: getThing
                    parameters: [{name: id, in: path, value: $inputs.id}]
                    outputs: {name: $response.body#/name}
                outputs:
                  thingName: $steps.get.outputs.name
            """;

    private Object run(GeneratedCode code, String workflowClass, Map<String, Object> inputs) {
        return call(scenario.client(code, workflowClass), "run", Scenario.inputs(code, workflowClass, inputs));
    }

    private List<String> requests() {
        return scenario.server().requests().stream().map(r -> r.method() + " " + r.rawPath()
                + (r.query() == null ? "" : "?" + r.query())).toList();
    }

    /** Generates {@code workflow.arazzo.yaml} without compiling; for documents that get diagnostics. */
    GenerationResult generateOnly(String arazzo) {
        return ArazzoCodegen.generate(GenerationRequest.builder().spec(scenario.write("workflow.arazzo.yaml", arazzo))
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());
    }

    static List<String> codes(GenerationResult result) {
        return result.diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void workflowOutputsReadAfterAStepThatRanTheWorkflowAreThatRunsOutputs() {
        GeneratedCode code = scenario.generate(HEADER + "workflows:\n" + FETCH + """
                  - workflowId: twice
                    steps:
                      - stepId: first
                        workflowId: fetch
                        parameters: [{name: id, value: a}]
                        outputs: {seen: $workflows.fetch.outputs.thingName}
                      - stepId: useFirst
                        operationId: getThing
                        parameters:
                          - {name: id, in: path, value: use}
                          - {name: q, in: query, value: $workflows.fetch.outputs.thingName}
                      - stepId: second
                        workflowId: fetch
                        parameters: [{name: id, value: $workflows.fetch.outputs.thingName}]
                        successCriteria: [{condition: $workflows.fetch.outputs.thingName == 'Bee'}]
                        outputs: {seen: $workflows.fetch.outputs.thingName}
                      - stepId: useSecond
                        operationId: getThing
                        parameters:
                          - {name: id, in: path, value: use}
                          - {name: q, in: query, value: $workflows.fetch.outputs.thingName}
                    outputs:
                      firstSeen: $steps.first.outputs.seen
                      secondSeen: $steps.second.outputs.seen
                      last: $workflows.fetch.outputs.thingName
                """);
        scenario.server().on("GET", "/things/a", Response.json(200, "{\"name\":\"Ant\"}"));
        scenario.server().on("GET", "/things/Ant", Response.json(200, "{\"name\":\"Bee\"}"));
        scenario.server().on("GET", "/things/use", Response.json(200, "{}"));

        Object outputs = run(code, "TwiceWorkflow", Map.of());

        assertEquals(List.of("GET /things/a", "GET /things/use?q=Ant", "GET /things/Ant", "GET /things/use?q=Bee"),
                requests());
        assertEquals("Ant", call(outputs, "firstSeen"));
        assertEquals("Bee", call(outputs, "secondSeen"));
        assertEquals("Bee", call(outputs, "last"));
    }

    @Test
    void aDependsOnWorkflowsOutputsAreReplacedByTheRunOfALaterStep() {
        GeneratedCode code = scenario.generate(HEADER + "workflows:\n" + FETCH + """
                  - workflowId: main
                    dependsOn: [fetch]
                    inputs: {type: object, properties: {id: {type: string}}}
                    steps:
                      - stepId: before
                        operationId: getThing
                        parameters:
                          - {name: id, in: path, value: use}
                          - {name: q, in: query, value: $workflows.fetch.outputs.thingName}
                      - stepId: again
                        workflowId: fetch
                        parameters: [{name: id, value: b}]
                      - stepId: after
                        operationId: getThing
                        parameters:
                          - {name: id, in: path, value: use}
                          - {name: q, in: query, value: $workflows.fetch.outputs.thingName}
                """);
        scenario.server().on("GET", "/things/a", Response.json(200, "{\"name\":\"Ant\"}"));
        scenario.server().on("GET", "/things/b", Response.json(200, "{\"name\":\"Bee\"}"));
        scenario.server().on("GET", "/things/use", Response.json(200, "{}"));

        run(code, "MainWorkflow", Map.of("id", "a"));

        assertEquals(List.of("GET /things/a", "GET /things/use?q=Ant", "GET /things/b", "GET /things/use?q=Bee"),
                requests());
    }

    @Test
    void readingAWorkflowsOutputsBeforeAnyStepCanHaveRunItIsALocatedError() {
        GenerationResult result = generateOnly(HEADER + "workflows:\n" + FETCH + """
                  - workflowId: early
                    steps:
                      - stepId: before
                        operationId: getThing
                        parameters:
                          - {name: id, in: path, value: $workflows.fetch.outputs.thingName}
                      - stepId: later
                        workflowId: fetch
                        parameters: [{name: id, value: $workflows.fetch.outputs.thingName}]
                """);

        List<String> errors = result.diagnostics().stream().filter(Diagnostic::isError).map(Object::toString).toList();
        String spec = directory.resolve("workflow.arazzo.yaml").toString();
        assertEquals(List.of(
                spec + ":20:41: error: [workflow-not-run] '$workflows.fetch.outputs.thingName' reads the outputs of "
                        + "workflow 'fetch', which no step that runs it (later) can have run before step 'before'; "
                        + "read it in or after such a step, or add the workflow to dependsOn",
                spec + ":23:40: error: [workflow-not-run] '$workflows.fetch.outputs.thingName' reads the outputs of "
                        + "workflow 'fetch', which no step that runs it (later) can have run before step 'later'; "
                        + "read it in or after such a step, or add the workflow to dependsOn"), errors);
    }

    @Test
    void whereOrderIsDynamicAWorkflowNotRunYetFailsTheRunNamingIt() {
        GeneratedCode code = scenario.generate(HEADER + "workflows:\n" + FETCH + """
                  - workflowId: dynamic
                    steps:
                      - stepId: status
                        operationId: getStatus
                        onSuccess:
                          - {name: skip, type: goto, stepId: use, criteria: [{condition: $response.body#/count == 0}]}
                      - stepId: call
                        workflowId: fetch
                        parameters: [{name: id, value: a}]
                      - stepId: use
                        operationId: getThing
                        parameters:
                          - {name: id, in: path, value: use}
                          - {name: q, in: query, value: $workflows.fetch.outputs.thingName}
                """);
        scenario.server().on("GET", "/status", Response.json(200, "{\"count\":0}"));

        RuntimeException failure = assertThrows(RuntimeException.class, () -> run(code, "DynamicWorkflow", Map.of()));

        assertEquals("WorkflowException", failure.getClass().getSimpleName());
        assertEquals("step 'use' reads the outputs of workflow 'fetch', which has not run", failure.getMessage());
        assertEquals(List.of("GET /status"), requests());
    }

    @Test
    void literalOutputsAreConstantsOfTheirTypeWithALocatedWarning() throws Exception {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: constants
                    steps:
                      - stepId: status
                        operationId: getStatus
                        outputs: {label: fixed, state: $response.body#/state}
                    outputs:
                      guildCount: 2
                      flag: true
                      name: "abc"
                      ratio: 2.5
                      big: 10000000000
                      label: $steps.status.outputs.label
                """);
        scenario.server().on("GET", "/status", Response.json(200, "{\"state\":\"ready\"}"));

        Object outputs = run(code, "ConstantsWorkflow", Map.of());

        assertEquals(2, call(outputs, "guildCount"));
        assertEquals(Boolean.TRUE, call(outputs, "flag"));
        assertEquals("abc", call(outputs, "name"));
        assertEquals(2.5, call(outputs, "ratio"));
        assertEquals(10_000_000_000L, call(outputs, "big"));
        assertEquals("fixed", call(outputs, "label"));
        assertEquals(Integer.class, outputs.getClass().getMethod("guildCount").getReturnType());
        String spec = directory.resolve("workflow.arazzo.yaml").toString();
        assertEquals(List.of(
                spec + ":10:26: warning: [constant-output] output 'label' is the text constant 'fixed', not a runtime "
                        + "expression; it is read as that constant (a runtime expression starts with '$', such as "
                        + "'$response.body#/label')",
                spec + ":12:19: warning: [constant-output] output 'guildCount' is the integer constant 2, not a runtime "
                        + "expression; it is read as that constant (a runtime expression starts with '$', such as "
                        + "'$response.body#/guildCount')"),
                code.result().diagnostics().stream().map(Object::toString).limit(2).toList());
        assertEquals(List.of("constant-output", "constant-output", "constant-output", "constant-output",
                "constant-output", "constant-output"), codes(code.result()));
    }

    @Test
    void aQuotedNumberOutputIsATextConstant() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: quoted
                    steps:
                      - {stepId: status, operationId: getStatus}
                    outputs:
                      guildCount: '2'
                """);
        scenario.server().on("GET", "/status", Response.json(200, "{}"));

        assertEquals("2", call(run(code, "QuotedWorkflow", Map.of()), "guildCount"));
        assertEquals(List.of("constant-output"), codes(code.result()));
    }

    @Test
    void namesOutsideTheSpecificationsPatternGetALocatedWarningAndStillGenerate() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: names
                    inputs:
                      type: object
                      properties:
                        thing id: {type: string}
                        ok-name_1: {type: string}
                    steps:
                      - stepId: get
                        operationId: getThing
                        parameters: [{name: id, in: path, value: $inputs.thing id}]
                        outputs: {"a/b": $response.body#/name}
                    outputs:
                      "total count": $steps.get.outputs.a/b
                      straße: $inputs.ok-name_1
                """);
        scenario.server().on("GET", "/things/t1", Response.json(200, "{\"name\":\"Widget\"}"));

        Object outputs = run(code, "NamesWorkflow", Map.of("thingId", "t1", "okName1", "ok"));

        assertEquals(List.of("GET /things/t1"), requests());
        assertEquals("Widget", call(outputs, "totalCount"));
        assertEquals("ok", call(outputs, "stra_e"));
        List<Diagnostic> warnings = code.result().diagnostics().stream()
                .filter(d -> d.code().equals("invalid-name")).toList();
        assertEquals(List.of("10:19 thing id", "16:26 a/b", "18:22 total count", "19:15 straße"), warnings.stream()
                .map(d -> d.location().line() + ":" + d.location().column() + " "
                        + d.message().substring(d.message().indexOf('\'') + 1, d.message().indexOf("' has"))).toList());
        assertEquals("input name 'thing id' has characters the specification does not allow in names (only letters, "
                + "digits, '.', '-' and '_'); it is generated with a legal Java name (ASCII letters, digits and '_'), "
                + "but other tools may reject it: rename it", warnings.get(0).message());
    }

    /** A workflow that fetches thing {@code $inputs.id}, with a required {@code id} and an optional {@code page}. */
    private static final String CALLEE = """
              - workflowId: callee
                inputs:
                  type: object
                  required: [id]
                  properties: {id: {type: string}, page: {type: integer}}
                steps:
                  - stepId: get
                    operationId: getThing
                    parameters:
                      - {name: id, in: path, value: $inputs.id}
                      - {name: page, in: query, value: $inputs.page}
            """;

    @Test
    void aStepWithoutParametersAGotoAndARetryPassTheCallersInputsByNameAndType() {
        GeneratedCode code = scenario.generate(HEADER + "workflows:\n" + CALLEE + """
                  - workflowId: caller
                    inputs:
                      type: object
                      properties: {id: {type: string}, page: {type: string}, other: {type: boolean}}
                    steps:
                      - stepId: call
                        workflowId: callee
                      - stepId: status
                        operationId: getStatus
                        successCriteria: [{condition: $statusCode == 200}]
                        onFailure:
                          - {name: again, type: retry, workflowId: callee, retryLimit: 1,
                             criteria: [{condition: $statusCode == 401}]}
                          - {name: elsewhere, type: goto, workflowId: callee}
                """);
        scenario.server().on("GET", "/things/t1", Response.json(200, "{}"));
        scenario.server().on("GET", "/status", Response.json(401, "{}"), Response.json(500, "{}"));

        run(code, "CallerWorkflow", Map.of("id", "t1", "page", "2", "other", true));

        assertEquals(List.of("GET /things/t1", "GET /status", "GET /things/t1", "GET /status", "GET /things/t1"),
                requests(), "page is a string here and an integer there: not passed");
    }

    @Test
    void aRequiredInputTheCallerCannotFillIsALocatedErrorNamingIt() {
        GenerationResult result = generateOnly(HEADER + "workflows:\n" + CALLEE + """
                  - workflowId: caller
                    inputs: {type: object, properties: {id: {type: integer}}}
                    dependsOn: [callee]
                    steps:
                      - stepId: call
                        workflowId: callee
                      - stepId: status
                        operationId: getStatus
                        onFailure:
                          - {name: elsewhere, type: goto, workflowId: callee}
                """);

        String spec = directory.resolve("workflow.arazzo.yaml").toString();
        assertEquals(List.of(
                spec + ":19:17: error: [missing-input] dependsOn entry 'callee' runs workflow 'callee' with this "
                        + "workflow's inputs of the same name and type, but none fills its required input 'id'; "
                        + "declare an input 'id' of the same type",
                spec + ":22:21: error: [missing-input] step 'call' runs workflow 'callee' with this workflow's inputs "
                        + "of the same name and type, but none fills its required input 'id'; declare an input 'id' "
                        + "of the same type, or pass it in the step's parameters",
                spec + ":26:55: error: [missing-input] action 'elsewhere' runs workflow 'callee' with this "
                        + "workflow's inputs of the same name and type, but none fills its required input 'id'; "
                        + "declare an input 'id' of the same type"),
                result.diagnostics().stream().filter(Diagnostic::isError).map(Object::toString).toList());
    }

    /** A Swagger 2.0 description with one array parameter per collectionFormat. */
    private static final String SWAGGER = """
            swagger: '2.0'
            info: {title: formats, version: '1'}
            host: api.example.com
            schemes: [https]
            parameters:
              Piped: {name: piped, in: query, type: array, items: {type: string}, collectionFormat: pipes}
            paths:
              /items/{ids}:
                parameters:
                  - {name: ids, in: path, required: true, type: array, items: {type: string}}
                get:
                  operationId: getItems
                  parameters:
                    - {name: csv, in: query, type: array, items: {type: string}, collectionFormat: csv}
                    - {name: plain, in: query, type: array, items: {type: string}}
                    - {name: spaced, in: query, type: array, items: {type: string}, collectionFormat: ssv}
                    - $ref: '#/parameters/Piped'
                    - {name: many, in: query, type: array, items: {type: string}, collectionFormat: multi}
                    - {name: X-Tags, in: header, type: array, items: {type: string}, collectionFormat: csv}
                    - {name: tabbed, in: query, type: array, items: {type: string}, collectionFormat: tsv}
                    - {name: X-Spaced, in: header, type: array, items: {type: string}, collectionFormat: ssv}
                  responses: {'200': {description: ok}}
            """;

    @Test
    void swaggerCollectionFormatsAreSentAsTheConverterMapsThem() {
        scenario.write("formats-swagger.yaml", SWAGGER);
        GeneratedCode code = scenario.generate("""
                arazzo: 1.0.1
                info: {title: Formats, version: '1'}
                sourceDescriptions:
                  - {name: formats, url: formats-swagger.yaml, type: openapi}
                workflows:
                  - workflowId: formats
                    steps:
                      - stepId: get
                        operationId: getItems
                        parameters:
                          - {name: ids, in: path, value: [a, b]}
                          - {name: csv, in: query, value: [a, b, c]}
                          - {name: plain, in: query, value: [a, b]}
                          - {name: spaced, in: query, value: [a, b, c]}
                          - {name: piped, in: query, value: [a, b, c]}
                          - {name: many, in: query, value: [a, b, c]}
                          - {name: X-Tags, in: header, value: [a, b, c]}
                """);
        scenario.server().on("GET", "/items/a,b", Response.json(200, "{}"));

        run(code, "FormatsWorkflow", Map.of());

        var sent = scenario.server().requests().get(0);
        assertEquals("/items/a,b", sent.rawPath());
        assertEquals("csv=a,b,c&plain=a,b&spaced=a%20b%20c&piped=a%7Cb%7Cc&many=a&many=b&many=c", sent.query());
        assertEquals("a,b,c", sent.header("X-Tags"));
    }

    @Test
    void aCollectionFormatNoOpenApiStyleCarriesIsALocatedErrorWhereAStepSendsIt() {
        scenario.write("formats-swagger.yaml", SWAGGER);
        GenerationResult result = generateOnly("""
                arazzo: 1.0.1
                info: {title: Formats, version: '1'}
                sourceDescriptions:
                  - {name: formats, url: formats-swagger.yaml, type: openapi}
                workflows:
                  - workflowId: formats
                    steps:
                      - stepId: get
                        operationId: getItems
                        parameters:
                          - {name: ids, in: path, value: [a]}
                          - {name: tabbed, in: query, value: [a, b]}
                          - {name: X-Spaced, in: header, value: [a, b]}
                """);

        String spec = directory.resolve("workflow.arazzo.yaml").toString();
        assertEquals(List.of(
                spec + ":12:13: error: [unserializable-parameter] parameter 'tabbed' (in query) of operation "
                        + "'getItems' has Swagger 2.0 collectionFormat 'tsv', which OpenAPI 3 has no "
                        + "style for and swagger-parser's converter drops, so it cannot be sent tab-separated; use csv, "
                        + "ssv or pipes in the Swagger description",
                spec + ":13:13: error: [unserializable-parameter] parameter 'X-Spaced' (in header) of operation "
                        + "'getItems' has Swagger 2.0 collectionFormat 'ssv' in the header, which "
                        + "OpenAPI 3 has no style for there (swagger-parser's converter would send it comma-separated); "
                        + "use csv in the Swagger description"),
                result.diagnostics().stream().filter(Diagnostic::isError).map(Object::toString).toList());
    }
}
