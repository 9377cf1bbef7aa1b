package com.example.connect;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.connect.simulator.ConnectSimulator;
import com.example.connect.simulator.RecordedRequest;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The generated workflow with the SigV4 interceptor, against the simulator: every request the simulator
 * received carries a signature that the tests' own SigV4 reproduces from exactly what it received.
 */
class SignedWorkflowTest {

    private static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    private static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE/session+token==";

    private static final StartChatAndSetAttributesWorkflow.Inputs INPUTS =
            StartChatAndSetAttributesWorkflow.Inputs.builder()
                    .instanceId("inst-1")
                    .contactFlowId("flow-1")
                    .displayName("Zoë Ñandú")
                    .attributes(Map.of("tier", "gold", "note", "a b/c?d=e&f"))
                    .build();

    @Test
    void everyRequestTheWorkflowSendsIsSignedOverExactlyTheBytesReceived() {
        runAndVerify(AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY), false);
    }

    @Test
    void withTemporaryCredentialsEveryRequestCarriesAndSignsTheSessionToken() {
        runAndVerify(AwsSessionCredentialsIdentity.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN), true);
    }

    private static void runAndVerify(AwsCredentialsIdentity credentials, boolean session) {
        try (ConnectSimulator connect = ConnectSimulator.start()) {
            StartChatAndSetAttributesWorkflow workflow = StartChatAndSetAttributesWorkflow.builder()
                    .baseUri(connect.baseUri())
                    .httpClient(HttpClient.newHttpClient())
                    .requestInterceptor(new SigV4RequestInterceptor(credentials, "us-west-2", Clock.systemUTC()))
                    .build();

            StartChatAndSetAttributesWorkflow.Outputs outputs = workflow.run(INPUTS);

            assertEquals("CHAT", outputs.channel());
            List<RecordedRequest> requests = connect.requests();
            assertEquals(List.of("PUT /contact/chat", "GET /contacts/inst-1/" + outputs.contactId(),
                    "POST /contact/attributes/inst-1/" + outputs.contactId()),
                    requests.stream().map(r -> r.method() + " " + r.path()).toList());
            String host = "127.0.0.1:" + connect.baseUri().getPort();
            List<Runnable> checks = new ArrayList<>();
            for (RecordedRequest request : requests) {
                checks.add(() -> verify(request, host, session));
            }
            assertAll(checks.stream().map(check -> check::run));
        }
    }

    private static void verify(RecordedRequest received, String host, boolean session) {
        String what = received.method() + " " + received.path();
        byte[] body = received.bodyBytes();
        SigV4.Authorization authorization = SigV4.verify(
                new SigV4.Request(received.method(), received.path(), received.query(), received.headers(), body),
                ACCESS_KEY_ID, SECRET_ACCESS_KEY);

        assertEquals("us-west-2/connect/aws4_request", authorization.scope().substring(9), what);
        assertEquals(List.of(host), received.headers().get("Host"), what + ": the Host java.net.http sent");
        assertTrue(authorization.signedHeaders().containsAll(List.of("host", "x-amz-date", "x-amz-content-sha256")),
                what + ": " + authorization.signedHeaders());
        assertEquals(SigV4.hex(SigV4.sha256(body)), received.header("x-amz-content-sha256").orElseThrow(),
                what + ": the payload hash is of the bytes received");
        if (body.length > 0) {
            assertTrue(authorization.signedHeaders().contains("content-type"), what + ": " + authorization.signedHeaders());
        }
        if (session) {
            assertEquals(SESSION_TOKEN, received.header("X-Amz-Security-Token").orElseThrow(), what);
            assertTrue(authorization.signedHeaders().contains("x-amz-security-token"),
                    what + ": " + authorization.signedHeaders());
        } else {
            assertFalse(received.header("X-Amz-Security-Token").isPresent(), what);
        }
    }
}
