package dev.arazzo.bench.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Runs Maven on scratch projects and reads the time of each plugin execution from the time-stamped log:
 *
 * <ul>
 *   <li>no-op rebuild: a copy of the sample project, {@code mvn compile} twice; the second must do no
 *       generation work (the plugin says so in one line);
 *   <li>generation: the seed by arazzo-maven-plugin and its OpenAPI description by
 *       openapi-generator-maven-plugin in the same build, {@value #RUNS} clean builds (median), then
 *       once more with nothing changed.
 * </ul>
 *
 * The builds use their own local repository, into which the benchmark build has installed this
 * checkout's generator and plugin (the user's repository may hold another checkout's snapshot), and
 * take everything else from the user's local repository as a mirror: nothing is downloaded. A first
 * build of each project is run and thrown away, so that no dependency is still being copied into the
 * local repository while a measured build runs.
 *
 * <pre>{@code
 * java -cp ... dev.arazzo.bench.build.BuildHarness <mvn> <user's local repo> <local repo> <sample-project dir>
 *     <work dir> <arazzo version> <openapi-generator version> <result.json>
 * }</pre>
 */
public final class BuildHarness {

    static final int RUNS = 3;

    private final Path mvn;
    private final Path settings;
    private final Path localRepository;
    private final Path work;

    private BuildHarness(Path mvn, Path settings, Path localRepository, Path work) {
        this.mvn = mvn;
        this.settings = settings;
        this.localRepository = localRepository;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 8) {
            System.err.println("usage: BuildHarness <mvn> <user's local repo> <local repo> <sample-project dir> <work dir> "
                    + "<arazzo version> <openapi-generator version> <result.json>");
            System.exit(2);
        }
        Path sample = Path.of(args[3]).toAbsolutePath().normalize();
        Path work = Path.of(args[4]).toAbsolutePath().normalize();
        Files.createDirectories(work);
        Path settings = work.resolve("settings.xml");
        Files.writeString(settings, mirrorSettings(Path.of(args[1]).toAbsolutePath()));
        BuildHarness harness = new BuildHarness(Path.of(args[0]), settings, Path.of(args[2]).toAbsolutePath(), work);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode result = json.createObjectNode();
        result.put("cores", Runtime.getRuntime().availableProcessors());

        // no-op rebuild of the sample
        Path sampleCopy = work.resolve("sample-project");
        deleteRecursively(sampleCopy);
        copy(sample.resolve("pom.xml"), sampleCopy.resolve("pom.xml"));
        copyTree(sample.resolve("src/main"), sampleCopy.resolve("src/main"));
        harness.maven(sampleCopy, "compile");
        harness.maven(sampleCopy, "clean");
        MavenRun first = harness.maven(sampleCopy, "compile");
        MavenRun second = harness.maven(sampleCopy, "compile");
        ObjectNode rebuild = result.putObject("noOpRebuild");
        rebuild.put("firstCompilePluginMillis", first.millisOf("arazzo-maven-plugin:generate"));
        rebuild.put("secondCompilePluginMillis", second.millisOf("arazzo-maven-plugin:generate"));
        rebuild.put("firstCompileWallMillis", first.wallMillis());
        rebuild.put("secondCompileWallMillis", second.wallMillis());
        rebuild.put("firstCompileSummary", first.infoLine("written"));
        rebuild.put("secondCompileUpToDate", second.infoLine("up to date"));
        rebuild.putPOJO("firstCompileMojoMillis", first.mojoMillis());
        rebuild.putPOJO("secondCompileMojoMillis", second.mojoMillis());
        if (second.infoLine("up to date") == null) {
            throw new IllegalStateException("the second compile of the sample generated again:\n"
                    + String.join("\n", second.log()));
        }

        // the seed by both generators in one build
        Path compare = work.resolve("generation-compare");
        deleteRecursively(compare);
        String pom;
        try (InputStream in = BuildHarness.class.getResourceAsStream("generation-compare-pom.xml")) {
            pom = new String(Objects.requireNonNull(in, "generation-compare-pom.xml").readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@arazzo.version@", args[5]).replace("@openapi-generator.version@", args[6]);
        }
        Files.createDirectories(compare);
        Files.writeString(compare.resolve("pom.xml"), pom);
        copyTree(sample.resolve("src/main/arazzo"), compare.resolve("src/main/arazzo"));
        harness.maven(compare, "generate-sources");
        long[] arazzo = new long[RUNS];
        long[] openapi = new long[RUNS];
        ArrayNode runs = result.putArray("generationRuns");
        for (int i = 0; i < RUNS; i++) {
            MavenRun run = harness.maven(compare, "clean", "generate-sources");
            arazzo[i] = run.millisOf("arazzo-maven-plugin:generate");
            openapi[i] = run.millisOf("openapi-generator-maven-plugin:generate");
            runs.addPOJO(run.mojoMillis());
        }
        MavenRun unchanged = harness.maven(compare, "generate-sources");
        ObjectNode generation = result.putObject("seedGeneration");
        generation.put("arazzoPluginMedianMillis", median(arazzo));
        generation.put("openApiGeneratorPluginMedianMillis", median(openapi));
        generation.put("arazzoPluginUnchangedMillis", unchanged.millisOf("arazzo-maven-plugin:generate"));
        generation.put("openApiGeneratorPluginUnchangedMillis", unchanged.millisOf("openapi-generator-maven-plugin:generate"));
        generation.put("arazzoFiles", countJava(compare.resolve("target/generated-sources/arazzo")));
        generation.put("openApiGeneratorFiles", countJava(compare.resolve("target/generated-sources/openapi")));

        Path out = Path.of(args[7]).toAbsolutePath();
        Files.createDirectories(out.getParent());
        json.writeValue(out.toFile(), result);
        System.out.printf("no-op rebuild: plugin %d ms (first compile), %d ms (second: %s)%n",
                rebuild.get("firstCompilePluginMillis").asLong(), rebuild.get("secondCompilePluginMillis").asLong(),
                rebuild.get("secondCompileUpToDate").asText());
        System.out.printf("seed generation in one build: arazzo-maven-plugin %d ms, openapi-generator-maven-plugin %d ms%n",
                median(arazzo), median(openapi));
    }

    private MavenRun maven(Path project, String... goals) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-s", settings.toString(),
                "-Dmaven.repo.local=" + localRepository,
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"));
        command.addAll(Arrays.asList(goals));
        Path logFile = Files.createTempFile(work, "mvn-", ".log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        int exit = process.waitFor();
        long wall = (System.nanoTime() - start) / 1_000_000;
        List<String> log = Files.readAllLines(logFile);
        if (exit != 0) {
            throw new IllegalStateException("mvn " + String.join(" ", goals) + " failed in " + project + ":\n"
                    + String.join("\n", log));
        }
        return new MavenRun(log, wall, exit);
    }

    /** Settings that take every artifact from {@code repository} (a local repository) and nothing from the network. */
    private static String mirrorSettings(Path repository) {
        String url = repository.toUri().toString();
        return """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>user-local-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(url);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long countJava(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).count();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
