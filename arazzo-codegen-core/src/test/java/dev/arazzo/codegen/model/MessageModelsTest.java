package dev.arazzo.codegen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.model.MessageModels.MessageCall;
import dev.arazzo.codegen.model.WorkflowModel.ExpressionValue;
import dev.arazzo.codegen.model.WorkflowModel.LiteralValue;
import dev.arazzo.codegen.model.WorkflowModel.ObjectValue;
import dev.arazzo.codegen.testing.Documents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An AsyncAPI step is modelled as a message call: channel, parameters, headers, payload and correlation. */
class MessageModelsTest {

    private static final String ASYNCAPI = """
            asyncapi: 3.0.0
            info: {title: orders, version: '1'}
            servers:
              local: {host: 'localhost:9092', protocol: kafka}
            channels:
              placeOrder:
                address: orders.place
                messages:
                  order: {$ref: '#/components/messages/Order'}
              orderPlaced:
                address: 'orders.{region}.placed'
                parameters:
                  region: {enum: [eu, us]}
                messages:
                  placed: {$ref: '#/components/messages/Placed'}
            operations:
              placeOrder:
                action: receive
                channel: {$ref: '#/channels/placeOrder'}
            components:
              messages:
                Order:
                  contentType: application/vnd.order+json
                  headers:
                    type: object
                    properties: {correlationId: {type: string}}
                  payload:
                    type: object
                    properties: {sku: {type: string}, quantity: {type: integer}}
                Placed:
                  correlationId: {location: '$message.header#/correlationId'}
                  headers:
                    type: object
                    properties: {correlationId: {type: string}}
                  payload:
                    type: object
                    properties: {orderId: {type: string}, status: {type: string}}
            """;

    private static final String ARAZZO = """
            arazzo: 1.1.0
            info: {title: orders, version: '1'}
            sourceDescriptions:
              - {name: orders, url: orders.asyncapi.yaml, type: asyncapi}
            workflows:
              - workflowId: order
                inputs: {type: object, properties: {id: {type: string}}}
                steps:
                  - stepId: place
                    operationId: placeOrder
                    action: send
                    parameters:
                      - {name: correlationId, in: header, value: $inputs.id}
                    requestBody:
                      payload: {sku: A-1, quantity: 2}
                  - stepId: placed
                    channelPath: '{$sourceDescriptions.orders.url}#/channels/orderPlaced'
                    action: receive
                    correlationId: $inputs.id
                    timeout: 5000
                    parameters:
                      - {name: region, in: channel, value: eu}
                    successCriteria:
                      - condition: $message.payload#/status == 'PLACED'
                    outputs:
                      orderId: $message.payload#/orderId
                      placed: $message.payload
                      id: $message.header.correlationId
            """;

    @TempDir
    Path dir;

    private WorkflowModel build() throws Exception {
        Files.writeString(dir.resolve("orders.asyncapi.yaml"), ASYNCAPI);
        Path spec = dir.resolve("flow.arazzo.yaml");
        Files.writeString(spec, ARAZZO);
        Diagnostics diagnostics = new Diagnostics();
        List<WorkflowModel> models = ModelBuilder.build(Documents.bind(spec, diagnostics), "com.example", diagnostics);
        assertEquals(List.of(), diagnostics.all());
        return models.get(0);
    }

    @Test
    void aSendStepPublishesItsPayloadWithItsHeaderParametersAsHeadersInTheMessagesContentType() throws Exception {
        MessageCall send = assertInstanceOf(MessageCall.class, build().step("place").orElseThrow().target());
        assertFalse(send.receive());
        assertEquals("orders", send.source());
        assertEquals("placeOrder", send.channel());
        assertEquals("orders.place", send.address());
        assertEquals(List.of(), send.channelParameters());
        assertEquals(1, send.headers().size());
        assertEquals("correlationId", send.headers().get(0).name());
        assertEquals("$inputs.id", assertInstanceOf(ExpressionValue.class, send.headers().get(0).value()).text());
        assertEquals("application/vnd.order+json", send.contentType());
        assertEquals("application/vnd.order+json", send.payload().contentType());
        ObjectValue payload = assertInstanceOf(ObjectValue.class, send.payload().payload());
        assertEquals(List.of("sku", "quantity"), payload.members().stream().map(WorkflowModel.Member::name).toList());
        assertNull(send.correlation());
        assertNull(send.timeout());
    }

    @Test
    void aReceiveStepWaitsOnItsChannelAddressForTheMessageItsCorrelationIdMatches() throws Exception {
        MessageCall receive = assertInstanceOf(MessageCall.class, build().step("placed").orElseThrow().target());
        assertTrue(receive.receive());
        assertEquals("orderPlaced", receive.channel());
        assertEquals("orders.{region}.placed", receive.address());
        assertEquals("region", receive.channelParameters().get(0).name());
        assertEquals("\"eu\"", assertInstanceOf(LiteralValue.class, receive.channelParameters().get(0).value())
                .value().toString());
        assertEquals(List.of(), receive.headers());
        assertNull(receive.payload());
        assertEquals("application/json", receive.contentType());
        assertTrue(receive.correlation().inHeader());
        assertEquals("/correlationId", receive.correlation().pointer());
        assertEquals("$inputs.id", assertInstanceOf(ExpressionValue.class, receive.correlation().expected()).text());
        assertEquals(5000L, receive.timeout());
    }

    @Test
    void receivedValuesAreTypedFromTheMessageSchemasHeadersAsText() throws Exception {
        WorkflowModel.StepModel placed = build().step("placed").orElseThrow();
        assertEquals("java.lang.String", placed.output("orderId").orElseThrow().type().toString());
        assertEquals("java.lang.String", placed.output("id").orElseThrow().type().toString());
        // the whole payload: a record after the AsyncAPI component message's payload object
        assertEquals("com.example.OrderWorkflow.Placed", placed.output("placed").orElseThrow().type().toString());
    }
}
