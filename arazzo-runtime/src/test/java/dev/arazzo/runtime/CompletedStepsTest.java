package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

// Each Scope is opened for the extent of its block, never read: javac's try lint would say so six times.
@SuppressWarnings("try")
class CompletedStepsTest {

    private static final class Login {
    }

    private static final class Orders {
    }

    @Test
    void nothingIsRecordedOutsideARun() {
        CompletedSteps.record(Login.class, "login");

        try (CompletedSteps.Scope run = CompletedSteps.open()) {
            assertFalse(CompletedSteps.contains(Login.class, "login"));
        }
    }

    @Test
    void aNestedWorkflowRecordsIntoTheRunItJoined() {
        try (CompletedSteps.Scope outer = CompletedSteps.open()) {
            try (CompletedSteps.Scope inner = CompletedSteps.open()) {
                CompletedSteps.record(Login.class, "login");
            }
            assertTrue(CompletedSteps.contains(Login.class, "login"));
            assertFalse(CompletedSteps.contains(Login.class, "logout"));
            assertFalse(CompletedSteps.contains(Orders.class, "login"));
        }
        try (CompletedSteps.Scope next = CompletedSteps.open()) {
            assertFalse(CompletedSteps.contains(Login.class, "login"), "a new run starts empty");
        }
    }

    @Test
    void closingTwiceDoesNotEndTheOuterRun() {
        try (CompletedSteps.Scope outer = CompletedSteps.open()) {
            CompletedSteps.Scope inner = CompletedSteps.open();
            inner.close();
            inner.close();
            CompletedSteps.record(Login.class, "login");
            assertTrue(CompletedSteps.contains(Login.class, "login"));
        }
        assertFalse(CompletedSteps.contains(Login.class, "login"));
    }

    @Test
    void eachThreadHasItsOwnRun() throws InterruptedException {
        AtomicBoolean seen = new AtomicBoolean(true);
        try (CompletedSteps.Scope run = CompletedSteps.open()) {
            CompletedSteps.record(Login.class, "login");
            Thread other = new Thread(() -> seen.set(CompletedSteps.contains(Login.class, "login")));
            other.start();
            other.join();
        }
        assertFalse(seen.get());
    }
}
