package dev.arazzo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** No Throwable escapes the goal: each becomes a one-sentence failure, the stack trace only at debug. */
class ExecuteBoundaryTest {

    /** A log that keeps its debug lines, with debug on or off. */
    private static final class DebugLog extends SystemStreamLog {
        final List<String> debug = new ArrayList<>();
        final boolean enabled;

        DebugLog(boolean enabled) {
            this.enabled = enabled;
        }

        @Override
        public boolean isDebugEnabled() {
            return enabled;
        }

        @Override
        public void debug(CharSequence content) {
            debug.add(content.toString());
        }
    }

    @Test
    void anErrorBecomesAOneSentenceFailureWithTheStackTraceAtDebug() {
        DebugLog log = new DebugLog(true);

        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> ExecuteBoundary.run(log,
                "shop.arazzo.yaml", () -> {
                    throw new StackOverflowError("deep\nnesting");
                }));

        assertEquals("Arazzo code generation failed on shop.arazzo.yaml: StackOverflowError: deep nesting; this is a "
                + "bug in the generator, please report it with the document (mvn -X shows the stack trace)",
                failure.getMessage());
        assertEquals(null, failure.getCause(), "no cause: Maven would print its stack trace");
        assertEquals(1, log.debug.size());
        assertTrue(log.debug.get(0).contains("at dev.arazzo.maven.ExecuteBoundaryTest"), log.debug.get(0));
    }

    @Test
    void withoutDebugNothingIsLoggedAndLongMessagesAreBounded() {
        DebugLog log = new DebugLog(false);

        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> ExecuteBoundary.run(log,
                "x", () -> {
                    throw new IllegalStateException("y".repeat(10_000));
                }));

        assertTrue(failure.getMessage().length() < 500, failure.getMessage());
        assertEquals(List.of(), log.debug);
    }

    @Test
    void mavensOwnExceptionsPassUnchanged() {
        MojoFailureException own = new MojoFailureException("the document has errors");

        assertSame(own, assertThrows(MojoFailureException.class, () -> ExecuteBoundary.run(new DebugLog(true), "x",
                () -> {
                    throw own;
                })));
    }
}
