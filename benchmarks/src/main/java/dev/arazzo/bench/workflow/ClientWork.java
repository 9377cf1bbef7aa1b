package dev.arazzo.bench.workflow;

import com.example.connect.simulator.ConnectSimulator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The clients' own CPU time and allocation per run of the seed workflow, with the HTTP exchange answered in memory
 * ({@link ReplayHttpClient}): what each client does around {@code HttpClient.send}, the part in which they differ.
 *
 * <p>This machine's speed drifts by a third from one second to the next (a shared virtual machine), more than the
 * 2% asked about, so the clients are not measured in blocks of seconds but in slices of {@code SLICE} runs that
 * take turns (the floor, the generated client, openapi-generator's, the order rotated every turn), each slice
 * timed by its thread's own CPU clock ({@code ThreadMXBean#getCurrentThreadCpuTime}) and counted in bytes
 * ({@code getThreadAllocatedBytes}). A drift slower than a turn (a few milliseconds) then falls on every client
 * alike. Each of {@code THREADS} threads takes turns on its own, all on the same three workflow objects; the
 * totals are summed over the threads. The first {@code WARMUP_SECONDS} are not counted.
 *
 * <pre>{@code
 * java -Xms1g -Xmx1g -cp ... dev.arazzo.bench.workflow.ClientWork THREADS WARMUP_SECONDS SECONDS OUT.json
 * }</pre>
 *
 * <p>Written per client: CPU nanoseconds and bytes per workflow, and per second of the measurement (as a thread's
 * turns in that second) the CPU ratio to the floor, from which the report takes the spread.
 */
public final class ClientWork {

    /** Runs per slice: about a millisecond of work. */
    static final int SLICE = 64;

    private static final com.sun.management.ThreadMXBean THREAD =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static final List<RunCpu.Subject> SUBJECTS = RunCpu.SUBJECTS;

    /** The clients' names, in {@link RunCpu#SUBJECTS}' order: the floor first. */
    static final List<String> NAMES = SUBJECTS.stream().map(RunCpu.Subject::name).toList();

    /** One thread's totals: per client CPU nanoseconds, bytes and runs, and per second the clients' CPU. */
    private static final class Totals {
        final long[] cpu = new long[SUBJECTS.size()];
        final long[] bytes = new long[SUBJECTS.size()];
        final long[] runs = new long[SUBJECTS.size()];
        final List<long[]> seconds = new ArrayList<>();
    }

    private ClientWork() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ClientWork THREADS WARMUP_SECONDS SECONDS OUT.json");
            System.exit(2);
        }
        int threads = Integer.parseInt(args[0]);
        long warmupNanos = (long) (Double.parseDouble(args[1]) * 1e9);
        long measureNanos = (long) (Double.parseDouble(args[2]) * 1e9);
        Path out = Path.of(args[3]);
        THREAD.setThreadCpuTimeEnabled(true);
        THREAD.setThreadAllocatedMemoryEnabled(true);
        List<ChatWorkflow> workflows = new ArrayList<>();
        try (ConnectSimulator simulator = ConnectSimulator.start()) {
            for (RunCpu.Subject subject : SUBJECTS) {
                ChatWorkflow workflow = subject.factory().apply(ReplayHttpClient.builder(
                        HttpClient.newBuilder().connectTimeout(WorkflowBenchmark.CONNECT_TIMEOUT)), simulator.baseUri());
                workflow.run(WorkflowBenchmark.INPUTS).checked(subject.name());
                workflows.add(workflow);
            }
        } // closed: a request the recording run did not make fails instead of being measured
        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long end = measureFrom + measureNanos;
        List<Totals> totals = new ArrayList<>();
        List<Thread> runners = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Totals mine = new Totals();
            totals.add(mine);
            int offset = t;
            Thread runner = new Thread(() -> {
                try {
                    turns(workflows, mine, offset, measureFrom, end);
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            }, "clientwork-" + t);
            runner.setDaemon(true);
            runners.add(runner);
        }
        runners.forEach(Thread::start);
        done.await();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a run failed", failures.get(0));
        }
        write(out, threads, warmupNanos, measureNanos, totals);
    }

    private static void turns(List<ChatWorkflow> workflows, Totals totals, int offset, long measureFrom, long end) {
        long second = measureFrom;
        long[] thisSecond = new long[workflows.size()];
        for (int turn = offset; ; turn++) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            boolean measured = now >= measureFrom;
            if (measured && now - second >= 1_000_000_000L) {
                totals.seconds.add(thisSecond);
                thisSecond = new long[workflows.size()];
                second = now;
            }
            for (int i = 0; i < workflows.size(); i++) {
                int client = (turn + i) % workflows.size();
                ChatWorkflow workflow = workflows.get(client);
                long cpu = THREAD.getCurrentThreadCpuTime();
                long bytes = THREAD.getCurrentThreadAllocatedBytes();
                for (int run = 0; run < SLICE; run++) {
                    workflow.run(WorkflowBenchmark.INPUTS);
                }
                long used = THREAD.getCurrentThreadCpuTime() - cpu;
                long allocated = THREAD.getCurrentThreadAllocatedBytes() - bytes;
                if (measured) {
                    totals.cpu[client] += used;
                    totals.bytes[client] += allocated;
                    totals.runs[client] += SLICE;
                    thisSecond[client] += used;
                }
            }
        }
    }

    private static void write(Path out, int threads, long warmupNanos, long measureNanos, List<Totals> totals)
            throws java.io.IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("threads", threads);
        root.put("warmupSeconds", warmupNanos / 1e9);
        root.put("seconds", measureNanos / 1e9);
        root.put("slice", SLICE);
        root.put("loadAverage", RunCpu.loadAverage());
        ObjectNode clients = root.putObject("clients");
        long[] cpu = new long[NAMES.size()];
        long[] bytes = new long[NAMES.size()];
        long[] runs = new long[NAMES.size()];
        for (Totals thread : totals) {
            for (int i = 0; i < NAMES.size(); i++) {
                cpu[i] += thread.cpu[i];
                bytes[i] += thread.bytes[i];
                runs[i] += thread.runs[i];
            }
        }
        for (int i = 0; i < NAMES.size(); i++) {
            ObjectNode client = clients.putObject(NAMES.get(i));
            client.put("runs", runs[i]);
            client.put("cpuNanosPerRun", (double) cpu[i] / runs[i]);
            client.put("bytesPerRun", (double) bytes[i] / runs[i]);
            // the ratio to the floor second by second, over all threads' turns in that second
            var ratios = client.putArray("cpuRatioBySecond");
            int seconds = totals.stream().mapToInt(t -> t.seconds.size()).min().orElse(0);
            for (int s = 0; s < seconds; s++) {
                long mine = 0;
                long floor = 0;
                for (Totals thread : totals) {
                    mine += thread.seconds.get(s)[i];
                    floor += thread.seconds.get(s)[0];
                }
                ratios.add(floor == 0 ? Double.NaN : (double) mine / floor);
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        json.writeValue(out.toFile(), root);
        System.out.printf("[clientwork] %d thread(s), %.0f s, slices of %d runs taking turns, exchanges replayed:%n",
                threads, measureNanos / 1e9, SLICE);
        for (int i = 0; i < NAMES.size(); i++) {
            System.out.printf("[clientwork]   %-16s CPU %7.2f us, allocated %6.2f KB per run; %.3fx the floor's CPU%n",
                    NAMES.get(i), cpu[i] / 1e3 / runs[i], bytes[i] / 1024.0 / runs[i],
                    ((double) cpu[i] / runs[i]) / ((double) cpu[0] / runs[0]));
        }
    }
}
