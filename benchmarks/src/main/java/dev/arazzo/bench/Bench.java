package dev.arazzo.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arazzo.bench.build.BuildHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole benchmark run of {@code mvn -B -Pbenchmarks verify}, or the parts that {@code -Dbench.only}
 * names (comma-separated):
 *
 * <ul>
 *   <li>{@code jmh}: {@code run()} of the seed by three clients, one thread ({@code WorkflowBenchmark}) and
 *       32 threads sharing one client ({@code SharedClientBenchmark});
 *   <li>{@code runcpu}: the client-side CPU time of the same {@code run()}s ({@code RunCpu}), one thread and 32,
 *       in {@code bench.runcpu.forks} processes each;
 *   <li>{@code clientwork}: the clients' own CPU time and allocation per {@code run()}, the HTTP exchange answered
 *       in memory ({@code ClientWork}), one thread and 32, in {@code bench.clientwork.forks} processes each;
 *   <li>{@code generation}: generation in one JVM: the corpus, the seed, and the curves of 1, 10 and 100
 *       workflows over the seed's OpenAPI and over the corpus's {@code jentic-discord} (794 KB);
 *   <li>{@code builds}: Maven builds of the seed (no-op rebuild of the sample, both generators in one build,
 *       whole processes against Maven's floor);
 *   <li>{@code github}: GitHub's REST API (13 MB): the curve in one JVM and the whole-process builds.
 * </ul>
 *
 * Each measurement runs in a process of its own ({@code /usr/bin/time} gives its wall time and peak RSS);
 * the results go to {@code bench.results} as JSON, and {@link Report} turns them into {@code benchmarks.md}.
 * Every setting is a system property the module's pom passes on.
 */
public final class Bench {

    static final List<String> PARTS = List.of("jmh", "runcpu", "clientwork", "generation", "builds", "github");

    private final Path results;
    private final Path work;
    private final List<String> classpath;
    /** The processes that failed once and were run again ({@link #javaProcessRetriedOnce}), with why. */
    private final List<String> retries = new ArrayList<>();

    private Bench(Path results, Path work) {
        this.results = results;
        this.work = work;
        this.classpath = List.of("-classpath", System.getProperty("java.class.path"));
    }

    public static void main(String[] args) throws Exception {
        Set<String> only = new LinkedHashSet<>();
        for (String part : property("bench.only", String.join(",", PARTS)).split(",")) {
            if (!part.isBlank()) {
                if (!PARTS.contains(part.strip())) {
                    System.err.println("-Dbench.only: unknown part '" + part.strip() + "'; the parts are " + PARTS);
                    System.exit(2);
                }
                only.add(part.strip());
            }
        }
        Path results = Path.of(property("bench.results", "target/bench-results")).toAbsolutePath();
        Path work = Path.of(property("bench.work", "target")).toAbsolutePath();
        Files.createDirectories(results);
        try (var files = Files.list(results)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode run = json.createObjectNode();
        run.put("command", commandLine(only));
        run.putPOJO("parts", only);
        run.put("cores", Runtime.getRuntime().availableProcessors());
        run.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        run.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        run.put("started", Instant.now().toString());
        run.put("loadAverageAtStart", loadAverage());
        Bench bench = new Bench(results, work);
        long start = System.nanoTime();

        GitHubOpenApi github = null;
        if (only.contains("github")) {
            github = GitHubOpenApi.resolve(System.getProperty("bench.github.openapi"), work.resolve("github"));
            run.put("githubOpenApi", github.source());
            System.out.println("GitHub OpenAPI: " + github.source());
        }
        if (only.contains("jmh")) {
            bench.jmh();
        }
        if (only.contains("runcpu")) {
            bench.runCpu();
        }
        if (only.contains("clientwork")) {
            bench.clientWork();
        }
        List<String> loads = new ArrayList<>();
        if (only.contains("generation")) {
            bench.generation();
            loads.add("after generation " + loadAverage());
        }
        if (only.contains("github")) {
            bench.curve("github", Path.of(required("bench.github.workflow")), github.file());
            loads.add("after the GitHub curve " + loadAverage());
        }
        if (only.contains("builds") || only.contains("github")) {
            int runs = Integer.getInteger("bench.builds.runs", 5);
            BuildHarness builds = new BuildHarness(Path.of(required("bench.mvn")), Path.of(required("bench.userRepository")),
                    Path.of(required("bench.localRepository")), work.resolve("bench-builds"),
                    required("bench.arazzo.version"), required("bench.openapi-generator.version"), runs);
            if (only.contains("builds")) {
                json.writeValue(results.resolve("builds.json").toFile(),
                        builds.sample(Path.of(required("bench.sample")), json.createObjectNode()));
                json.writeValue(results.resolve("builds-seed.json").toFile(), builds.processes("seed",
                        Path.of(required("bench.seed.workflow")), Path.of(required("bench.seed.openapi")),
                        runs, json.createObjectNode()));
            }
            if (only.contains("github")) {
                json.writeValue(results.resolve("builds-github.json").toFile(), builds.processes("github",
                        Path.of(required("bench.github.workflow")), github.file(),
                        Integer.getInteger("bench.builds.github.runs", 1), json.createObjectNode()));
            }
            loads.add("after the builds " + loadAverage());
        }
        run.putPOJO("loadAverages", loads);
        run.putPOJO("retries", bench.retries);
        run.put("loadAverageAtEnd", loadAverage());
        run.put("totalSeconds", (System.nanoTime() - start) / 1e9);
        json.writeValue(results.resolve("run.json").toFile(), run);
        Report.main(new String[] {results.toString()});
    }

    private void jmh() throws IOException, InterruptedException {
        String forks = property("bench.jmh.forks", "2");
        String warmups = property("bench.jmh.warmups", "3");
        String iterations = property("bench.jmh.iterations", "5");
        String time = property("bench.jmh.time", "5s");
        javaProcess("jmh", List.of("-Dbench.simulatorAllocation=" + results.resolve("simulator-allocation.txt")),
                "dev.arazzo.bench.workflow.RunBenchmarks", "dev.arazzo.bench.workflow.WorkflowBenchmark", "-foe", "true",
                "-f", forks, "-wi", warmups, "-w", time, "-i", iterations, "-r", time, "-prof", "gc",
                "-rf", "json", "-rff", results.resolve("jmh.json").toString());
        javaProcessRetriedOnce("jmh-threads", List.of("-Dbench.simulatorAllocation="
                        + results.resolve("simulator-allocation-threads.txt")),
                "dev.arazzo.bench.workflow.RunBenchmarks", "dev.arazzo.bench.workflow.SharedClientBenchmark",
                "-foe", "true", "-f", property("bench.jmh.threads.forks", "1"),
                // 32 threads on 2 cores leave the JIT compilers little CPU: throughput still rises for ~40 s
                "-wi", property("bench.jmh.threads.warmups", "8"), "-w", time,
                "-i", iterations, "-r", time, "-prof", "gc",
                "-rf", "json", "-rff", results.resolve("jmh-threads.json").toString());
    }

    /** {@code RunCpu}: one process per fork and thread count, {@code runcpu-<threads>-<fork>.json}. */
    private void runCpu() throws IOException, InterruptedException {
        int forks = Integer.parseInt(property("bench.runcpu.forks", "5"));
        for (String threads : new String[] {"1", "32"}) {
            for (int fork = 1; fork <= forks; fork++) {
                String id = "runcpu-" + threads + "-" + fork;
                // the client logs the errors it meets and retries once after its pool's race, as in
                // SharedClientBenchmark
                javaProcessRetriedOnce(id, List.of("-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.nodelay=true",
                                "-Djdk.httpclient.HttpClient.log=errors", "-Djdk.httpclient.enableAllMethodRetry=true"),
                        "dev.arazzo.bench.workflow.RunCpu", threads, threads.equals("1")
                                ? property("bench.runcpu.warmups", "6")
                                // under 32 threads the JIT compilers are still busy for ~20 rounds
                                : property("bench.runcpu.threads.warmups", "24"),
                        property("bench.runcpu.rounds", "10"), property("bench.runcpu.runs", "1000"),
                        results.resolve(id + ".json").toString());
            }
        }
    }

    /** {@code ClientWork}: one process per fork and thread count, {@code clientwork-<threads>-<fork>.json}. */
    private void clientWork() throws IOException, InterruptedException {
        int forks = Integer.parseInt(property("bench.clientwork.forks", "3"));
        for (String threads : new String[] {"1", "32"}) {
            for (int fork = 1; fork <= forks; fork++) {
                String id = "clientwork-" + threads + "-" + fork;
                javaProcess(id, List.of("-Xms1g", "-Xmx1g"), "dev.arazzo.bench.workflow.ClientWork", threads,
                        property("bench.clientwork.warmup", "10"), property("bench.clientwork.seconds", "20"),
                        results.resolve(id + ".json").toString());
            }
        }
    }

    private void generation() throws IOException, InterruptedException {
        Path corpus = Path.of(required("bench.corpus"));
        javaProcess("generation-corpus", List.of("-Xmx1g"), "dev.arazzo.bench.generation.GenerationHarness", "corpus",
                corpus.toString(), work.resolve("bench-generation/corpus").toString(),
                results.resolve("generation-corpus.json").toString());
        javaProcess("generation-seed", List.of("-Xmx1g"), "dev.arazzo.bench.generation.GenerationHarness", "seed",
                required("bench.seed.workflow"), work.resolve("bench-generation/seed").toString(),
                results.resolve("generation-seed.json").toString());
        curve("seed", Path.of(required("bench.seed.workflow")), Path.of(required("bench.seed.openapi")));
        Path discord = corpus.resolve("jentic-discord/runner/tests/fixtures/discord");
        curve("discord", discord.resolve("discord.arazzo.yaml"), discord.resolve("discord.openapi.json"));
    }

    /** 1, 10 and 100 copies of {@code template}'s first workflow over {@code openapi}, a fresh JVM each. */
    void curve(String name, Path template, Path openapi) throws IOException, InterruptedException {
        for (String n : property("bench.curve", "1,10,100").split(",")) {
            String id = "curve-" + name + "-" + n.strip();
            javaProcess(id, List.of("-Xmx1g", "-Dbench.generation.warmups=" + property("bench.curve.warmups", "1"),
                            "-Dbench.generation.passes=" + property("bench.curve.passes", "3")),
                    "dev.arazzo.bench.generation.GenerationHarness", "copies", template.toString(), n.strip(),
                    work.resolve("bench-generation/" + id).toString(), results.resolve(id + ".json").toString(),
                    "*=" + openapi);
        }
    }

    /**
     * {@link #javaProcess}, run once more if it fails: JMH's 32-thread benchmark and {@code RunCpu}'s 32-thread
     * processes meet the JDK's HTTP/1.1 client's pool race (JDK-8338569, see {@code SharedClientBenchmark}), which
     * the client's resend mostly absorbs, and now and then a request that waits out its timeout; they pass when
     * run again. Each failure is printed and kept in {@code run.json} ({@code retries}), which the report states; after a second
     * failure the process has no results (its partial JSON is removed, so no table is made of it; a {@code RunCpu}
     * fork missing ends the report's forks there) and the run goes on with the other parts.
     */
    private void javaProcessRetriedOnce(String id, List<String> jvmOptions, String mainClass, String... args)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                javaProcess(id, jvmOptions, mainClass, args);
                return;
            } catch (IllegalStateException e) {
                String why = withoutCommand(e.getMessage());
                retries.add(id + " (attempt " + attempt + "): " + why);
                if (attempt == 2) {
                    System.out.println("[bench] " + id + " failed twice, going on without it: " + why);
                    Files.deleteIfExists(results.resolve(id + ".json"));
                    return;
                }
                System.out.println("[bench] " + id + " failed, running it once more: " + why);
            }
        }
    }

    /** The failure without the command line that {@link #javaProcess} appends. */
    private static String withoutCommand(String message) {
        int command = message.indexOf(": /usr/bin/time");
        return command < 0 ? message : message.substring(0, command);
    }

    /**
     * Runs {@code mainClass} in a JVM of its own on this classpath, under {@code /usr/bin/time}: its wall
     * time and peak RSS go to {@code <id>.process.txt} in the results, its standard error to {@code
     * <id>.stderr.txt} (where the report counts the HTTP client's retries), printed after it ends.
     */
    private void javaProcess(String id, List<String> jvmOptions, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o",
                results.resolve(id + ".process.txt").toString(), javaCommand()));
        command.addAll(jvmOptions);
        command.addAll(classpath);
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
        System.out.println("[bench] " + id + ": " + mainClass + " " + String.join(" ", args));
        Path stderr = results.resolve(id + ".stderr.txt");
        int exit = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(stderr.toFile()).start().waitFor();
        if (Files.size(stderr) > 0) {
            System.err.print(Files.readString(stderr));
        }
        if (exit != 0) {
            throw new IllegalStateException(id + " failed (exit " + exit + "): " + String.join(" ", command));
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
    }

    /** The settings (the pom's defaults) that a run can change with {@code -D}; the report shows those changed. */
    private static final String[][] SETTINGS = {
        {"bench.jmh.forks", "2"}, {"bench.jmh.threads.forks", "1"}, {"bench.jmh.warmups", "3"},
        {"bench.jmh.threads.warmups", "8"},
        {"bench.jmh.iterations", "5"}, {"bench.jmh.time", "5s"}, {"bench.runcpu.forks", "5"},
        {"bench.runcpu.warmups", "6"}, {"bench.runcpu.threads.warmups", "24"}, {"bench.runcpu.rounds", "10"},
        {"bench.runcpu.runs", "1000"},
        {"bench.clientwork.forks", "3"}, {"bench.clientwork.warmup", "10"}, {"bench.clientwork.seconds", "20"},
        {"bench.curve", "1,10,100"},
        {"bench.builds.runs", "5"}, {"bench.builds.github.runs", "1"}, {"bench.github.openapi", ""}};

    private static String commandLine(Set<String> only) {
        StringBuilder command = new StringBuilder("mvn -B -Pbenchmarks verify");
        if (only.size() != PARTS.size()) {
            command.append(" -Dbench.only=").append(String.join(",", only));
        }
        for (String[] setting : SETTINGS) {
            String value = System.getProperty(setting[0], setting[1]);
            if (!value.equals(setting[1]) && !value.startsWith("${")) {
                command.append(" -D").append(setting[0]).append('=').append(value);
            }
        }
        return command.toString();
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String property(String name, String otherwise) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("system property " + name + " is not set (the benchmarks pom sets it)");
        }
        return value;
    }
}
