package com.example.connect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.connect.simulator.ConnectSimulator;
import com.example.connect.simulator.SimulatedContact;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream outStream = new PrintStream(out, true, UTF_8);
                PrintStream errStream = new PrintStream(err, true, UTF_8)) {
            code = Main.run(args, outStream, errStream);
        }
        return new Run(code, out.toString(UTF_8), err.toString(UTF_8));
    }

    private record Run(int code, String out, String err) {

        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
        }
    }
}
