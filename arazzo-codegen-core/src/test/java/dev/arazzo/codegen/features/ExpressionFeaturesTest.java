package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runtime expressions of every kind, and criteria of every type, compiled and run. */
class ExpressionFeaturesTest extends ScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = """
            arazzo: 1.0.1
            info: {title: Expressions, version: '1'}
            sourceDescriptions:
              - {name: things, url: things-openapi.yaml, type: openapi}
            """;
    private static final String THING = "{\"id\":\"t1\",\"name\":\"Widget\",\"count\":7,\"size\":12345678901,"
            + "\"price\":2.5,\"tags\":[\"a\",\"b\"],\"owner\":{\"name\":\"Ann\"}}";

    @Test
    void everyRuntimeExpressionReadsItsValueWithItsType() throws Exception {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: reads
                    inputs:
                      type: object
                      properties:
                        id: {type: string}
                        owner: {type: object}
                    steps:
                      - stepId: get
                        operationId: getThing
                        parameters:
                          - {name: id, in: path, value: $inputs.id}
                          - {name: q, in: query, value: find me}
                          - {name: X-Trace, in: header, value: trace-1}
                        outputs:
                          url: $url
                          method: $method
                          status: $statusCode
                          trace: $request.header.x-trace
                          query: $request.query.q
                          path: $request.path.id
                          location: $response.header.location
                          name: $response.body#/name
                          count: $response.body#/count
                          size: $response.body#/size
                          price: $response.body#/price
                          tags: $response.body#/tags
                          whole: $response.body
                          source: $sourceDescriptions.things.url
                      - stepId: make
                        operationId: createThing
                        requestBody:
                          payload:
                            owner: $steps.get.outputs.whole#/owner/name
                            inputOwner: $inputs.owner#/name
                            count: $steps.get.outputs.count
                        outputs:
                          sentOwner: $request.body#/owner
                    outputs:
                      name: $steps.get.outputs.name
                      count: $steps.get.outputs.count
                      sentOwner: $steps.make.outputs.sentOwner
                      ownerName: $steps.get.outputs.whole#/owner/name
                      firstTag: $steps.get.outputs.tags#/0
                """);
        scenario.server().on("GET", "/things/t1", new Response(200, THING,
                Map.of("Content-Type", "application/json", "Location", "/things/t1")));
        scenario.server().on("POST", "/things", Response.json(201, "{}"));
        Object client = scenario.client(code, "ReadsWorkflow");
        Object inputs = Scenario.inputs(code, "ReadsWorkflow", Map.of("id", "t1",
                "owner", JSON.readTree("{\"name\":\"Bo\"}")));

        Object get = call(client, "get", inputs);

        assertEquals(scenario.server().baseUri() + "/things/t1?q=find%20me", call(get, "url"));
        assertEquals("GET", call(get, "method"));
        assertEquals(200, call(get, "status"));
        assertEquals("trace-1", call(get, "trace"));
        assertEquals("find me", call(get, "query"));
        assertEquals("t1", call(get, "path"));
        assertEquals("/things/t1", call(get, "location"));
        assertEquals("Widget", call(get, "name"));
        assertEquals(7, call(get, "count"));
        assertEquals(12345678901L, call(get, "size"));
        assertEquals(2.5, call(get, "price"));
        assertEquals(List.of("a", "b"), call(get, "tags"));
        assertEquals(JSON.readTree(THING), call(call(get, "whole"), "toJson"));
        assertEquals("things-openapi.yaml", call(get, "source"));

        Object outputs = call(client, "run", inputs);
        assertEquals("Widget", call(outputs, "name"));
        assertEquals(7, call(outputs, "count"));
        assertEquals(JSON.readTree("\"Ann\""), call(outputs, "sentOwner"));
        assertEquals("Ann", call(outputs, "ownerName"), "a pointer into a typed output is typed from its schema");
        assertEquals("a", call(outputs, "firstTag"));
        assertEquals(String.class, code.type("ReadsWorkflow.Outputs").getRecordComponents()[3].getType());
        assertEquals(JSON.readTree("{\"owner\":\"Ann\",\"inputOwner\":\"Bo\",\"count\":7}"),
                JSON.readTree(scenario.server().requests().get(2).body()));
        assertEquals("java.util.List<java.lang.String>",
                code.type("ReadsWorkflow.GetResult").getRecordComponents()[11].getGenericType().getTypeName());
        assertEquals(code.type("ReadsWorkflow.Thing"), code.type("ReadsWorkflow.GetResult").getRecordComponents()[12].getType());
        assertEquals(code.type("ReadsWorkflow.Owner"), code.type("ReadsWorkflow.Thing").getRecordComponents()[6].getType(),
                "an object written inline in the response schema is a record too");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " -> ", value = {
        "$statusCode == 200 && $response.body#/state == 'READY' -> true",
        "$response.body#/state != 'ready' -> false",
        "$response.body#/count > 5 || $response.body#/state == 'busy' -> false",
        "$response.body#/count > 5 || $response.body#/state == 'busy' && false -> false",
        "$response.body#/count >= 3 && ($response.body#/state == 'x' || $statusCode < 300) -> true",
        "!($response.body#/ready == false) -> true",
        "$response.body#/ready -> true",
        "$response.body#/count <= '3' -> true",
        "$response.body#/items[1].name == 'second' -> true",
        "$response.body#/missing == null -> true",
        "$response.header.X-Count == 3 -> true",
    })
    void simpleConditionsFollowTheSpecsOperatorsAndPrecedence(String condition, boolean holds) {
        assertCriterion("condition: \"" + condition + "\"", holds);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " -> ", value = {
        "{context: $response.body#/state, type: regex, condition: '^rea'} -> true",
        "{context: $statusCode, type: regex, condition: '^2\\d\\d$'} -> true",
        "{context: $response.body#/state, type: regex, condition: 'dy$'} -> true",
        "{context: $response.body#/state, type: regex, condition: '^dy'} -> false",
        "{context: $response.body, type: jsonpath, condition: '$[?@.count > 0]'} -> true",
        "{context: $response.body, type: jsonpath, condition: '$[?@.count > 5]'} -> false",
        "{context: $response.body, type: jsonpath, condition: '$.items[?@.name == ''second'']'} -> true",
        "{context: $response.body, type: jsonpath, condition: '$.state != null'} -> true",
        "{context: $response.body, type: jsonpath, condition: '$.missing != null'} -> false",
        "{context: $response.body, type: {type: jsonpath, version: draft-goessner-dispatch-jsonpath-00}, condition: '$.items'} -> true",
    })
    void regexAndJsonPathCriteriaApplyToTheirContext(String criterion, boolean holds) {
        assertCriterion(criterion.strip(), holds);
    }

    private void assertCriterion(String criterion, boolean holds) {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: checks
                    steps:
                      - stepId: status
                        operationId: getStatus
                        successCriteria:
                          - %s
                """.formatted(criterion));
        scenario.server().on("GET", "/status", new Response(200,
                "{\"state\":\"ready\",\"ready\":true,\"count\":3,\"items\":[{\"name\":\"first\"},{\"name\":\"second\"}]}",
                Map.of("Content-Type", "application/json", "X-Count", "3")));
        Object client = scenario.client(code, "ChecksWorkflow");
        Object inputs = Scenario.inputs(code, "ChecksWorkflow", Map.of());
        if (holds) {
            call(client, "run", inputs);
        } else {
            RuntimeException failure = assertThrows(RuntimeException.class, () -> call(client, "run", inputs));
            assertEquals("StepFailedException", failure.getClass().getSimpleName(), failure.toString());
        }
        assertEquals(List.of("/status"), scenario.server().requests().stream().map(r -> r.path()).toList());
    }

    @Test
    void xpathCriteriaTestTheBodyAsXml() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: xml
                    steps:
                      - stepId: status
                        operationId: getStatus
                        successCriteria:
                          - {context: $response.body, type: {type: xpath, version: xpath-10}, condition: "//pet[id = '1']"}
                """);
        Object client = scenario.client(code, "XmlWorkflow");
        Object inputs = Scenario.inputs(code, "XmlWorkflow", Map.of());
        scenario.server().on("GET", "/status", new Response(200, "<pets><pet><id>1</id></pet></pets>",
                Map.of("Content-Type", "application/xml")));

        call(client, "run", inputs);

        scenario.server().on("GET", "/status", new Response(200, "<pets><pet><id>2</id></pet></pets>",
                Map.of("Content-Type", "application/xml")));
        RuntimeException failure = assertThrows(RuntimeException.class, () -> call(client, "run", inputs));
        assertEquals("//pet[id = '1']", call(failure, "failedCriterion"));
    }

    @Test
    void xpathThreeCriteriaRunOnSaxon() {
        GeneratedCode code = scenario.generate(HEADER + """
                workflows:
                  - workflowId: xml31
                    steps:
                      - stepId: status
                        operationId: getStatus
                        successCriteria:
                          - {context: $response.body, type: {type: xpath, version: xpath-30},
                             condition: "exists(//pet[id = '1']) and string-join(//name, ',') = 'Rex,Bo'"}
                """);
        Object client = scenario.client(code, "Xml31Workflow");
        Object inputs = Scenario.inputs(code, "Xml31Workflow", Map.of());
        scenario.server().on("GET", "/status", new Response(200,
                "<pets><pet><id>1</id><name>Rex</name></pet><pet><id>2</id><name>Bo</name></pet></pets>",
                Map.of("Content-Type", "application/xml")));

        call(client, "run", inputs);

        scenario.server().on("GET", "/status", new Response(200, "<!DOCTYPE pets [<!ENTITY x 'y'>]><pets/>",
                Map.of("Content-Type", "application/xml")));
        assertThrows(RuntimeException.class, () -> call(client, "run", inputs), "a DTD is refused");
    }

    @Test
    void componentParametersAreValuesWhereverAnExpressionNamesThem() {
        GeneratedCode code = scenario.generate(HEADER + """
                components:
                  parameters:
                    page: {name: page, in: query, value: 3}
                workflows:
                  - workflowId: paged
                    steps:
                      - stepId: get
                        operationId: getThing
                        parameters:
                          - {name: id, in: path, value: t1}
                          - {name: page, in: query, value: $components.parameters.page}
                """);
        scenario.server().on("GET", "/things/t1", Response.json(200, "{}"));

        call(scenario.client(code, "PagedWorkflow"), "run", Scenario.inputs(code, "PagedWorkflow", Map.of()));

        assertEquals("page=3", scenario.server().requests().get(0).query());
    }
}
