package dev.arazzo.bench.workflow;

import com.example.connect.simulator.ConnectSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * One run of the seed workflow (three HTTP calls) against the in-process Amazon Connect simulator on
 * 127.0.0.1, by three clients side by side: hand-written {@code java.net.http} + Jackson (the floor),
 * the arazzo-codegen generated class, and the workflow wired by hand on openapi-generator's
 * {@code native} Java client. Each gets its own simulator and its own {@link HttpClient} built the
 * same way, fresh for every iteration, so that the simulator's growing state (it records every
 * request and keeps every contact) stays small and equal for all three.
 *
 * <p>Run with {@code -prof gc} for allocation per workflow; the simulator's share of it is written to
 * the file named by the system property {@code bench.simulatorAllocation}, one line per iteration.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
// Without nodelay the JDK HttpServer (JDK 17) waits for delayed ACKs: ~40 ms per call, for every client.
// The JDK client sends a request again, once, when its connection pool's race (JDK-8338569) ends the exchange;
// it logs each such retry ("Succeeded on attempt"), which the report counts. See SharedClientBenchmark.
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.nodelay=true",
        "-Djdk.httpclient.HttpClient.log=errors", "-Djdk.httpclient.enableAllMethodRetry=true"})
public class WorkflowBenchmark {

    static final ChatWorkflow.Inputs INPUTS = new ChatWorkflow.Inputs(ConnectSimulator.DEMO_INSTANCE_ID,
            ConnectSimulator.DEMO_CONTACT_FLOW_ID, "Jane Doe", Map.of("tier", "gold", "topic", "billing"));

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** A simulator and one client on it, both replaced at every iteration. */
    abstract static class Client {
        private final BiFunction<HttpClient.Builder, URI, ChatWorkflow> factory;
        private final SimulatorAllocation simulatorAllocation = new SimulatorAllocation();
        private ConnectSimulator simulator;
        ChatWorkflow workflow;
        long runs;

        Client(BiFunction<HttpClient.Builder, URI, ChatWorkflow> factory) {
            this.factory = factory;
        }

        @Setup(Level.Iteration)
        public void start() {
            simulator = ConnectSimulator.start();
            workflow = factory.apply(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT), simulator.baseUri());
            workflow.run(INPUTS).checked(getClass().getSimpleName());
            runs = 0;
            simulatorAllocation.begin();
        }

        @TearDown(Level.Iteration)
        public void stop(BenchmarkParams benchmark, IterationParams iteration) {
            simulatorAllocation.record(benchmark.getBenchmark(), iteration.getType(), runs);
            simulator.close();
        }
    }

    @State(Scope.Thread)
    public static class HandWritten extends Client {
        public HandWritten() {
            super((client, uri) -> new HandWrittenWorkflow(client.build(), uri));
        }
    }

    @State(Scope.Thread)
    public static class ArazzoGenerated extends Client {
        public ArazzoGenerated() {
            super((client, uri) -> new ArazzoGeneratedWorkflow(client.build(), uri));
        }
    }

    @State(Scope.Thread)
    public static class OpenApiGenerator extends Client {
        public OpenApiGenerator() {
            super(OpenApiGeneratorWorkflow::new);
        }
    }

    /** (a) the floor: hand-written java.net.http + Jackson. */
    @Benchmark
    public ChatWorkflow.Outputs handWritten(HandWritten state) {
        state.runs++;
        return state.workflow.run(INPUTS);
    }

    /** The arazzo-codegen generated workflow class. */
    @Benchmark
    public ChatWorkflow.Outputs arazzoGenerated(ArazzoGenerated state) {
        state.runs++;
        return state.workflow.run(INPUTS);
    }

    /** (b) the workflow hand-wired on openapi-generator's native Java client. */
    @Benchmark
    public ChatWorkflow.Outputs openApiGenerator(OpenApiGenerator state) {
        state.runs++;
        return state.workflow.run(INPUTS);
    }
}
