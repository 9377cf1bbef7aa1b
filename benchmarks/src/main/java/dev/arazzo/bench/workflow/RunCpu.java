package dev.arazzo.bench.workflow;

import com.example.connect.simulator.ConnectSimulator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * The client-side CPU time of one {@code run()} of the seed workflow, by the three clients of
 * {@link WorkflowBenchmark}, measured the way the client-side allocation is: the CPU time of every thread of the process, the JVM's own GC
 * threads included, minus what the simulator's threads used and what the JIT compilers used, over a block of runs.
 * The threads' times are read from Linux's {@code /proc/self/task/<tid>/schedstat} (nanoseconds, and the JVM's own
 * threads too); elsewhere the process's ({@code OperatingSystemMXBean#getProcessCpuTime}) less the simulator's threads'
 * ({@code ThreadMXBean#getThreadCpuTime}).
 * Wall time on a shared loopback exchange swings with the scheduler; CPU time is the work done, so a few percent
 * show.
 *
 * <p>One process is one fork: the three clients take turns in rounds (the order rotated each round, so that no client
 * always follows the same one), each round a block of {@code runs} workflows on a fresh simulator and
 * {@code HttpClient} (built as in the JMH benchmarks) after a few unmeasured runs that open the connection; the first
 * {@code warmups} rounds are not recorded. With {@code threads > 1} the block's runs are shared by that many threads
 * on one client, as {@link SharedClientBenchmark} does. Taking turns in one JVM pairs the clients under the same
 * machine load; the report compares them round by round and fork by fork.
 *
 * <pre>{@code
 * java -Xms1g -Xmx1g -Dsun.net.httpserver.nodelay=true -cp ... dev.arazzo.bench.workflow.RunCpu \
 *     THREADS WARMUP_ROUNDS ROUNDS RUNS_PER_BLOCK OUT.json
 * }</pre>
 *
 * <p>Written per client and recorded round: client-side CPU nanoseconds per workflow, split into the Java threads
 * outside the simulator (the caller and the {@code HttpClient}'s threads) and the rest (GC, JIT, the VM), the
 * simulator's CPU, the wall time and the bytes the non-simulator Java threads allocated per workflow.
 */
public final class RunCpu {

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.ThreadMXBean ALLOCATION =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Runs on a fresh simulator before the block is measured: the connection is open and the client's state warm. */
    private static final int SETTLE_RUNS = 50;

    /** A client under test: its name in the results and how it is made on an {@code HttpClient} and a base URI. */
    record Subject(String name, BiFunction<HttpClient.Builder, URI, ChatWorkflow> factory) {
    }

    /** The three clients, the floor first; {@code ClientWork} measures the same. */
    static final List<Subject> SUBJECTS = List.of(
            new Subject("handWritten", (client, uri) -> new HandWrittenWorkflow(client.build(), uri)),
            new Subject("arazzoGenerated", (client, uri) -> new ArazzoGeneratedWorkflow(client.build(), uri)),
            new Subject("openApiGenerator", OpenApiGeneratorWorkflow::new));

    /**
     * What one block of runs used, per workflow: {@code clientCpuNanos} is the CPU time of the process's threads less
     * the simulator's and the JIT compilers' (a warm-up cost that a steady state does not pay per run, and which still
     * comes in bursts after the warm-up; {@code cpuNanosByThreads} shows it as {@code jit}); {@code processCpuNanos}
     * the process's own counter, in clock ticks; {@code clientJavaThreadsCpuNanos} and {@code simulatorCpuNanos}
     * from {@code ThreadMXBean}.
     */
    record Block(double clientCpuNanos, double processCpuNanos, double clientJavaThreadsCpuNanos,
            double simulatorCpuNanos, double wallNanos, double clientAllocatedBytes,
            Map<String, Double> cpuNanosByThreads) {
    }

    private RunCpu() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: RunCpu THREADS WARMUP_ROUNDS ROUNDS RUNS_PER_BLOCK OUT.json");
            System.exit(2);
        }
        int threads = Integer.parseInt(args[0]);
        int warmups = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        if (!THREADS.isThreadCpuTimeSupported() || PROCESS.getProcessCpuTime() < 0) {
            throw new IllegalStateException("this JVM measures no thread or process CPU time");
        }
        THREADS.setThreadCpuTimeEnabled(true);
        ThreadPoolExecutor pool = null;
        if (threads > 1) {
            AtomicInteger names = new AtomicInteger();
            pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    task -> {
                        // daemons: a workflow that fails ends the process with the failure, not in a hang
                        Thread runner = new Thread(task, "runcpu-runner-" + names.incrementAndGet());
                        runner.setDaemon(true);
                        return runner;
                    });
            pool.prestartAllCoreThreads();
        }
        Map<String, List<Block>> blocks = new HashMap<>();
        for (int round = 0; round < warmups + rounds; round++) {
            for (int i = 0; i < SUBJECTS.size(); i++) {
                Subject subject = SUBJECTS.get((round + i) % SUBJECTS.size());
                Block block = block(subject, threads, runs, pool);
                if (round >= warmups) {
                    blocks.computeIfAbsent(subject.name(), k -> new ArrayList<>()).add(block);
                }
            }
        }
        if (pool != null) {
            pool.shutdownNow();
        }
        write(out, threads, warmups, rounds, runs, blocks);
    }

    private static Block block(Subject subject, int threads, int runs, ThreadPoolExecutor pool)
            throws InterruptedException, ExecutionException {
        System.gc(); // the clients of earlier blocks go, and every block starts on an empty young generation
        try (ConnectSimulator simulator = ConnectSimulator.start()) {
            ChatWorkflow workflow = subject.factory().apply(
                    HttpClient.newBuilder().connectTimeout(WorkflowBenchmark.CONNECT_TIMEOUT), simulator.baseUri());
            workflow.run(WorkflowBenchmark.INPUTS).checked(subject.name());
            runAll(workflow, threads, SETTLE_RUNS, pool);
            Snapshot start = Snapshot.take();
            runAll(workflow, threads, runs, pool);
            Snapshot end = Snapshot.take();
            return end.since(start, runs);
        }
    }

    private static void runAll(ChatWorkflow workflow, int threads, int runs, ThreadPoolExecutor pool)
            throws InterruptedException, ExecutionException {
        if (pool == null) {
            for (int i = 0; i < runs; i++) {
                workflow.run(WorkflowBenchmark.INPUTS);
            }
            return;
        }
        AtomicInteger left = new AtomicInteger(runs);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    workflow.run(WorkflowBenchmark.INPUTS);
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
    }

    /** One native thread: its kind and the CPU nanoseconds it has used. */
    private record Task(String kind, long cpuNanos) {
    }

    /** The process's CPU time and each live thread's CPU time and allocated bytes, at one moment. */
    private record Snapshot(long wallNanos, long processCpuNanos, Map<Long, long[]> threads,
            Map<String, Task> tasks) {

        static Snapshot take() {
            Map<Long, long[]> threads = new HashMap<>();
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                long id = thread.getId();
                long cpu = THREADS.getThreadCpuTime(id);
                long allocated = ALLOCATION.getThreadAllocatedBytes(id);
                if (cpu >= 0) {
                    threads.put(id, new long[] {cpu, allocated, isSimulatorThread(thread) ? 1 : 0});
                }
            }
            return new Snapshot(System.nanoTime(), PROCESS.getProcessCpuTime(), threads, readTasks());
        }

        /**
         * The kind ({@link #kind}) and CPU nanoseconds of every thread of the process, the JVM's own included, by
         * native thread id, from Linux's {@code /proc/self/task/<tid>/schedstat}; empty elsewhere.
         */
        private static Map<String, Task> readTasks() {
            Map<String, Task> tasks = new HashMap<>();
            try (var list = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : list.toList()) {
                    try {
                        String name = Files.readString(task.resolve("comm")).strip();
                        String schedstat = Files.readString(task.resolve("schedstat")).strip();
                        tasks.put(task.getFileName().toString(),
                                new Task(kind(name), Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')))));
                    } catch (IOException | RuntimeException e) {
                        // the thread ended while being read
                    }
                }
            } catch (IOException | RuntimeException e) {
                return Map.of();
            }
            return tasks;
        }

        /** The kind of a thread by its native name, which Linux cuts to 15 characters. */
        private static String kind(String name) {
            if (name.equals("java") || name.startsWith("runcpu-runner")) {
                return "caller";
            } else if (name.startsWith("HttpClient-")) {
                return "httpClient";
            } else if (name.startsWith("connect-simulat") || name.startsWith("HTTP-Dispatche")) {
                return "simulator";
            } else if (name.contains("CompilerThre")) {
                return "jit";
            } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                return "gc";
            }
            return "otherJvm";
        }

        /**
         * Per workflow since {@code start}. A thread started since counts from 0; one that ended since is lost from
         * the per-thread sums (the process's CPU keeps it), which the block's few seconds make unlikely: the
         * simulator's and the {@code HttpClient}'s pools keep an idle thread for a minute.
         */
        Block since(Snapshot start, int runs) {
            long simulatorCpu = 0;
            long clientThreadsCpu = 0;
            long clientAllocated = 0;
            for (Map.Entry<Long, long[]> thread : threads.entrySet()) {
                long[] now = thread.getValue();
                long[] before = start.threads().getOrDefault(thread.getKey(), new long[] {0, 0, now[2]});
                if (now[2] == 1) {
                    simulatorCpu += now[0] - before[0];
                } else {
                    clientThreadsCpu += now[0] - before[0];
                    clientAllocated += now[1] - before[1];
                }
            }
            long processCpu = processCpuNanos - start.processCpuNanos();
            Map<String, Double> kinds = new TreeMap<>();
            tasks.forEach((tid, task) -> {
                Task before = start.tasks().get(tid);
                long nanos = task.cpuNanos() - (before == null ? 0 : before.cpuNanos());
                kinds.merge(task.kind(), (double) nanos / runs, Double::sum);
            });
            // Linux counts each thread's CPU in nanoseconds, the process's in clock ticks (10 ms): where the threads
            // are read, their sum is the process's CPU time
            double clientCpu = kinds.isEmpty() ? (double) (processCpu - simulatorCpu) / runs
                    : kinds.values().stream().mapToDouble(Double::doubleValue).sum()
                            - kinds.getOrDefault("simulator", 0.0) - kinds.getOrDefault("jit", 0.0);
            return new Block(clientCpu, (double) processCpu / runs, (double) clientThreadsCpu / runs,
                    (double) simulatorCpu / runs, (double) (wallNanos - start.wallNanos()) / runs,
                    (double) clientAllocated / runs, kinds);
        }
    }

    private static boolean isSimulatorThread(Thread thread) {
        String name = thread.getName();
        return name.startsWith("connect-simulator-") || name.equals("HTTP-Dispatcher");
    }

    private static void write(Path out, int threads, int warmups, int rounds, int runs, Map<String, List<Block>> blocks)
            throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("threads", threads);
        root.put("warmupRounds", warmups);
        root.put("rounds", rounds);
        root.put("runsPerBlock", runs);
        root.put("loadAverage", loadAverage());
        ObjectNode clients = root.putObject("clients");
        for (Subject subject : SUBJECTS) {
            ArrayNode rows = clients.putArray(subject.name());
            for (Block block : blocks.getOrDefault(subject.name(), List.of())) {
                rows.addPOJO(block);
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        json.writeValue(out.toFile(), root);
        System.out.printf("[runcpu] %d thread(s), %d rounds of %d runs per client:%n", threads, rounds, runs);
        for (Subject subject : SUBJECTS) {
            List<Block> list = blocks.getOrDefault(subject.name(), List.of());
            double cpu = list.stream().mapToDouble(Block::clientCpuNanos).average().orElse(Double.NaN);
            double javaThreads = list.stream().mapToDouble(Block::clientJavaThreadsCpuNanos).average()
                    .orElse(Double.NaN);
            double wall = list.stream().mapToDouble(Block::wallNanos).average().orElse(Double.NaN);
            double bytes = list.stream().mapToDouble(Block::clientAllocatedBytes).average().orElse(Double.NaN);
            System.out.printf("[runcpu]   %-16s client CPU %7.1f us (Java threads %7.1f us), wall %7.1f us, "
                    + "allocated %6.1f KB%n", subject.name(), cpu / 1e3, javaThreads / 1e3, wall / 1e3, bytes / 1024);
        }
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
