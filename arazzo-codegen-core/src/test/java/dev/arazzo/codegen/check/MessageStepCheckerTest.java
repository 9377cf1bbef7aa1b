package dev.arazzo.codegen.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AsyncAPI steps are bound to their operations and channels and checked, with locations in both documents. */
class MessageStepCheckerTest {

    static final String ORDERS_ASYNCAPI = """
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
              audit:
                address: audit.{day}
                parameters:
                  day: {default: today}
                messages:
                  entry:
                    correlationId: {location: '$message.payload#/ref/id'}
                    payload: {type: object, properties: {ref: {type: string}}}
            operations:
              placeOrder:
                action: receive
                channel: {$ref: '#/channels/placeOrder'}
                reply:
                  channel: {$ref: '#/channels/orderPlaced'}
              orderPlaced:
                action: send
                channel: {$ref: '#/channels/orderPlaced'}
            components:
              messages:
                Order:
                  correlationId: {location: '$message.header#/correlationId'}
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

    @TempDir
    Path dir;

    private GenerationResult generate(String arazzo) throws IOException {
        Files.writeString(dir.resolve("orders.asyncapi.yaml"), ORDERS_ASYNCAPI);
        Path spec = dir.resolve("flow.arazzo.yaml");
        Files.writeString(spec, arazzo);
        return ArazzoCodegen.generate(GenerationRequest.builder().spec(spec).outputDirectory(dir.resolve("out"))
                .packageName("com.example").build());
    }

    private List<String> lines(GenerationResult result) {
        return result.diagnostics().stream().map(d -> d.toString().replace(dir.toString() + "/", "")).toList();
    }

    @Test
    void aSendAndACorrelatedReceiveBindCheckAndAreGenerated() throws IOException {
        GenerationResult result = generate("""
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
                        parameters:
                          - {name: region, in: channel, value: eu}
                        successCriteria:
                          - condition: $message.payload#/status == 'PLACED'
                        outputs:
                          orderId: $message.payload#/orderId
                          id: $message.header.correlationId
                """);
        assertEquals(List.of(), lines(result));
        assertEquals(1, result.files().size());
    }

    @Test
    void everyMistakeOfAnAsyncApiStepIsReportedWhereItIsWritten() throws IOException {
        GenerationResult result = generate("""
                arazzo: 1.1.0
                info: {title: orders, version: '1'}
                sourceDescriptions:
                  - {name: orders, url: orders.asyncapi.yaml, type: asyncapi}
                workflows:
                  - workflowId: order
                    steps:
                      - stepId: unknown
                        operationId: placeOrdr
                        action: send
                      - stepId: noChannel
                        channelPath: '{$sourceDescriptions.orders.url}#/channels/nowhere'
                        action: receive
                      - stepId: noAction
                        operationId: $sourceDescriptions.orders.orderPlaced
                      - stepId: sendCorrelated
                        operationId: placeOrder
                        action: send
                        correlationId: abc
                        requestBody: {payload: {sku: A}}
                        parameters:
                          - {name: traceId, in: header, value: t-1}
                          - {name: sku, in: query, value: A}
                      - stepId: listenToRequests
                        operationId: placeOrder
                        action: receive
                      - stepId: badReads
                        channelPath: '{$sourceDescriptions.orders.url}#/channels/orderPlaced'
                        action: receive
                        correlationId: abc
                        parameters:
                          - {name: zone, in: channel, value: eu}
                        successCriteria:
                          - condition: $message.payload#/state == 'PLACED'
                        outputs:
                          who: $message.header.sender
                      - stepId: audit
                        channelPath: '{$sourceDescriptions.orders.url}#/channels/audit'
                        action: receive
                        outputs:
                          ref: $message.payload#/ref
                      - stepId: later
                        operationId: placeOrder
                        action: send
                        requestBody:
                          payload: {sku: $message.payload#/sku}
                """);
        List<String> lines = lines(result).stream().filter(l -> !l.contains("[unsupported-feature]")).toList();
        assertEquals(List.of(
                "flow.arazzo.yaml:18:17: error: [invalid-field] 'action' of step 'sendCorrelated' must be 'receive' "
                        + "here; found 'send'",
                "flow.arazzo.yaml:9:22: error: [unknown-operation] step 'unknown' names operation 'placeOrdr', which "
                        + "no AsyncAPI source defines; did you mean 'placeOrder'?",
                "flow.arazzo.yaml:12:22: error: [unknown-channel] step 'noChannel' names channel '/channels/nowhere', "
                        + "which source 'orders' does not define",
                "flow.arazzo.yaml:14:9: error: [missing-action] AsyncAPI step 'noAction' must say what it does: "
                        + "'action: send' (publish a message) or 'action: receive' (wait for one)",
                "flow.arazzo.yaml:19:24: error: [correlation-on-send] send step 'sendCorrelated' has a correlationId, "
                        + "which only a receive step uses; send the id as a header or payload value of the message, and "
                        + "give the receive step that waits for the reply the correlationId",
                "flow.arazzo.yaml:22:13: warning: [undeclared-header] header 'traceId' of step 'sendCorrelated' is not "
                        + "declared by the headers schema of any message on channel 'placeOrder'; it is sent anyway",
                "flow.arazzo.yaml:23:29: error: [invalid-parameter] parameter 'sku' of AsyncAPI step 'sendCorrelated' "
                        + "must be 'in: header' (a message header) or 'in: channel' (a parameter of the channel's "
                        + "address)",
                "flow.arazzo.yaml:26:17: warning: [uncorrelated-receive] receive step 'listenToRequests' has neither a "
                        + "correlationId nor successCriteria, so the first message on channel 'orders.place' after the "
                        + "run starts completes it, whichever run it is for; give it a correlationId",
                "flow.arazzo.yaml:26:17: warning: [receive-on-request] receive step 'listenToRequests' waits on channel "
                        + "'placeOrder', where operation 'placeOrder' receives its requests; its replies come on channel "
                        + "'orderPlaced': to wait for the reply, name that channel with channelPath",
                "flow.arazzo.yaml:27:9: error: [missing-channel-parameter] step 'badReads' uses channel address "
                        + "'orders.{region}.placed', whose parameter 'region' it gives no value; add a parameter with "
                        + "'in: channel' and name 'region'",
                "flow.arazzo.yaml:32:20: error: [unknown-channel-parameter] parameter 'zone' is not a parameter of "
                        + "channel 'orderPlaced' (address 'orders.{region}.placed')",
                "flow.arazzo.yaml:34:24: error: [unknown-message-field] '$message.payload#/state' points at '/state', "
                        + "which the payload schema of no message on channel 'orderPlaced' has; did you mean '/status'?",
                "flow.arazzo.yaml:36:16: error: [unknown-message-field] '$message.header.sender' reads header 'sender', "
                        + "which the headers schema of no message on channel 'orderPlaced' declares",
                "flow.arazzo.yaml:39:17: warning: [uncorrelated-receive] receive step 'audit' has neither a "
                        + "correlationId nor successCriteria, so the first message on channel 'audit.{day}' after the "
                        + "run starts completes it, whichever run it is for; give it a correlationId",
                "flow.arazzo.yaml:46:26: error: [message-outside-receive] '$message.payload#/sku' reads the message a "
                        + "receive step took, and is read only in that step (its criteria, actions and outputs); "
                        + "elsewhere read the receive step's outputs ($steps.<stepId>.outputs.<name>)",
                // in the other file, in the place among the Arazzo document's diagnostics where it was found
                "orders.asyncapi.yaml:22:35: error: [correlation-pointer] correlationId location "
                        + "'$message.payload#/ref/id' of message 'entry' points at nothing its payload schema has"),
                lines);
    }

    /** A petstore with the two operations the specification's example calls. */
    private static final String PETSTORE_OPENAPI = """
            openapi: 3.0.3
            info: {title: petstore, version: '1'}
            paths:
              /user/login:
                get:
                  operationId: loginUser
                  parameters:
                    - {name: username, in: query, schema: {type: string}}
                    - {name: password, in: query, schema: {type: string}}
                  responses:
                    '200':
                      description: ok
                      headers:
                        X-Expires-After: {schema: {type: string}}
                        X-Rate-Limit: {schema: {type: integer}}
                      content: {application/json: {schema: {type: string}}}
              /pet/findByStatus:
                get:
                  operationId: findPetsByStatus
                  parameters:
                    - {name: status, in: query, schema: {type: string}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {type: array, items: {type: object, properties: {id: {type: integer}}}}
            """;

    @Test
    void httpStepsAndAsyncApiStepsOfOneWorkflowBindSideBySide() throws IOException {
        Files.writeString(dir.resolve("petstore.openapi.yaml"), PETSTORE_OPENAPI);
        GenerationResult result = generate("""
                arazzo: 1.1.0
                info: {title: pets, version: '1'}
                sourceDescriptions:
                  - {name: petstore, url: petstore.openapi.yaml, type: openapi}
                  - {name: orders, url: orders.asyncapi.yaml, type: asyncapi}
                workflows:
                  - workflowId: buy
                    inputs: {type: object, properties: {id: {type: string}}}
                    steps:
                      - stepId: find
                        operationId: findPetsByStatus
                        parameters:
                          - {name: status, in: query, value: available}
                        successCriteria:
                          - condition: $statusCode == 200
                        outputs:
                          petId: $response.body#/0/id
                      - stepId: place
                        operationId: $sourceDescriptions.orders.placeOrder
                        action: send
                        parameters:
                          - {name: correlationId, in: header, value: $inputs.id}
                        requestBody:
                          payload: {sku: $steps.find.outputs.petId, quantity: 1}
                      - stepId: placed
                        channelPath: '{$sourceDescriptions.orders.url}#/channels/orderPlaced'
                        action: receive
                        correlationId: $steps.nowhere.outputs.id
                        parameters:
                          - {name: region, in: channel, value: eu}
                        outputs:
                          status: $message.payload#/status
                    outputs:
                      status: $steps.placed.outputs.status
                """);
        assertEquals(List.of(
                "flow.arazzo.yaml:28:24: error: [unknown-step]"),
                lines(result).stream().map(l -> l.substring(0, l.indexOf(']') + 1)).toList());
    }

    @Test
    void aSourceOfAnotherProtocolIsAWarningAtItsUrl() throws IOException {
        Files.writeString(dir.resolve("lights.asyncapi.yaml"), """
                asyncapi: 3.0.0
                info: {title: lights, version: '1'}
                servers:
                  broker: {host: 'test.mosquitto.org', protocol: mqtt}
                channels:
                  dim: {address: lights.dim, messages: {dim: {payload: {type: object}}}}
                operations:
                  dim: {action: receive, channel: {$ref: '#/channels/dim'}}
                """);
        GenerationResult result = generate("""
                arazzo: 1.1.0
                info: {title: lights, version: '1'}
                sourceDescriptions:
                  - {name: lights, url: lights.asyncapi.yaml, type: asyncapi}
                workflows:
                  - workflowId: dim
                    steps:
                      - stepId: dim
                        operationId: dim
                        action: send
                        requestBody: {payload: {level: 3}}
                """);
        assertEquals("flow.arazzo.yaml:4:25: warning: [message-protocol] source 'lights' has servers of protocol "
                + "'mqtt'; the workflow needs a MessageTransport whose supportsProtocol says yes to it (arazzo-kafka's "
                + "serves kafka only)", lines(result).get(0));
        assertTrue(result.diagnostics().stream().skip(1).allMatch(Diagnostic::isError));
    }
}
