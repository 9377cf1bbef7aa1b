package com.example.orders;

import com.example.orders.simulator.OrderServiceSimulator;
import com.example.orders.simulator.PaymentServiceSimulator;
import dev.arazzo.kafka.KafkaMessageTransport;
import dev.arazzo.kafka.embedded.EmbeddedKafka;
import dev.arazzo.runtime.WorkflowException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * Runs the generated {@link PlaceOrderWorkflow}: an order is created at the order service over HTTP, its payment
 * is requested from the payment service on Kafka topic {@code orders.payment.requested} and its outcome received,
 * correlated by the order's id, on {@code orders.payment.completed}; the order is then paid or cancelled and read
 * back. By default everything runs in this JVM: an {@link OrderServiceSimulator}, a Kafka broker
 * ({@link EmbeddedKafka}) and a {@link PaymentServiceSimulator} on it. {@code --endpoint} names a real order
 * service, {@code --bootstrap-servers} (and {@code --kafka-config}) a real cluster whose payment service answers.
 * Prints the workflow's outputs, one {@code name=value} line each.
 *
 * <pre>
 * mvn -B -q -pl sample-project exec:java@place-order
 * mvn -B -q -pl sample-project exec:java@place-order -Dexec.args="--sku PIANO-1 --quantity 1"
 * mvn -B -q -pl sample-project exec:java@place-order -Dexec.args="--bootstrap-servers broker-1:9092 --endpoint URL"
 * </pre>
 */
public final class Main {

    /** Exit code of a run whose workflow completed (the order PAID or CANCELLED). */
    public static final int OK = 0;
    /** Exit code of a run whose workflow failed (a step's criteria, HTTP or Kafka). */
    public static final int WORKFLOW_FAILED = 1;
    /** Exit code of a run with bad arguments, or a Kafka configuration that cannot be read. */
    public static final int USAGE_ERROR = 2;

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: mvn -q -pl sample-project exec:java@place-order [-Dexec.args=\"OPTION...\"]",
            "Places an order (HTTP), has its payment taken (Kafka: orders.payment.requested, then the",
            "correlated answer on orders.payment.completed), pays or cancels the order and reads it back;",
            "prints orderId=, status=, total=, currency= and paymentId= lines.",
            "",
            "Options:",
            "  --bootstrap-servers HOST:PORT[,HOST:PORT...]",
            "                        a Kafka cluster instead of the embedded broker and payment service; it",
            "                        must have both topics and a payment service that answers on them",
            "  --kafka-config FILE   Kafka client properties for that cluster (security.protocol, sasl.*,",
            "                        ssl.*, client.id, ...; bootstrap.servers too), as a .properties file",
            "  --endpoint URL        the order service instead of the embedded simulator",
            "  --customer-id ID      who orders (default cust-1)",
            "  --sku SKU             the item (default BOOK-1; the simulator also sells LAMP-1 and PIANO-1,",
            "                        whose price is over the simulated payment service's limit)",
            "  --quantity N          how many (default 2)",
            "  --help                print this help",
            "",
            "Exit codes: 0 done (PAID or CANCELLED), 1 the workflow failed, 2 bad arguments.",
            "");

    private Main() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.err.flush();
        // Success returns normally: under `mvn exec:java` the program runs inside Maven's JVM, and
        // System.exit(0) would end Maven itself before it finished the build.
        if (code != OK) {
            System.exit(code);
        }
    }

    /**
     * Everything {@link #main} does, without exiting the JVM.
     *
     * @return {@link #OK}, {@link #WORKFLOW_FAILED} or {@link #USAGE_ERROR}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        Map<String, Object> kafka;
        try {
            options = Options.parse(args);
            kafka = options.help() ? Map.of() : kafkaProperties(options);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return USAGE_ERROR;
        }
        if (options.help()) {
            out.print(USAGE);
            return OK;
        }
        PlaceOrderWorkflow.Outputs outputs;
        try (Environment environment = Environment.start(options, kafka)) {
            outputs = environment.run(options);
        } catch (WorkflowException e) {
            err.println(e.getMessage());
            return WORKFLOW_FAILED;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return WORKFLOW_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return WORKFLOW_FAILED;
        }
        out.println("orderId=" + outputs.orderId());
        out.println("status=" + outputs.status());
        out.println("total=" + outputs.total());
        out.println("currency=" + outputs.currency());
        out.println("paymentId=" + Objects.requireNonNullElse(outputs.paymentId(), ""));
        return OK;
    }

    /**
     * The Kafka client properties of a run against a real cluster: those of {@code --kafka-config}, with
     * {@code --bootstrap-servers} over its {@code bootstrap.servers}; empty for the embedded broker.
     *
     * @throws IllegalArgumentException if the file cannot be read, or names no bootstrap servers
     */
    static Map<String, Object> kafkaProperties(Options options) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (options.kafkaConfig() != null) {
            Properties file = new Properties();
            try (InputStream in = Files.newInputStream(options.kafkaConfig())) {
                file.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --kafka-config " + options.kafkaConfig() + ": "
                        + e.getMessage());
            }
            file.stringPropertyNames().stream().sorted().forEach(name -> properties.put(name, file.getProperty(name)));
        }
        if (options.bootstrapServers() != null) {
            properties.put("bootstrap.servers", options.bootstrapServers());
        }
        if (!properties.isEmpty() && properties.get("bootstrap.servers") == null) {
            throw new IllegalArgumentException("--kafka-config " + options.kafkaConfig()
                    + " has no bootstrap.servers; add it there or give --bootstrap-servers");
        }
        return properties;
    }

    /** What a run talks to: the order service and the cluster, each real or started here; closed in reverse. */
    private static final class Environment implements AutoCloseable {
        private OrderServiceSimulator orders;
        private EmbeddedKafka broker;
        private PaymentServiceSimulator payments;
        private KafkaMessageTransport transport;
        private URI endpoint;

        static Environment start(Options options, Map<String, Object> kafka) throws IOException {
            Environment environment = new Environment();
            try {
                if (options.endpoint() == null) {
                    environment.orders = OrderServiceSimulator.start();
                    environment.endpoint = environment.orders.baseUri();
                } else {
                    environment.endpoint = options.endpoint();
                }
                Map<String, Object> clients = kafka;
                if (kafka.isEmpty()) {
                    environment.broker = EmbeddedKafka.start(PaymentServiceSimulator.TOPICS);
                    clients = Map.of("bootstrap.servers", environment.broker.bootstrapServers());
                    environment.payments =
                            PaymentServiceSimulator.start(clients, PaymentServiceSimulator.DEFAULT_LIMIT);
                }
                environment.transport = KafkaMessageTransport.create(clients);
                return environment;
            } catch (IOException | RuntimeException e) {
                environment.close();
                throw e;
            } catch (Exception e) {
                environment.close();
                throw new IOException("the embedded Kafka broker did not start: " + e.getMessage(), e);
            }
        }

        PlaceOrderWorkflow.Outputs run(Options options) throws IOException, InterruptedException {
            PlaceOrderWorkflow workflow = PlaceOrderWorkflow.builder()
                    .baseUri(endpoint)
                    .httpClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build())
                    .messageTransport(transport)
                    .build();
            return workflow.run(PlaceOrderWorkflow.Inputs.builder()
                    .customerId(options.customerId())
                    .sku(options.sku())
                    .quantity(options.quantity())
                    .build());
        }

        @Override
        public void close() {
            if (transport != null) {
                transport.close();
            }
            if (payments != null) {
                payments.close();
            }
            if (broker != null) {
                broker.close();
            }
            if (orders != null) {
                orders.close();
            }
        }
    }

    /** The parsed command line; null for what runs embedded. */
    record Options(
            boolean help,
            String bootstrapServers,
            Path kafkaConfig,
            URI endpoint,
            String customerId,
            String sku,
            int quantity) {

        /**
         * Parses {@code --name value} and {@code --name=value} options.
         *
         * @throws IllegalArgumentException with a one-line message for the user
         */
        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    return new Options(true, null, null, null, "", "", 1);
                }
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                }
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg : arg.substring(0, equals);
                if (!NAMES.contains(name)) {
                    throw new IllegalArgumentException("unknown option '" + name + "'");
                }
                String value;
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                if (value.isEmpty()) {
                    throw new IllegalArgumentException(name + " must not be empty");
                }
                if (values.putIfAbsent(name, value) != null) {
                    throw new IllegalArgumentException(name + " given more than once");
                }
            }
            String config = values.get("--kafka-config");
            String endpoint = values.get("--endpoint");
            return new Options(false,
                    bootstrapServers(values.get("--bootstrap-servers")),
                    config == null ? null : Path.of(config),
                    endpoint == null ? null : endpoint(endpoint),
                    values.getOrDefault("--customer-id", "cust-1"),
                    values.getOrDefault("--sku", "BOOK-1"),
                    quantity(values.getOrDefault("--quantity", "2")));
        }

        private static final Set<String> NAMES = Set.of("--bootstrap-servers",
                "--kafka-config", "--endpoint", "--customer-id", "--sku", "--quantity");

        private static String bootstrapServers(String value) {
            if (value == null) {
                return null;
            }
            for (String server : value.split(",", -1)) {
                int colon = server.lastIndexOf(':');
                if (colon <= 0 || !server.substring(colon + 1).matches("[0-9]{1,5}")) {
                    throw new IllegalArgumentException("--bootstrap-servers needs HOST:PORT[,HOST:PORT...], got '"
                            + value + "'");
                }
            }
            return value;
        }

        private static int quantity(String value) {
            try {
                int quantity = Integer.parseInt(value);
                if (quantity >= 1) {
                    return quantity;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--quantity must be a whole number from 1, got '" + value + "'");
        }

        private static URI endpoint(String value) {
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("--endpoint is not a URL: '" + value + "'");
            }
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!http || uri.getHost() == null) {
                throw new IllegalArgumentException("--endpoint must be an absolute http or https URL, e.g. "
                        + "http://127.0.0.1:8080: '" + value + "'");
            }
            return uri;
        }
    }
}
