package dev.arazzo.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.testing.Shared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of the corpus ({@code ../shared/corpus}) and the seed workflow, each generated from
 * as a user's build would: nothing escapes {@link ArazzoCodegen#generate}, every diagnostic has a file,
 * line and column and a bounded message, output without errors compiles with {@code -Xlint:all -Werror},
 * no file outside the case folder is read and no connection is attempted (a local listener counts them;
 * mutants that point outside get a located error).
 *
 * <p>The normal build runs {@value #DEFAULT_COUNT} mutants with a fixed seed; the {@code fuzz} profile
 * runs more ({@code -Darazzo.fuzz.count}, {@code -Darazzo.fuzz.seed}) and prints the counts as a table.
 */
class MutationTest {

    static final int DEFAULT_COUNT = 150;

    private static final long SEED = Long.getLong("arazzo.fuzz.seed", 20261201L);
    private static final int COUNT = Integer.getInteger("arazzo.fuzz.count", DEFAULT_COUNT);
    /** A file to write every mutant's outcome and first errors to, when set. */
    private static final String REPORT = System.getProperty("arazzo.fuzz.report");
    private static final int MESSAGE_LIMIT = 2_000;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Names that Java, JavaPoet or {@code Object} make hard. */
    private static final List<String> ODD_NAMES = List.of("class", "int", "default", "record", "var", "yield",
            "_", "wait", "getClass", "clone", "hashCode", "notify", "notifyAll", "toString", "equals", "finalize",
            "inputs", "inputs_", "Result", "result", "Outputs", "Step", "String", "Object", "java", "x\u2028y",
            "a\u2029b", "c\rd", "e\u0085f", "g\u000Bh", "i\u000Cj", "1st", "$x", "é", "日本", "a-b", "a.b", "A",
            "a", "-", "x".repeat(300), "Ab".repeat(200), "null", "true", "\uD83D\uDE00");

    /** Stands for a relative path from the mutated file to a file beside the case folder. */
    static final String OUTSIDE = "{outside}";

    private static final List<String> HOSTILE_REFS = List.of("/etc/passwd", "file:///proc/self/environ",
            "/dev/zero", "file:///etc/hosts#/x", OUTSIDE, OUTSIDE + "#/a");


    private static ServerSocket listener;
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();

    @TempDir
    Path work;

    enum Outcome {
        GENERATED, REJECTED, ESCAPED, UNLOCATED, UNBOUNDED, INTERNAL_ERROR, NOT_COMPILING, READ_OUTSIDE,
        NOT_REFUSED
    }

    record Case(String name, Path folder, String document, Map<String, String> urlMap) {
    }

    record Mutant(int index, Case source, String mutation, Path folder, Path document, Map<String, Path> mappings,
            boolean pointsOutside) {
        @Override
        public String toString() {
            return "mutant " + index + " (" + mutation + " of " + source.name() + ")";
        }
    }

    @BeforeAll
    static void listen() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    listener.accept().close();
                    CONNECTIONS.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "mutation-test-listener");
        accepting.setDaemon(true);
        accepting.start();
    }

    @AfterAll
    static void close() throws IOException {
        listener.close();
    }

    @Test
    void noMutantBreaksTheGenerator() throws IOException {
        List<Case> cases = cases();
        Random random = new Random(SEED);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        Map<String, Map<Outcome, Integer>> byMutation = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        List<String> log = new ArrayList<>();
        Map<Mutant, GenerationResult> toCompile = new LinkedHashMap<>();
        Files.createDirectories(work.resolve("cases"));
        Files.writeString(work.resolve("cases/outside-secret.yaml"), "a: secret\n");
        for (int i = 0; i < COUNT; i++) {
            Case source = cases.get(random.nextInt(cases.size()));
            Mutant mutant = mutate(i, source, random);
            List<Outcome> outcomes = new ArrayList<>();
            int connectionsBefore = CONNECTIONS.get();
            GenerationResult result = null;
            try {
                result = ArazzoCodegen.generate(GenerationRequest.builder()
                        .spec(mutant.document())
                        .outputDirectory(work.resolve("out/m" + i))
                        .packageName("fuzz.m" + i)
                        .projectDirectory(mutant.folder())
                        .sourceMappings(mutant.mappings())
                        .build());
            } catch (Throwable e) {
                outcomes.add(Outcome.ESCAPED);
                failures.add(mutant + ": " + e + " escaped");
            }
            if (CONNECTIONS.get() != connectionsBefore) {
                outcomes.add(Outcome.READ_OUTSIDE);
                failures.add(mutant + ": the generator opened a connection");
            }
            if (result != null) {
                check(mutant, result, outcomes, failures);
                if (!result.hasErrors() && outcomes.isEmpty()) {
                    toCompile.put(mutant, result);
                }
                if (outcomes.isEmpty()) {
                    outcomes.add(result.hasErrors() ? Outcome.REJECTED : Outcome.GENERATED);
                }
            }
            if (REPORT != null) {
                log.add(mutant + ": " + outcomes + (result == null ? "" : result.diagnostics().stream()
                        .filter(Diagnostic::isError).limit(3).map(d -> cut(d.toString())).toList()));
            }
            for (Outcome outcome : outcomes) {
                counts.merge(outcome, 1, Integer::sum);
                byMutation.computeIfAbsent(mutant.mutation(), k -> new EnumMap<>(Outcome.class))
                        .merge(outcome, 1, Integer::sum);
            }
        }
        compileAll(toCompile, counts, byMutation, failures);
        if (REPORT != null) {
            log.addAll(failures);
            Files.write(Path.of(REPORT), log);
        }
        if (COUNT != DEFAULT_COUNT || Boolean.getBoolean("arazzo.fuzz.table")) {
            System.out.println(table(byMutation, counts));
        }
        assertEquals(List.of(), failures, () -> failures.size() + " of " + COUNT + " mutants (seed " + SEED
                + ") broke the generator:\n" + table(byMutation, counts));
    }

    private static void check(Mutant mutant, GenerationResult result, List<Outcome> outcomes, List<String> failures) {
        for (Diagnostic diagnostic : result.diagnostics()) {
            if (diagnostic.location().line() < 1 || diagnostic.location().column() < 1) {
                add(outcomes, Outcome.UNLOCATED);
                failures.add(mutant + ": diagnostic without line and column: " + cut(diagnostic.toString()));
            }
            if (diagnostic.message().length() > MESSAGE_LIMIT) {
                add(outcomes, Outcome.UNBOUNDED);
                failures.add(mutant + ": message of " + diagnostic.message().length() + " characters: "
                        + cut(diagnostic.toString()));
            }
            if (diagnostic.code().equals("internal-error")) {
                add(outcomes, Outcome.INTERNAL_ERROR);
                failures.add(mutant + ": " + cut(diagnostic.toString()));
            }
        }
        Path folder = mutant.folder().toAbsolutePath().normalize();
        for (Path read : result.filesRead()) {
            if (!read.toAbsolutePath().normalize().startsWith(folder)) {
                add(outcomes, Outcome.READ_OUTSIDE);
                failures.add(mutant + ": read " + read);
            }
        }
        if (mutant.pointsOutside() && !result.hasErrors()) {
            add(outcomes, Outcome.NOT_REFUSED);
            failures.add(mutant + ": a reference outside the project was not refused");
        }
    }

    private static void add(List<Outcome> outcomes, Outcome outcome) {
        if (!outcomes.contains(outcome)) {
            outcomes.add(outcome);
        }
    }

    /** Compiles the error-free outputs, a batch at a time (each mutant has its own package). */
    private static void compileAll(Map<Mutant, GenerationResult> results, Map<Outcome, Integer> counts,
            Map<String, Map<Outcome, Integer>> byMutation, List<String> failures) {
        List<Mutant> mutants = new ArrayList<>(results.keySet());
        for (int start = 0; start < mutants.size(); start += 40) {
            List<Mutant> batch = mutants.subList(start, Math.min(mutants.size(), start + 40));
            List<JavaFileObject> sources = new ArrayList<>();
            for (Mutant mutant : batch) {
                results.get(mutant).files().forEach(f -> sources.add(source(f.path())));
            }
            Compilation compilation = compileOrNull(sources);
            for (Mutant mutant : batch) {
                String folder = "/m" + mutant.index() + "/";
                List<String> problems;
                if (compilation != null) {
                    problems = problems(compilation, folder);
                } else {
                    // javac itself failed on the batch (a stack overflow in its parser): one by one
                    Compilation alone = compileOrNull(results.get(mutant).files().stream()
                            .map(f -> source(f.path())).toList());
                    problems = alone == null ? List.of("javac failed on this output") : problems(alone, folder);
                }
                if (!problems.isEmpty()) {
                    counts.merge(Outcome.GENERATED, -1, Integer::sum);
                    counts.merge(Outcome.NOT_COMPILING, 1, Integer::sum);
                    Map<Outcome, Integer> row = byMutation.get(mutant.mutation());
                    row.merge(Outcome.GENERATED, -1, Integer::sum);
                    row.merge(Outcome.NOT_COMPILING, 1, Integer::sum);
                    failures.add(mutant + ": output does not compile: " + cut(String.join("\n", problems)));
                }
            }
        }
    }

    private static Compilation compileOrNull(List<JavaFileObject> sources) {
        try {
            return Compiler.javac().withOptions("--release", "17", "-Xlint:all", "-Werror").compile(sources);
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    private static List<String> problems(Compilation compilation, String folder) {
        return compilation.diagnostics().stream()
                .filter(d -> d.getKind() != javax.tools.Diagnostic.Kind.NOTE)
                .filter(d -> d.getSource() == null || d.getSource().toUri().getPath().contains(folder))
                .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName()) + ":"
                        + d.getLineNumber() + " " + d.getMessage(null))
                .toList();
    }

    private static JavaFileObject source(Path path) {
        try {
            return JavaFileObjects.forResource(path.toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String table(Map<String, Map<Outcome, Integer>> byMutation, Map<Outcome, Integer> counts) {
        StringBuilder out = new StringBuilder(String.format("%-22s", "mutation"));
        for (Outcome outcome : Outcome.values()) {
            out.append(String.format(" %14s", outcome.name().toLowerCase(java.util.Locale.ROOT)));
        }
        out.append('\n');
        Map<String, Map<Outcome, Integer>> rows = new LinkedHashMap<>(byMutation);
        rows.put("total", counts);
        rows.forEach((mutation, row) -> {
            out.append(String.format("%-22s", mutation));
            for (Outcome outcome : Outcome.values()) {
                out.append(String.format(" %14d", row.getOrDefault(outcome, 0)));
            }
            out.append('\n');
        });
        return out.toString();
    }

    private static String cut(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "...";
    }

    // ---- the cases -------------------------------------------------------------------------------

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        Path corpus = Shared.root().resolve("corpus");
        try (Stream<Path> folders = Files.list(corpus)) {
            for (Path folder : folders.sorted().toList()) {
                if (!Files.isDirectory(folder) || folder.getFileName().toString().startsWith("_")) {
                    continue;
                }
                JsonNode manifest = YAML.readTree(folder.resolve("manifest.yaml").toFile());
                Map<String, String> urlMap = new LinkedHashMap<>();
                manifest.path("url_map").properties().forEach(e -> urlMap.put(e.getKey(), e.getValue().asText()));
                for (JsonNode document : manifest.path("arazzo_documents")) {
                    cases.add(new Case(folder.getFileName() + "/" + document.asText(), folder, document.asText(),
                            urlMap));
                }
            }
        }
        cases.add(new Case("seed", null, "arazzo/seed.yml", Map.of()));
        return cases;
    }

    /** A copy of the case's folder with one mutation applied to its Arazzo document (or an OpenAPI file). */
    private Mutant mutate(int index, Case source, Random random) throws IOException {
        Path folder = work.resolve("cases/m" + index);
        if (source.folder() == null) {
            Files.createDirectories(folder.resolve("arazzo"));
            Files.createDirectories(folder.resolve("openapi"));
            Files.copy(Shared.seedWorkflow(), folder.resolve("arazzo/seed.yml"));
            try (var in = MutationTest.class.getResourceAsStream("/seed/amazon-connect-openapi.yml")) {
                Files.copy(in, folder.resolve("openapi/amazon-connect-openapi.yml"));
            }
        } else {
            copy(source.folder(), folder);
        }
        Path document = folder.resolve(source.document());
        Map<String, Path> mappings = new LinkedHashMap<>();
        source.urlMap().forEach((url, file) -> mappings.put(url, folder.resolve(file)));
        ObjectNode root = (ObjectNode) YAML.readTree(document.toFile());
        Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
        boolean outside = mutation.apply(root, random, new Context(folder, document, listener.getLocalPort(), mappings));
        if (mutation == Mutation.EMPTY_FILE) {
            Files.writeString(document, random.nextBoolean() ? "" : "# nothing here\n");
        } else if (mutation != Mutation.OPENAPI_REF) {
            ObjectMapper mapper = document.toString().endsWith(".json") ? JSON : YAML;
            Files.writeString(document, mapper.writeValueAsString(root), StandardCharsets.UTF_8);
        }
        return new Mutant(index, source, mutation.name().toLowerCase(java.util.Locale.ROOT), folder, document, mappings,
                outside);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path path : all.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    record Context(Path folder, Path document, int port, Map<String, Path> mappings) {
        /** {@code ref} with {@link #OUTSIDE} made the path from {@code file} to a file beside the case folder. */
        String outside(Path file, String ref) {
            Path secret = folder.resolveSibling("outside-secret.yaml");
            return ref.replace(OUTSIDE, file.getParent().relativize(secret).toString());
        }
    }

    enum Mutation {
        DEEP_SCHEMA {
            @Override
            boolean apply(ObjectNode root, Random random, Context context) {
                ObjectNode schema = NODES.objectNode().put("type", "object");
                ObjectNode inner = schema;
                int depth = 100 + random.nextInt(300);
                for (int i = 0; i < depth; i++) {
                    ObjectNode next = NODES.objectNode().put("type", "object");
                    inner.set("properties", NODES.objectNode().set("p" + i, next));
                    inner = next;
                }
                inner.set("properties", NODES.objectNode().set("leaf", NODES.objectNode().put("type", "string")));
                workflow(root, random).set("inputs", schema);
                return false;
            }
        },
        DEEP_CONDITION {
            @Override
            boolean apply(ObjectNode root, Random random, Context context) {
                int depth = 200 + random.nextInt(1500);
                String condition = "(".repeat(depth) + "$statusCode == 200" + ")".repeat(depth);
                criteria(root, random).add(NODES.objectNode().put("condition", condition));
                return false;
            }
        },
        LONG_AND_CHAIN {
            @Override
            boolean apply(ObjectNode root, Random random, Context context) {
                int length = 100 + random.nextInt(3000);
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < length; i++) {
                    parts.add(random.nextBoolean() ? "$statusCode == 200" : "$statusCode != " + (300 + i % 200));
                }
                String operator = random.nextInt(4) == 0 ? " || " : " && ";
                criteria(root, random).add(NODES.objectNode().put("condition", String.join(operator, parts)));
                return false;
            }
        },
        HUGE_STRING {
            @Override
            boolean apply(ObjectNode root, Random random, Context context) {
                String unit = List.of("a", "é", "日", "\uD83D\uDE00", "x y ", "\"\\").get(random.nextInt(6));
                String huge = unit.repeat(20_000 + random.nextInt(50_000));
                switch (random.nextInt(4)) {
                    case 0 -> workflow(root, random).put("description", huge);
                    case 1 -> criteria(root, random).add(NODES.objectNode().put("condition", "$statusCode == 200")
                            .put("context", "$response.body").put("type", "regex")
                            .put("condition", huge.replaceAll("[\\\\\"]", "q")));
                    case 2 -> {
                        ObjectNode step = step(root, random);
                        ArrayNode parameters = step.has("parameters") && step.get("parameters").isArray()
                                ? (ArrayNode) step.get("parameters") : step.putArray("parameters");
                        parameters.add(NODES.objectNode().put("name", "huge").put("in", "header").put("value", huge));
                    }
                    default -> criteria(root, random).add(NODES.objectNode()
                            .put("condition", "$statusCode == '" + huge.replace("'", "") + "'"));
                }
                return false;
            }
        },
        ODD_IDENTIFIER {
            @Override
            boolean apply(ObjectNode root, Random random, Context context) {
                String name = ODD_NAMES.get(random.nextInt(ODD_NAMES.size()));
                ObjectNode workflow = workflow(root, random);
                switch (random.nextInt(5)) {
                    case 0 -> step(root, random).put("stepId", name);
                    case 1 -> workflow.put("workflowId", name);
                    case 2 -> workflowOutput(workflow, name);
                    case 3 -> {
                        ObjectNode step = step(root, random);
                        ObjectNode outputs = step.has("outputs") && step.get("outputs").isObject()
                                ? (ObjectNode) step.get("outputs") : step.putObject("outputs");
                        outputs.put(name, "$statusCode");
                    }
                    default -> {
                        ObjectNode inputs = workflow.putObject("inputs").put("type", "object");
                        ObjectNode properties = inputs.putObject("properties");
                        properties.set(name, NODES.objectNode().put("type", "string"));
                        String other = ODD_NAMES.get(random.nextInt(ODD_NAMES.size()));
                        properties.set(other, NODES.objectNode().put("type", "integer"));
                    }
                }
                return false;
            }
        },
        CASE_CLASH {
            @Override
            boolean apply(ObjectNode root, Random random, Context context) {
                ObjectNode workflow = workflow(root, random);
                JsonNode steps = workflow.path("steps");
                if (steps.isArray() && !steps.isEmpty()) {
                    ObjectNode copy = ((ObjectNode) steps.get(0)).deepCopy();
                    String id = copy.path("stepId").asText("step");
                    String other = id.equals(id.toUpperCase(java.util.Locale.ROOT))
                            ? id.toLowerCase(java.util.Locale.ROOT) : id.toUpperCase(java.util.Locale.ROOT);
                    copy.put("stepId", other.equals(id) ? id + "_" : other);
                    ((ArrayNode) steps).add(copy);
                }
                for (String name : List.of("result", "Result", "x", "X")) {
                    workflowOutput(workflow, name);
                }
                ObjectNode properties = workflow.putObject("inputs").put("type", "object").putObject("properties");
                properties.set("inputs", NODES.objectNode().put("type", "string"));
                properties.set("inputs_", NODES.objectNode().put("type", "string"));
                properties.set("Inputs", NODES.objectNode().put("type", "string"));
                return false;
            }
        },
        LINE_TERMINATORS {
            @Override
            boolean apply(ObjectNode root, Random random, Context context) {
                String text = "one\u2028two\u2029three\rfour\u0085five\u000Bsix\u000Cseven*/ \\u000A end";
                workflow(root, random).put("summary", text).put("description", text);
                step(root, random).put("description", text);
                criteria(root, random).add(NODES.objectNode().put("condition", "$statusCode == '" + text + "'"));
                return false;
            }
        },
        ODD_TEXT {
            @Override
            boolean apply(ObjectNode root, Random random, Context context) {
                List<String> odd = List.of("\u2028", "\u2029", "\u0085", "*/", "\\", "\"", "'", "\\u000A",
                        "\u0000", "\u200E", "\uD83D\uDE00");
                List<Map.Entry<ObjectNode, String>> texts = new ArrayList<>();
                java.util.Deque<JsonNode> pending = new java.util.ArrayDeque<>(List.of(root));
                while (!pending.isEmpty()) {
                    JsonNode node = pending.pop();
                    node.properties().forEach(field -> {
                        if (field.getValue().isTextual()) {
                            texts.add(Map.entry((ObjectNode) node, field.getKey()));
                        }
                    });
                    node.elements().forEachRemaining(child -> {
                        if (child.isContainerNode()) {
                            pending.push(child);
                        }
                    });
                }
                for (int i = 0; i < 3 && !texts.isEmpty(); i++) {
                    Map.Entry<ObjectNode, String> text = texts.get(random.nextInt(texts.size()));
                    String value = text.getKey().get(text.getValue()).asText();
                    int at = random.nextInt(value.length() + 1);
                    text.getKey().put(text.getValue(), value.substring(0, at) + odd.get(random.nextInt(odd.size()))
                            + value.substring(at));
                }
                return false;
            }
        },
        GOTO_OWN_WORKFLOW {
            @Override
            boolean apply(ObjectNode root, Random random, Context context) {
                ObjectNode workflow = workflow(root, random);
                String id = workflow.path("workflowId").asText();
                ObjectNode step = step(root, random);
                String key = random.nextBoolean() ? "onSuccess" : "onFailure";
                step.putArray(key).add(NODES.objectNode().put("name", "again").put("type", "goto")
                        .put("workflowId", random.nextBoolean() ? id : "$sourceDescriptions.x." + id));
                return false;
            }
        },
        REMOVE_FIELD {
            @Override
            boolean apply(ObjectNode root, Random random, Context context) {
                Slot slot = anySlot(root, random);
                if (slot.parent() instanceof ObjectNode object) {
                    object.remove(slot.key());
                } else if (slot.parent() instanceof ArrayNode array) {
                    array.remove(slot.index());
                }
                return false;
            }
        },
        DUPLICATE_FIELD {
            @Override
            boolean apply(ObjectNode root, Random random, Context context) {
                Slot slot = anySlot(root, random);
                if (slot.parent() instanceof ArrayNode array) {
                    array.add(array.get(slot.index()).deepCopy());
                } else if (slot.parent() instanceof ObjectNode object) {
                    object.set(slot.key() + (random.nextBoolean() ? "_" : "2"), object.get(slot.key()).deepCopy());
                }
                return false;
            }
        },
        RENAME_FIELD {
            @Override
            boolean apply(ObjectNode root, Random random, Context context) {
                Slot slot = anySlot(root, random);
                if (slot.parent() instanceof ObjectNode object) {
                    JsonNode value = object.remove(slot.key());
                    object.set(ODD_NAMES.get(random.nextInt(ODD_NAMES.size())), value);
                }
                return false;
            }
        },
        WRONG_TYPE {
            @Override
            boolean apply(ObjectNode root, Random random, Context context) {
                Slot slot = anySlot(root, random);
                JsonNode value = switch (random.nextInt(6)) {
                    case 0 -> NODES.numberNode(random.nextInt());
                    case 1 -> NODES.booleanNode(random.nextBoolean());
                    case 2 -> NODES.arrayNode().add("x");
                    case 3 -> NODES.objectNode().put("x", 1);
                    case 4 -> NODES.nullNode();
                    default -> NODES.textNode("$steps.nowhere.outputs.x");
                };
                if (slot.parent() instanceof ObjectNode object) {
                    object.set(slot.key(), value);
                } else if (slot.parent() instanceof ArrayNode array) {
                    array.set(slot.index(), value);
                }
                return false;
            }
        },
        SOURCE_URL {
            @Override
            boolean apply(ObjectNode root, Random random, Context context) {
                JsonNode sources = root.path("sourceDescriptions");
                if (!sources.isArray() || sources.isEmpty()) {
                    return false;
                }
                List<String> urls = new ArrayList<>(HOSTILE_REFS);
                urls.add("http://127.0.0.1:" + context.port() + "/openapi.yaml");
                urls.add("https://127.0.0.1:" + context.port() + "/openapi.yaml");
                ((ObjectNode) sources.get(random.nextInt(sources.size())))
                        .put("url", context.outside(context.document(), urls.get(random.nextInt(urls.size()))));
                return true;
            }
        },
        OPENAPI_REF {
            @Override
            boolean apply(ObjectNode root, Random random, Context context) {
                // the OpenAPI documents this document's sources name, through the mappings or relative to it
                List<Path> openApi = new ArrayList<>();
                for (JsonNode description : root.path("sourceDescriptions")) {
                    String url = description.path("url").asText();
                    Path mapped = context.mappings().get(url);
                    Path file = mapped != null ? mapped : url.contains(":") ? null
                            : context.document().resolveSibling(url).normalize();
                    if (file != null && Files.isRegularFile(file) && isOpenApi(file)) {
                        openApi.add(file);
                    }
                }
                if (openApi.isEmpty()) {
                    return false;
                }
                Path file = openApi.get(random.nextInt(openApi.size()));
                List<String> refs = new ArrayList<>(HOSTILE_REFS);
                refs.add("http://127.0.0.1:" + context.port() + "/schema.yaml");
                refs.add("http://127.0.0.1:" + context.port() + "/schema.yaml#/components/schemas/X");
                String ref = context.outside(file, refs.get(random.nextInt(refs.size())));
                try {
                    ObjectMapper mapper = file.toString().endsWith(".json") ? JSON : YAML;
                    ObjectNode document = (ObjectNode) mapper.readTree(file.toFile());
                    ObjectNode components = document.has("components") && document.get("components").isObject()
                            ? (ObjectNode) document.get("components") : document.putObject("components");
                    ObjectNode schemas = components.has("schemas") && components.get("schemas").isObject()
                            ? (ObjectNode) components.get("schemas") : components.putObject("schemas");
                    schemas.set("Hostile", NODES.objectNode().put("$ref", ref));
                    Files.writeString(file, mapper.writeValueAsString(document));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return true;
            }
        },
        EMPTY_FILE {
            @Override
            boolean apply(ObjectNode root, Random random, Context context) {
                return false;
            }
        };

        abstract boolean apply(ObjectNode root, Random random, Context context);
    }

    private static boolean isOpenApi(Path file) {
        try {
            String text = Files.readString(file);
            return (text.contains("openapi") || text.contains("swagger")) && !text.contains("arazzo");
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    record Slot(JsonNode parent, String key, int index) {
    }

    /** A random node of the tree below the root, with the node that holds it. */
    private static Slot anySlot(ObjectNode root, Random random) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        return slots.isEmpty() ? new Slot(root, "info", -1) : slots.get(random.nextInt(slots.size()));
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                slots.add(new Slot(node, name, -1));
                collect(node.get(name), slots);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new Slot(node, null, i));
                collect(node.get(i), slots);
            }
        }
    }

    private static ObjectNode workflow(ObjectNode root, Random random) {
        JsonNode workflows = root.path("workflows");
        if (!workflows.isArray() || workflows.isEmpty() || !workflows.get(0).isObject()) {
            return root.putArray("workflows").addObject().put("workflowId", "w");
        }
        return (ObjectNode) workflows.get(random.nextInt(workflows.size()));
    }

    /** A workflow output {@code name} that reads a step output of the same name, set from the status code. */
    private static void workflowOutput(ObjectNode workflow, String name) {
        JsonNode steps = workflow.path("steps");
        if (!steps.isArray() || steps.isEmpty() || !steps.get(0).isObject()) {
            return;
        }
        ObjectNode step = (ObjectNode) steps.get(0);
        ObjectNode stepOutputs = step.has("outputs") && step.get("outputs").isObject()
                ? (ObjectNode) step.get("outputs") : step.putObject("outputs");
        stepOutputs.put(name, "$statusCode");
        ObjectNode outputs = workflow.has("outputs") && workflow.get("outputs").isObject()
                ? (ObjectNode) workflow.get("outputs") : workflow.putObject("outputs");
        outputs.put(name, "$steps." + step.path("stepId").asText() + ".outputs." + name);
    }

    private static ObjectNode step(ObjectNode root, Random random) {
        ObjectNode workflow = workflow(root, random);
        JsonNode steps = workflow.path("steps");
        if (!steps.isArray() || steps.isEmpty()) {
            return workflow.putArray("steps").addObject().put("stepId", "s");
        }
        return (ObjectNode) steps.get(random.nextInt(steps.size()));
    }

    private static ArrayNode criteria(ObjectNode root, Random random) {
        ObjectNode step = step(root, random);
        JsonNode criteria = step.path("successCriteria");
        return criteria.isArray() ? (ArrayNode) criteria : step.putArray("successCriteria");
    }
}
