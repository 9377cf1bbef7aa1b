package dev.arazzo.bench.workflow;

import com.example.connect.simulator.ConnectSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * The seed workflow under {@value #THREADS} threads that share one client (one workflow object on one
 * {@link HttpClient}), as a server application would use it: workflows per second, the same three clients
 * as {@link WorkflowBenchmark}, each with its own simulator, fresh for every iteration. The simulator's
 * share of the allocation is written as in {@link WorkflowBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(SharedClientBenchmark.THREADS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
// The client logs the errors it meets (nothing else): when a run aborts, the log says how the connection ended.
// Under 32 threads the JDK 17 client meets a race of its own every minute or so (JDK-8338569, fixed in JDK 24):
// a connection taken from its pool still has the pool's cleanup subscriber, which reads the response of the
// new exchange as stray data and closes the connection ("connection closed locally"), and the exchange fails
// with "HTTP/1.1 header parser received no bytes". The client retries GET and HEAD then, not PUT or POST; with
// enableAllMethodRetry it sends any request again once, as it would a GET. That is the same for all three
// clients: each retry is logged ("Succeeded on attempt"), and the report counts them.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.nodelay=true",
        "-Djdk.httpclient.HttpClient.log=errors", "-Djdk.httpclient.enableAllMethodRetry=true"})
public class SharedClientBenchmark {

    static final int THREADS = 32;

    /** A simulator and one client on it, shared by every benchmark thread, both replaced at every iteration. */
    abstract static class SharedClient {
        private final BiFunction<HttpClient.Builder, URI, ChatWorkflow> factory;
        private final SimulatorAllocation simulatorAllocation = new SimulatorAllocation();
        private ConnectSimulator simulator;
        volatile ChatWorkflow workflow;
        final LongAdder runs = new LongAdder();

        SharedClient(BiFunction<HttpClient.Builder, URI, ChatWorkflow> factory) {
            this.factory = factory;
        }

        @Setup(Level.Iteration)
        public void start() {
            simulator = ConnectSimulator.start();
            workflow = factory.apply(HttpClient.newBuilder().connectTimeout(WorkflowBenchmark.CONNECT_TIMEOUT),
                    simulator.baseUri());
            workflow.run(WorkflowBenchmark.INPUTS).checked(getClass().getSimpleName());
            runs.reset();
            simulatorAllocation.begin();
        }

        @TearDown(Level.Iteration)
        public void stop(BenchmarkParams benchmark, IterationParams iteration) {
            simulatorAllocation.record(benchmark.getBenchmark(), iteration.getType(), runs.sum());
            simulator.close();
        }
    }

    @State(Scope.Benchmark)
    public static class HandWritten extends SharedClient {
        public HandWritten() {
            super((client, uri) -> new HandWrittenWorkflow(client.build(), uri));
        }
    }

    @State(Scope.Benchmark)
    public static class ArazzoGenerated extends SharedClient {
        public ArazzoGenerated() {
            super((client, uri) -> new ArazzoGeneratedWorkflow(client.build(), uri));
        }
    }

    @State(Scope.Benchmark)
    public static class OpenApiGenerator extends SharedClient {
        public OpenApiGenerator() {
            super(OpenApiGeneratorWorkflow::new);
        }
    }

    /** (a) the floor: hand-written java.net.http + Jackson. */
    @Benchmark
    public ChatWorkflow.Outputs handWritten(HandWritten state) {
        state.runs.increment();
        return state.workflow.run(WorkflowBenchmark.INPUTS);
    }

    /** The arazzo-codegen generated workflow class. */
    @Benchmark
    public ChatWorkflow.Outputs arazzoGenerated(ArazzoGenerated state) {
        state.runs.increment();
        return state.workflow.run(WorkflowBenchmark.INPUTS);
    }

    /** (b) the workflow hand-wired on openapi-generator's native Java client. */
    @Benchmark
    public ChatWorkflow.Outputs openApiGenerator(OpenApiGenerator state) {
        state.runs.increment();
        return state.workflow.run(WorkflowBenchmark.INPUTS);
    }
}
