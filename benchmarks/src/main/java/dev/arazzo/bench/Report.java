package dev.arazzo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the results of a benchmark run (JMH's JSON, the simulator's share of allocation, the generation
 * and build harnesses' JSON) into the Markdown tables of the README's "Benchmarks" section, written to
 * {@code benchmarks.md} beside them and printed.
 *
 * <pre>{@code
 * java -cp ... dev.arazzo.bench.Report target/bench-results "mvn -B -Pbenchmarks verify"
 * }</pre>
 */
public final class Report {

    private static final String PREFIX = "dev.arazzo.bench.workflow.WorkflowBenchmark.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        String command = args.length > 1 ? args[1] : "mvn -B -Pbenchmarks verify";
        JsonNode jmh = JSON.readTree(results.resolve("jmh.json").toFile());
        JsonNode corpus = JSON.readTree(results.resolve("generation-corpus.json").toFile());
        JsonNode seed = JSON.readTree(results.resolve("generation-seed.json").toFile());
        JsonNode builds = JSON.readTree(results.resolve("builds.json").toFile());
        Map<String, Long> simulatorBytes = simulatorBytes(results.resolve("simulator-allocation.txt"));

        Map<String, JsonNode> runs = new HashMap<>();
        jmh.forEach(run -> runs.put(run.path("benchmark").asText().substring(PREFIX.length()), run));
        JsonNode floor = runs.get("handWritten");
        double floorTime = floor.at("/primaryMetric/score").asDouble();
        double floorAlloc = alloc(floor);
        double floorClient = floorAlloc - simulatorBytes.getOrDefault("handWritten", 0L);
        JsonNode params = floor;

        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Measured with `%s` on %d cores (%s, %s); JMH %s, %d fork(s) x %d x %s "
                        + "warm-up + %d x %s measurement per client, `-prof gc`.",
                command, corpus.path("cores").asInt(), corpus.path("java").asText(), System.getProperty("os.name"),
                params.path("jmhVersion").asText(), params.path("forks").asInt(),
                params.path("warmupIterations").asInt(), params.path("warmupTime").asText(),
                params.path("measurementIterations").asInt(), params.path("measurementTime").asText()));
        out.add("");
        out.add("One `run()` of the seed workflow (3 HTTP calls) against the in-process simulator on 127.0.0.1:");
        out.add("");
        out.add("| client | time per workflow | vs (a) | allocation per workflow (whole JVM) | vs (a) | of which client side | vs (a) |");
        out.add("|---|---:|---:|---:|---:|---:|---:|");
        for (String[] row : new String[][] {
                {"handWritten", "(a) hand-written java.net.http + Jackson"},
                {"arazzoGenerated", "arazzo-codegen `StartChatAndSetAttributesWorkflow`"},
                {"openApiGenerator", "(b) openapi-generator " + "`native` client, wired by hand"}}) {
            JsonNode run = runs.get(row[0]);
            if (run == null) {
                continue;
            }
            double time = run.at("/primaryMetric/score").asDouble();
            double error = run.at("/primaryMetric/scoreError").asDouble();
            double alloc = alloc(run);
            double client = alloc - simulatorBytes.getOrDefault(row[0], 0L);
            out.add(String.format(Locale.ROOT, "| %s | %.0f ± %.0f µs | %.2f | %.1f KB | %.2f | %.1f KB | %.2f |",
                    row[1], time, Double.isNaN(error) ? 0 : error, time / floorTime, alloc / 1024, alloc / floorAlloc,
                    client / 1024, client / floorClient));
        }
        out.add("");
        JsonNode generation = builds.path("seedGeneration");
        JsonNode rebuild = builds.path("noOpRebuild");
        JsonNode diagnostics = corpus.path("diagnostics");
        out.add("Generation:");
        out.add("");
        out.add("| what | first run (cold JVM) | warm (median of 5) | peak heap used | peak RSS | allocated |");
        out.add("|---|---:|---:|---:|---:|---:|");
        out.add(String.format(Locale.ROOT, "| corpus: %d cases, %d Arazzo documents, one JVM (%d error and %d warning "
                        + "diagnostics, errors in %d cases) | %.0f ms | %.0f ms | %d MiB | %d MiB | %d MB |",
                corpus.path("cases").asInt(), corpus.path("documents").asInt(), diagnostics.path("errors").asInt(),
                diagnostics.path("warnings").asInt(), diagnostics.path("casesWithErrors").asInt(),
                corpus.path("firstPassMillis").asDouble(), corpus.path("warmPassMedianMillis").asDouble(),
                corpus.path("peakHeapUsedBytes").asLong() >> 20, corpus.path("peakRssBytes").asLong() >> 20,
                corpus.path("firstPassAllocatedBytes").asLong() / 1_000_000));
        out.add(String.format(Locale.ROOT, "| seed alone, one JVM | %.0f ms | %.1f ms | %d MiB | %d MiB | %d MB |",
                seed.path("firstPassMillis").asDouble(), seed.path("warmPassMedianMillis").asDouble(),
                seed.path("peakHeapUsedBytes").asLong() >> 20, seed.path("peakRssBytes").asLong() >> 20,
                seed.path("firstPassAllocatedBytes").asLong() / 1_000_000));
        out.add("");
        out.add("| in one Maven build, the seed (plugin execution, median of 3 clean builds) | clean build | nothing changed |");
        out.add("|---|---:|---:|");
        out.add(String.format(Locale.ROOT, "| arazzo-maven-plugin, %d files | %d ms | %d ms |",
                generation.path("arazzoFiles").asInt(), generation.path("arazzoPluginMedianMillis").asLong(),
                generation.path("arazzoPluginUnchangedMillis").asLong()));
        out.add(String.format(Locale.ROOT, "| openapi-generator-maven-plugin (java, native), %d files | %d ms | %d ms |",
                generation.path("openApiGeneratorFiles").asInt(),
                generation.path("openApiGeneratorPluginMedianMillis").asLong(),
                generation.path("openApiGeneratorPluginUnchangedMillis").asLong()));
        out.add("");
        out.add(String.format(Locale.ROOT, "No-op rebuild of the sample (`mvn compile` twice): the plugin's execution took "
                        + "%d ms in the first (generating), %d ms in the second, which logged \"%s\" "
                        + "(whole builds: %.1f s and %.1f s).",
                rebuild.path("firstCompilePluginMillis").asLong(), rebuild.path("secondCompilePluginMillis").asLong(),
                rebuild.path("secondCompileUpToDate").asText(), rebuild.path("firstCompileWallMillis").asLong() / 1000.0,
                rebuild.path("secondCompileWallMillis").asLong() / 1000.0));

        String text = String.join("\n", out) + "\n";
        Files.writeString(results.resolve("benchmarks.md"), text);
        System.out.print(text);
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
                    values.computeIfAbsent(parts[0].substring(PREFIX.length()), k -> new ArrayList<>())
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
