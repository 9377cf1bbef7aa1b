package dev.arazzo.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link MessageTransport} inside the JVM, for unit tests of code that runs generated workflows: every
 * message sent is recorded ({@link #sent()}) and delivered to the open subscriptions of its channel; a
 * test plays the other side with {@link #publish(Message)} or with a {@link #reply(String, Function)
 * responder} that answers each message sent to a channel. It serves every protocol.
 *
 * <pre>{@code
 * var broker = new InMemoryMessageTransport();
 * broker.reply("orders.place", sent -> List.of(Message.json("orders.placed",
 *         Map.of("correlationId", sent.header("correlationId").orElseThrow()), "{\"status\":\"PLACED\"}")));
 * var workflow = PlaceOrderWorkflow.builder().messageTransport(broker).build();
 * }</pre>
 */
public final class InMemoryMessageTransport implements MessageTransport {

    /** The most messages one subscription keeps unreceived; past that the oldest is dropped. */
    public static final int MAX_KEPT_MESSAGES = 10_000;

    private final Object lock = new Object();
    private final List<Message> sent = new ArrayList<>();
    private final List<Queue> subscriptions = new ArrayList<>();
    private final Map<String, Function<? super Message, ? extends List<Message>>> responders = new LinkedHashMap<>();

    /** An empty transport: nothing sent, no subscription, no responder. */
    public InMemoryMessageTransport() {
    }

    /** Serves every protocol: messages never leave the JVM. */
    @Override
    public boolean supportsProtocol(String protocol) {
        return true;
    }

    /**
     * Records the message, delivers it to the subscriptions of its channel, then publishes what the
     * channel's responder, if any, answers.
     */
    @Override
    public void send(Message message) {
        Objects.requireNonNull(message, "message");
        Function<? super Message, ? extends List<Message>> responder;
        synchronized (lock) {
            sent.add(message);
            responder = responders.get(message.channel());
        }
        deliver(message);
        if (responder != null) {
            List<Message> replies = responder.apply(message);
            if (replies != null) {
                replies.forEach(this::publish);
            }
        }
    }

    /**
     * Publishes a message as another party would: it reaches the subscriptions of its channel and is not
     * recorded in {@link #sent()}.
     *
     * @param message the message
     */
    public void publish(Message message) {
        deliver(Objects.requireNonNull(message, "message"));
    }

    /**
     * Answers every message later sent to {@code channel} with the messages {@code responder} returns
     * (published after the sent one, in list order); a second responder for the channel replaces the first.
     *
     * @param channel the channel's address
     * @param responder from a sent message to the replies, or an empty list
     */
    public void reply(String channel, Function<? super Message, ? extends List<Message>> responder) {
        synchronized (lock) {
            responders.put(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(responder, "responder"));
        }
    }

    /**
     * The messages sent through {@link #send(Message)}, in order.
     *
     * @return a copy of the list
     */
    public List<Message> sent() {
        synchronized (lock) {
            return List.copyOf(sent);
        }
    }

    @Override
    public MessageSubscription subscribe(Collection<String> channels) {
        Queue queue = new Queue(Set.copyOf(channels));
        synchronized (lock) {
            subscriptions.add(queue);
        }
        return queue;
    }

    private void deliver(Message message) {
        List<Queue> open;
        synchronized (lock) {
            open = List.copyOf(subscriptions);
        }
        for (Queue queue : open) {
            queue.offer(message);
        }
    }

    /** One subscription: the messages of its channels, in arrival order. */
    private final class Queue implements MessageSubscription {

        private final Set<String> channels;
        private final ReentrantLock queueLock = new ReentrantLock();
        private final Condition arrived = queueLock.newCondition();
        private final Deque<Message> kept = new ArrayDeque<>();
        private boolean closed;

        Queue(Set<String> channels) {
            this.channels = channels;
        }

        void offer(Message message) {
            if (!channels.contains(message.channel())) {
                return;
            }
            queueLock.lock();
            try {
                if (closed) {
                    return;
                }
                if (kept.size() == MAX_KEPT_MESSAGES) {
                    kept.removeFirst();
                }
                kept.addLast(message);
                arrived.signalAll();
            } finally {
                queueLock.unlock();
            }
        }

        @Override
        public Optional<Message> receive(String channel, Predicate<? super Message> matches, Duration timeout)
                throws InterruptedException {
            Objects.requireNonNull(matches, "matches");
            if (!channels.contains(channel)) {
                throw new IllegalArgumentException("channel '" + channel + "' is not subscribed to");
            }
            long remaining = Math.max(0, timeout.toNanos());
            queueLock.lockInterruptibly();
            try {
                while (true) {
                    if (closed) {
                        throw new IllegalStateException("the subscription is closed");
                    }
                    for (Iterator<Message> it = kept.iterator(); it.hasNext(); ) {
                        Message message = it.next();
                        if (message.channel().equals(channel) && matches.test(message)) {
                            it.remove();
                            return Optional.of(message);
                        }
                    }
                    if (remaining <= 0) {
                        return Optional.empty();
                    }
                    remaining = arrived.awaitNanos(remaining);
                }
            } finally {
                queueLock.unlock();
            }
        }

        @Override
        public void close() {
            queueLock.lock();
            try {
                closed = true;
                kept.clear();
                arrived.signalAll();
            } finally {
                queueLock.unlock();
            }
            synchronized (lock) {
                subscriptions.remove(this);
            }
        }
    }
}
