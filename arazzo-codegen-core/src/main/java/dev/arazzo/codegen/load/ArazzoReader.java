package dev.arazzo.codegen.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.load.ArazzoDocument.Action;
import dev.arazzo.codegen.load.ArazzoDocument.Criterion;
import dev.arazzo.codegen.load.ArazzoDocument.Parameter;
import dev.arazzo.codegen.load.ArazzoDocument.Replacement;
import dev.arazzo.codegen.load.ArazzoDocument.RequestBody;
import dev.arazzo.codegen.load.ArazzoDocument.SourceDescription;
import dev.arazzo.codegen.load.ArazzoDocument.Step;
import dev.arazzo.codegen.load.ArazzoDocument.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a loaded Arazzo document into {@link ArazzoDocument} records, following Reusable Objects and
 * {@code $ref}s into {@code components/inputs}. Structural problems become diagnostics at the node.
 */
public final class ArazzoReader {

    private final SourceDocument source;
    private final Diagnostics diagnostics;
    private final JsonNode components;

    private ArazzoReader(SourceDocument source, Diagnostics diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.components = source.root().path("components");
    }

    /** Reads {@code source}; empty when it is not an Arazzo document at all. */
    public static Optional<ArazzoDocument> read(SourceDocument source, Diagnostics diagnostics) {
        return new ArazzoReader(source, diagnostics).document();
    }

    private Optional<ArazzoDocument> document() {
        JsonNode root = source.root();
        if (!root.isObject()) {
            diagnostics.error("not-arazzo", source.locate(""), "the document is not an object; an Arazzo document "
                    + "starts with 'arazzo: 1.0.1'");
            return Optional.empty();
        }
        String version = text(root, "", "arazzo", true);
        if (version == null) {
            return Optional.empty();
        }
        if (!version.startsWith("1.0.")) {
            diagnostics.error("unsupported-version", source.locate("/arazzo"), "arazzo version '" + version
                    + "' is not supported; this generator reads Arazzo 1.0.x");
            return Optional.empty();
        }
        List<SourceDescription> sources = new ArrayList<>();
        eachObject(root, "", "sourceDescriptions", true, (node, pointer) -> {
            String name = text(node, pointer, "name", true);
            String url = text(node, pointer, "url", true);
            if (name != null && url != null) {
                sources.add(new SourceDescription(name, url, text(node, pointer, "type", false), pointer));
            }
        });
        List<Workflow> workflows = new ArrayList<>();
        eachObject(root, "", "workflows", true, (node, pointer) -> workflow(node, pointer).ifPresent(workflows::add));
        return Optional.of(new ArazzoDocument(source, version, root.path("info").path("title").asText(""), sources,
                workflows));
    }

    private Optional<Workflow> workflow(JsonNode node, String pointer) {
        String workflowId = text(node, pointer, "workflowId", true);
        List<String> dependsOn = new ArrayList<>();
        for (JsonNode dependency : node.path("dependsOn")) {
            dependsOn.add(dependency.asText());
        }
        List<Step> steps = new ArrayList<>();
        eachObject(node, pointer, "steps", true, (stepNode, stepPointer) -> step(stepNode, stepPointer).ifPresent(steps::add));
        if (workflowId == null) {
            return Optional.empty();
        }
        return Optional.of(new Workflow(workflowId, text(node, pointer, "summary", false),
                text(node, pointer, "description", false), inputs(node.get("inputs"), pointer + "/inputs"), dependsOn, steps,
                actions(node, pointer, "successActions", "successActions"),
                actions(node, pointer, "failureActions", "failureActions"),
                outputs(node, pointer), parameters(node, pointer), pointer));
    }

    private Optional<Step> step(JsonNode node, String pointer) {
        String stepId = text(node, pointer, "stepId", true);
        String operationId = text(node, pointer, "operationId", false);
        String operationPath = text(node, pointer, "operationPath", false);
        String workflowId = text(node, pointer, "workflowId", false);
        long targets = java.util.stream.Stream.of(operationId, operationPath, workflowId).filter(t -> t != null).count();
        if (targets != 1) {
            diagnostics.error("step-target", source.locate(pointer), "step" + (stepId == null ? "" : " '" + stepId + "'")
                    + (targets == 0 ? " names nothing to call" : " names more than one thing to call")
                    + "; give exactly one of operationId, operationPath or workflowId");
        }
        RequestBody body = null;
        JsonNode bodyNode = node.get("requestBody");
        if (bodyNode != null && bodyNode.isObject()) {
            String bodyPointer = pointer + "/requestBody";
            List<Replacement> replacements = new ArrayList<>();
            eachObject(bodyNode, bodyPointer, "replacements", false, (r, rp) -> {
                String target = text(r, rp, "target", true);
                if (target != null) {
                    replacements.add(new Replacement(target, r.get("value"), rp));
                }
            });
            body = new RequestBody(text(bodyNode, bodyPointer, "contentType", false), bodyNode.get("payload"),
                    replacements, bodyPointer);
        }
        if (stepId == null || targets != 1) {
            return Optional.empty();
        }
        return Optional.of(new Step(stepId, text(node, pointer, "description", false), operationId, operationPath,
                workflowId, parameters(node, pointer), body, criteria(node.get("successCriteria"), pointer + "/successCriteria"),
                actions(node, pointer, "onSuccess", "successActions"), actions(node, pointer, "onFailure", "failureActions"),
                outputs(node, pointer), pointer));
    }

    private List<Parameter> parameters(JsonNode owner, String ownerPointer) {
        List<Parameter> parameters = new ArrayList<>();
        eachObject(owner, ownerPointer, "parameters", false, (node, pointer) -> {
            Reused reused = reusable(node, pointer, "parameters");
            if (reused == null) {
                return;
            }
            String name = text(reused.node, reused.pointer, "name", true);
            JsonNode value = node.has("reference") && node.has("value") ? node.get("value") : reused.node.get("value");
            String valuePointer = node.has("reference") && node.has("value") ? pointer : reused.pointer;
            if (value == null) {
                diagnostics.error("missing-field", source.locate(reused.pointer), "parameter" + (name == null ? "" : " '"
                        + name + "'") + " has no 'value'; give the value to send");
                return;
            }
            if (name != null) {
                parameters.add(new Parameter(name, text(reused.node, reused.pointer, "in", false), value, valuePointer));
            }
        });
        return parameters;
    }

    private List<Action> actions(JsonNode owner, String ownerPointer, String field, String componentKind) {
        List<Action> actions = new ArrayList<>();
        eachObject(owner, ownerPointer, field, false, (node, pointer) -> {
            Reused reused = reusable(node, pointer, componentKind);
            if (reused == null) {
                return;
            }
            JsonNode action = reused.node;
            String at = reused.pointer;
            String name = text(action, at, "name", true);
            String type = text(action, at, "type", true);
            if (name == null || type == null) {
                return;
            }
            JsonNode retryAfter = action.get("retryAfter");
            JsonNode retryLimit = action.get("retryLimit");
            if (retryAfter != null && (!retryAfter.isNumber() || retryAfter.decimalValue().signum() < 0)) {
                diagnostics.error("invalid-field", source.locate(at + "/retryAfter"), "retryAfter of action '" + name
                        + "' must be a non-negative number of seconds");
            }
            if (retryLimit != null && (!retryLimit.canConvertToInt() || !retryLimit.isIntegralNumber() || retryLimit.intValue() < 0)) {
                diagnostics.error("invalid-field", source.locate(at + "/retryLimit"), "retryLimit of action '" + name
                        + "' must be a non-negative whole number");
            }
            actions.add(new Action(name, type, text(action, at, "workflowId", false), text(action, at, "stepId", false),
                    retryAfter != null && retryAfter.isNumber() ? retryAfter.decimalValue() : null,
                    retryLimit != null && retryLimit.isIntegralNumber() ? retryLimit.intValue() : null,
                    criteria(action.get("criteria"), at + "/criteria"), at));
        });
        return actions;
    }

    private List<Criterion> criteria(JsonNode node, String pointer) {
        List<Criterion> criteria = new ArrayList<>();
        if (node == null) {
            return criteria;
        }
        if (!node.isArray()) {
            diagnostics.error("invalid-field", source.locate(pointer), "criteria must be a list of Criterion Objects");
            return criteria;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode criterion = node.get(i);
            String at = pointer + "/" + i;
            String condition = text(criterion, at, "condition", true);
            JsonNode typeNode = criterion.get("type");
            String type = "simple";
            String version = null;
            if (typeNode != null && typeNode.isTextual()) {
                type = typeNode.asText();
            } else if (typeNode != null && typeNode.isObject()) {
                type = typeNode.path("type").asText("simple");
                version = typeNode.path("version").asText(null);
            }
            if (!List.of("simple", "regex", "jsonpath", "xpath").contains(type)) {
                diagnostics.error("invalid-criterion-type", source.locate(at + "/type"), "criterion type '" + type
                        + "' is unknown; use simple, regex, jsonpath or xpath");
                continue;
            }
            if (!type.equals("simple") && !criterion.has("context")) {
                diagnostics.error("missing-field", source.locate(at), "a " + type + " criterion needs a 'context', "
                        + "e.g. 'context: $response.body'");
                continue;
            }
            if (condition != null) {
                criteria.add(new Criterion(text(criterion, at, "context", false), condition, type, version, at));
            }
        }
        return criteria;
    }

    private Map<String, String> outputs(JsonNode owner, String ownerPointer) {
        Map<String, String> outputs = new LinkedHashMap<>();
        JsonNode node = owner.get("outputs");
        if (node == null) {
            return outputs;
        }
        if (!node.isObject()) {
            diagnostics.error("invalid-field", source.locate(ownerPointer + "/outputs"), "outputs must map names to runtime "
                    + "expressions");
            return outputs;
        }
        node.properties().forEach(field -> {
            if (field.getValue().isTextual()) {
                outputs.put(field.getKey(), field.getValue().asText());
            } else {
                diagnostics.error("invalid-field", source.locate(ownerPointer + "/outputs/"
                        + SourceDocument.escape(field.getKey())), "output '" + field.getKey()
                        + "' must be a runtime expression such as '$response.body#/id'");
            }
        });
        return outputs;
    }

    /** Follows {@code $ref: '#/components/inputs/x'} in an inputs schema, returning the schema with refs inlined. */
    private JsonNode inputs(JsonNode schema, String pointer) {
        if (schema == null) {
            return null;
        }
        return inline(schema, pointer, 0);
    }

    /** How deep an inputs schema may nest; deeper is reported where the schema starts. */
    static final int MAX_SCHEMA_DEPTH = 128;

    private JsonNode inline(JsonNode schema, String pointer, int depth) {
        return inline(schema, pointer, pointer, depth, new java.util.ArrayDeque<>());
    }

    private JsonNode inline(JsonNode schema, String pointer, String start, int depth,
            java.util.Deque<String> refs) {
        if (depth > MAX_SCHEMA_DEPTH) {
            diagnostics.error("too-deep", source.locate(start), "this schema nests more than " + MAX_SCHEMA_DEPTH
                    + " levels deep; flatten it, or name its parts under components and refer to them");
            return null;
        }
        if (schema.isObject() && schema.has("$ref") && schema.get("$ref").isTextual()) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                diagnostics.error("unresolved-ref", source.locate(pointer + "/$ref"), "$ref '" + ref
                        + "' points outside this document; only '#/components/inputs/<name>' refs are followed");
                return schema;
            }
            if (refs.contains(ref)) {
                diagnostics.error("ref-cycle", source.locate(pointer + "/$ref"), "the $ref chain here does not end "
                        + "(it comes back to '" + ref + "'); remove the cycle");
                return schema;
            }
            JsonNode target = source.root().at(ref.substring(1));
            if (target.isMissingNode()) {
                diagnostics.error("unresolved-ref", source.locate(pointer + "/$ref"), "$ref '" + ref
                        + "' points at nothing in this document; check the name under components");
                return schema;
            }
            refs.push(ref);
            try {
                return inline(target, ref.substring(1), start, depth + 1, refs);
            } finally {
                refs.pop();
            }
        }
        if (schema.isContainerNode()) {
            JsonNode copy = schema.deepCopy();
            if (copy.isObject()) {
                ObjectNode object = (ObjectNode) copy;
                for (var fields = schema.properties().iterator(); fields.hasNext(); ) {
                    var f = fields.next();
                    JsonNode inlined = inline(f.getValue(), pointer + "/" + SourceDocument.escape(f.getKey()), start,
                            depth + 1, refs);
                    if (inlined == null) {
                        return null;
                    }
                    object.set(f.getKey(), inlined);
                }
            }
            return copy;
        }
        return schema;
    }

    private record Reused(JsonNode node, String pointer) {
    }

    /** Follows a Reusable Object ({@code reference: $components.kind.name}); returns the node itself otherwise. */
    private Reused reusable(JsonNode node, String pointer, String kind) {
        JsonNode reference = node.get("reference");
        if (reference == null) {
            return new Reused(node, pointer);
        }
        String expected = "$components." + kind + ".";
        String text = reference.asText();
        if (!text.startsWith(expected)) {
            diagnostics.error("invalid-reference", source.locate(pointer + "/reference"), "reference '" + text
                    + "' must name a component as '" + expected + "<name>'");
            return null;
        }
        String name = text.substring(expected.length());
        JsonNode target = components.path(kind).get(name);
        if (target == null) {
            List<String> known = new ArrayList<>();
            components.path(kind).fieldNames().forEachRemaining(known::add);
            diagnostics.error("unknown-component", source.locate(pointer + "/reference"), "reference '" + text
                    + "' names no component" + Suggestions.didYouMean(name, known));
            return null;
        }
        return new Reused(target, "/components/" + kind + "/" + SourceDocument.escape(name));
    }

    private interface Each {
        void accept(JsonNode node, String pointer);
    }

    private void eachObject(JsonNode owner, String ownerPointer, String field, boolean required, Each each) {
        JsonNode list = owner.get(field);
        String pointer = ownerPointer + "/" + field;
        if (list == null) {
            if (required) {
                diagnostics.error("missing-field", source.locate(ownerPointer), "'" + field + "' is missing here; add it");
            }
            return;
        }
        if (!list.isArray()) {
            diagnostics.error("invalid-field", source.locate(pointer), "'" + field + "' must be a list");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isObject()) {
                each.accept(list.get(i), pointer + "/" + i);
            } else {
                diagnostics.error("invalid-field", source.locate(pointer + "/" + i), "each entry of '" + field
                        + "' must be an object");
            }
        }
    }

    private String text(JsonNode node, String pointer, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                diagnostics.error("missing-field", source.locate(pointer), "'" + field + "' is missing here; add it");
            }
            return null;
        }
        if (!value.isValueNode() || value.isContainerNode()) {
            diagnostics.error("invalid-field", source.locate(pointer + "/" + field), "'" + field + "' must be a string");
            return null;
        }
        return value.asText();
    }
}
