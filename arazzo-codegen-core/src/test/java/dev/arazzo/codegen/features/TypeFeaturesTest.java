package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Request;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Types from schemas: input records, enums, formats, lists and maps sent as exact JSON and text; response
 * values read into lists, java.time, UUID, numbers and records of named component schemas.
 */
class TypeFeaturesTest extends ScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPENAPI = """
            openapi: 3.0.3
            info: {title: Orders, version: '1'}
            servers: [{url: 'https://orders.example.com'}]
            paths:
              /orders:
                post:
                  operationId: placeOrder
                  parameters:
                    - {name: priority, in: query, schema: {type: string}}
                    - {name: after, in: query, schema: {type: string, format: date-time}}
                    - {name: date, in: query, schema: {type: string, format: date}}
                    - {name: X-Request-Id, in: header, schema: {type: string, format: uuid}}
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object}
                  responses:
                    '201':
                      description: Placed.
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Order'}
            components:
              schemas:
                Order:
                  type: object
                  properties:
                    id: {type: string, format: uuid}
                    number: {type: integer, format: int64}
                    created: {type: string, format: date-time}
                    ships: {type: string, format: date}
                    status: {type: string, enum: [placed, shipped]}
                    tags: {type: array, items: {type: string}}
                    lines: {type: array, items: {$ref: '#/components/schemas/Line'}}
                    totals: {type: object, additionalProperties: {type: number}}
                    weight: {type: number, format: float}
                    customer: {$ref: '#/components/schemas/Customer'}
                    extra: {type: object, properties: {note: {type: string}}}
                Line:
                  type: object
                  properties:
                    sku: {type: string}
                    count: {type: integer}
                Customer:
                  type: object
                  properties:
                    name: {type: string}
                    since: {type: string, format: date}
                    orders: {type: array, items: {$ref: '#/components/schemas/Order'}}
            """;
    private static final String ARAZZO = """
            arazzo: 1.0.1
            info: {title: Types, version: '1'}
            sourceDescriptions:
              - {name: orders, url: orders-openapi.yaml, type: openapi}
            components:
              inputs:
                Address:
                  type: object
                  required: [street]
                  properties:
                    street: {type: string}
                    lines: {type: array, items: {type: string}}
                    geo:
                      type: object
                      properties:
                        lat: {type: number}
                        lon: {type: number}
            workflows:
              - workflowId: place-order
                inputs:
                  type: object
                  required: [customer, shipTo]
                  properties:
                    customer: {type: string}
                    shipTo: {$ref: '#/components/inputs/Address'}
                    billTo: {$ref: '#/components/inputs/Address'}
                    priority: {type: string, enum: [low, high, same-day]}
                    deliverAfter: {type: string, format: date-time}
                    deliverOn: {type: string, format: date}
                    requestId: {type: string, format: uuid}
                    quantity: {type: integer, format: int32}
                    total: {type: integer, format: int64}
                    weight: {type: number, format: float}
                    price: {type: number, format: double}
                    gift: {type: boolean}
                    items:
                      type: array
                      items:
                        type: object
                        required: [sku]
                        properties:
                          sku: {type: string}
                          count: {type: integer}
                    labels: {type: object, additionalProperties: {type: string}}
                steps:
                  - stepId: place
                    operationId: placeOrder
                    parameters:
                      - {name: priority, in: query, value: $inputs.priority}
                      - {name: after, in: query, value: $inputs.deliverAfter}
                      - {name: date, in: query, value: $inputs.deliverOn}
                      - {name: X-Request-Id, in: header, value: $inputs.requestId}
                    requestBody:
                      contentType: application/json
                      payload:
                        customer: $inputs.customer
                        shipTo: $inputs.shipTo
                        billTo: $inputs.billTo
                        priority: $inputs.priority
                        deliverAfter: $inputs.deliverAfter
                        deliverOn: $inputs.deliverOn
                        requestId: $inputs.requestId
                        quantity: $inputs.quantity
                        total: $inputs.total
                        weight: $inputs.weight
                        price: $inputs.price
                        gift: $inputs.gift
                        items: $inputs.items
                        labels: $inputs.labels
                    successCriteria:
                      - condition: $statusCode == 201
                      - condition: $inputs.priority == 'same-day'
                    outputs:
                      id: $response.body#/id
                      number: $response.body#/number
                      created: $response.body#/created
                      ships: $response.body#/ships
                      status: $response.body#/status
                      tags: $response.body#/tags
                      lines: $response.body#/lines
                      totals: $response.body#/totals
                      weight: $response.body#/weight
                      customer: $response.body#/customer
                      extra: $response.body#/extra
                      firstSku: $response.body#/lines/0/sku
                      order: $response.body
                outputs:
                  created: $steps.place.outputs.created
                  tags: $steps.place.outputs.tags
                  customerName: $steps.place.outputs.customer#/name
            """;
    private static final String ORDER = """
            {"id":"0f8fad5b-d9cb-469f-a165-70867728950e","number":12345678901,"created":"2024-05-01T10:15:30+02:00",
             "ships":"2024-05-03","status":"on-hold","tags":["a","b"],"lines":[{"sku":"X1","count":2},{"sku":"Y2"}],
             "totals":{"net":10.5,"tax":2},"weight":1.25,"customer":{"name":"Ann","since":"2020-01-31",
             "orders":[]},"extra":{"note":"hi"}}""";

    private GeneratedCode code;

    @BeforeEach
    void start() {
        scenario.write("orders-openapi.yaml", OPENAPI);
        code = scenario.generate(ARAZZO);
    }

    @Test
    void inputsAreTypedFromTheirJsonSchema() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("customer", "java.lang.String");
        expected.put("shipTo", name("PlaceOrderWorkflow.Address"));
        expected.put("billTo", name("PlaceOrderWorkflow.Address"));
        expected.put("priority", name("PlaceOrderWorkflow.Priority"));
        expected.put("deliverAfter", "java.time.OffsetDateTime");
        expected.put("deliverOn", "java.time.LocalDate");
        expected.put("requestId", "java.util.UUID");
        expected.put("quantity", "java.lang.Integer");
        expected.put("total", "java.lang.Long");
        expected.put("weight", "java.lang.Float");
        expected.put("price", "java.lang.Double");
        expected.put("gift", "java.lang.Boolean");
        expected.put("items", "java.util.List<" + name("PlaceOrderWorkflow.Item") + ">");
        expected.put("labels", "java.util.Map<java.lang.String, java.lang.String>");
        assertEquals(expected, types(code.type("PlaceOrderWorkflow.Inputs")));
        assertEquals(Map.of("street", "java.lang.String", "lines", "java.util.List<java.lang.String>",
                "geo", name("PlaceOrderWorkflow.Geo")), types(code.type("PlaceOrderWorkflow.Address")));
        assertEquals(Map.of("lat", "java.lang.Double", "lon", "java.lang.Double"),
                types(code.type("PlaceOrderWorkflow.Geo")));
        Class<?> priority = code.type("PlaceOrderWorkflow.Priority");
        assertTrue(priority.isEnum());
        assertEquals(List.of("LOW", "HIGH", "SAME_DAY"),
                Arrays.stream(priority.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        assertEquals("same-day", call(call(priority, "fromValue", "same-day"), "value"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> call(priority, "fromValue", "tomorrow"));
        assertEquals("'tomorrow' is not a Priority; expected one of: low, high, same-day", unknown.getMessage());
    }

    @Test
    void nestedRecordsEnumsDatesAndUuidsAreSentAsExactJsonAndText() throws Exception {
        scenario.server().on("POST", "/orders", Response.json(201, ORDER));
        Object client = scenario.client(code, "PlaceOrderWorkflow");

        call(client, "run", inputs());

        Request request = scenario.server().requests().get(0);
        assertEquals("""
                {"customer":"Ann","shipTo":{"street":"1 Main St","lines":["Floor 2","Desk 7"],"geo":{"lat":52.5,"lon":13.4}},\
                "billTo":{"street":"2 Side St"},"priority":"same-day","deliverAfter":"2024-05-01T10:00:00Z",\
                "deliverOn":"2024-05-03","requestId":"0f8fad5b-d9cb-469f-a165-70867728950e","quantity":3,\
                "total":12345678901,"weight":1.5,"price":9.99,"gift":true,\
                "items":[{"sku":"X1","count":2},{"sku":"Y2"}],"labels":{"b":"2","a":"1"}}""", request.body());
        assertEquals("priority=same-day&after=2024-05-01T10%3A00%3A00Z&date=2024-05-03", request.query());
        assertEquals("0f8fad5b-d9cb-469f-a165-70867728950e", request.header("X-Request-Id"));
    }

    @Test
    void responseValuesAreReadIntoTheTypesTheirSchemaGives() throws Exception {
        scenario.server().on("POST", "/orders", Response.json(201, ORDER));
        Object client = scenario.client(code, "PlaceOrderWorkflow");

        Object place = call(client, "place", inputs());

        Map<String, String> result = types(code.type("PlaceOrderWorkflow.PlaceResult"));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", "java.util.UUID");
        expected.put("number", "java.lang.Long");
        expected.put("created", "java.time.OffsetDateTime");
        expected.put("ships", "java.time.LocalDate");
        expected.put("status", "java.lang.String");
        expected.put("tags", "java.util.List<java.lang.String>");
        expected.put("lines", "java.util.List<" + name("PlaceOrderWorkflow.Line") + ">");
        expected.put("totals", "java.util.Map<java.lang.String, java.lang.Double>");
        expected.put("weight", "java.lang.Float");
        expected.put("customer", name("PlaceOrderWorkflow.Customer"));
        expected.put("extra", "com.example.generated.PlaceOrderWorkflow.Extra");
        expected.put("firstSku", "java.lang.String");
        expected.put("order", name("PlaceOrderWorkflow.Order"));
        assertEquals(expected, result);

        assertEquals(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"), call(place, "id"));
        assertEquals(12345678901L, call(place, "number"));
        assertEquals(OffsetDateTime.of(2024, 5, 1, 10, 15, 30, 0, ZoneOffset.ofHours(2)), call(place, "created"));
        assertEquals(LocalDate.of(2024, 5, 3), call(place, "ships"));
        assertEquals("on-hold", call(place, "status"), "a value outside the enum is kept");
        assertEquals(List.of("a", "b"), call(place, "tags"));
        List<?> lines = (List<?>) call(place, "lines");
        assertEquals("X1", call(lines.get(0), "sku"));
        assertEquals(2, call(lines.get(0), "count"));
        assertEquals(null, call(lines.get(1), "count"));
        assertEquals(Map.of("net", 10.5, "tax", 2.0), call(place, "totals"));
        assertEquals(1.25f, call(place, "weight"));
        assertEquals("Ann", call(call(place, "customer"), "name"));
        assertEquals(LocalDate.of(2020, 1, 31), call(call(place, "customer"), "since"));
        assertEquals(List.of(), call(call(place, "customer"), "orders"));
        assertEquals("hi", call(call(place, "extra"), "note"));
        assertEquals("X1", call(place, "firstSku"));
        assertEquals(call(place, "customer"), call(call(place, "order"), "customer"));
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) call(place, "tags")).add(null));

        Object outputs = call(client, "run", inputs());
        assertEquals(OffsetDateTime.of(2024, 5, 1, 10, 15, 30, 0, ZoneOffset.ofHours(2)), call(outputs, "created"));
        assertEquals(List.of("a", "b"), call(outputs, "tags"));
        assertEquals("Ann", call(outputs, "customerName"), "a pointer into a typed output is typed from its schema");
    }

    @Test
    void aRequiredNestedPropertyThatIsMissingFailsAtBuildNamingIt() {
        Object address = call(code.type("PlaceOrderWorkflow.Address"), "builder");
        call(address, "lines", List.of("Floor 2"));
        NullPointerException missing = assertThrows(NullPointerException.class, () -> call(address, "build"));
        assertEquals("property 'street' of Address is required", missing.getMessage());

        Object item = call(code.type("PlaceOrderWorkflow.Item"), "builder");
        NullPointerException sku = assertThrows(NullPointerException.class, () -> call(item, "build"));
        assertEquals("property 'sku' of Item is required", sku.getMessage());

        NullPointerException shipTo = assertThrows(NullPointerException.class,
                () -> Scenario.inputs(code, "PlaceOrderWorkflow", Map.of("customer", "Ann")));
        assertEquals("input 'shipTo' is required", shipTo.getMessage());
    }

    @Test
    void inputCollectionsAreCopiedAndCannotBeChanged() {
        List<String> lines = new java.util.ArrayList<>(List.of("Floor 2"));
        Object builder = call(code.type("PlaceOrderWorkflow.Address"), "builder");
        call(builder, "street", "1 Main St");
        call(builder, "lines", lines);
        Object address = call(builder, "build");
        lines.add("changed later");
        assertEquals(List.of("Floor 2"), call(address, "lines"));
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) call(address, "lines")).clear());
    }

    @Test
    void calledWorkflowsGetTypedInputsFromValuesAndFromTheCallersRecords() throws Exception {
        GeneratedCode calls = scenario.generate("""
                arazzo: 1.0.1
                info: {title: Calls, version: '1'}
                sourceDescriptions:
                  - {name: things, url: things-openapi.yaml, type: openapi}
                components:
                  inputs:
                    Address:
                      type: object
                      required: [street]
                      properties:
                        street: {type: string}
                workflows:
                  - workflowId: ship
                    inputs:
                      type: object
                      properties:
                        shipTo: {$ref: '#/components/inputs/Address'}
                        speed: {type: string, enum: [slow, fast]}
                        when: {type: string, format: date}
                    steps:
                      - stepId: post
                        operationId: createThing
                        requestBody:
                          payload: {to: $inputs.shipTo, speed: $inputs.speed, when: $inputs.when}
                        successCriteria:
                          - condition: $statusCode == 201
                  - workflowId: order
                    inputs:
                      type: object
                      properties:
                        shipTo: {$ref: '#/components/inputs/Address'}
                    dependsOn: [ship]
                    steps:
                      - stepId: again
                        workflowId: ship
                        parameters:
                          - {name: shipTo, value: {street: Literal Rd}}
                          - {name: speed, value: fast}
                          - {name: when, value: '2024-06-01'}
                """);
        scenario.server().on("POST", "/things", Response.json(201, "{}"));
        Object client = scenario.client(calls, "OrderWorkflow");
        Object address = call(calls.type("OrderWorkflow.Address"), "builder");
        call(address, "street", "1 Main St");

        call(client, "run", Scenario.inputs(calls, "OrderWorkflow", Map.of("shipTo", call(address, "build"))));

        assertEquals(List.of("{\"to\":{\"street\":\"1 Main St\"}}",
                        "{\"to\":{\"street\":\"Literal Rd\"},\"speed\":\"fast\",\"when\":\"2024-06-01\"}"),
                scenario.server().requests().stream().map(Request::body).toList());
    }

    @Test
    void generatedCodeBindsNoJsonByReflection() throws Exception {
        String source = Files.readString(code.result().files().stream()
                .filter(f -> f.path().getFileName().toString().equals("PlaceOrderWorkflow.java")).findFirst()
                .orElseThrow().path());
        assertFalse(source.contains("convert("), source);
        assertFalse(source.contains("TypeReference"), source);
        assertTrue(source.contains("public record Address(String street, List<String> lines, Geo geo) implements JsonValue"),
                source);
        assertTrue(source.contains("public enum Priority implements JsonValue"), source);
    }

    private Object inputs() throws Exception {
        Object geo = call(code.type("PlaceOrderWorkflow.Geo"), "builder");
        call(geo, "lat", 52.5);
        call(geo, "lon", 13.4);
        Object shipTo = call(code.type("PlaceOrderWorkflow.Address"), "builder");
        call(shipTo, "street", "1 Main St");
        call(shipTo, "lines", List.of("Floor 2", "Desk 7"));
        call(shipTo, "geo", call(geo, "build"));
        Object billTo = call(code.type("PlaceOrderWorkflow.Address"), "builder");
        call(billTo, "street", "2 Side St");
        Object first = call(code.type("PlaceOrderWorkflow.Item"), "builder");
        call(first, "sku", "X1");
        call(first, "count", 2);
        Object second = call(code.type("PlaceOrderWorkflow.Item"), "builder");
        call(second, "sku", "Y2");
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("b", "2");
        labels.put("a", "1");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("customer", "Ann");
        values.put("shipTo", call(shipTo, "build"));
        values.put("billTo", call(billTo, "build"));
        values.put("priority", call(code.type("PlaceOrderWorkflow.Priority"), "fromValue", "same-day"));
        values.put("deliverAfter", OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC));
        values.put("deliverOn", LocalDate.of(2024, 5, 3));
        values.put("requestId", UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
        values.put("quantity", 3);
        values.put("total", 12345678901L);
        values.put("weight", 1.5f);
        values.put("price", 9.99);
        values.put("gift", true);
        values.put("items", List.of(call(first, "build"), call(second, "build")));
        values.put("labels", labels);
        return Scenario.inputs(code, "PlaceOrderWorkflow", values);
    }

    private String name(String generated) {
        return code.type(generated).getName().replace('$', '.');
    }

    /** Record component name to generic type name, in declaration order. */
    private static Map<String, String> types(Class<?> record) {
        Map<String, String> types = new LinkedHashMap<>();
        for (RecordComponent component : record.getRecordComponents()) {
            types.put(component.getName(), component.getGenericType().getTypeName().replace('$', '.'));
        }
        return types;
    }
}
