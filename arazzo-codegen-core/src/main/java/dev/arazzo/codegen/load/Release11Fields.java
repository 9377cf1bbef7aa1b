package dev.arazzo.codegen.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Arazzo 1.1 fields and values a document that declares 1.0 uses. {@link SchemaChecker} reports each
 * as what it is, "this is Arazzo 1.1; declare 'arazzo: 1.1.0'", instead of the 1.0 schema's unknown field
 * or wrong value at the same node.
 */
final class Release11Fields {

    private static final List<String> STEP_FIELDS = List.of("timeout", "dependsOn", "channelPath", "action",
            "correlationId");
    private static final Set<String> ACTION_LISTS = Set.of("successActions", "failureActions", "onSuccess",
            "onFailure");
    private static final Set<String> V11_VERSIONS = Set.of("rfc9535", "xpath-31", "rfc6901");

    /**
     * A use of a 1.1 feature at {@code pointer}, worded as {@code what}; {@code covers} are the pointers
     * whose 1.0 schema diagnostics it replaces.
     */
    record Use(String pointer, String what, Set<String> covers) {
    }

    private final JsonNode root;
    private final NodeNames names;
    private final List<Use> uses = new ArrayList<>();

    private Release11Fields(JsonNode root) {
        this.root = root;
        this.names = new NodeNames(root);
    }

    /** Every 1.1 feature in {@code root}, in document order of the walk. */
    static List<Use> find(JsonNode root) {
        Release11Fields fields = new Release11Fields(root);
        fields.walk();
        return fields.uses;
    }

    private void walk() {
        if (root.has("$self")) {
            field("/$self", "'$self'");
        }
        JsonNode sources = root.path("sourceDescriptions");
        for (int i = 0; i < sources.size(); i++) {
            if ("asyncapi".equals(sources.path(i).path("type").asText(null))) {
                String at = "/sourceDescriptions/" + i + "/type";
                add(at, "'type: asyncapi' (" + names.field(at) + ")", at);
            }
        }
        JsonNode workflows = root.path("workflows");
        for (int i = 0; i < workflows.size(); i++) {
            String workflow = "/workflows/" + i;
            outputs(workflows.get(i), workflow);
            parameters(workflows.get(i), workflow);
            actions(workflows.get(i), workflow);
            JsonNode steps = workflows.get(i).path("steps");
            for (int j = 0; j < steps.size(); j++) {
                step(steps.get(j), workflow + "/steps/" + j);
            }
        }
        JsonNode components = root.path("components");
        components.path("parameters").fieldNames().forEachRemaining(name -> parameter(
                components.path("parameters").get(name), "/components/parameters/" + SourceDocument.escape(name)));
        for (String kind : List.of("successActions", "failureActions")) {
            components.path(kind).fieldNames().forEachRemaining(name -> action(components.path(kind).get(name),
                    "/components/" + kind + "/" + SourceDocument.escape(name)));
        }
    }

    private void step(JsonNode step, String pointer) {
        if (!step.isObject()) {
            return;
        }
        for (String name : STEP_FIELDS) {
            if (step.has(name)) {
                String at = pointer + "/" + name;
                // a channelPath step also lacks the 1.0 target the 1.0 schema asks the step for
                add(at, names.field(at), name.equals("channelPath") ? Set.of(at, pointer) : Set.of(at));
            }
        }
        outputs(step, pointer);
        parameters(step, pointer);
        actions(step, pointer);
        JsonNode replacements = step.path("requestBody").path("replacements");
        for (int i = 0; i < replacements.size(); i++) {
            if (replacements.get(i).has("targetSelectorType")) {
                field(pointer + "/requestBody/replacements/" + i + "/targetSelectorType", null);
            }
        }
        criteria(step.path("successCriteria"), pointer + "/successCriteria");
    }

    private void outputs(JsonNode owner, String pointer) {
        owner.path("outputs").properties().forEach(output -> {
            JsonNode value = output.getValue();
            if (value.isObject() && value.has("context") && value.has("selector")) {
                String at = pointer + "/outputs/" + SourceDocument.escape(output.getKey());
                add(at, "a Selector Object as " + names.field(at), at);
            }
        });
    }

    private void parameters(JsonNode owner, String pointer) {
        JsonNode parameters = owner.path("parameters");
        for (int i = 0; i < parameters.size(); i++) {
            parameter(parameters.get(i), pointer + "/parameters/" + i);
        }
    }

    private void parameter(JsonNode parameter, String pointer) {
        String in = parameter.path("in").asText("");
        if (in.equals("querystring") || in.equals("channel")) {
            String at = pointer + "/in";
            add(at, "'in: " + in + "' (" + names.subject(pointer) + ")", at);
        }
    }

    private void actions(JsonNode owner, String pointer) {
        for (String list : ACTION_LISTS) {
            JsonNode actions = owner.path(list);
            for (int i = 0; i < actions.size(); i++) {
                action(actions.get(i), pointer + "/" + list + "/" + i);
            }
        }
    }

    private void action(JsonNode action, String pointer) {
        if (action.has("parameters")) {
            field(pointer + "/parameters", null);
        }
        criteria(action.path("criteria"), pointer + "/criteria");
    }

    private void criteria(JsonNode criteria, String pointer) {
        for (int i = 0; i < criteria.size(); i++) {
            JsonNode type = criteria.get(i).path("type");
            String at = pointer + "/" + i + "/type";
            if ("jsonpointer".equals(type.path("type").asText(null))) {
                add(at + "/type", "a 'jsonpointer' Expression Type Object (" + names.subject(pointer + "/" + i) + ")",
                        Set.of(at, at + "/type"));
            } else if (V11_VERSIONS.contains(type.path("version").asText(""))) {
                add(at + "/version", "version '" + type.path("version").asText() + "' ("
                        + names.subject(pointer + "/" + i) + ")", Set.of(at, at + "/version"));
            }
        }
    }

    private void field(String pointer, String what) {
        add(pointer, what == null ? names.field(pointer) : what, pointer);
    }

    private void add(String pointer, String what, String covers) {
        add(pointer, what, Set.of(covers));
    }

    private void add(String pointer, String what, Set<String> covers) {
        uses.add(new Use(pointer, what, covers));
    }
}
