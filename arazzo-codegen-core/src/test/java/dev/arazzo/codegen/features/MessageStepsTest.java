package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.RuntimeMode;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.RecordingServer.Request;
import dev.arazzo.codegen.testing.RecordingServer.Response;
import dev.arazzo.codegen.testing.Scenario;
import dev.arazzo.runtime.InMemoryMessageTransport;
import dev.arazzo.runtime.Message;
import dev.arazzo.runtime.MessageSubscription;
import dev.arazzo.runtime.MessageTransport;
import dev.arazzo.runtime.WorkflowListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Arazzo 1.1 AsyncAPI steps, generated: a send step publishes its message through the builder's
 * {@code messageTransport}, a receive step takes the first message on its channel that matches its correlation
 * (subscribed when the run starts), and both mix with HTTP steps in one typed run.
 */
class MessageStepsTest extends ScenarioTest {

    private static final String PAYMENTS = """
            asyncapi: 3.0.0
            info: {title: payments, version: '1'}
            servers:
              local: {host: 'localhost:9092', protocol: kafka}
            channels:
              charge:
                address: 'payments.{region}.charge'
                parameters:
                  region: {enum: [eu, us]}
                messages:
                  charge: {$ref: '#/components/messages/Charge'}
              charged:
                address: payments.charged
                messages:
                  charged: {$ref: '#/components/messages/Charged'}
              audited:
                address: payments.audited
                messages:
                  audited: {$ref: '#/components/messages/Audited'}
            operations:
              requestCharge:
                action: receive
                channel: {$ref: '#/channels/charge'}
            components:
              messages:
                Charge:
                  contentType: application/vnd.charge+json
                  headers:
                    type: object
                    properties: {correlationId: {type: string}, tenant: {type: string}}
                  payload:
                    type: object
                    properties: {orderId: {type: string}, amount: {type: integer}}
                Charged:
                  correlationId: {location: '$message.header#/correlationId'}
                  headers:
                    type: object
                    properties: {correlationId: {type: string}, receipt: {type: string}}
                  payload:
                    type: object
                    properties:
                      status: {type: string}
                      amount: {type: integer}
                      card:
                        type: object
                        properties: {last4: {type: string}, brand: {type: string}}
                Audited:
                  correlationId: {location: '$message.payload#/ref/id'}
                  payload:
                    type: object
                    properties:
                      ref: {type: object, properties: {id: {type: string}}}
                      ok: {type: boolean}
            """;

    private static final String HEADER = """
            arazzo: 1.1.0
            info: {title: Payments, version: '1'}
            sourceDescriptions:
              - {name: shop, url: shop-openapi.yaml, type: openapi}
              - {name: payments, url: payments-asyncapi.yaml, type: asyncapi}
            """;

    private static final String CHARGE = """
                  - stepId: charge
                    operationId: requestCharge
                    action: send
                    parameters:
                      - {name: region, in: channel, value: eu}
                      - {name: correlationId, in: header, value: $inputs.requestId}
                    requestBody:
                      payload: {orderId: o-1, amount: 5}
            """;

    private static final String CHECKOUT = HEADER + """
            workflows:
              - workflowId: checkout
                inputs:
                  type: object
                  properties: {requestId: {type: string}, region: {type: string}, amount: {type: integer}}
                steps:
                  - stepId: order
                    operationId: placeOrder
                    requestBody: {payload: {amount: $inputs.amount}}
                    successCriteria: [{condition: $statusCode == 201}]
                    outputs: {id: $response.body#/id}
                  - stepId: charge
                    operationId: requestCharge
                    action: send
                    parameters:
                      - {name: region, in: channel, value: $inputs.region}
                      - {name: correlationId, in: header, value: $inputs.requestId}
                      - {name: tenant, in: header, value: acme}
                    requestBody:
                      payload: {orderId: $steps.order.outputs.id, amount: 0}
                      replacements: [{target: /amount, value: $inputs.amount}]
                  - stepId: charged
                    channelPath: '{$sourceDescriptions.payments.url}#/channels/charged'
                    action: receive
                    correlationId: $inputs.requestId
                    timeout: 300
                    successCriteria: [{condition: $message.payload#/status == 'CAPTURED'}]
                    outputs:
                      amount: $message.payload#/amount
                      card: $message.payload#/card
                      last4: $message.payload#/card/last4
                      receipt: $message.header.receipt
                      whole: $message.payload
                  - stepId: confirm
                    operationId: getOrder
                    parameters: [{name: orderId, in: path, value: $steps.order.outputs.id}]
                    outputs: {status: $response.body#/status}
                outputs:
                  amount: $steps.charged.outputs.amount
                  card: $steps.charged.outputs.card
                  last4: $steps.charged.outputs.last4
                  receipt: $steps.charged.outputs.receipt
                  status: $steps.confirm.outputs.status
            """;

    private final InMemoryMessageTransport broker = new InMemoryMessageTransport();

    @BeforeEach
    void writeAsyncApi() {
        scenario.write("payments-asyncapi.yaml", PAYMENTS);
    }

    /** Generated code by document: the tests that share a document compile it once. */
    private static final Map<String, GeneratedCode> GENERATED = new ConcurrentHashMap<>();

    private GeneratedCode generate(String arazzo) {
        return GENERATED.computeIfAbsent(arazzo, scenario::generate);
    }

    private Object client(GeneratedCode code, String workflowClass, MessageTransport transport) {
        Object builder = call(code.type(workflowClass), "builder");
        call(builder, "baseUri", scenario.server().baseUri());
        call(builder, "messageTransport", transport);
        return call(builder, "build");
    }

    private Object execute(GeneratedCode code, String workflowClass, Map<String, Object> inputs) {
        return call(client(code, workflowClass, broker), "execute", Scenario.inputs(code, workflowClass, inputs));
    }

    private static Message charged(String correlationId, String receipt, String payload) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (correlationId != null) {
            headers.put("correlationId", correlationId);
        }
        if (receipt != null) {
            headers.put("receipt", receipt);
        }
        return new Message("payments.charged", headers, payload.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static final String CAPTURED = "{\"status\":\"CAPTURED\",\"amount\":1250,"
            + "\"card\":{\"last4\":\"4242\",\"brand\":\"visa\"}}";

    @Test
    void aMixedRunSendsTheExactMessageAndReadsTheCorrelatedReplyTypedIgnoringDecoys() {
        GeneratedCode code = generate(CHECKOUT);
        scenario.server().on("POST", "/orders", Response.json(201, "{\"id\":\"o-7\"}"));
        scenario.server().on("GET", "/orders/o-7", Response.json(200, "{\"id\":\"o-7\",\"status\":\"PAID\"}"));
        broker.publish(charged("r-1", "before", CAPTURED)); // before the run started: nobody listens yet
        // the service answers while the send step runs, before the receive step begins: decoys first
        broker.reply("payments.eu.charge", sent -> List.of(
                charged("r-other", "decoy", CAPTURED),
                charged(null, "no-id", CAPTURED),
                charged(sent.header("correlationId").orElseThrow(), "r-9", CAPTURED)));

        Object result = execute(code, "CheckoutWorkflow", Map.of("requestId", "r-1", "region", "eu", "amount", 1250));

        assertEquals("Completed", result.getClass().getSimpleName(), result::toString);
        Object outputs = call(result, "outputs");
        assertEquals(1250, call(outputs, "amount"));
        assertEquals("4242", call(outputs, "last4"));
        assertEquals("r-9", call(outputs, "receipt"));
        assertEquals("PAID", call(outputs, "status"));
        Object card = call(outputs, "card");
        assertEquals("CheckoutWorkflow$Card", card.getClass().getName().substring(GeneratedCode.PACKAGE.length() + 1));
        assertEquals("visa", call(card, "brand"));

        Message sent = broker.sent().get(0);
        assertEquals(1, broker.sent().size());
        assertEquals("payments.eu.charge", sent.channel());
        assertEquals(List.of("correlationId=r-1", "tenant=acme"),
                sent.headers().entrySet().stream().map(Object::toString).toList());
        assertArrayEquals("{\"orderId\":\"o-7\",\"amount\":1250}".getBytes(StandardCharsets.UTF_8), sent.payload());
        assertEquals("application/vnd.charge+json", sent.contentType().orElseThrow());
        List<Request> requests = scenario.server().requests();
        assertEquals(List.of("POST /orders", "GET /orders/o-7"),
                requests.stream().map(r -> r.method() + " " + r.path()).toList());
        assertEquals("{\"amount\":1250}", requests.get(0).body());
    }

    @Test
    void aReceiveThatTimesOutIsRetriedOnTheSameSubscriptionAlsoAfterItsSendIsRunAgain() {
        GeneratedCode code = generate(HEADER + """
                workflows:
                  - workflowId: patient
                    inputs: {type: object, properties: {requestId: {type: string}}}
                    steps:
                """ + CHARGE + """
                      - stepId: charged
                        channelPath: '{$sourceDescriptions.payments.url}#/channels/charged'
                        action: receive
                        correlationId: $inputs.requestId
                        timeout: 150
                        onFailure:
                          - {name: again, type: retry, stepId: charge, retryAfter: 0, retryLimit: 1}
                        outputs: {receipt: $message.header.receipt}
                    outputs: {receipt: $steps.charged.outputs.receipt}
                  - workflowId: again
                    inputs: {type: object, properties: {requestId: {type: string}}}
                    steps:
                      - stepId: charged
                        channelPath: '{$sourceDescriptions.payments.url}#/channels/charged'
                        action: receive
                        correlationId: $inputs.requestId
                        timeout: 100
                        onFailure:
                          - {name: again, type: retry, retryAfter: 0, retryLimit: 1}
                        outputs: {receipt: $message.header.receipt}
                    outputs: {receipt: $steps.charged.outputs.receipt}
                """);
        // a plain retry waits again on the subscription of the run: a reply that came in between is taken
        Object builder = call(code.type("AgainWorkflow"), "builder");
        call(builder, "messageTransport", broker);
        call(builder, "listener", new WorkflowListener() {
            @Override
            public void retrying(String workflowId, String stepId, int attempt, Duration delay) {
                broker.publish(charged("r-2", "between", CAPTURED));
            }
        });
        Object again = call(call(builder, "build"), "execute", Scenario.inputs(code, "AgainWorkflow",
                Map.of("requestId", "r-2")));
        assertEquals("Completed", again.getClass().getSimpleName(), again::toString);
        assertEquals("between", call(call(again, "outputs"), "receipt"));

        AtomicInteger charges = new AtomicInteger();
        broker.reply("payments.eu.charge", sent -> charges.incrementAndGet() == 1 ? List.of()
                : List.of(charged("r-2", "second", CAPTURED)));

        Object result = execute(code, "PatientWorkflow", Map.of("requestId", "r-2"));

        assertEquals("Completed", result.getClass().getSimpleName(), result::toString);
        assertEquals("second", call(call(result, "outputs"), "receipt"));
        assertEquals(2, broker.sent().size());
    }

    @Test
    void aReceiveThatTimesOutTakesItsGotoOrFailsTheRunNamingTheChannel() {
        GeneratedCode code = generate(HEADER + """
                workflows:
                  - workflowId: fallback
                    inputs: {type: object, properties: {requestId: {type: string}}}
                    steps:
                """ + CHARGE + """
                      - stepId: charged
                        channelPath: '{$sourceDescriptions.payments.url}#/channels/charged'
                        action: receive
                        correlationId: $inputs.requestId
                        timeout: 120
                        onFailure: [{name: ask, type: goto, stepId: lookup}]
                      - stepId: done
                        operationId: getOrder
                        parameters: [{name: orderId, in: path, value: o-1}]
                        onSuccess: [{name: stop, type: end}]
                      - stepId: lookup
                        operationId: getOrder
                        parameters: [{name: orderId, in: path, value: o-lookup}]
                        outputs: {status: $response.body#/status}
                    outputs: {status: $steps.lookup.outputs.status}
                  - workflowId: strict
                    inputs: {type: object, properties: {requestId: {type: string}}}
                    steps:
                      - stepId: charged
                        channelPath: '{$sourceDescriptions.payments.url}#/channels/charged'
                        action: receive
                        correlationId: $inputs.requestId
                        timeout: 120
                """);
        scenario.server().on("GET", "/orders/o-lookup", Response.json(200, "{\"status\":\"PENDING\"}"));
        broker.reply("payments.eu.charge", sent -> List.of(charged("someone-else", "x", CAPTURED)));

        Object result = execute(code, "FallbackWorkflow", Map.of("requestId", "r-3"));

        assertEquals("Completed", result.getClass().getSimpleName(), result::toString);
        assertEquals("PENDING", call(call(result, "outputs"), "status"));
        assertEquals(List.of("/orders/o-lookup"), scenario.server().requests().stream().map(Request::path).toList());

        Object failed = execute(code, "StrictWorkflow", Map.of("requestId", "r-3"));
        assertEquals("Failed", failed.getClass().getSimpleName());
        assertEquals("charged", call(failed, "stepId"));
        assertEquals(0, call(failed, "statusCode"));
        assertEquals("timeout: no matching message on channel 'payments.charged' within 120 ms",
                call(failed, "failedCriterion"));
    }

    @Test
    void aReceivedPayloadThatFailsTheSuccessCriteriaTakesTheFailureActions() {
        GeneratedCode code = generate(HEADER + """
                workflows:
                  - workflowId: declines
                    inputs: {type: object, properties: {requestId: {type: string}}}
                    steps:
                """ + CHARGE + """
                      - stepId: charged
                        channelPath: '{$sourceDescriptions.payments.url}#/channels/charged'
                        action: receive
                        correlationId: $inputs.requestId
                        timeout: 300
                        successCriteria: [{condition: $message.payload#/status == 'CAPTURED'}]
                        onFailure:
                          - {name: declined, type: end, criteria: [{condition: $message.payload#/status == 'DECLINED'}]}
                        outputs: {status: $message.payload#/status}
                    outputs: {status: $steps.charged.outputs.status}
                  - workflowId: plain
                    inputs: {type: object, properties: {requestId: {type: string}}}
                    steps:
                """ + CHARGE + """
                      - stepId: charged
                        channelPath: '{$sourceDescriptions.payments.url}#/channels/charged'
                        action: receive
                        correlationId: $inputs.requestId
                        timeout: 300
                        successCriteria: [{condition: $message.payload#/status == 'CAPTURED'}]
                """);
        broker.reply("payments.eu.charge", sent -> List.of(charged("r-4", null, "{\"status\":\"DECLINED\"}")));

        Object ended = execute(code, "DeclinesWorkflow", Map.of("requestId", "r-4"));
        assertEquals("Ended", ended.getClass().getSimpleName(), ended::toString);
        assertEquals("charged", call(ended, "stepId"));

        Object failed = execute(code, "PlainWorkflow", Map.of("requestId", "r-4"));
        assertEquals("Failed", failed.getClass().getSimpleName());
        assertEquals("$message.payload#/status == 'CAPTURED'", call(failed, "failedCriterion"));
        assertEquals("{\"status\":\"DECLINED\"}", call(failed, "bodyExcerpt"));
    }

    @Test
    void aPayloadCorrelationSkipsOtherIdsPayloadsWithoutTheIdAndPayloadsThatAreNotJson() {
        GeneratedCode code = generate(HEADER + """
                workflows:
                  - workflowId: audit
                    inputs: {type: object, properties: {requestId: {type: string}}}
                    steps:
                """ + CHARGE + """
                      - stepId: audited
                        channelPath: '{$sourceDescriptions.payments.url}#/channels/audited'
                        action: receive
                        correlationId: $inputs.requestId
                        timeout: 300
                        outputs: {ok: $message.payload#/ok, ref: $message.payload#/ref/id}
                    outputs: {ok: $steps.audited.outputs.ok, ref: $steps.audited.outputs.ref}
                """);
        broker.reply("payments.eu.charge", sent -> List.of(
                Message.json("payments.audited", Map.of(), "not json"),
                Message.json("payments.audited", Map.of(), "{\"ok\":false}"),
                Message.json("payments.audited", Map.of(), "{\"ref\":{\"id\":\"r-other\"},\"ok\":false}"),
                Message.json("payments.audited", Map.of(), "{\"ref\":{\"id\":\"r-5\"},\"ok\":true}")));

        Object result = execute(code, "AuditWorkflow", Map.of("requestId", "r-5"));

        assertEquals("Completed", result.getClass().getSimpleName(), result::toString);
        assertEquals(true, call(call(result, "outputs"), "ok"));
        assertEquals("r-5", call(call(result, "outputs"), "ref"));
    }

    @Test
    void aTextPayloadOfANonJsonContentTypeIsSentAsWritten() {
        GeneratedCode code = generate(HEADER + """
                workflows:
                  - workflowId: note
                    inputs: {type: object, properties: {requestId: {type: string}}}
                    steps:
                      - stepId: charge
                        operationId: requestCharge
                        action: send
                        parameters:
                          - {name: region, in: channel, value: us}
                        requestBody:
                          contentType: text/plain; charset=utf-8
                          payload: 'charge {$inputs.requestId} now, é'
                """);

        execute(code, "NoteWorkflow", Map.of("requestId", "r-10"));

        Message sent = broker.sent().get(0);
        assertEquals("payments.us.charge", sent.channel());
        assertEquals(Map.of(), sent.headers());
        assertEquals("charge r-10 now, é", new String(sent.payload(), StandardCharsets.UTF_8));
        assertEquals("text/plain; charset=utf-8", sent.contentType().orElseThrow());
    }

    @Test
    void aWorkflowThatRunsAWorkflowWithAReceiveSubscribesForItWhenItsRunStarts() {
        GeneratedCode code = generate(HEADER + """
                workflows:
                  - workflowId: wait
                    inputs: {type: object, properties: {requestId: {type: string}}}
                    steps:
                      - stepId: charged
                        channelPath: '{$sourceDescriptions.payments.url}#/channels/charged'
                        action: receive
                        correlationId: $inputs.requestId
                        timeout: 200
                        outputs: {receipt: $message.header.receipt}
                    outputs: {receipt: $steps.charged.outputs.receipt}
                  - workflowId: outer
                    inputs: {type: object, properties: {requestId: {type: string}}}
                    steps:
                """ + CHARGE + """
                      - stepId: waitForIt
                        workflowId: wait
                        outputs: {receipt: $outputs.receipt}
                    outputs: {receipt: $steps.waitForIt.outputs.receipt}
                """);
        // the reply comes while the send step runs, before the called workflow starts
        broker.reply("payments.eu.charge", sent -> List.of(charged("r-6", "nested", CAPTURED)));

        Object result = execute(code, "OuterWorkflow", Map.of("requestId", "r-6"));

        assertEquals("Completed", result.getClass().getSimpleName(), result::toString);
        assertEquals("nested", call(call(result, "outputs"), "receipt"));
    }

    @Test
    void theInlineRuntimeCarriesTheMessageSupport() {
        Path spec = scenario.write("workflow.arazzo.yaml", CHECKOUT);
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("inline")).packageName(GeneratedCode.PACKAGE)
                .runtime(RuntimeMode.INLINE).build());

        List<String> names = result.files().stream().map(f -> f.path().getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("Messaging.java", "MessageExchange.java", "MessageTransport.java",
                "Message.java", "MessageSubscription.java", "InMemoryMessageTransport.java")), names::toString);
        GeneratedCode.compile(result);
    }

    @Test
    void buildWithoutATransportOrWithOneThatRefusesTheProtocolNamesTheBuilderMethod() {
        GeneratedCode code = generate(CHECKOUT);
        Object builder = call(code.type("CheckoutWorkflow"), "builder");
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> call(builder, "build"));
        assertEquals("workflow 'checkout' sends or receives messages of AsyncAPI source 'payments', but its builder "
                + "has no message transport: call messageTransport(MessageTransport) or "
                + "messageTransport(\"payments\", MessageTransport)", none.getMessage());

        MessageTransport mqttOnly = new MessageTransport() {
            @Override
            public boolean supportsProtocol(String protocol) {
                return protocol.equals("mqtt");
            }

            @Override
            public void send(Message message) {
            }

            @Override
            public MessageSubscription subscribe(Collection<String> channels) {
                return broker.subscribe(channels);
            }
        };
        call(builder, "messageTransport", "payments", mqttOnly);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> call(builder, "build"));
        assertTrue(refused.getMessage().startsWith("the message transport of AsyncAPI source 'payments' ("),
                refused::getMessage);
        assertTrue(refused.getMessage().endsWith(") does not serve protocol 'kafka', which its servers declare; give "
                + "messageTransport(\"payments\", MessageTransport) one that does"), refused::getMessage);
    }

    @Test
    void aChannelParameterThatWouldChangeTheAddressIsRefusedBeforeAnythingIsSent() {
        GeneratedCode code = generate(CHECKOUT);
        scenario.server().on("POST", "/orders", Response.json(201, "{\"id\":\"o-8\"}"));

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> execute(code, "CheckoutWorkflow",
                Map.of("requestId", "r-8", "region", "eu.#", "amount", 1)));

        assertEquals("WorkflowException", thrown.getClass().getSimpleName());
        assertEquals("step 'charge': channel parameter 'region' of address 'payments.{region}.charge' is 'eu.#'; a "
                + "value may hold only letters, digits and - . _ ~, so that it cannot change the address",
                thrown.getMessage());
        assertEquals(List.of(), broker.sent());
    }

    @Test
    void theListenerHearsMessageStepsLikeHttpSteps() {
        GeneratedCode code = generate(CHECKOUT);
        scenario.server().on("POST", "/orders", Response.json(201, "{\"id\":\"o-9\"}"));
        scenario.server().on("GET", "/orders/o-9", Response.json(200, "{\"status\":\"PAID\"}"));
        broker.reply("payments.eu.charge", sent -> List.of(charged("r-9", "r", CAPTURED)));
        List<String> heard = new ArrayList<>();
        WorkflowListener listener = new WorkflowListener() {
            @Override
            public void stepStarted(String workflowId, String stepId) {
                heard.add("start " + stepId);
            }

            @Override
            public void stepFinished(String workflowId, String stepId, int statusCode, Duration duration) {
                heard.add("end " + stepId + " " + statusCode);
            }
        };
        Object builder = call(code.type("CheckoutWorkflow"), "builder");
        call(builder, "baseUri", scenario.server().baseUri());
        call(builder, "messageTransport", broker);
        call(builder, "listener", listener);

        call(call(builder, "build"), "run", Scenario.inputs(code, "CheckoutWorkflow",
                Map.of("requestId", "r-9", "region", "eu", "amount", 3)));

        assertEquals(List.of("start order", "end order 201", "start charge", "end charge 0", "start charged",
                "end charged 0", "start confirm", "end confirm 200"), heard);
    }

    @Test
    void channelsOfReceiveStepsThatNeedStepValuesAndTimeoutsOfSendStepsAreLocatedErrors() {
        Path spec = scenario.write("workflow.arazzo.yaml", """
                arazzo: 1.1.0
                info: {title: Payments, version: '1'}
                sourceDescriptions:
                  - {name: payments, url: payments-asyncapi.yaml, type: asyncapi}
                workflows:
                  - workflowId: late
                    steps:
                      - stepId: charge
                        operationId: requestCharge
                        action: send
                        timeout: 100
                        parameters:
                          - {name: region, in: channel, value: eu}
                        requestBody: {payload: {orderId: o-1}}
                        successCriteria: [{condition: $statusCode == 200}]
                      - stepId: charged
                        channelPath: '{$sourceDescriptions.payments.url}#/channels/charge'
                        action: receive
                        parameters:
                          - {name: region, in: channel, value: $steps.charge.outputs.region}
                        successCriteria: [{condition: $message.payload#/amount > 0}]
                      - stepId: note
                        operationId: requestCharge
                        action: send
                        parameters: [{name: region, in: channel, value: eu}]
                        requestBody:
                          contentType: text/plain
                          payload: {orderId: o-1}
                      - stepId: xmlNote
                        operationId: requestCharge
                        action: send
                        parameters: [{name: region, in: channel, value: eu}]
                        requestBody:
                          contentType: application/xml
                          payload: '<note ref="{$sourceDescriptions.payments.url}"/>'
                """);
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(spec)
                .outputDirectory(directory.resolve("generated")).packageName(GeneratedCode.PACKAGE).build());

        assertEquals(List.of(
                spec + ":11:18: error: [unsupported-feature] send step 'charge' has a timeout, which is generated for "
                        + "receive steps only (a send returns once the transport accepted the message); remove it, or "
                        + "set the transport's own send timeout",
                spec + ":15:39: error: [response-not-available] '$statusCode' has no value in AsyncAPI step "
                        + "'charge', which has no HTTP exchange; read the received message with $message.payload or "
                        + "$message.header.<name>",
                spec + ":20:48: error: [unsupported-feature] channel parameter 'region' of receive step 'charged' "
                        + "reads a value that the run has only after it started, but the run subscribes to its receive "
                        + "channels when it starts (so that no reply is missed); give it a literal or a workflow input "
                        + "($inputs.<name>)",
                spec + ":28:20: error: [unsupported-feature] send step 'note' publishes a message of content type "
                        + "'text/plain', which is not JSON, so its payload must be text (a string or a template with "
                        + "{$...}), sent as written; a structure or an expression is sent as JSON only",
                spec + ":35:20: error: [unsupported-feature] send step 'xmlNote' publishes an XML message from a "
                        + "template with {$...}, whose values a message step does not escape for XML yet (a value "
                        + "holding '<', '&' or a quote would change the document); write the payload without "
                        + "expressions, or publish it as JSON"),
                result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString).toList());
        assertTrue(result.files().isEmpty());
    }
}
