package dev.arazzo.runtime;

import java.io.IOException;
import java.util.Collection;

/**
 * How a generated workflow sends and receives the messages of its AsyncAPI steps: the service provider
 * interface that {@code dev.arazzo.kafka.KafkaMessageTransport} (module {@code arazzo-kafka}) and
 * {@link InMemoryMessageTransport} implement, and that a workflow's builder takes as
 * {@code messageTransport(MessageTransport)}.
 *
 * <p>A run {@linkplain #subscribe(Collection) subscribes} to every channel its receive steps read before its
 * first step, so a reply that arrives before the receive step begins (the answer to an earlier send) is
 * still received; each receive step then {@linkplain MessageSubscription#receive waits} on that subscription
 * for the first message that matches its correlation. One transport serves many runs at once: implementations
 * are safe for use by several threads; a subscription belongs to the one run that opened it.
 */
public interface MessageTransport {

    /**
     * Whether this transport can reach servers of an AsyncAPI {@code protocol} ({@code kafka},
     * {@code mqtt}, ...); a workflow's {@code build()} refuses a transport that cannot serve its sources.
     *
     * @param protocol the AsyncAPI server's protocol, as written
     * @return true if messages of that protocol go through this transport
     */
    boolean supportsProtocol(String protocol);

    /**
     * Publishes one message to its channel and returns when the transport has accepted it (for Kafka: the
     * broker acknowledged the record).
     *
     * @param message the message
     * @throws IOException if it could not be sent
     * @throws InterruptedException if the thread was interrupted while waiting
     */
    void send(Message message) throws IOException, InterruptedException;

    /**
     * Starts listening to channels: every message published to one of them after this returns is kept for
     * the subscription's {@link MessageSubscription#receive receive}, until it is received or the
     * subscription is closed.
     *
     * @param channels the channels' addresses (for Kafka: topics)
     * @return the subscription, to be closed by the caller
     * @throws IOException if a channel cannot be listened to (for Kafka: the topic does not exist)
     * @throws InterruptedException if the thread was interrupted while waiting
     */
    MessageSubscription subscribe(Collection<String> channels) throws IOException, InterruptedException;
}
