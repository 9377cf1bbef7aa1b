package dev.arazzo.codegen.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.load.ArazzoDocument.Action;
import dev.arazzo.codegen.load.ArazzoDocument.Criterion;
import dev.arazzo.codegen.load.ArazzoDocument.ExpressionType;
import dev.arazzo.codegen.load.ArazzoDocument.Parameter;
import dev.arazzo.codegen.load.ArazzoDocument.Replacement;
import dev.arazzo.codegen.load.ArazzoDocument.RequestBody;
import dev.arazzo.codegen.load.ArazzoDocument.Selector;
import dev.arazzo.codegen.load.ArazzoDocument.SourceDescription;
import dev.arazzo.codegen.load.ArazzoDocument.Step;
import dev.arazzo.codegen.load.ArazzoDocument.Value;
import dev.arazzo.codegen.load.ArazzoDocument.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a loaded Arazzo document into {@link ArazzoDocument} records, following Reusable Objects and
 * {@code $ref}s into {@code components/inputs}. Structural problems become diagnostics at the node.
 *
 * <p>The Arazzo 1.1 fields are read in documents of either release (a 1.0 document that uses one is
 * reported by {@link SchemaChecker}); Selector Objects are recognised only in 1.1 documents, where an
 * object with {@code context}, {@code selector} and {@code type} (and extensions) in a value position is
 * one. In a 1.0 document such an object is a literal.
 */
public final class ArazzoReader {

    /** The selector types of an Expression Type Object and the versions Arazzo 1.1 allows for each. */
    private static final Map<String, List<String>> SELECTOR_VERSIONS = Map.of(
            "jsonpath", List.of("rfc9535", "draft-goessner-dispatch-jsonpath-00"),
            "xpath", List.of("xpath-31", "xpath-30", "xpath-20", "xpath-10"),
            "jsonpointer", List.of("rfc6901"));

    private final SourceDocument source;
    private final Diagnostics diagnostics;
    private final JsonNode components;
    private boolean v11;

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
        if (!version.startsWith("1.0.") && !version.startsWith("1.1.")) {
            diagnostics.error("unsupported-version", source.locate("/arazzo"), "arazzo version '" + version
                    + "' is not supported; this generator reads Arazzo 1.0.x and 1.1.x");
            return Optional.empty();
        }
        v11 = version.startsWith("1.1.");
        String self = text(root, "", "$self", false);
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
                workflows, self));
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
                outputs(node, pointer), parameters(node, pointer), pointer, outputValues(node, pointer)));
    }

    private Optional<Step> step(JsonNode node, String pointer) {
        String stepId = text(node, pointer, "stepId", true);
        String operationId = text(node, pointer, "operationId", false);
        String operationPath = text(node, pointer, "operationPath", false);
        String workflowId = text(node, pointer, "workflowId", false);
        String channelPath = text(node, pointer, "channelPath", false);
        long targets = java.util.stream.Stream.of(operationId, operationPath, workflowId, channelPath)
                .filter(t -> t != null).count();
        if (targets != 1) {
            diagnostics.error("step-target", source.locate(pointer), "step" + (stepId == null ? "" : " '" + stepId + "'")
                    + (targets == 0 ? " names nothing to call" : " names more than one thing to call")
                    + "; give exactly one of operationId, operationPath" + (v11 ? ", channelPath" : "")
                    + " or workflowId");
        }
        String action = text(node, pointer, "action", false);
        if (action != null && !action.equals("send") && !action.equals("receive")) {
            diagnostics.error("invalid-field", source.locate(pointer + "/action"), "action '" + action
                    + "' is neither 'send' nor 'receive'");
            action = null;
        }
        JsonNode correlation = node.get("correlationId");
        Value correlationId = correlation == null ? null
                : Value.of(correlation, null, pointer + "/correlationId");
        Long timeout = null;
        JsonNode timeoutNode = node.get("timeout");
        if (timeoutNode != null) {
            if (timeoutNode.isIntegralNumber() && timeoutNode.canConvertToLong() && timeoutNode.longValue() >= 0) {
                timeout = timeoutNode.longValue();
            } else {
                diagnostics.error("invalid-field", source.locate(pointer + "/timeout"), "timeout of step"
                        + (stepId == null ? "" : " '" + stepId + "'") + " must be a whole number of milliseconds, "
                        + "0 or more");
            }
        }
        List<String> dependsOn = strings(node, pointer, "dependsOn");
        RequestBody body = null;
        JsonNode bodyNode = node.get("requestBody");
        if (bodyNode != null && bodyNode.isObject()) {
            String bodyPointer = pointer + "/requestBody";
            List<Replacement> replacements = new ArrayList<>();
            eachObject(bodyNode, bodyPointer, "replacements", false, (r, rp) -> {
                String target = text(r, rp, "target", true);
                JsonNode targetType = r.get("targetSelectorType");
                ExpressionType targetSelectorType = targetType == null ? null
                        : expressionType(targetType, rp + "/targetSelectorType");
                if (target != null) {
                    replacements.add(new Replacement(target, r.get("value"), rp, targetSelectorType,
                            selector(r.get("value"), rp + "/value")));
                }
            });
            Map<String, Selector> selectors = new LinkedHashMap<>();
            payloadSelectors(bodyNode.get("payload"), bodyPointer + "/payload", "", selectors);
            body = new RequestBody(text(bodyNode, bodyPointer, "contentType", false), bodyNode.get("payload"),
                    replacements, bodyPointer, selectors);
        }
        if (stepId == null || targets != 1) {
            return Optional.empty();
        }
        return Optional.of(new Step(stepId, text(node, pointer, "description", false), operationId, operationPath,
                workflowId, parameters(node, pointer), body, criteria(node.get("successCriteria"), pointer + "/successCriteria"),
                actions(node, pointer, "onSuccess", "successActions"), actions(node, pointer, "onFailure", "failureActions"),
                outputs(node, pointer), pointer, channelPath, action, correlationId, timeout, dependsOn,
                outputValues(node, pointer)));
    }

    /** A list of strings, each entry that is not one reported at it. */
    private List<String> strings(JsonNode owner, String ownerPointer, String field) {
        List<String> strings = new ArrayList<>();
        JsonNode list = owner.get(field);
        if (list == null) {
            return strings;
        }
        if (!list.isArray()) {
            diagnostics.error("invalid-field", source.locate(ownerPointer + "/" + field), "'" + field
                    + "' must be a list of strings");
            return strings;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isTextual()) {
                strings.add(list.get(i).asText());
            } else {
                diagnostics.error("invalid-field", source.locate(ownerPointer + "/" + field + "/" + i), "each entry of '"
                        + field + "' must be a string");
            }
        }
        return strings;
    }

    /** The Selector Objects in a payload (1.1), keyed by their pointer within the payload. */
    private void payloadSelectors(JsonNode node, String pointer, String within, Map<String, Selector> selectors) {
        if (node == null || !v11) {
            return;
        }
        Selector selector = selector(node, pointer);
        if (selector != null) {
            selectors.put(within, selector);
        } else if (node.isObject()) {
            node.properties().forEach(f -> {
                String token = "/" + SourceDocument.escape(f.getKey());
                payloadSelectors(f.getValue(), pointer + token, within + token, selectors);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                payloadSelectors(node.get(i), pointer + "/" + i, within + "/" + i, selectors);
            }
        }
    }

    /**
     * The Selector Object {@code node} is, in a 1.1 document: an object with {@code context}, {@code selector}
     * and {@code type} and no other fields but extensions. Null when it is none; a malformed one is reported.
     */
    private Selector selector(JsonNode node, String pointer) {
        if (!v11 || !hasSelectorShape(node)) {
            return null;
        }
        String context = text(node, pointer, "context", true);
        String selector = text(node, pointer, "selector", true);
        ExpressionType type = expressionType(node.get("type"), pointer + "/type");
        if (context == null || selector == null || type == null) {
            return null;
        }
        if (!context.startsWith("$")) {
            diagnostics.error("invalid-field", source.locate(pointer + "/context"), "the context of a Selector Object "
                    + "must be a runtime expression such as '$response.body'; found '" + context + "'");
            return null;
        }
        return new Selector(context, selector, type, pointer);
    }

    /** Whether {@code node} is an object of {@code context}, {@code selector}, {@code type} and extensions. */
    private static boolean hasSelectorShape(JsonNode node) {
        if (node == null || !node.isObject() || !node.has("context") || !node.has("selector") || !node.has("type")) {
            return false;
        }
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of("context", "selector", "type").contains(name) && !name.startsWith("x-")) {
                return false;
            }
        }
        return true;
    }

    /**
     * A selector type: the string {@code jsonpath}, {@code xpath} or {@code jsonpointer}, or an Expression Type
     * Object {@code {type, version}} with a version Arazzo 1.1 allows for the type. Null, reported, otherwise.
     */
    private ExpressionType expressionType(JsonNode node, String pointer) {
        String type;
        String version = null;
        String typePointer = pointer;
        if (node.isTextual()) {
            type = node.asText();
        } else if (node.isObject()) {
            type = text(node, pointer, "type", true);
            version = text(node, pointer, "version", false);
            typePointer = pointer + "/type";
            if (type == null) {
                return null;
            }
        } else {
            diagnostics.error("invalid-field", source.locate(pointer), "a selector type must be 'jsonpath', 'xpath' "
                    + "or 'jsonpointer', or an Expression Type Object such as '{type: xpath, version: xpath-30}'");
            return null;
        }
        List<String> versions = SELECTOR_VERSIONS.get(type);
        if (versions == null) {
            diagnostics.error("invalid-field", source.locate(typePointer), "selector type '" + type + "' is unknown; "
                    + "use jsonpath, xpath or jsonpointer");
            return null;
        }
        if (version != null && !versions.contains(version)) {
            diagnostics.error("invalid-field", source.locate(pointer + "/version"), "version '" + version + "' is not "
                    + "one Arazzo 1.1 defines for " + type + "; use " + String.join(", ", versions));
            return null;
        }
        return new ExpressionType(type, version, pointer);
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
                parameters.add(new Parameter(name, text(reused.node, reused.pointer, "in", false), value, valuePointer,
                        selector(value, valuePointer + "/value")));
            }
        });
        return parameters;
    }

    /** An action's parameters (1.1): inputs of the workflow it goes to, so none may say where it goes. */
    private List<Parameter> actionParameters(JsonNode action, String pointer) {
        List<Parameter> parameters = parameters(action, pointer);
        for (Parameter parameter : parameters) {
            if (parameter.in() != null) {
                diagnostics.error("invalid-field", source.locate(parameter.pointer() + "/in"), "parameter '"
                        + parameter.name() + "' of an action is an input of the workflow the action goes to; "
                        + "remove 'in: " + parameter.in() + "'");
            }
        }
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
                    criteria(action.get("criteria"), at + "/criteria"), at, actionParameters(action, at)));
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
            boolean pointerType = v11 && typeNode != null && typeNode.isObject() && type.equals("jsonpointer");
            if (!pointerType && !List.of("simple", "regex", "jsonpath", "xpath").contains(type)) {
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
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                // a number or boolean is a constant (the bind stage warns); the text is kept as written
                outputs.put(field.getKey(), field.getValue().asText());
            } else if (v11 && hasSelectorShape(field.getValue())) {
                return; // a Selector Object, read (and, when malformed, reported) by outputValues
            } else {
                diagnostics.error("invalid-field", source.locate(ownerPointer + "/outputs/"
                        + SourceDocument.escape(field.getKey())), "output '" + field.getKey()
                        + "' must be a runtime expression such as '$response.body#/id'"
                        + (v11 ? " or a Selector Object (context, selector, type)" : ""));
            }
        });
        return outputs;
    }

    /** Every output: a runtime expression, a Selector Object (1.1) or, reported by {@link #outputs}, neither. */
    private Map<String, Value> outputValues(JsonNode owner, String ownerPointer) {
        Map<String, Value> values = new LinkedHashMap<>();
        JsonNode node = owner.get("outputs");
        if (node == null || !node.isObject()) {
            return values;
        }
        node.properties().forEach(field -> {
            String at = ownerPointer + "/outputs/" + SourceDocument.escape(field.getKey());
            if (field.getValue().isTextual()) {
                values.put(field.getKey(), Value.of(field.getValue(), null, at));
            } else {
                Selector selector = selector(field.getValue(), at);
                if (selector != null) {
                    values.put(field.getKey(), new Value.Selection(selector));
                }
            }
        });
        return values;
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
