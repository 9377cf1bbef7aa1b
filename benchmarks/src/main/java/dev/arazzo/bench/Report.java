package dev.arazzo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns the results of a benchmark run ({@link Bench}: JMH's JSON, the simulator's share of allocation, the
 * client-side CPU time of {@code RunCpu}, the generation and build harnesses' JSON, the processes' wall time and
 * peak RSS) into the Markdown tables of the README's "Benchmarks" section, written to {@code benchmarks.md} beside
 * them and printed. A part that did not run ({@code -Dbench.only}) has no table.
 *
 * <pre>{@code
 * java -cp ... dev.arazzo.bench.Report target/bench-results
 * }</pre>
 */
public final class Report {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] CLIENTS = {
        {"handWritten", "(a) hand-written java.net.http + Jackson"},
        {"arazzoGenerated", "arazzo-codegen `StartChatAndSetAttributesWorkflow`"},
        {"openApiGenerator", "(b) openapi-generator `native` client, wired by hand"}};

    private final Path results;
    private final List<String> out = new ArrayList<>();

    private Report(Path results) {
        this.results = results;
    }

    public static void main(String[] args) throws IOException {
        Report report = new Report(Path.of(args[0]));
        report.write();
        String text = String.join("\n", report.out) + "\n";
        Files.writeString(report.results.resolve("benchmarks.md"), text);
        System.out.print(text);
    }

    private void write() throws IOException {
        JsonNode run = read("run.json");
        add("Measured with `%s` on %d cores (%s, %s); load average (1, 5, 15 min) %s at the start, %s at the end%s.",
                run.path("command").asText("mvn -B -Pbenchmarks verify"), run.path("cores").asInt(),
                run.path("java").asText(), run.path("os").asText(), run.path("loadAverageAtStart").asText(),
                run.path("loadAverageAtEnd").asText(),
                run.path("loadAverages").isEmpty() ? "" : " (" + String.join(", ", texts(run.path("loadAverages"))) + ")");
        if (!run.path("retries").isEmpty()) {
            add("Failed and run again (a part that failed twice has no table): %s.",
                    String.join("; ", texts(run.path("retries"))));
        }
        String resent = resentRequests();
        if (!resent.isEmpty()) {
            add("Requests the JDK's HTTP client sent again, once each, after its connection pool's race ended the "
                    + "exchange (JDK-8338569; the benchmark JVMs set `jdk.httpclient.enableAllMethodRetry`, so that "
                    + "a PUT or POST is retried as a GET is), by process: %s.", resent);
        }
        if (run.has("githubOpenApi")) {
            add("GitHub's OpenAPI: %s.", run.path("githubOpenApi").asText());
        }
        add("");
        jmh();
        clientWork();
        generation();
        curves();
        builds();
    }

    private void jmh() throws IOException {
        JsonNode single = read("jmh.json");
        Map<String, Cpu> cpu = runCpu(1);
        String cpuHeader = cpu.isEmpty() ? "" : " client-side CPU per workflow | vs (a): mean [95% interval] |";
        String cpuRule = cpu.isEmpty() ? "" : "---:|---:|";
        if (!single.isMissingNode()) {
            Map<String, JsonNode> runs = byMethod(single);
            Map<String, Long> simulator = simulatorBytes(results.resolve("simulator-allocation.txt"));
            JsonNode floor = runs.get("handWritten");
            add("JMH %s, %d fork(s) x %d x %s warm-up + %d x %s measurement per client, `-prof gc`. One `run()` of the "
                            + "seed workflow (3 HTTP calls) against the in-process simulator on 127.0.0.1, one thread:",
                    floor.path("jmhVersion").asText(), floor.path("forks").asInt(), floor.path("warmupIterations").asInt(),
                    floor.path("warmupTime").asText(), floor.path("measurementIterations").asInt(),
                    floor.path("measurementTime").asText());
            add("");
            add("| client | time per workflow | vs (a) | allocation per workflow (whole JVM) | vs (a) "
                    + "| of which client side | vs (a) |" + cpuHeader);
            add("|---|---:|---:|---:|---:|---:|---:|" + cpuRule);
            clientRows(runs, simulator, "%.0f ± %.0f µs", cpu);
            add("");
        } else if (!cpu.isEmpty()) {
            add("One `run()` of the seed workflow (3 HTTP calls) against the in-process simulator on 127.0.0.1, one "
                    + "thread:");
            add("");
            add("| client |" + cpuHeader);
            add("|---|" + cpuRule);
            cpuRows(cpu);
            add("");
        }
        JsonNode threads = read("jmh-threads.json");
        Map<String, Cpu> cpuThreads = runCpu(32);
        cpuHeader = cpuThreads.isEmpty() ? "" : " client-side CPU per workflow | vs (a): mean [95% interval] |";
        cpuRule = cpuThreads.isEmpty() ? "" : "---:|---:|";
        if (!threads.isMissingNode()) {
            Map<String, JsonNode> runs = byMethod(threads);
            Map<String, Long> simulator = simulatorBytes(results.resolve("simulator-allocation-threads.txt"));
            JsonNode floor = runs.get("handWritten");
            add("The same under %d threads sharing one client (one workflow object on one `HttpClient`), %d fork(s) x "
                            + "%d x %s warm-up + %d x %s measurement, throughput:",
                    floor.path("threads").asInt(), floor.path("forks").asInt(), floor.path("warmupIterations").asInt(),
                    floor.path("warmupTime").asText(), floor.path("measurementIterations").asInt(),
                    floor.path("measurementTime").asText());
            add("");
            add("| client | workflows per second | vs (a) | allocation per workflow (whole JVM) | vs (a) "
                    + "| of which client side | vs (a) |" + cpuHeader);
            add("|---|---:|---:|---:|---:|---:|---:|" + cpuRule);
            clientRows(runs, simulator, "%.0f ± %.0f /s", cpuThreads);
            add("");
        } else if (!cpuThreads.isEmpty()) {
            add("The same under 32 threads sharing one client (one workflow object on one `HttpClient`):");
            add("");
            add("| client |" + cpuHeader);
            add("|---|" + cpuRule);
            cpuRows(cpuThreads);
            add("");
        }
        if (!cpu.isEmpty() || !cpuThreads.isEmpty()) {
            Cpu any = cpu.isEmpty() ? cpuThreads.get("handWritten") : cpu.get("handWritten");
            add("Client-side CPU per workflow (`RunCpu`): the CPU time of every thread of the process "
                            + "(`/proc/self/task/<tid>/schedstat`) less the simulator's threads' and the JIT compilers', "
                            + "in %d process(es) per thread count, each %d rounds after %s of warm-up, a round being a "
                            + "block of %d workflows per client on a fresh simulator and `HttpClient`, the clients "
                            + "taking turns; per process the median over rounds, then the mean ± the standard deviation "
                            + "over the processes (vs (a): of each block against the floor's block of the same round, "
                            + "the mean over the processes and its 95%% Student-t confidence interval, the processes "
                            + "being the independent samples; the target 1.02x is met when the whole interval is at "
                            + "or under it; "
                            + "load average at the processes' ends %s).",
                    any.forks(), any.rounds(), warmups(cpu, cpuThreads), any.runs(), String.join(", ", any.loads()));
            add("");
            // the HttpClient's own threads do the same work for every client and add variance: shown apart
            add("Of that, the calling threads' and the `HttpClient`'s threads' CPU per workflow (mean over the "
                    + "processes of each one's median block): %s.", threadSplit(cpu, "one thread") + (cpu.isEmpty()
                            || cpuThreads.isEmpty() ? "" : "; ") + threadSplit(cpuThreads, "32 threads"));
            add("");
        }
    }

    /**
     * The results {@code <prefix>1.json}, {@code <prefix>2.json} and on, one per process, up to the first missing;
     * empty when the part did not run.
     */
    private List<JsonNode> forks(String prefix) throws IOException {
        List<JsonNode> forks = new ArrayList<>();
        for (int fork = 1; ; fork++) {
            JsonNode node = read(prefix + fork + ".json");
            if (node.isMissingNode()) {
                return forks;
            }
            forks.add(node);
        }
    }

    private void clientWork() throws IOException {
        List<JsonNode> one = forks("clientwork-1-");
        List<JsonNode> many = forks("clientwork-32-");
        if (one.isEmpty() && many.isEmpty()) {
            return;
        }
        JsonNode any = one.isEmpty() ? many.get(0) : one.get(0);
        List<String> loads = new ArrayList<>();
        one.forEach(fork -> loads.add(fork.path("loadAverage").asText()));
        many.forEach(fork -> loads.add(fork.path("loadAverage").asText()));
        add("The clients' own work per workflow (`ClientWork`): each client's `HttpClient` sends each of the three "
                        + "requests once to the simulator and answers it in memory from then on, so that what is "
                        + "measured is what the client does around `HttpClient.send` (the part in which the clients "
                        + "differ) without the loopback exchange. The clients take turns in slices of %d runs, each "
                        + "timed by its thread's CPU clock and counted in bytes, for %.0f s after %.0f s of warm-up; "
                        + "%d process(es) per thread count, the mean ± the standard deviation over them (vs (a): the "
                        + "ratio of each process's totals to the floor's, its mean and 95%% Student-t interval; load "
                        + "average at the processes' ends %s):",
                any.path("slice").asInt(), any.path("seconds").asDouble(), any.path("warmupSeconds").asDouble(),
                Math.max(one.size(), many.size()), String.join(", ", loads));
        add("");
        add("| client | one thread: CPU per workflow | vs (a) | allocated | vs (a) | 32 threads: CPU per workflow "
                + "| vs (a) | allocated | vs (a) |");
        add("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String[] row : CLIENTS) {
            add("| %s |%s%s", row[1], clientWorkCells(one, row[0]), clientWorkCells(many, row[0]));
        }
        add("");
    }

    /** A client's CPU and allocation per workflow over {@code forks}, and their ratios to the floor's. */
    private static String clientWorkCells(List<JsonNode> forks, String client) {
        List<Double> micros = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> kilobytes = new ArrayList<>();
        List<Double> byteRatios = new ArrayList<>();
        for (JsonNode fork : forks) {
            JsonNode mine = fork.at("/clients/" + client);
            JsonNode floor = fork.at("/clients/handWritten");
            if (mine.isMissingNode() || floor.isMissingNode()) {
                continue;
            }
            micros.add(mine.path("cpuNanosPerRun").asDouble() / 1000);
            ratios.add(mine.path("cpuNanosPerRun").asDouble() / floor.path("cpuNanosPerRun").asDouble());
            kilobytes.add(mine.path("bytesPerRun").asDouble() / 1024);
            byteRatios.add(mine.path("bytesPerRun").asDouble() / floor.path("bytesPerRun").asDouble());
        }
        if (micros.isEmpty()) {
            return " | | | |";
        }
        String cpu = String.format(Locale.ROOT, " %.2f ± %.2f µs |", mean(micros), deviation(micros));
        String allocated = String.format(Locale.ROOT, " %.2f KB |", mean(kilobytes));
        if (client.equals("handWritten")) {
            return cpu + " 1.000 (the floor) |" + allocated + " 1.000 |";
        }
        double ratio = mean(ratios);
        double half = halfInterval(deviation(ratios), ratios.size());
        return cpu + String.format(Locale.ROOT, " %.3f [%.3f, %.3f] %s |", ratio, ratio - half, ratio + half,
                verdict(ratio - half, ratio + half)) + allocated + String.format(Locale.ROOT, " %.3f |",
                mean(byteRatios));
    }

    private void clientRows(Map<String, JsonNode> runs, Map<String, Long> simulator, String scoreFormat,
            Map<String, Cpu> cpu) {
        JsonNode floor = runs.get("handWritten");
        double floorScore = floor.at("/primaryMetric/score").asDouble();
        double floorAlloc = alloc(floor);
        double floorClient = floorAlloc - simulator.getOrDefault("handWritten", 0L);
        for (String[] row : CLIENTS) {
            JsonNode client = runs.get(row[0]);
            if (client == null) {
                continue;
            }
            double score = client.at("/primaryMetric/score").asDouble();
            double error = client.at("/primaryMetric/scoreError").asDouble();
            double alloc = alloc(client);
            double clientSide = alloc - simulator.getOrDefault(row[0], 0L);
            add("| %s | " + scoreFormat + " | %.3f | %.1f KB | %.3f | %.1f KB | %.3f |%s", row[1], score,
                    Double.isNaN(error) ? 0 : error, score / floorScore, alloc / 1024, alloc / floorAlloc,
                    clientSide / 1024, clientSide / floorClient, cpuCells(cpu.get(row[0]), row[0]));
        }
    }

    private void cpuRows(Map<String, Cpu> cpu) {
        for (String[] row : CLIENTS) {
            if (cpu.containsKey(row[0])) {
                add("| %s |%s", row[1], cpuCells(cpu.get(row[0]), row[0]));
            }
        }
    }

    /** The ratio to the floor: mean, the 95% interval of that mean over the processes, and the verdict on 1.02x. */
    private static String cpuCells(Cpu cpu, String client) {
        if (cpu == null) {
            return "";
        }
        if (client.equals("handWritten")) {
            return String.format(Locale.ROOT, " %.1f ± %.1f µs | 1.000 (the floor) |", cpu.micros(),
                    cpu.microsDeviation());
        }
        double half = halfInterval(cpu.ratioDeviation(), cpu.forks());
        return String.format(Locale.ROOT, " %.1f ± %.1f µs | %.3f [%.3f, %.3f] %s |", cpu.micros(),
                cpu.microsDeviation(), cpu.ratio(), cpu.ratio() - half, cpu.ratio() + half,
                verdict(cpu.ratio() - half, cpu.ratio() + half));
    }

    private static String threadSplit(Map<String, Cpu> cpu, String label) {
        List<String> parts = new ArrayList<>();
        for (String[] row : CLIENTS) {
            Cpu client = cpu.get(row[0]);
            if (client != null) {
                parts.add(String.format(Locale.ROOT, "%s caller %.1f µs, HttpClient %.1f µs", row[0],
                        client.callerMicros(), client.httpClientMicros()));
            }
        }
        return parts.isEmpty() ? "" : label + ": " + String.join(", ", parts);
    }

    /** The target for {@code run()}'s time against the floor. */
    static final double TARGET_RATIO = 1.02;

    /** Against {@link #TARGET_RATIO}: met when the whole interval is at or under it, missed when it is all above. */
    static String verdict(double low, double high) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return "(one process: no interval)";
        } else if (high <= TARGET_RATIO) {
            return "≤ 1.02x: yes";
        } else if (low > TARGET_RATIO) {
            return "≤ 1.02x: no";
        }
        return "≤ 1.02x: not shown";
    }

    /** Student's t, two-sided 95%, by degrees of freedom 1 to 30; past 30 the normal's 1.96 is within 2%. */
    private static final double[] T95 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
        2.056, 2.052, 2.048, 2.045, 2.042};

    /**
     * Half the width of the 95% confidence interval of a mean of {@code n} independent values (the processes: each
     * JVM makes its own JIT decisions, so the blocks within one are not independent of each other) with sample
     * standard deviation {@code deviation}; NaN for fewer than two.
     */
    static double halfInterval(double deviation, int n) {
        if (n < 2) {
            return Double.NaN;
        }
        double t = n - 1 <= T95.length ? T95[n - 2] : 1.96;
        return t * deviation / Math.sqrt(n);
    }

    /**
     * A client's CPU per workflow over the {@code RunCpu} processes: mean and standard deviation over the processes of
     * each process's median over its rounds, of the microseconds and of the ratio to the floor's block of the round.
     */
    private record Cpu(double micros, double microsDeviation, double ratio, double ratioDeviation, int forks,
            int rounds, int warmups, int runs, List<String> loads, double callerMicros, double httpClientMicros) {
    }

    /** The {@code RunCpu} results for {@code threads}, by client; empty when that part did not run. */
    private Map<String, Cpu> runCpu(int threads) throws IOException {
        List<JsonNode> forks = forks("runcpu-" + threads + "-");
        Map<String, Cpu> cpu = new HashMap<>();
        if (forks.isEmpty()) {
            return cpu;
        }
        List<String> loads = new ArrayList<>();
        forks.forEach(fork -> loads.add(fork.path("loadAverage").asText()));
        for (String[] row : CLIENTS) {
            List<Double> micros = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            List<Double> callers = new ArrayList<>();
            List<Double> httpClients = new ArrayList<>();
            for (JsonNode fork : forks) {
                JsonNode blocks = fork.at("/clients/" + row[0]);
                JsonNode floorBlocks = fork.at("/clients/handWritten");
                List<Double> values = new ArrayList<>();
                List<Double> paired = new ArrayList<>();
                List<Double> caller = new ArrayList<>();
                List<Double> httpClient = new ArrayList<>();
                for (int i = 0; i < blocks.size(); i++) {
                    caller.add(blocks.get(i).at("/cpuNanosByThreads/caller").asDouble() / 1000);
                    httpClient.add(blocks.get(i).at("/cpuNanosByThreads/httpClient").asDouble() / 1000);
                    double value = blocks.get(i).path("clientCpuNanos").asDouble();
                    values.add(value / 1000);
                    paired.add(value / floorBlocks.get(i).path("clientCpuNanos").asDouble());
                }
                if (!values.isEmpty()) {
                    micros.add(median(values));
                    ratios.add(median(paired));
                    callers.add(median(caller));
                    httpClients.add(median(httpClient));
                }
            }
            if (!micros.isEmpty()) {
                JsonNode first = forks.get(0);
                cpu.put(row[0], new Cpu(mean(micros), deviation(micros), mean(ratios), deviation(ratios), micros.size(),
                        first.path("rounds").asInt(), first.path("warmupRounds").asInt(),
                        first.path("runsPerBlock").asInt(), loads, mean(callers), mean(httpClients)));
            }
        }
        return cpu;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The sample standard deviation; 0 for one value. */
    private static double deviation(List<Double> values) {
        if (values.size() < 2) {
            return 0;
        }
        double mean = mean(values);
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.size() - 1));
    }

    private void generation() throws IOException {
        JsonNode corpus = read("generation-corpus.json");
        JsonNode seed = read("generation-seed.json");
        if (corpus.isMissingNode() && seed.isMissingNode()) {
            return;
        }
        add("Generation in one JVM (`-Xmx1g`; the first pass in a fresh JVM, then the median of 5 after 3):");
        add("");
        add("| what | first run (cold JVM) | warm (median) | peak heap used | peak RSS | allocated (first run) |");
        add("|---|---:|---:|---:|---:|---:|");
        if (!corpus.isMissingNode()) {
            JsonNode diagnostics = corpus.path("diagnostics");
            add("| corpus: %d cases, %d Arazzo documents (%d error and %d warning diagnostics, errors in %d cases) "
                            + "| %.0f ms | %.0f ms | %d MiB | %d MiB | %d MB |",
                    corpus.path("cases").asInt(), corpus.path("documents").asInt(), diagnostics.path("errors").asInt(),
                    diagnostics.path("warnings").asInt(), diagnostics.path("casesWithErrors").asInt(),
                    corpus.path("firstPassMillis").asDouble(), corpus.path("warmPassMedianMillis").asDouble(),
                    corpus.path("peakHeapUsedBytes").asLong() >> 20, corpus.path("peakRssBytes").asLong() >> 20,
                    corpus.path("firstPassAllocatedBytes").asLong() / 1_000_000);
        }
        if (!seed.isMissingNode()) {
            add("| seed alone | %.0f ms | %.1f ms | %d MiB | %d MiB | %d MB |",
                    seed.path("firstPassMillis").asDouble(), seed.path("warmPassMedianMillis").asDouble(),
                    seed.path("peakHeapUsedBytes").asLong() >> 20, seed.path("peakRssBytes").asLong() >> 20,
                    seed.path("firstPassAllocatedBytes").asLong() / 1_000_000);
        }
        add("");
    }

    private void curves() throws IOException {
        List<String> rows = new ArrayList<>();
        String[][] specs = {
            {"seed", "the seed's OpenAPI (`amazon-connect-openapi.yml`)"},
            {"discord", "`jentic-discord` (`discord.openapi.json`)"},
            {"github", "GitHub's REST API (`api.github.com.json`)"}};
        for (String[] spec : specs) {
            for (String n : new String[] {"1", "10", "100"}) {
                String id = "curve-" + spec[0] + "-" + n;
                JsonNode curve = read(id + ".json");
                if (curve.isMissingNode()) {
                    continue;
                }
                long[] process = process(id);
                JsonNode diagnostics = curve.path("diagnostics");
                String problems = diagnostics.path("errors").asInt() == 0 ? ""
                        : String.format(Locale.ROOT, " (%d errors)", diagnostics.path("errors").asInt());
                rows.add(String.format(Locale.ROOT,
                        "| %s, %s | %d%s | %.0f ms | %.0f ms | %d MiB | %d MB | %.2f s | %d MiB |",
                        spec[1], size(curve.path("openapiBytes").asLong(-1), spec[0]), curve.path("workflows").asInt(),
                        problems, curve.path("firstPassMillis").asDouble(), curve.path("warmPassMedianMillis").asDouble(),
                        curve.path("peakHeapUsedBytes").asLong() >> 20,
                        curve.path("firstPassAllocatedBytes").asLong() / 1_000_000, process[0] / 1000.0,
                        process[1] >> 20));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        add("Curves: 1, 10 and 100 copies of one workflow over the same OpenAPI, one document, a fresh JVM each "
                + "(`-Xmx1g`; first pass, then the median of 3 after 1; the process: the whole JVM, from start to exit, "
                + "with its peak RSS):");
        add("");
        add("| OpenAPI | workflows | first pass | warm (median) | peak heap used | allocated (first pass) "
                + "| whole process | peak RSS |");
        add("|---|---:|---:|---:|---:|---:|---:|---:|");
        out.addAll(rows);
        add("");
    }

    private void builds() throws IOException {
        JsonNode builds = read("builds.json");
        if (!builds.isMissingNode()) {
            JsonNode generation = builds.path("seedGeneration");
            JsonNode rebuild = builds.path("noOpRebuild");
            add("| in one Maven build, the seed (plugin execution, median of %d clean builds) | clean build "
                    + "| nothing changed |", generation.path("runs").asInt());
            add("|---|---:|---:|");
            add("| arazzo-maven-plugin, %d file(s) | %d ms | %d ms |", generation.path("arazzoFiles").asInt(),
                    generation.path("arazzoPluginMedianMillis").asLong(),
                    generation.path("arazzoPluginUnchangedMillis").asLong());
            add("| openapi-generator-maven-plugin (java, native), %d files | %d ms | %d ms |",
                    generation.path("openApiGeneratorFiles").asInt(),
                    generation.path("openApiGeneratorPluginMedianMillis").asLong(),
                    generation.path("openApiGeneratorPluginUnchangedMillis").asLong());
            add("");
            add("No-op rebuild of the sample (`mvn compile` twice): the plugin's execution took %d ms in the first "
                            + "(generating), %d ms in the second, which logged \"%s\" (whole builds: %.1f s and %.1f s).",
                    rebuild.path("firstCompilePluginMillis").asLong(), rebuild.path("secondCompilePluginMillis").asLong(),
                    rebuild.path("secondCompileUpToDate").asText(),
                    rebuild.path("firstCompileWallMillis").asLong() / 1000.0,
                    rebuild.path("secondCompileWallMillis").asLong() / 1000.0);
            add("");
        }
        List<String> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int runs = 0;
        for (String[] kind : new String[][] {{"seed", "the seed"}, {"github", "GitHub, five steps"}}) {
            JsonNode node = read("builds-" + kind[0] + ".json");
            if (node.isMissingNode()) {
                continue;
            }
            runs = node.path("runs").asInt();
            // a clean build is held against the floor's `clean validate`, a build with nothing changed against its
            // `validate`: each against the same lifecycle with nothing of ours in it
            long cleanFloor = node.at("/floor/cleanMedianMillis").asLong();
            long floor = node.at("/floor/unchangedMedianMillis").asLong();
            JsonNode arazzo = node.path("arazzo");
            JsonNode openapi = node.path("openApiGenerator");
            long arazzoWork = arazzo.path("cleanMedianMillis").asLong() - cleanFloor;
            long openapiWork = openapi.path("cleanMedianMillis").asLong() - cleanFloor;
            rows.add(String.format(Locale.ROOT, "| %s | Maven's floor: `validate`, empty pom | %.2f s | | | %d MiB | |",
                    kind[1], floor / 1000.0, node.at("/floor/unchangedMaxRssBytes").asLong() >> 20));
            rows.add(String.format(Locale.ROOT, "| %s | Maven's floor: `clean validate` (a no-op plugin: "
                            + "maven-clean-plugin with nothing to delete) | %.2f s | %.2f s | `validate` | %d MiB | |",
                    kind[1], cleanFloor / 1000.0, (cleanFloor - floor) / 1000.0,
                    node.at("/floor/cleanMaxRssBytes").asLong() >> 20));
            rows.add(String.format(Locale.ROOT, "| %s | arazzo-maven-plugin, %d file(s): clean | %.2f s | %.2f s "
                            + "| `clean validate` | %d MiB | %.2fx |", kind[1], arazzo.path("files").asInt(),
                    arazzo.path("cleanMedianMillis").asLong() / 1000.0, arazzoWork / 1000.0,
                    arazzo.path("cleanMaxRssBytes").asLong() >> 20, (double) arazzoWork / openapiWork));
            rows.add(String.format(Locale.ROOT, "| %s | arazzo-maven-plugin: nothing changed | %.2f s | %.2f s "
                            + "| `validate` | %d MiB | |", kind[1], arazzo.path("unchangedMedianMillis").asLong() / 1000.0,
                    (arazzo.path("unchangedMedianMillis").asLong() - floor) / 1000.0,
                    arazzo.path("unchangedMaxRssBytes").asLong() >> 20));
            rows.add(String.format(Locale.ROOT, "| %s | openapi-generator-maven-plugin 7.25.0, %d files: clean%s | %.2f s "
                            + "| %.2f s | `clean validate` | %d MiB | 1.00x |", kind[1], openapi.path("files").asInt(),
                    openapi.path("runs").asInt() == runs ? "" : " (" + openapi.path("runs").asInt() + " build(s))",
                    openapi.path("cleanMedianMillis").asLong() / 1000.0, openapiWork / 1000.0,
                    openapi.path("cleanMaxRssBytes").asLong() >> 20));
            rows.add(String.format(Locale.ROOT, "| %s | openapi-generator-maven-plugin: nothing changed (once) | %.2f s "
                            + "| %.2f s | `validate` | %d MiB | |", kind[1],
                    openapi.path("unchangedMedianMillis").asLong() / 1000.0,
                    (openapi.path("unchangedMedianMillis").asLong() - floor) / 1000.0,
                    openapi.path("unchangedMaxRssBytes").asLong() >> 20));
            long cleanSpan = medianSpan(node.at("/floor/cleanMojoMillis"), "maven-clean-plugin:clean");
            JsonNode noOps = node.at("/arazzo/unchangedMojoMillis");
            long arazzoSpan = medianSpan(noOps, "arazzo-maven-plugin:generate");
            if (cleanSpan >= 0 && arazzoSpan >= 0) {
                notes.add(String.format(Locale.ROOT, "%s: with nothing changed, arazzo-maven-plugin's execution (from its "
                                + "header in the log to the next line) took %d ms (median of its %d builds with nothing "
                                + "changed); maven-clean-plugin's, with nothing to delete, %d ms (median of the floor's %d "
                                + "`clean validate` builds).", kind[1], arazzoSpan, noOps.size(), cleanSpan,
                        node.at("/floor/cleanMojoMillis").size()));
            }
        }
        if (!rows.isEmpty()) {
            add("Whole Maven processes (`mvn -B clean generate-sources`, median of %s, and `generate-sources` "
                    + "with nothing changed; every build of a round taken in turn with the floor's), each generator in a "
                    + "build of its own on the same OpenAPI, wall time and peak "
                    + "RSS from `/usr/bin/time`. A clean build is held against the floor's `clean validate`, a build "
                    + "with nothing changed against its `validate` (the column \"against\"); the floor's `clean "
                    + "validate` is also what a plugin that does nothing costs over `validate` (Maven resolving, "
                    + "loading and running it):", runs);
            add("");
            add("| case | build | whole process | over the floor | against | peak RSS "
                    + "| work over the floor vs openapi-generator |");
            add("|---|---|---:|---:|---|---:|---:|");
            out.addAll(rows);
            add("");
            for (String note : notes) {
                add(note);
            }
            if (!notes.isEmpty()) {
                add("");
            }
        }
    }

    /** The median of the spans of the executions whose key starts with {@code prefix}, one per build; -1 if none. */
    private static long medianSpan(JsonNode builds, String prefix) {
        List<Long> spans = new ArrayList<>();
        for (JsonNode build : builds) {
            build.fields().forEachRemaining(entry -> {
                if (entry.getKey().startsWith(prefix)) {
                    spans.add(entry.getValue().asLong());
                }
            });
        }
        if (spans.isEmpty()) {
            return -1;
        }
        spans.sort(null);
        return spans.get(spans.size() / 2);
    }

    /** The warm-up rounds of {@code RunCpu}: one number, or one per thread count when they differ. */
    private static String warmups(Map<String, Cpu> one, Map<String, Cpu> threads) {
        if (one.isEmpty() || threads.isEmpty()) {
            return String.valueOf((one.isEmpty() ? threads : one).get("handWritten").warmups());
        }
        int single = one.get("handWritten").warmups();
        int many = threads.get("handWritten").warmups();
        return single == many ? String.valueOf(single) : single + " (one thread) or " + many + " (32 threads)";
    }

    /**
     * Per process that ran HTTP exchanges (JMH, {@code RunCpu}), how many requests its client retried: the
     * "Succeeded on attempt" lines the client logs in the process's standard error; "" when no such process ran.
     */
    private String resentRequests() throws IOException {
        List<String> ids;
        try (Stream<Path> all = Files.list(results)) {
            // jmh, jmh-threads, runcpu-1-1, ...: sorted by id, the order the parts run in
            ids = all.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("(jmh|jmh-threads|runcpu-\\d+-\\d+)\\.stderr\\.txt"))
                    .map(name -> name.substring(0, name.length() - ".stderr.txt".length())).sorted().toList();
        }
        List<String> counts = new ArrayList<>();
        for (String id : ids) {
            long retried;
            try (Stream<String> lines = Files.lines(results.resolve(id + ".stderr.txt"))) {
                retried = lines.filter(line -> line.contains("Succeeded on attempt")).count();
            }
            counts.add(id + " " + retried);
        }
        return String.join(", ", counts);
    }

    /** The whole process's wall milliseconds and peak RSS bytes of part {@code id}, or -1 each. */
    private long[] process(String id) throws IOException {
        Path file = results.resolve(id + ".process.txt");
        if (!Files.exists(file)) {
            return new long[] {-1, -1};
        }
        List<String> lines = Files.readAllLines(file);
        String[] fields = lines.get(lines.size() - 1).trim().split("\\s+");
        return new long[] {Math.round(Double.parseDouble(fields[0]) * 1000), Long.parseLong(fields[1]) * 1024};
    }

    private static String size(long bytes, String name) {
        if (bytes < 0) {
            return name;
        }
        return bytes >= 10_000_000 ? String.format(Locale.ROOT, "%.0f MB", bytes / 1e6)
                : bytes >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
                : String.format(Locale.ROOT, "%.0f KB", bytes / 1e3);
    }

    private JsonNode read(String name) throws IOException {
        Path file = results.resolve(name);
        return Files.exists(file) ? JSON.readTree(file.toFile()) : MissingNode.getInstance();
    }

    private void add(String format, Object... args) {
        out.add(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static Map<String, JsonNode> byMethod(JsonNode jmh) {
        Map<String, JsonNode> runs = new HashMap<>();
        jmh.forEach(run -> {
            String benchmark = run.path("benchmark").asText();
            runs.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), run);
        });
        return runs;
    }

    private static double alloc(JsonNode run) {
        return run.at("/secondaryMetrics/gc.alloc.rate.norm/score").asDouble();
    }

    /** The median over measurement iterations of the simulator's bytes per workflow, by benchmark method. */
    private static Map<String, Long> simulatorBytes(Path file) throws IOException {
        Map<String, List<Long>> values = new HashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 3 && parts[1].equals("MEASUREMENT")) {
                    values.computeIfAbsent(parts[0].substring(parts[0].lastIndexOf('.') + 1), k -> new ArrayList<>())
                            .add(Long.parseLong(parts[2]));
                }
            }
        }
        Map<String, Long> medians = new HashMap<>();
        values.forEach((name, list) -> {
            list.sort(null);
            medians.put(name, list.get(list.size() / 2));
        });
        return medians;
    }
}
