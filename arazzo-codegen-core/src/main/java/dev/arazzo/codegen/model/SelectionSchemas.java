package dev.arazzo.codegen.model;

import dev.arazzo.codegen.jsonpath.JsonPathQuery;
import dev.arazzo.codegen.jsonpath.Segment;
import dev.arazzo.codegen.jsonpath.Selector;
import dev.arazzo.codegen.source.SchemaView;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one schema every node of a JSONPath query's node list has, followed through the schema of its
 * context: a name selects that property; a wildcard, index, slice or filter the items of an array, or every
 * property (and {@code additionalProperties}) of an object; a descendant segment applies its selectors to
 * the schema and to every schema below it. Where the schema cannot tell what a node is (an object open to
 * any member, an untyped schema, a combination) there is none, and the nodes stay {@code JsonNode}s.
 */
final class SelectionSchemas {

    /** Stands for "some node whose schema is not known" among the schemas reached. */
    private static final Object UNKNOWN = new Object();

    private SelectionSchemas() {
    }

    /** The schema of every node {@code query} selects in a value of {@code context}; null when not one. */
    static SchemaView of(SchemaView context, JsonPathQuery query) {
        // by resolved schema, so that two $refs to one component are one; the value is the view as written
        Map<Object, SchemaView> current = new LinkedHashMap<>();
        add(current, context);
        for (Segment segment : query.segments()) {
            List<SchemaView> inputs = new ArrayList<>();
            for (Map.Entry<Object, SchemaView> entry : current.entrySet()) {
                if (entry.getKey() == UNKNOWN) {
                    return null;
                }
                if (segment.descendant()) {
                    descendants(entry.getValue(), inputs, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
                } else {
                    inputs.add(entry.getValue());
                }
            }
            Map<Object, SchemaView> next = new LinkedHashMap<>();
            for (SchemaView input : inputs) {
                for (Selector selector : segment.selectors()) {
                    select(input, selector, segment.descendant(), next);
                }
            }
            current = next;
        }
        return current.size() == 1 && !current.containsKey(UNKNOWN) ? current.values().iterator().next() : null;
    }

    private static void add(Map<Object, SchemaView> schemas, SchemaView schema) {
        SchemaView resolved = schema == null ? null : schema.resolved();
        if (resolved == null || resolved.combines() || resolved.type() == null) {
            schemas.put(UNKNOWN, null);
        } else {
            schemas.putIfAbsent(resolved, schema);
        }
    }

    private static void select(SchemaView input, Selector selector, boolean descendant, Map<Object, SchemaView> next) {
        SchemaView schema = input.resolved();
        if (schema == null || schema.combines() || schema.type() == null) {
            next.put(UNKNOWN, null);
            return;
        }
        boolean array = "array".equals(schema.type()) || schema.items() != null;
        boolean object = "object".equals(schema.type());
        Map<String, SchemaView> properties = schema.properties() == null ? Map.of() : schema.properties();
        if (selector instanceof Selector.Name name) {
            if (properties.containsKey(name.name())) {
                add(next, properties.get(name.name()));
            } else if (object && schema.additionalProperties() != null) {
                add(next, schema.additionalProperties());
            } else if (object && !descendant) {
                next.put(UNKNOWN, null); // a member the schema does not name may still be there
            } else if (object && properties.isEmpty()) {
                next.put(UNKNOWN, null); // below: an object the schema does not describe may have it
            }
            return;
        }
        if (array) {
            add(next, schema.items());
        } else if (object && (selector instanceof Selector.Wildcard || selector instanceof Selector.Filter)) {
            properties.values().forEach(property -> add(next, property));
            if (schema.additionalProperties() != null) {
                add(next, schema.additionalProperties());
            } else if (properties.isEmpty()) {
                next.put(UNKNOWN, null);
            }
        }
    }

    /** {@code schema} and every schema below it, each once. */
    private static void descendants(SchemaView schema, List<SchemaView> into, Set<SchemaView> seen) {
        SchemaView resolved = schema == null ? null : schema.resolved();
        if (resolved == null || !seen.add(resolved)) {
            return;
        }
        into.add(schema);
        if (resolved.items() != null) {
            descendants(resolved.items(), into, seen);
        }
        if (resolved.properties() != null) {
            resolved.properties().values().forEach(property -> descendants(property, into, seen));
        }
        if (resolved.additionalProperties() != null) {
            descendants(resolved.additionalProperties(), into, seen);
        }
    }
}
