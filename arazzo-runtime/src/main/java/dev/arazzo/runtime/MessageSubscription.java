package dev.arazzo.runtime;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The messages published to some channels since a {@link MessageTransport#subscribe subscribe}, kept until
 * they are received: what lets a run's receive step take a message that arrived before the step began.
 * Used by one thread at a time.
 */
public interface MessageSubscription extends AutoCloseable {

    /**
     * Takes the first message on {@code channel}, in the order they arrived, that {@code matches} accepts,
     * waiting for one up to {@code timeout}. Messages it does not accept stay for later receives.
     *
     * @param channel the channel's address; one of those subscribed to
     * @param matches which messages qualify (for a workflow: its correlation)
     * @param timeout the longest wait; zero or negative looks only at what has arrived already
     * @return the message, now taken, or empty if none qualified in time
     * @throws IOException if the transport failed while waiting
     * @throws InterruptedException if the thread was interrupted while waiting
     * @throws IllegalArgumentException if {@code channel} is not one of the subscription's
     * @throws IllegalStateException if the subscription is closed
     */
    Optional<Message> receive(String channel, Predicate<? super Message> matches, Duration timeout)
            throws IOException, InterruptedException;

    /** Stops listening and drops what was not received. Closing twice does nothing. */
    @Override
    void close();
}
