package dev.arazzo.codegen.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.path.NodePath;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks an Arazzo document against its release's JSON Schema (1.0 or 1.1, draft 2020-12, shipped with the
 * generator, validated offline) and turns every violation into a sentence at the offending node:
 *
 * <pre>
 * shop.arazzo.yaml:12:9: error: [missing-field] step 'pay' needs one of 'operationId', 'operationPath' or
 *     'workflowId'; add exactly one
 * shop.arazzo.yaml:4:42: error: [invalid-field] 'type' of source description 'shop' must be one of arazzo,
 *     openapi; found 'swagger'
 * </pre>
 *
 * <p>The validator reports every failed branch of a {@code oneOf}/{@code anyOf}; this class keeps the
 * branch that explains the node best (the one with the fewest problems), or says which alternatives are
 * missing when each branch only requires a different field. {@link #read} makes the schema the one
 * source of structural problems: a problem the {@link ArazzoReader} also finds at the same node is
 * reported once, in the schema's words.
 */
public final class SchemaChecker {

    /** Reader codes that restate what the schema says about the same node. */
    private static final Set<String> STRUCTURAL_READER_CODES = Set.of("missing-field", "invalid-field", "step-target",
            "invalid-criterion-type", "not-arazzo", "unsupported-version");
    private static final Map<String, String> KNOWN_PATTERNS = Map.of(
            "^[A-Za-z0-9_\\-]+$", "may contain only letters, digits, '_' and '-'",
            "^[a-zA-Z0-9\\.\\-_]+$", "may contain only letters, digits, '.', '-' and '_'");

    private SchemaChecker() {
    }

    /**
     * One release's schema, compiled once: {@link Schema} is immutable and safe to share between threads.
     * Each release is loaded the first time a document of that release is checked, in one registry, so the
     * draft 2020-12 meta-schema both refer to is read and compiled once.
     */
    private record Release(String name, JsonNode tree, String id, Schema schema) {

        /** The registry of both releases (thread-safe); made with the first release. */
        private static final class Registry {
            static final SchemaRegistry SHARED = SchemaRegistry.withDefaultDialect(SchemaDialect.draft202012());
        }

        /** Arazzo 1.0.x. */
        private static final class V10 {
            static final Release RELEASE = load("1.0", "arazzo-schema-1.0.json");
        }

        /** Arazzo 1.1.x. */
        private static final class V11 {
            static final Release RELEASE = load("1.1", "arazzo-schema-1.1.json");
        }

        /** Whether this is Arazzo 1.0 (asked without loading the 1.0 schema for a 1.1 document). */
        boolean is10() {
            return name.equals("1.0");
        }

        /** Whether a document that declares {@code version} is checked as 1.0, asked without loading a schema. */
        static boolean isV10(JsonNode version) {
            return !(version != null && version.isTextual() && version.asText().startsWith("1.1."));
        }

        /** The release whose schema checks a document that declares {@code version}; 1.0 when it declares none. */
        static Release of(JsonNode version) {
            return isV10(version) ? V10.RELEASE : V11.RELEASE;
        }

        private static Release load(String name, String resource) {
            JsonNode tree = readTree(resource);
            String id = tree.path("$id").asText();
            Schema schema = Registry.SHARED.getSchema(SchemaLocation.of(id), tree);
            return new Release(name, tree, id, schema);
        }

        private static JsonNode readTree(String resource) {
            try (InputStream in = SchemaChecker.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the generator's jar");
                }
                return correctKnownGaps((ObjectNode) new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * The resources are the official schemas as published, in JSON so that a JSON document is checked without
         * a YAML parser ({@code SchemaResourcesTest} holds them to the published YAML); where one contradicts the
         * specification text, the text wins, so these corrections are applied to the tree here, in one visible place:
         * <ul>
         * <li>Criterion Object (1.0): the {@code anyOf} branch meant for a Criterion Expression Type Object is
         *     applied to the criterion itself, not to its {@code type}, so the valid {@code type: {type:
         *     jsonpath, version: draft-goessner-dispatch-jsonpath-00}} is rejected. (1.1 fixed it.)
         * <li>Payload Replacement Object (1.0): {@code value} is "Any | {expression}" in the text, a string
         *     only in the schema.
         * <li>Root: a {@code $schema} key naming the schema the document follows is accepted (documents in
         *     the wild carry one; it changes nothing).
         * </ul>
         */
        private static ObjectNode correctKnownGaps(ObjectNode schema) {
            ObjectNode definitions = (ObjectNode) schema.get("$defs");
            ObjectNode criterion = (ObjectNode) definitions.get("criterion-object");
            if (criterion.get("anyOf") instanceof ArrayNode anyOf && anyOf.size() > 1) {
                ObjectNode expressionType = anyOf.objectNode();
                expressionType.putObject("properties").putObject("type")
                        .put("$ref", "#/$defs/criterion-expression-type-object");
                anyOf.set(1, expressionType);
            }
            ObjectNode replacement = (ObjectNode) definitions.get("payload-replacement-object").get("properties");
            if (replacement.path("value").path("type").asText().equals("string")) {
                replacement.put("value", true);
            }
            ((ObjectNode) schema.get("properties")).putObject("$schema").put("type", "string");
            return schema;
        }
    }

    /** How much of a document's text {@link #declaresRelease11} looks at for its {@code arazzo} field. */
    private static final int HEAD_BYTES = 4096;
    /** {@code arazzo: 1.1.x} as a top-level YAML key, or {@code "arazzo": "1.1.x"} in JSON. */
    private static final java.util.regex.Pattern DECLARES_11 = java.util.regex.Pattern.compile(
            "(?m)(^arazzo|\"arazzo\")[ \t]*:[ \t]*[\"']?1\\.1\\.");

    /**
     * Builds, before {@code document} is read, what checking it needs: the JSON mapper that reads the schema, the
     * draft 2020-12 dialect and registry, and the schema of the release its text declares compiled (with the 2020-12
     * meta-schema it refers to), each once per JVM. It is class initialisation, so it is thread-safe and idempotent:
     * a check that starts while it runs waits for it, then finds the schema built. The release is a guess from the
     * first {@value #HEAD_BYTES} bytes (1.0 unless they declare 1.1); a wrong guess only builds a schema for nothing,
     * since the check picks its release from the document it is given. Throws what building the schema throws.
     */
    public static void prepare(java.nio.file.Path document) {
        (declaresRelease11(document) ? Release.V11.RELEASE : Release.V10.RELEASE).schema();
    }

    /** Whether the start of {@code document}'s text declares Arazzo 1.1; false when it cannot be read. */
    static boolean declaresRelease11(java.nio.file.Path document) {
        byte[] head;
        try (InputStream in = java.nio.file.Files.newInputStream(document)) {
            head = in.readNBytes(HEAD_BYTES);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return DECLARES_11.matcher(new String(head, java.nio.charset.StandardCharsets.UTF_8)).find();
    }

    /**
     * Validates {@code source}, then reads it with {@link ArazzoReader}; reports the schema's diagnostics
     * and the reader's, leaving out a structural reader diagnostic where the schema already reported a
     * problem at the same node. All are reported in document order.
     */
    public static Optional<ArazzoDocument> read(SourceDocument source, Diagnostics diagnostics) {
        List<Diagnostic> violations = violations(source);
        Reading reading = reading(source);
        reading.report(violations, diagnostics);
        return reading.document();
    }

    /**
     * What {@link #read} reports of the schema check: {@link #check}'s diagnostics but those about an output
     * given as a constant. It needs only {@code source}, which it does not change, so it may run on another
     * thread while {@link #reading} reads the same document.
     */
    public static List<Diagnostic> violations(SourceDocument source) {
        return check(source).stream().filter(d -> !constantOutput(source, d)).toList();
    }

    /**
     * {@code source} read with {@link ArazzoReader}, its diagnostics held back until the schema's
     * {@link #violations} are known: {@code violations(source)} then {@code reading(source).report(..)} is
     * {@link #read}, in either order.
     */
    public static Reading reading(SourceDocument source) {
        Diagnostics reader = new Diagnostics();
        Optional<ArazzoDocument> document = ArazzoReader.read(source, reader);
        Set<String> covered = new HashSet<>();
        if (Release.isV10(source.root().path("arazzo"))) {
            Release11Fields.find(source.root()).forEach(use -> covered.addAll(use.covers()));
        }
        return new Reading(document, reader.all(), TextLimits.check(source), covered);
    }

    /**
     * A document read, with the diagnostics of its reader and of its text limits, waiting for the schema's.
     * Immutable.
     */
    public static final class Reading {

        private final Optional<ArazzoDocument> document;
        private final List<Diagnostic> reader;
        private final List<Diagnostic> limits;
        private final Set<String> release11;

        private Reading(Optional<ArazzoDocument> document, List<Diagnostic> reader, List<Diagnostic> limits,
                Set<String> release11) {
            this.document = document;
            this.reader = List.copyOf(reader);
            this.limits = List.copyOf(limits);
            this.release11 = Set.copyOf(release11);
        }

        /** The document, unless the reader could not make one (its diagnostics say why). */
        public Optional<ArazzoDocument> document() {
            return document;
        }

        /**
         * Reports the schema's {@code violations} of this document, the text limits' and the reader's, leaving
         * out a structural reader diagnostic where the schema (or a 1.1 field in a 1.0 document) already names a
         * problem at the same node; all in document order.
         */
        public void report(List<Diagnostic> violations, Diagnostics diagnostics) {
            Set<String> flagged = violations.stream().map(d -> d.location().jsonPointer())
                    .collect(Collectors.toCollection(HashSet::new));
            flagged.addAll(release11);
            List<Diagnostic> all = new ArrayList<>(violations);
            all.addAll(limits);
            for (Diagnostic diagnostic : reader) {
                if (!(STRUCTURAL_READER_CODES.contains(diagnostic.code())
                        && flagged.contains(diagnostic.location().jsonPointer()))) {
                    all.add(diagnostic);
                }
            }
            all.stream().sorted(IN_DOCUMENT_ORDER).forEach(diagnostics::add);
        }
    }

    private static final java.util.regex.Pattern OUTPUT = java.util.regex.Pattern.compile(
            "/workflows/\\d+(/steps/\\d+)?/outputs/[^/]+");

    /**
     * A leniency for documents in the wild: an output given a number or a boolean ({@code guildCount: 2})
     * is read as that constant, with a warning from the bind stage, rather than rejected for not being a
     * string.
     */
    private static boolean constantOutput(SourceDocument source, Diagnostic diagnostic) {
        String pointer = diagnostic.location().jsonPointer();
        JsonNode node = source.root().at(pointer);
        return OUTPUT.matcher(pointer).matches() && (node.isNumber() || node.isBoolean());
    }

    private static final Comparator<Diagnostic> IN_DOCUMENT_ORDER = Comparator
            .comparingInt((Diagnostic d) -> d.location().line() == 0 ? Integer.MAX_VALUE : d.location().line())
            .thenComparingInt(d -> d.location().column());

    /**
     * Every violation of the JSON Schema of the Arazzo release {@code source} declares (1.0 or 1.1), as
     * errors in document order.
     */
    public static List<Diagnostic> check(SourceDocument source) {
        Release release = Release.of(source.root().path("arazzo"));
        List<com.networknt.schema.Error> errors;
        try {
            errors = release.schema().validate(source.root());
        } catch (RuntimeException e) {
            return List.of(Diagnostic.warning("schema-unchecked", source.locate(""), "the document could not be checked "
                    + "against the Arazzo " + release.name() + " JSON Schema (" + e.getMessage() + "); its structure is checked only by "
                    + "the reader"));
        }
        List<Violation> violations = errors.stream().map(Violation::of).toList();
        List<Problem> problems = new Interpreter(new NodeNames(source.root()), release).interpret(violations, 0);
        Set<String> seen = new HashSet<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Problem problem : problems) {
            if (problem.unknownField() && problems.stream().anyMatch(other -> other != problem
                    && (other.pointer().equals(problem.pointer()) || other.pointer().startsWith(problem.pointer() + "/")))) {
                continue; // a property that fails its own schema is also "not evaluated": say it once
            }
            if (seen.add(problem.pointer() + "\n" + problem.message())) {
                diagnostics.add(Diagnostic.error(problem.code(), source.locate(problem.pointer()), problem.message()));
            }
        }
        if (release.is10()) {
            release11Fields(source, diagnostics);
        }
        diagnostics.sort(IN_DOCUMENT_ORDER);
        return List.copyOf(diagnostics);
    }

    /**
     * In a document that declares 1.0, each Arazzo 1.1 field or value is reported as such, in place of what
     * the 1.0 schema says at the same node (an unknown field, a value outside its list).
     */
    private static void release11Fields(SourceDocument source, List<Diagnostic> diagnostics) {
        List<Release11Fields.Use> uses = Release11Fields.find(source.root());
        Set<String> covered = new HashSet<>();
        uses.forEach(use -> covered.addAll(use.covers()));
        diagnostics.removeIf(d -> covered.contains(d.location().jsonPointer()));
        String declared = source.root().path("arazzo").asText();
        for (Release11Fields.Use use : uses) {
            diagnostics.add(Diagnostic.error("arazzo-1.1-only", source.locate(use.pointer()), use.what()
                    + " is Arazzo 1.1, but this document declares 'arazzo: " + declared + "'; declare 'arazzo: 1.1.0' "
                    + "to use it, or remove it"));
        }
    }

    /** One validator error with its evaluation path as segments and its instance location as a JSON Pointer. */
    private record Violation(com.networknt.schema.Error error, List<String> path, String instance) {

        static Violation of(com.networknt.schema.Error error) {
            NodePath evaluation = error.getEvaluationPath();
            List<String> path = new ArrayList<>();
            for (int i = 0; i < evaluation.getNameCount(); i++) {
                path.add(String.valueOf(evaluation.getElement(i)));
            }
            return new Violation(error, List.copyOf(path), pointer(error.getInstanceLocation()));
        }

        String keyword() {
            return error.getKeyword();
        }

        private static String pointer(NodePath path) {
            StringBuilder pointer = new StringBuilder();
            for (int i = 0; i < path.getNameCount(); i++) {
                pointer.append('/').append(SourceDocument.escape(String.valueOf(path.getElement(i))));
            }
            return pointer.toString();
        }
    }

    /** A readable problem at a node. */
    private record Problem(String pointer, String code, String message, Kind kind) {

        Problem(String pointer, String code, String message) {
            this(pointer, code, message, Kind.OTHER);
        }

        boolean unknownField() {
            return kind == Kind.UNKNOWN_FIELD;
        }
    }

    /** What kind of problem: a field not allowed here, a value of the wrong JSON type, anything else. */
    private enum Kind {
        UNKNOWN_FIELD, WRONG_TYPE, OTHER
    }

    /** Where a violation passes through a {@code oneOf}/{@code anyOf}: the applicator and, unless it is the applicator's own error, the branch. */
    private record Choice(String key, int end, String instance, Integer branch) {
    }

    private static final class Group {
        final String instance;
        final int end;
        Violation own;
        final Map<Integer, List<Violation>> branches = new TreeMap<>();

        Group(String instance, int end) {
            this.instance = instance;
            this.end = end;
        }
    }

    private static final class Interpreter {

        private final NodeNames names;
        private final Release release;

        Interpreter(NodeNames names, Release release) {
            this.names = names;
            this.release = release;
        }

        List<Problem> interpret(List<Violation> violations, int from) {
            List<Object> ordered = new ArrayList<>();
            Map<String, Group> groups = new LinkedHashMap<>();
            for (Violation violation : violations) {
                Choice choice = choice(violation, from);
                if (choice == null) {
                    ordered.add(violation);
                    continue;
                }
                Group group = groups.get(choice.key());
                if (group == null) {
                    group = new Group(choice.instance(), choice.end());
                    groups.put(choice.key(), group);
                    ordered.add(group);
                }
                if (choice.branch() == null) {
                    group.own = violation;
                } else {
                    group.branches.computeIfAbsent(choice.branch(), b -> new ArrayList<>()).add(violation);
                }
            }
            List<Problem> problems = new ArrayList<>();
            for (Object item : ordered) {
                if (item instanceof Violation violation) {
                    problems.add(describe(violation));
                } else {
                    problems.addAll(resolve((Group) item));
                }
            }
            return problems;
        }

        /** The first {@code oneOf}/{@code anyOf} at or after segment {@code from}, tracking how deep into the instance the path has gone. */
        private static Choice choice(Violation violation, int from) {
            List<String> path = violation.path();
            int depth = 0;
            for (int i = 0; i < path.size(); i++) {
                String segment = path.get(i);
                switch (segment) {
                    case "properties", "patternProperties", "prefixItems" -> {
                        i++;
                        depth++;
                    }
                    case "items", "additionalProperties", "unevaluatedItems", "contains", "additionalItems" -> depth++;
                    case "allOf", "dependentSchemas", "$defs" -> i++;
                    case "oneOf", "anyOf" -> {
                        boolean own = i == path.size() - 1;
                        if (i >= from && (own || isIndex(path.get(i + 1)))) {
                            String instance = truncate(violation.instance(), depth);
                            String key = String.join("\u0000", path.subList(0, i + 1)) + "\u0001" + instance;
                            return new Choice(key, i, instance, own ? null : Integer.parseInt(path.get(i + 1)));
                        }
                        i++;
                    }
                    default -> {
                        // $ref, $dynamicRef, if, then, else, not: the same instance
                    }
                }
            }
            return null;
        }

        private List<Problem> resolve(Group group) {
            JsonNode alternatives = group.own == null ? null : group.own.error().getSchemaNode();
            int valid = group.own == null ? 0 : validCount(group.own);
            if (valid > 1) {
                List<String> fields = requiredAlternatives(alternatives);
                String subject = names.subject(group.instance);
                if (fields != null) {
                    List<String> present = new ArrayList<>();
                    JsonNode node = group.own.error().getInstanceNode();
                    for (String field : fields) {
                        if (node != null && node.has(field)) {
                            present.add(field);
                        }
                    }
                    return List.of(new Problem(group.instance, "conflicting-fields", subject + " has " + both(present)
                            + "; keep exactly one of " + alternatives(fields)));
                }
                return List.of(new Problem(group.instance, "invalid-field", subject + " matches more than one of the "
                        + "forms allowed here; make it match exactly one"));
            }
            if (!group.branches.isEmpty() && group.branches.values().stream().allMatch(branch -> branch.size() == 1
                    && branch.get(0).keyword().equals("required") && branch.get(0).instance().equals(group.instance))) {
                List<String> fields = group.branches.values().stream().map(b -> property(b.get(0))).toList();
                return List.of(new Problem(group.instance, "missing-field", names.subject(group.instance)
                        + " needs one of " + alternatives(fields) + "; add exactly one"));
            }
            // the branch the author meant: fewest problems, then fewest wrong-type values, then the most specific
            return group.branches.values().stream()
                    .map(branch -> interpret(branch, group.end + 2))
                    .min(Comparator.comparingInt((List<Problem> problems) -> problems.size())
                            .thenComparingLong(problems -> problems.stream().filter(p -> p.kind() == Kind.WRONG_TYPE).count())
                            .thenComparingInt(problems -> -problems.stream().mapToInt(p -> NodeNames.tokens(p.pointer()).size())
                                    .max().orElse(0)))
                    .orElseGet(() -> List.of(describe(group.own)));
        }

        private static int validCount(Violation own) {
            Object[] arguments = own.error().getArguments();
            if (arguments == null || arguments.length == 0) {
                return 0;
            }
            try {
                return Integer.parseInt(String.valueOf(arguments[0]));
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        /** The field names when every alternative is {@code {required: [name]}}; else null. */
        private static List<String> requiredAlternatives(JsonNode alternatives) {
            if (alternatives == null || !alternatives.isArray()) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            for (JsonNode alternative : alternatives) {
                JsonNode required = alternative.get("required");
                if (alternative.size() != 1 || required == null || required.size() != 1) {
                    return null;
                }
                fields.add(required.get(0).asText());
            }
            return fields;
        }

        private Problem describe(Violation violation) {
            com.networknt.schema.Error error = violation.error();
            String pointer = violation.instance();
            String keyword = violation.keyword() == null ? "" : violation.keyword();
            JsonNode value = error.getInstanceNode();
            JsonNode schemaValue = error.getSchemaNode();
            String field = names.field(pointer);
            switch (keyword) {
                case "required" -> {
                    return new Problem(pointer, "missing-field", names.subject(pointer) + " has no '" + property(violation)
                            + "'; add it");
                }
                case "dependentRequired" -> {
                    String needed = String.valueOf(error.getArguments()[0]);
                    String because = error.getProperty();
                    return new Problem(pointer, "missing-field", names.subject(pointer) + " has '" + because + "' but no '"
                            + needed + "'; add a '" + needed + "'" + (needed.equals("context")
                                    ? " (e.g. 'context: $response.body')" : "") + " or remove '" + because + "'");
                }
                case "unevaluatedProperties", "additionalProperties" -> {
                    String name = property(violation);
                    String suggestion = Suggestions.didYouMean(name, knownProperties(error));
                    String fix = "remove it or, for an extension, name it 'x-" + name + "'";
                    return new Problem(pointer + "/" + SourceDocument.escape(name), "unknown-field", names.subject(pointer)
                            + " has field '" + name + "', which Arazzo does not define here"
                            + (suggestion.isEmpty() ? "; " + fix : suggestion + " Otherwise " + fix), Kind.UNKNOWN_FIELD);
                }
                case "type" -> {
                    return typeProblem(pointer, field, value, error.getArguments());
                }
                case "enum" -> {
                    List<String> allowed = new ArrayList<>();
                    if (schemaValue != null && schemaValue.isArray()) {
                        schemaValue.forEach(v -> allowed.add(v.isTextual() ? v.asText() : v.toString()));
                    }
                    return new Problem(pointer, "invalid-field", field + " must be one of "
                            + String.join(", ", allowed) + "; found " + render(value));
                }
                case "const" -> {
                    return new Problem(pointer, "invalid-field", field + " must be " + render(schemaValue)
                            + " here; found " + render(value));
                }
                case "pattern" -> {
                    if (pointer.equals("/arazzo")) {
                        return versionProblem("unsupported-version", value);
                    }
                    String pattern = schemaValue == null ? String.valueOf(error.getArguments()[0]) : schemaValue.asText();
                    return new Problem(pointer, "invalid-field", field + " "
                            + KNOWN_PATTERNS.getOrDefault(pattern, "must match the pattern " + pattern) + "; found "
                            + render(value));
                }
                case "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum" -> {
                    String bound = schemaValue == null ? String.valueOf(error.getArguments()[0]) : schemaValue.asText();
                    String relation = switch (keyword) {
                        case "minimum" -> "at least ";
                        case "exclusiveMinimum" -> "more than ";
                        case "maximum" -> "at most ";
                        default -> "less than ";
                    };
                    return new Problem(pointer, "invalid-field", field + " must be " + relation + bound
                            + "; found " + render(value));
                }
                case "minItems" -> {
                    int count = schemaValue == null ? 1 : schemaValue.asInt();
                    return new Problem(pointer, "invalid-field", field + " must list at least " + count
                            + (count == 1 ? " entry" : " entries") + "; it is empty");
                }
                case "uniqueItems" -> {
                    return new Problem(pointer, "invalid-field", field + " lists the same entry twice; "
                            + "remove the duplicate");
                }
                case "format" -> {
                    return new Problem(pointer, "invalid-field", field + " must be a valid "
                            + (schemaValue == null ? "value" : schemaValue.asText()) + "; found " + render(value));
                }
                case "false" -> {
                    return new Problem(pointer, "unknown-field", field + " is not allowed here; remove it",
                            Kind.UNKNOWN_FIELD);
                }
                default -> {
                    return new Problem(pointer, "invalid-field", field + " does not match the Arazzo " + release.name() + " "
                            + "schema: " + error.getMessage());
                }
            }
        }

        private Problem typeProblem(String pointer, String field, JsonNode value, Object[] arguments) {
            String found = arguments != null && arguments.length > 0 ? String.valueOf(arguments[0]) : kind(value);
            String expected = arguments != null && arguments.length > 1 ? String.valueOf(arguments[1]) : "";
            if (pointer.isEmpty()) {
                return new Problem(pointer, "not-arazzo", "the document is " + article(found) + ", not an object; an "
                        + "Arazzo document is an object that starts with 'arazzo: 1.0.1'");
            }
            if (pointer.equals("/arazzo")) {
                return versionProblem("invalid-field", value);
            }
            String hint = "";
            if (expected.equals("string") && value != null && value.isValueNode() && !value.isNull()) {
                hint = "; quote it: '" + value.asText() + "'";
            } else if (value == null || value.isNull()) {
                hint = "; give it a value or remove it";
            } else if (expected.equals("array")) {
                hint = "; write it as a list, one '- ' entry per item";
            }
            String wanted = expected.startsWith("[") ? "one of the types " + expected.substring(1, expected.length() - 1)
                    : article(expected);
            return new Problem(pointer, "invalid-field", field + " must be " + wanted + ", not "
                    + article(found) + hint, Kind.WRONG_TYPE);
        }

        private static Problem versionProblem(String code, JsonNode value) {
            return new Problem("/arazzo", code, "'arazzo' must be an Arazzo 1.0.x or 1.1.x version written as a "
                    + "string, such as '1.0.1' or '1.1.0'; found " + render(value));
        }

        /** The property names the schema object around an {@code unevaluatedProperties} defines, for "did you mean". */
        private List<String> knownProperties(com.networknt.schema.Error error) {
            SchemaLocation location = error.getSchemaLocation();
            List<String> known = new ArrayList<>();
            if (location == null || location.getAbsoluteIri() == null
                    || !release.id().equals(location.getAbsoluteIri().toString())) {
                return known;
            }
            NodePath fragment = location.getFragment();
            StringBuilder pointer = new StringBuilder();
            for (int i = 0; i < fragment.getNameCount() - 1; i++) {
                pointer.append('/').append(SourceDocument.escape(String.valueOf(fragment.getElement(i))));
            }
            release.tree().at(pointer.toString()).path("properties").fieldNames().forEachRemaining(known::add);
            return known;
        }

        private static String property(Violation violation) {
            String property = violation.error().getProperty();
            if (property == null && violation.error().getArguments() != null && violation.error().getArguments().length > 0) {
                property = String.valueOf(violation.error().getArguments()[0]);
            }
            return property == null ? "?" : property;
        }
    }

    private static String alternatives(List<String> fields) {
        List<String> quoted = fields.stream().map(f -> "'" + f + "'").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }

    private static String both(List<String> present) {
        List<String> quoted = present.stream().map(f -> "'" + f + "'").toList();
        if (quoted.size() < 2) {
            return "more than one of them";
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }

    private static String truncate(String pointer, int depth) {
        List<String> tokens = NodeNames.tokens(pointer);
        StringBuilder truncated = new StringBuilder();
        for (int i = 0; i < Math.min(depth, tokens.size()); i++) {
            truncated.append('/').append(SourceDocument.escape(tokens.get(i)));
        }
        return truncated.toString();
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
    }

    private static String kind(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isObject()) {
            return "object";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isIntegralNumber() ? "integer" : "number";
    }

    private static String article(String type) {
        return switch (type) {
            case "null" -> "null";
            case "object", "array", "integer" -> "an " + type;
            default -> "a " + type;
        };
    }

    private static String render(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        String text = value.isTextual() ? "'" + value.asText() + "'" : value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
