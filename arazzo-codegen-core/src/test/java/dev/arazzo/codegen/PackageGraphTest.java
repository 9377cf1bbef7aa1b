package dev.arazzo.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's packages form the pipeline and nothing else: no package cycle, and no stage reaches a later
 * one (load &lt; bind &lt; check &lt; model &lt; emit &lt; write). {@code diagnostic}, {@code expression},
 * {@code jsonpath} and {@code source.*} are vocabulary below every stage; {@code incremental} and the root
 * package sit on top. Read from the sources' imports and qualified names: a small scan, no extra dependency
 * (ArchUnit would read the class files, which this project does not need for two rules).
 */
class PackageGraphTest {

    private static final String ROOT = "dev.arazzo.codegen";
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** A qualified reference to a type of the generator: lower-case package segments, then a type name. */
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.arazzo\\.codegen((?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");
    private static final Pattern SWAGGER = Pattern.compile("\\bio\\.swagger\\.");
    /**
     * A character or string literal: a class name written as text ({@code @Generated}'s value) is no
     * dependency.
     */
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:\\\\.|[^'\\\\])'|\"(?:\\\\.|[^\"\\\\\n])*\"");

    private static final List<String> STAGES = List.of("load", "bind", "check", "model", "emit", "write");
    private static final Set<String> VOCABULARY = Set.of("diagnostic", "expression", "jsonpath", "source",
            "source.openapi", "source.asyncapi");
    private static final Set<String> TOP = Set.of("", "incremental");

    /** Package (relative to the root, "" for the root) -> the packages its sources refer to. */
    private static final Map<String, Set<String>> GRAPH = new TreeMap<>();
    /** Package -> the files that use swagger-parser types. */
    private static final Map<String, Set<String>> SWAGGER_USERS = new TreeMap<>();

    @BeforeAll
    static void scan() throws IOException {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher declared = PACKAGE.matcher(text);
                if (!declared.find() || !(declared.group(1) + ".").startsWith(ROOT + ".")) {
                    continue;
                }
                String from = relative(declared.group(1));
                Set<String> targets = GRAPH.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(STRING_LITERAL.matcher(text).replaceAll("\"\""));
                while (reference.find()) {
                    String to = reference.group(1).isEmpty() ? "" : reference.group(1).substring(1);
                    if (!to.equals(from)) {
                        targets.add(to);
                    }
                }
                if (SWAGGER.matcher(text).find()) {
                    SWAGGER_USERS.computeIfAbsent(from, k -> new TreeSet<>()).add(file.getFileName().toString());
                }
            }
        }
    }

    private static String relative(String packageName) {
        return packageName.equals(ROOT) ? "" : packageName.substring(ROOT.length() + 1);
    }

    @Test
    void theScanSeesThePipeline() {
        assertTrue(GRAPH.keySet().containsAll(STAGES), GRAPH.keySet().toString());
        assertTrue(GRAPH.get("model").contains("bind"), "model builds from the bound document");
    }

    @Test
    void everyPackageHasAPlace() {
        List<String> unplaced = GRAPH.keySet().stream()
                .filter(p -> !STAGES.contains(p) && !VOCABULARY.contains(p) && !TOP.contains(p)).toList();
        assertEquals(List.of(), unplaced, "place each new package among the stages, the vocabulary or the top");
    }

    @Test
    void noStageReachesALaterOneAndTheVocabularyReachesNoStage() {
        List<String> wrong = new ArrayList<>();
        GRAPH.forEach((from, targets) -> {
            for (String to : targets) {
                if (rank(to) > rank(from) || STAGES.contains(from) && STAGES.contains(to) && rank(to) == rank(from)) {
                    wrong.add(display(from) + " -> " + display(to));
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void noPackageCycle() {
        List<String> cycles = new ArrayList<>();
        for (String start : GRAPH.keySet()) {
            List<String> cycle = cycleThrough(start);
            if (!cycle.isEmpty()) {
                cycles.add(String.join(" -> ", cycle.stream().map(PackageGraphTest::display).toList()));
            }
        }
        assertEquals(List.of(), cycles);
    }

    @Test
    void swaggerParserTypesStayInTheOpenApiSource() {
        assertEquals(Set.of("source.openapi"), SWAGGER_USERS.keySet(), SWAGGER_USERS.toString());
    }

    /** A path from {@code start} back to itself, or empty. */
    private static List<String> cycleThrough(String start) {
        Deque<List<String>> pending = new ArrayDeque<>();
        pending.add(List.of(start));
        Set<String> seen = new TreeSet<>();
        while (!pending.isEmpty()) {
            List<String> path = pending.poll();
            for (String next : GRAPH.getOrDefault(path.get(path.size() - 1), Set.of())) {
                List<String> longer = new ArrayList<>(path);
                longer.add(next);
                if (next.equals(start)) {
                    return longer;
                }
                if (seen.add(next)) {
                    pending.add(longer);
                }
            }
        }
        return List.of();
    }

    /** Vocabulary 0, the stages 1 to 6 in pipeline order, the top 7. */
    private static int rank(String packageName) {
        if (VOCABULARY.contains(packageName)) {
            return 0;
        }
        int stage = STAGES.indexOf(packageName);
        return stage >= 0 ? stage + 1 : STAGES.size() + 1;
    }

    private static String display(String packageName) {
        return packageName.isEmpty() ? ROOT : ROOT + "." + packageName;
    }
}
