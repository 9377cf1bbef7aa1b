package com.example.connect;

import com.example.connect.simulator.ConnectSimulator;
import dev.arazzo.runtime.RequestInterceptor;
import dev.arazzo.runtime.WorkflowException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs the generated {@link StartChatAndSetAttributesWorkflow}: by default against an embedded
 * {@link ConnectSimulator}, or against {@code --endpoint}. Prints the workflow's outputs, one
 * {@code name=value} line each. Requests to an AWS endpoint (a host ending with {@code .amazonaws.com})
 * are signed with SigV4 by a {@link SigV4RequestInterceptor}, with the credentials of the environment.
 *
 * <pre>
 * mvn -B -q -pl sample-project exec:java
 * mvn -B -q -pl sample-project exec:java -Dexec.args="--display-name Ann --attribute tier=silver"
 * </pre>
 */
public final class Main {

    /** Exit code of a run whose workflow completed. */
    public static final int OK = 0;
    /** Exit code of a run whose workflow failed (a step's criteria, the transport). */
    public static final int WORKFLOW_FAILED = 1;
    /** Exit code of a run with bad arguments, or an AWS endpoint without credentials to sign with. */
    public static final int USAGE_ERROR = 2;

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: mvn -q -pl sample-project exec:java [-Dexec.args=\"OPTION...\"]",
            "Starts an Amazon Connect chat contact, confirms it and attaches attributes, then prints",
            "contactId=, participantToken= and channel= lines.",
            "",
            "Options:",
            "  --endpoint URL          run against this Amazon Connect endpoint instead of the embedded",
            "                          simulator (which knows instance inst-1 with contact flow flow-1);",
            "                          requests to https://connect.REGION.amazonaws.com are signed with",
            "                          SigV4 using AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and",
            "                          AWS_SESSION_TOKEN (if set); AWS_REGION overrides the host's region",
            "  --instance-id ID        the Amazon Connect instance (default inst-1)",
            "  --contact-flow-id ID    the contact flow to start the chat in (default flow-1)",
            "  --display-name NAME     the customer's display name (default \"Jane Doe\")",
            "  --attribute KEY=VALUE   a contact attribute to attach; repeatable (default tier=gold)",
            "  --help                  print this help",
            "",
            "Exit codes: 0 done, 1 the workflow failed, 2 bad arguments or no AWS credentials.",
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
        return run(args, out, err, System::getenv);
    }

    /**
     * {@link #run(String[], PrintStream, PrintStream)} with the environment looked up through {@code env}.
     *
     * @param env the value of an environment variable, or null when it is not set
     */
    static int run(String[] args, PrintStream out, PrintStream err, Function<String, String> env) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return USAGE_ERROR;
        }
        if (options.help()) {
            out.print(USAGE);
            return OK;
        }
        RequestInterceptor interceptor = null;
        if (options.endpoint() != null) {
            try {
                interceptor = requestInterceptor(options.endpoint(), env);
            } catch (IllegalStateException e) {
                // The message names environment variables, never their values.
                err.println("error: " + e.getMessage());
                return USAGE_ERROR;
            }
        }
        StartChatAndSetAttributesWorkflow.Outputs outputs;
        try {
            if (options.endpoint() != null) {
                outputs = runWorkflow(options.endpoint(), interceptor, options);
            } else {
                try (ConnectSimulator simulator = ConnectSimulator.start()) {
                    outputs = runWorkflow(simulator.baseUri(), null, options);
                }
            }
        } catch (WorkflowException e) {
            err.println(e.getMessage());
            return WORKFLOW_FAILED;
        }
        out.println("contactId=" + outputs.contactId());
        out.println("participantToken=" + outputs.participantToken());
        out.println("channel=" + outputs.channel());
        return OK;
    }

    /**
     * The interceptor for requests to {@code endpoint}: a {@link SigV4RequestInterceptor} with the
     * environment's credentials when it is an AWS endpoint, else none (credentials never go to other hosts).
     *
     * @return null when requests to {@code endpoint} need no signing
     * @throws IllegalStateException with a one-line message without secrets when the endpoint is AWS's but
     *     cannot be signed for: no credentials, no region, or plain http
     */
    static RequestInterceptor requestInterceptor(URI endpoint, Function<String, String> env) {
        if (!SigV4RequestInterceptor.isAwsEndpoint(endpoint)) {
            return null;
        }
        if (!"https".equalsIgnoreCase(endpoint.getScheme())) {
            // The host (and port), not the authority: a user:password@ part must not be echoed.
            throw new IllegalStateException(endpoint.getHost() + " is an AWS endpoint: use https://"
                    + endpoint.getHost() + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort()));
        }
        return SigV4RequestInterceptor.fromEnvironment(endpoint, env);
    }

    private static StartChatAndSetAttributesWorkflow.Outputs runWorkflow(
            URI endpoint, RequestInterceptor interceptor, Options options) {
        StartChatAndSetAttributesWorkflow workflow = StartChatAndSetAttributesWorkflow.builder()
                .baseUri(endpoint)
                .httpClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build())
                .requestInterceptor(interceptor)
                .build();
        return workflow.run(StartChatAndSetAttributesWorkflow.Inputs.builder()
                .instanceId(options.instanceId())
                .contactFlowId(options.contactFlowId())
                .displayName(options.displayName())
                .attributes(options.attributes())
                .build());
    }

    /** The parsed command line; {@code endpoint} is null for the embedded simulator. */
    record Options(
            boolean help,
            URI endpoint,
            String instanceId,
            String contactFlowId,
            String displayName,
            Map<String, String> attributes) {

        Options {
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(contactFlowId, "contactFlowId");
            Objects.requireNonNull(displayName, "displayName");
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        /**
         * Parses {@code --name value} and {@code --name=value} options.
         *
         * @throws IllegalArgumentException with a one-line message for the user
         */
        static Options parse(String[] args) {
            URI endpoint = null;
            String instanceId = null;
            String contactFlowId = null;
            String displayName = null;
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    return new Options(true, null, "", "", "", Map.of());
                }
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                }
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg : arg.substring(0, equals);
                if (!isOption(name)) {
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
                switch (name) {
                    case "--endpoint":
                        endpoint = once(name, endpoint, endpoint(value));
                        break;
                    case "--instance-id":
                        instanceId = once(name, instanceId, nonEmpty(name, value));
                        break;
                    case "--contact-flow-id":
                        contactFlowId = once(name, contactFlowId, nonEmpty(name, value));
                        break;
                    case "--display-name":
                        displayName = once(name, displayName, nonEmpty(name, value));
                        break;
                    default: // --attribute
                        addAttribute(attributes, value);
                        break;
                }
            }
            return new Options(false, endpoint,
                    Objects.requireNonNullElse(instanceId, ConnectSimulator.DEMO_INSTANCE_ID),
                    Objects.requireNonNullElse(contactFlowId, ConnectSimulator.DEMO_CONTACT_FLOW_ID),
                    Objects.requireNonNullElse(displayName, "Jane Doe"),
                    attributes.isEmpty() ? Map.of("tier", "gold") : attributes);
        }

        private static boolean isOption(String name) {
            switch (name) {
                case "--endpoint":
                case "--instance-id":
                case "--contact-flow-id":
                case "--display-name":
                case "--attribute":
                    return true;
                default:
                    return false;
            }
        }

        private static <T> T once(String name, T previous, T value) {
            if (previous != null) {
                throw new IllegalArgumentException(name + " given more than once");
            }
            return value;
        }

        private static String nonEmpty(String name, String value) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException(name + " must not be empty");
            }
            return value;
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
                throw new IllegalArgumentException(
                        "--endpoint must be an absolute http or https URL, e.g. https://connect.us-east-1.amazonaws.com: '"
                                + value + "'");
            }
            return uri;
        }

        private static void addAttribute(Map<String, String> attributes, String keyValue) {
            int equals = keyValue.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--attribute needs KEY=VALUE, got '" + keyValue + "'");
            }
            String key = keyValue.substring(0, equals);
            if (attributes.putIfAbsent(key, keyValue.substring(equals + 1)) != null) {
                throw new IllegalArgumentException("--attribute " + key + " given more than once");
            }
        }
    }
}
