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
 * Runs Maven on scratch projects, whole processes under {@code /usr/bin/time} (wall time and peak resident
 * set size), and reads the time of each plugin execution from the time-stamped log:
 *
 * <ul>
 *   <li>no-op rebuild: a copy of the sample project, {@code mvn compile} twice; the second must do no
 *       generation work (the plugin says so in one line);
 *   <li>the seed by arazzo-maven-plugin and its OpenAPI description by openapi-generator-maven-plugin in
 *       the same build, {@link #runs} clean builds (median), then once more with nothing changed;
 *   <li>per case (the seed, GitHub's REST API): Maven's floor ({@code validate} on an empty pom), a build
 *       with arazzo-maven-plugin alone and one with openapi-generator-maven-plugin alone on the same
 *       OpenAPI, each {@code clean generate-sources} {@link #runs} times (median) and
 *       {@code generate-sources} with nothing changed, all of them taken in turns round by round (the
 *       floor's {@code validate} and {@code clean validate}, arazzo-maven-plugin's clean build and its build
 *       with nothing changed, openapi-generator's clean build); openapi-generator's build with nothing
 *       changed once, at the end.
 * </ul>
 *
 * The builds use their own local repository, into which the benchmark build has installed this
 * checkout's generator and plugin (the user's repository may hold another checkout's snapshot), and
 * take everything else from the user's local repository as a mirror: nothing is downloaded. A first
 * build of each project is run and thrown away, so that no dependency is still being copied into the
 * local repository while a measured build runs.
 */
public final class BuildHarness {

    /** The Jackson version the generated code compiles against: the build's ({@code -Dbench.jackson.version}). */
    static final String JACKSON_VERSION = System.getProperty("bench.jackson.version", "2.22.4");

    private final Path mvn;
    private final Path settings;
    private final Path localRepository;
    private final Path work;
    private final String arazzoVersion;
    private final String openApiGeneratorVersion;
    private final int runs;

    /**
     * A harness whose builds run in {@code work}.
     *
     * @param mvn Maven's launcher
     * @param userRepository the local repository the builds take their plugins and dependencies from
     * @param localRepository the builds' own local repository, holding this checkout's plugin
     * @param work where the scratch projects and logs are written
     * @param arazzoVersion the version of arazzo-maven-plugin
     * @param openApiGeneratorVersion the version of openapi-generator-maven-plugin
     * @param runs clean builds per project (the median is reported)
     */
    public BuildHarness(Path mvn, Path userRepository, Path localRepository, Path work, String arazzoVersion,
            String openApiGeneratorVersion, int runs) throws IOException {
        this.mvn = mvn;
        this.localRepository = localRepository.toAbsolutePath();
        this.work = work.toAbsolutePath().normalize();
        this.arazzoVersion = arazzoVersion;
        this.openApiGeneratorVersion = openApiGeneratorVersion;
        this.runs = runs;
        Files.createDirectories(this.work);
        this.settings = this.work.resolve("settings.xml");
        Files.writeString(settings, mirrorSettings(userRepository.toAbsolutePath()));
    }

    /** The sample's no-op rebuild and the seed by both generators in one build, as an object of the result. */
    public ObjectNode sample(Path sample, ObjectNode result) throws IOException, InterruptedException {
        sample = sample.toAbsolutePath().normalize();
        // no-op rebuild of the sample
        Path sampleCopy = work.resolve("sample-project");
        deleteRecursively(sampleCopy);
        copy(sample.resolve("pom.xml"), sampleCopy.resolve("pom.xml"));
        copyTree(sample.resolve("src/main"), sampleCopy.resolve("src/main"));
        maven(sampleCopy, "compile");
        maven(sampleCopy, "clean");
        MavenRun first = maven(sampleCopy, "compile");
        MavenRun second = maven(sampleCopy, "compile");
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
                    .replace("@arazzo.version@", arazzoVersion).replace("@openapi-generator.version@", openApiGeneratorVersion)
                    .replace("@jackson.version@", JACKSON_VERSION);
        }
        Files.createDirectories(compare);
        Files.writeString(compare.resolve("pom.xml"), pom);
        copyTree(sample.resolve("src/main/arazzo"), compare.resolve("src/main/arazzo"));
        maven(compare, "generate-sources");
        long[] arazzo = new long[runs];
        long[] openapi = new long[runs];
        ArrayNode runList = result.putArray("generationRuns");
        for (int i = 0; i < runs; i++) {
            MavenRun run = maven(compare, "clean", "generate-sources");
            arazzo[i] = run.millisOf("arazzo-maven-plugin:generate");
            openapi[i] = run.millisOf("openapi-generator-maven-plugin:generate");
            runList.addPOJO(run.mojoMillis());
        }
        MavenRun unchanged = maven(compare, "generate-sources");
        ObjectNode generation = result.putObject("seedGeneration");
        generation.put("runs", runs);
        generation.put("arazzoPluginMedianMillis", median(arazzo));
        generation.put("openApiGeneratorPluginMedianMillis", median(openapi));
        generation.put("arazzoPluginUnchangedMillis", unchanged.millisOf("arazzo-maven-plugin:generate"));
        generation.put("openApiGeneratorPluginUnchangedMillis", unchanged.millisOf("openapi-generator-maven-plugin:generate"));
        generation.put("arazzoFiles", countJava(compare.resolve("target/generated-sources/arazzo")));
        generation.put("openApiGeneratorFiles", countJava(compare.resolve("target/generated-sources/openapi")));
        System.out.printf("no-op rebuild: plugin %d ms (first compile), %d ms (second: %s)%n",
                rebuild.get("firstCompilePluginMillis").asLong(), rebuild.get("secondCompilePluginMillis").asLong(),
                rebuild.get("secondCompileUpToDate").asText());
        System.out.printf("seed generation in one build: arazzo-maven-plugin %d ms, openapi-generator-maven-plugin %d ms%n",
                median(arazzo), median(openapi));
        return result;
    }

    /**
     * Whole-process builds of one case: the floor, arazzo-maven-plugin alone on {@code workflow} (its
     * sources read from {@code openapi}), openapi-generator-maven-plugin alone on {@code openapi}.
     *
     * @param name the case's name, also its folder below the work directory
     * @param workflow the Arazzo document (its first workflow, whose sources are all {@code openapi})
     * @param openapi the OpenAPI description, copied into each project
     * @param openApiGeneratorRuns clean builds of openapi-generator-maven-plugin (each of GitHub's API takes
     *     half a minute on a quiet machine)
     * @param result where the figures are put
     * @return {@code result}
     */
    public ObjectNode processes(String name, Path workflow, Path openapi, int openApiGeneratorRuns, ObjectNode result)
            throws IOException, InterruptedException {
        Path root = work.resolve(name);
        deleteRecursively(root);
        result.put("openapiBytes", Files.size(openapi));
        result.put("runs", runs);
        String openapiName = openapi.getFileName().toString();

        Path floor = root.resolve("floor");
        Files.createDirectories(floor);
        Files.writeString(floor.resolve("pom.xml"), pom("floor", ""));
        maven(floor, "validate");

        Path arazzo = root.resolve("arazzo");
        Path document = arazzo.resolve("src/main/arazzo/workflows").resolve(workflow.getFileName());
        copy(openapi, arazzo.resolve("src/main/arazzo/openapi").resolve(openapiName));
        dev.arazzo.bench.generation.WorkflowCopies.write(workflow, 1, document,
                java.util.Map.of("*", arazzo.resolve("src/main/arazzo/openapi").resolve(openapiName)));
        Files.writeString(arazzo.resolve("pom.xml"), pom("arazzo", runtimeDependencies(), """
                      <plugin>
                        <groupId>dev.arazzo</groupId>
                        <artifactId>arazzo-maven-plugin</artifactId>
                        <version>%s</version>
                        <executions>
                          <execution>
                            <id>arazzo</id>
                            <goals>
                              <goal>generate</goal>
                            </goals>
                            <configuration>
                              <specs>
                                <spec>src/main/arazzo/workflows/%s</spec>
                              </specs>
                              <packageName>bench.%s</packageName>
                            </configuration>
                          </execution>
                        </executions>
                      </plugin>
                """.formatted(arazzoVersion, workflow.getFileName(), name)));
        maven(arazzo, "clean", "generate-sources");

        Path openApiGenerator = root.resolve("openapi-generator");
        copy(openapi, openApiGenerator.resolve("src/main/openapi").resolve(openapiName));
        Files.writeString(openApiGenerator.resolve("pom.xml"), pom("openapi-generator", """
                      <plugin>
                        <groupId>org.openapitools</groupId>
                        <artifactId>openapi-generator-maven-plugin</artifactId>
                        <version>%s</version>
                        <executions>
                          <execution>
                            <id>openapi-generator</id>
                            <goals>
                              <goal>generate</goal>
                            </goals>
                            <configuration>
                              <inputSpec>${project.basedir}/src/main/openapi/%s</inputSpec>
                              <generatorName>java</generatorName>
                              <library>native</library>
                              <apiPackage>bench.%s.openapi.api</apiPackage>
                              <modelPackage>bench.%s.openapi.model</modelPackage>
                              <invokerPackage>bench.%s.openapi</invokerPackage>
                              <generateApiTests>false</generateApiTests>
                              <generateModelTests>false</generateModelTests>
                              <generateApiDocumentation>false</generateApiDocumentation>
                              <generateModelDocumentation>false</generateModelDocumentation>
                              <configOptions>
                                <openApiNullable>false</openApiNullable>
                                <annotationLibrary>none</annotationLibrary>
                                <containerDefaultToNull>true</containerDefaultToNull>
                              </configOptions>
                            </configuration>
                          </execution>
                        </executions>
                      </plugin>
                """.formatted(openApiGeneratorVersion, openapiName, name, name, name)));
        // resolves the plugin without generating: a clean build of a large API is minutes on a loaded machine
        maven(openApiGenerator, "-Dcodegen.skip=true", "clean", "generate-sources");

        // Round by round, so that the machine's drift in speed (a third between minutes here) falls on all of them
        // alike: the floor's `validate` and `clean validate`, arazzo-maven-plugin's clean build and then its build
        // with nothing changed, and openapi-generator's clean build while it has runs left.
        Builds floorBuilds = new Builds();
        Builds arazzoBuilds = new Builds();
        Builds openApiBuilds = new Builds();
        for (int i = 0; i < Math.max(runs, openApiGeneratorRuns); i++) {
            if (i < runs) {
                floorBuilds.unchanged(maven(floor, "validate"));
                floorBuilds.clean(maven(floor, "clean", "validate"));
                arazzoBuilds.clean(maven(arazzo, "clean", "generate-sources"));
                arazzoBuilds.unchanged(maven(arazzo, "generate-sources"));
            }
            if (i < openApiGeneratorRuns) {
                openApiBuilds.clean(maven(openApiGenerator, "clean", "generate-sources"));
            }
        }
        // openapi-generator has no up-to-date check by default: a build with nothing changed is as long as a clean one
        openApiBuilds.unchanged(maven(openApiGenerator, "generate-sources"));
        result.set("floor", floorBuilds.json());
        ObjectNode arazzoResult = arazzoBuilds.json();
        arazzoResult.put("files", countJava(arazzo.resolve("target/generated-sources/arazzo")));
        result.set("arazzo", arazzoResult);
        ObjectNode openApiResult = openApiBuilds.json();
        openApiResult.put("runs", openApiGeneratorRuns);
        openApiResult.put("files", countJava(openApiGenerator.resolve("target/generated-sources/openapi")));
        result.set("openApiGenerator", openApiResult);
        System.out.printf("%s builds: floor %d ms; arazzo %d ms clean, %d ms unchanged, %d MiB; openapi-generator %d ms, "
                        + "%d MiB%n", name, result.at("/floor/cleanMedianMillis").asLong(),
                arazzoResult.path("cleanMedianMillis").asLong(), arazzoResult.path("unchangedMedianMillis").asLong(),
                arazzoResult.path("cleanMaxRssBytes").asLong() >> 20, openApiResult.path("cleanMedianMillis").asLong(),
                openApiResult.path("cleanMaxRssBytes").asLong() >> 20);
        return result;
    }

    /**
     * The builds of one project in a series: the clean ones and those with nothing changed, as the report reads
     * them (medians of the wall times, peaks and medians of the resident set sizes, each build's mojo times).
     */
    private static final class Builds {
        private final List<MavenRun> clean = new ArrayList<>();
        private final List<MavenRun> unchanged = new ArrayList<>();

        void clean(MavenRun run) {
            clean.add(run);
        }

        void unchanged(MavenRun run) {
            unchanged.add(run);
        }

        ObjectNode json() {
            ObjectNode node = new ObjectMapper().createObjectNode();
            ArrayNode mojos = node.putArray("cleanMojoMillis");
            clean.forEach(run -> mojos.addPOJO(run.mojoMillis()));
            node.put("cleanMedianMillis", median(clean.stream().mapToLong(MavenRun::wallMillis).toArray()));
            node.put("cleanMaxRssBytes", clean.stream().mapToLong(MavenRun::maxRssBytes).max().orElse(-1));
            node.put("cleanMedianRssBytes", median(clean.stream().mapToLong(MavenRun::maxRssBytes).toArray()));
            ArrayNode unchangedMojos = node.putArray("unchangedMojoMillis");
            unchanged.forEach(run -> unchangedMojos.addPOJO(run.mojoMillis()));
            node.put("unchangedUpToDate", unchanged.get(0).infoLine("up to date"));
            node.put("unchangedMedianMillis", median(unchanged.stream().mapToLong(MavenRun::wallMillis).toArray()));
            node.put("unchangedMaxRssBytes", unchanged.stream().mapToLong(MavenRun::maxRssBytes).max().orElse(-1));
            return node;
        }
    }

    /** What the generated workflow classes compile against (the plugin checks that they are there). */
    private String runtimeDependencies() {
        return """
                  <dependencies>
                    <dependency>
                      <groupId>dev.arazzo</groupId>
                      <artifactId>arazzo-runtime</artifactId>
                      <version>%s</version>
                    </dependency>
                    <dependency>
                      <groupId>com.fasterxml.jackson.core</groupId>
                      <artifactId>jackson-databind</artifactId>
                      <version>%s</version>
                    </dependency>
                  </dependencies>
                """.formatted(arazzoVersion, JACKSON_VERSION);
    }

    private static String pom(String artifactId, String plugins) {
        return pom(artifactId, "", plugins);
    }

    private static String pom(String artifactId, String dependencies, String plugins) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by dev.arazzo.bench.build.BuildHarness. -->
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.arazzo.bench</groupId>
                  <artifactId>%s</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                %s  <build>
                    <plugins>
                %s    </plugins>
                  </build>
                </project>
                """.formatted(artifactId, dependencies, plugins);
    }

    private MavenRun maven(Path project, String... goals) throws IOException, InterruptedException {
        Path timeFile = Files.createTempFile(work, "time-", ".txt");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o", timeFile.toString(),
                mvn.toString(), "-B", "-s", settings.toString(),
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
        String[] time = Files.readString(timeFile).trim().split("\\s+");
        long maxRss = Long.parseLong(time[time.length - 1]) * 1024;
        return new MavenRun(log, wall, exit, maxRss);
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
