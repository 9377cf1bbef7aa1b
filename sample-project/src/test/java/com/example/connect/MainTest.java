package com.example.connect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.connect.simulator.ConnectSimulator;
import com.example.connect.simulator.SimulatedContact;
import dev.arazzo.runtime.RequestInterceptor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Test
    void withoutArgumentsItRunsAgainstTheEmbeddedSimulatorAndPrintsThreeLines() {
        Run run = run();

        assertEquals(Main.OK, run.code, run.err);
        assertEquals("", run.err);
        List<String> lines = run.outLines();
        assertEquals(3, lines.size(), run.out);
        assertTrue(lines.get(0).startsWith("contactId="), lines.get(0));
        assertTrue(UUID.matcher(lines.get(0).substring("contactId=".length())).matches(), lines.get(0));
        assertTrue(lines.get(1).matches("participantToken=\\S+"), lines.get(1));
        assertEquals("channel=CHAT", lines.get(2));
    }

    @Test
    void theOptionsReachTheEndpoint() {
        try (ConnectSimulator connect = ConnectSimulator.start()) {
            connect.addInstance("inst-7", "flow-7");

            Run run = run("--endpoint", connect.baseUri().toString(), "--instance-id", "inst-7",
                    "--contact-flow-id=flow-7", "--display-name", "Ann Lee",
                    "--attribute", "tier=silver", "--attribute=topic=a=b", "--attribute", "empty=");

            assertEquals(Main.OK, run.code, run.err);
            SimulatedContact contact = connect.contacts().get(0);
            assertEquals(List.of("contactId=" + contact.id(), "participantToken=" + contact.participantToken(),
                    "channel=CHAT"), run.outLines());
            assertEquals("inst-7", contact.instanceId());
            assertEquals("flow-7", contact.contactFlowId());
            assertEquals("Ann Lee", contact.displayName());
            assertEquals(Map.of("tier", "silver", "topic", "a=b", "empty", ""), contact.attributes());
        }
    }

    @Test
    void theDefaultsAreTheDemoInstanceJaneDoeAndTierGold() {
        try (ConnectSimulator connect = ConnectSimulator.start()) {
            Run run = run("--endpoint", connect.baseUri().toString());

            assertEquals(Main.OK, run.code, run.err);
            SimulatedContact contact = connect.contacts().get(0);
            assertEquals("inst-1", contact.instanceId());
            assertEquals("flow-1", contact.contactFlowId());
            assertEquals("Jane Doe", contact.displayName());
            assertEquals(Map.of("tier", "gold"), contact.attributes());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--endpoint", "--endpoint|not a url", "--endpoint|ftp://host/x",
        "--endpoint|/relative", "--attribute|novalue", "--attribute|=value", "--attribute|a=1|--attribute|a=2",
        "--instance-id|", "--instance-id|a|--instance-id|b", "positional"})
    void badArgumentsExitWith2AndPrintAnErrorAndTheUsage(String joined) {
        Run run = run(joined.split("\\|", -1));

        assertEquals(Main.USAGE_ERROR, run.code);
        assertEquals("", run.out);
        String firstLine = run.err.split("\\R", 2)[0];
        assertTrue(firstLine.startsWith("error: "), run.err);
        assertEquals(firstLine + System.lineSeparator() + Main.USAGE, run.err, "one error line, then the usage");
    }

    @Test
    void helpPrintsTheUsage() {
        Run run = run("--help");

        assertEquals(Main.OK, run.code);
        assertEquals(Main.USAGE, run.out);
        assertEquals("", run.err);
    }

    @Test
    void aFailedWorkflowExitsWith1AndPrintsTheMessageWithoutAStackTrace() {
        try (ConnectSimulator connect = ConnectSimulator.start()) {
            connect.failNext("describeContact", 404);

            Run run = run("--endpoint", connect.baseUri().toString());

            assertEquals(Main.WORKFLOW_FAILED, run.code);
            assertEquals("", run.out);
            assertTrue(run.err.contains("confirmContact"), run.err);
            assertTrue(run.err.contains("404"), run.err);
            assertFalse(run.err.contains("\tat "), run.err);
        }
    }

    @Test
    void anInstanceTheEmbeddedSimulatorDoesNotKnowFailsTheWorkflow() {
        Run run = run("--instance-id", "inst-9");

        assertEquals(Main.WORKFLOW_FAILED, run.code);
        assertTrue(run.err.contains("startChat"), run.err);
        assertTrue(run.err.contains("404"), run.err);
    }

    @Test
    void anUnreachableEndpointFailsTheWorkflow() {
        String endpoint;
        try (ConnectSimulator closed = ConnectSimulator.start()) {
            endpoint = closed.baseUri().toString();
        }

        Run run = run("--endpoint", endpoint);

        assertEquals(Main.WORKFLOW_FAILED, run.code, run.err);
        assertEquals("", run.out);
        assertFalse(run.err.isBlank());
        assertFalse(run.err.contains("\tat "), run.err);
    }

    // --- AWS endpoints: SigV4 with the environment's credentials --------------------------------------

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLEsessiontoken";
    private static final String AWS = "https://connect.us-west-2.amazonaws.com";

    @ParameterizedTest
    @ValueSource(strings = {"", "AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SESSION_TOKEN|AWS_REGION",
        "AWS_ACCESS_KEY_ID|AWS_SESSION_TOKEN"})
    void anAwsEndpointWithoutCredentialsExitsWith2AndOneLineThatNamesWhatIsMissingAndNoSecret(String set) {
        Map<String, String> env = new HashMap<>(Map.of("HOME", "/home/x"));
        for (String name : set.isEmpty() ? new String[0] : set.split("\\|")) {
            env.put(name, secretValueOf(name));
        }

        Run run = run(env::get, "--endpoint", AWS);

        assertEquals(Main.USAGE_ERROR, run.code);
        assertEquals("", run.out);
        assertTrue(run.err.matches("error: [^\\r\\n]+\\R"), "one line: " + run.err);
        assertTrue(run.err.contains("connect.us-west-2.amazonaws.com is an AWS endpoint"), run.err);
        for (String name : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")) {
            if (!env.containsKey(name)) {
                assertTrue(run.err.contains(name + " "), name + " is missing: " + run.err);
            }
        }
        assertNoSecret(run);
    }

    @Test
    void anAwsEndpointWithCredentialsIsSignedWithTheRegionOfItsHost() {
        Function<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", SECRET,
                "AWS_SESSION_TOKEN", TOKEN)::get;

        RequestInterceptor chosen = Main.requestInterceptor(URI.create(AWS), env);

        SigV4RequestInterceptor sigV4 = assertInstanceOf(SigV4RequestInterceptor.class, chosen);
        assertEquals("us-west-2", sigV4.region());
        assertEquals("connect", sigV4.service());
        HttpRequest signed = sigV4.intercept(
                HttpRequest.newBuilder(URI.create(AWS + "/contact/chat")).GET().build(), new byte[0]);
        assertTrue(signed.headers().firstValue("Authorization").orElseThrow()
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"), "signed with the environment's key");
        assertEquals(List.of(TOKEN), signed.headers().allValues("X-Amz-Security-Token"));
        assertFalse(sigV4.toString().contains(SECRET) || sigV4.toString().contains(TOKEN), sigV4.toString());
    }

    @ParameterizedTest
    @CsvSource({
        "https://connect.eu-central-1.amazonaws.com, , eu-central-1",
        "https://connect.eu-central-1.amazonaws.com, eu-central-1, eu-central-1",
        "https://CONNECT.AP-NORTHEAST-1.AMAZONAWS.COM/, , ap-northeast-1",
        "https://connect-fips.us-gov-west-1.amazonaws.com, , us-gov-west-1",
        "https://vpce-0abc.connect.us-east-1.vpce.amazonaws.com, us-east-1, us-east-1",
    })
    void theRegionIsAwsRegionOrTheOneInTheHost(String endpoint, String awsRegion, String region) {
        Map<String, String> env = new HashMap<>(
                Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", SECRET));
        if (awsRegion != null) {
            env.put("AWS_REGION", awsRegion);
        }

        RequestInterceptor chosen = Main.requestInterceptor(URI.create(endpoint), env::get);

        assertEquals(region, assertInstanceOf(SigV4RequestInterceptor.class, chosen).region());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://connect.us-east-1.amazonaws.com | eu-west-1 | AWS_REGION is eu-west-1 but the endpoint",
        "https://vpce-0abc.connect.us-east-1.vpce.amazonaws.com | | set AWS_REGION",
        "https://connect.us-east-1.amazonaws.com | us east 1 | AWS_REGION is not a region name",
        "http://connect.us-east-1.amazonaws.com | | use https://connect.us-east-1.amazonaws.com",
    })
    void anAwsEndpointThatCannotBeSignedForExitsWith2(String endpoint, String awsRegion, String message) {
        Map<String, String> env = new HashMap<>(
                Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", SECRET, "AWS_SESSION_TOKEN", TOKEN));
        if (awsRegion != null) {
            env.put("AWS_REGION", awsRegion);
        }

        Run run = run(env::get, "--endpoint", endpoint);

        assertEquals(Main.USAGE_ERROR, run.code, run.err);
        assertTrue(run.err.matches("error: [^\\r\\n]+\\R"), "one line: " + run.err);
        assertTrue(run.err.contains(message), run.err);
        assertNoSecret(run);
    }

    @Test
    void otherEndpointsAreNotSignedEvenWithCredentialsInTheEnvironment() {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", SECRET);

        assertNull(Main.requestInterceptor(URI.create("http://127.0.0.1:8080"), env::get));
        assertNull(Main.requestInterceptor(URI.create("https://amazonaws.com.example.org"), env::get));
        try (ConnectSimulator connect = ConnectSimulator.start()) {
            Run run = run(env::get, "--endpoint", connect.baseUri().toString());

            assertEquals(Main.OK, run.code, run.err);
            assertTrue(connect.requests().stream().noneMatch(r -> r.header("Authorization").isPresent()));
        }
    }

    private static String secretValueOf(String name) {
        switch (name) {
            case "AWS_SECRET_ACCESS_KEY":
                return SECRET;
            case "AWS_SESSION_TOKEN":
                return TOKEN;
            case "AWS_REGION":
                return "us-west-2";
            default:
                return "AKIDEXAMPLE";
        }
    }

    private static void assertNoSecret(Run run) {
        for (String secret : List.of("AKIDEXAMPLE", SECRET, TOKEN, "AWS4-HMAC-SHA256")) {
            assertFalse(run.err.contains(secret) || run.out.contains(secret), "printed a secret: " + secret);
        }
    }

    private static Run run(String... args) {
        return run(System::getenv, args);
    }

    private static Run run(Function<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream outStream = new PrintStream(out, true, UTF_8);
                PrintStream errStream = new PrintStream(err, true, UTF_8)) {
            code = Main.run(args, outStream, errStream, env);
        }
        return new Run(code, out.toString(UTF_8), err.toString(UTF_8));
    }

    private record Run(int code, String out, String err) {

        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
        }
    }
}
