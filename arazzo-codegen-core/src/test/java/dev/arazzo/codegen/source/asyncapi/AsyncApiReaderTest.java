package dev.arazzo.codegen.source.asyncapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.source.SchemaView;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.Action;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.Channel;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.Message;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.Operation;
import dev.arazzo.codegen.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AsyncApiReaderTest {

    @TempDir
    Path dir;

    private static AsyncApiDocument read(Path file, Diagnostics diagnostics) {
        return AsyncApiReader.read("events", file, SourceLocation.ofFile(file, "/sourceDescriptions/0/url"), diagnostics)
                .orElseThrow(() -> new AssertionError(diagnostics.all().toString()));
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("events.asyncapi.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void theSpecificationsPetExampleIsReadWithOperationsChannelsMessagesAndCorrelation() {
        Diagnostics diagnostics = new Diagnostics();
        AsyncApiDocument document = read(Shared.root().resolve("spec/examples-1.1/pet-asyncapi.yaml"), diagnostics);

        assertEquals(List.of(), diagnostics.all());
        assertEquals("3.0.0", document.version());
        assertEquals(List.of("kafka"), document.protocols());
        assertEquals("localhost:9092", document.servers().get("localKafka").host());
        assertEquals(List.of("place-order", "confirm-order"), List.copyOf(document.channels().keySet()));

        Operation placeOrder = document.operation("placeOrder").orElseThrow();
        assertEquals(Action.RECEIVE, placeOrder.action());
        assertEquals("place-order", placeOrder.channel().address());
        assertSame(document.channels().get("place-order"), placeOrder.channel());
        assertSame(document.channelAt("/channels/confirm-order").orElseThrow(), placeOrder.reply().channel());

        Message request = placeOrder.messages().get(0);
        assertEquals("application/json", request.contentType());
        assertEquals("/components/messages/OrderRequest", request.pointer());
        assertEquals("$message.header#/orderRequestId", request.correlationId().location());
        assertTrue(request.correlationId().inHeader());
        assertEquals("/orderRequestId", request.correlationId().jsonPointer());
        assertEquals("integer", request.payload().at("/petId").orElseThrow().type());
        assertEquals(List.of("petId"), request.payload().required());
        assertEquals("string", request.headers().at("/orderRequestId").orElseThrow().type());
        assertTrue(request.payload().at("/nothing").isEmpty());
        assertEquals("/components/messages/OrderResponse", placeOrder.reply().messages().get(0).pointer());
    }

    @Test
    void channelParametersRefsAndPayloadCorrelationIdsAreFollowed() {
        Diagnostics diagnostics = new Diagnostics();
        AsyncApiDocument document = read(
                Shared.root().resolve("spec/asyncapi-examples/correlation-id-asyncapi.yml"), diagnostics);

        assertEquals(List.of(), diagnostics.all());
        Channel dim = document.channels().get("lightsDim");
        assertEquals("smartylighting/streetlights/1/0/action/{streetlightId}/dim", dim.address());
        assertEquals(List.of("streetlightId"), List.copyOf(dim.parameters().keySet()));
        Message dimLight = dim.messages().get("dimLight");
        assertEquals("$message.payload#/sentAt", dimLight.correlationId().location());
        assertEquals(false, dimLight.correlationId().inHeader());
        SchemaView payload = dimLight.payload();
        assertEquals("#/components/schemas/dimLightPayload", payload.ref());
        assertEquals("object", payload.resolved().type());
        assertEquals(List.of("mqtt"), document.protocols());
    }

    static Stream<Path> examples() throws IOException {
        return Stream.concat(Files.list(Shared.root().resolve("spec/asyncapi-examples")),
                        Files.list(Shared.root().resolve("spec/examples-1.1")))
                .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everySharedExampleIsReadWithoutErrors(Path example) {
        Diagnostics diagnostics = new Diagnostics();
        AsyncApiDocument document = read(example, diagnostics);
        assertEquals(List.of(), diagnostics.all().stream().filter(Diagnostic::isError)
                .toList());
        assertTrue(!document.operations().isEmpty() && !document.channels().isEmpty(), example.toString());
        document.operations().values().forEach(o -> assertTrue(o.channel() != null, o.operationId()));
    }

    @Test
    void aDanglingRefIsReportedAtItsLineAndColumn() throws IOException {
        Path file = write("""
                asyncapi: 3.0.0
                info: {title: t, version: '1'}
                channels:
                  orders:
                    address: orders
                    messages:
                      placed:
                        $ref: '#/components/messages/Missing'
                operations:
                  onOrder:
                    action: receive
                    channel:
                      $ref: '#/channels/orders'
                """);
        Diagnostics diagnostics = new Diagnostics();
        read(file, diagnostics);
        Diagnostic problem = diagnostics.all().get(0);
        assertEquals("invalid-asyncapi", problem.code());
        assertEquals(8, problem.location().line());
        assertEquals(15, problem.location().column());
        assertEquals("$ref '#/components/messages/Missing' names nothing in the document", problem.message());
    }

    @Test
    void anotherFilesRefAnUnknownActionAndABadCorrelationLocationAreReported() throws IOException {
        Path file = write("""
                asyncapi: 3.0.0
                info: {title: t, version: '1'}
                channels:
                  orders:
                    address: orders
                    messages:
                      placed:
                        correlationId:
                          location: $request.header.id
                        payload:
                          $ref: 'common.yaml#/Order'
                operations:
                  onOrder:
                    action: publish
                    channel:
                      $ref: '#/channels/orders'
                """);
        Diagnostics diagnostics = new Diagnostics();
        AsyncApiDocument document = read(file, diagnostics);
        assertEquals(List.of(
                "9:21 invalid-asyncapi correlationId location '$request.header.id' must be $message.header#/<pointer> "
                        + "or $message.payload#/<pointer>",
                "11:17 asyncapi-external-ref $ref 'common.yaml#/Order' names another document, which this generator "
                        + "does not read for AsyncAPI; copy the definition into this document",
                "14:13 invalid-asyncapi operation 'onOrder' has action 'publish'; AsyncAPI 3.0 operations are 'send' "
                        + "or 'receive'"),
                diagnostics.all().stream().map(d -> d.location().line() + ":" + d.location().column() + " " + d.code()
                        + " " + d.message()).toList());
        assertEquals(Map.of(), document.operations());
    }

    @Test
    void asyncApi2IsReportedWithWhatToDo() throws IOException {
        Path file = write("""
                asyncapi: 2.6.0
                info: {title: t, version: '1'}
                channels: {}
                """);
        Diagnostics diagnostics = new Diagnostics();
        assertTrue(AsyncApiReader.read("events", file, SourceLocation.ofFile(file, ""), diagnostics).isEmpty());
        Diagnostic problem = diagnostics.all().get(0);
        assertEquals("unsupported-asyncapi-version", problem.code());
        assertEquals(1, problem.location().line());
        assertEquals(11, problem.location().column());
    }

    @Test
    void aMessageWithoutContentTypeTakesTheDocumentsDefault() throws IOException {
        Path file = write("""
                {"asyncapi": "3.0.0", "info": {"title": "t", "version": "1"}, "defaultContentType": "text/plain",
                 "channels": {"notes": {"address": "notes.{day}", "parameters": {"day": {"enum": ["mon", "tue"],
                   "default": "mon"}}, "messages": {"note": {"payload": {"type": "string"}}}}},
                 "operations": {"sendNote": {"action": "send", "channel": {"$ref": "#/channels/notes"}}}}
                """);
        Diagnostics diagnostics = new Diagnostics();
        AsyncApiDocument document = read(file, diagnostics);
        assertEquals(List.of(), diagnostics.all());
        Operation send = document.operation("sendNote").orElseThrow();
        assertEquals(Action.SEND, send.action());
        assertEquals("text/plain", send.messages().get(0).contentType());
        assertNull(send.messages().get(0).correlationId());
        assertEquals(List.of("mon", "tue"), send.channel().parameters().get("day").enumValues());
        assertEquals("mon", send.channel().parameters().get("day").defaultValue());
        assertEquals(2, document.locate("/channels/notes/address").line());
    }
}
