package dev.arazzo.codegen.check;

import dev.arazzo.codegen.bind.BoundDocument;
import dev.arazzo.codegen.bind.BoundDocument.BoundParameter;
import dev.arazzo.codegen.bind.BoundDocument.BoundStep;
import dev.arazzo.codegen.bind.BoundDocument.BoundWorkflow;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.source.OperationView;
import dev.arazzo.codegen.source.ParameterLocation;
import dev.arazzo.codegen.source.ParameterStyle;
import dev.arazzo.codegen.source.ParameterView;
import dev.arazzo.codegen.source.SchemaView;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parameters a step sends that OpenAPI cannot serialize as their declaration says: a style the location
 * does not allow, or a style the schema's kind of value has no serialization for (the {@code n/a} cells of
 * the specification's style-examples table, and nested arrays or objects, which no style defines). Each is
 * an error at the Arazzo parameter (declarations OpenAPI ignores, {@link ParameterView#ignoredHeader()}, are
 * not checked); a schema that does not say its type is left to the run time, where
 * such a value fails the step. A parameter described with {@code content} is written as JSON or as text;
 * another media type is an error.
 */
final class ParameterChecker {

    private static final Map<ParameterLocation, Set<ParameterStyle>> ALLOWED = Map.of(
            ParameterLocation.PATH, EnumSet.of(ParameterStyle.SIMPLE, ParameterStyle.LABEL, ParameterStyle.MATRIX),
            ParameterLocation.QUERY, EnumSet.of(ParameterStyle.FORM, ParameterStyle.SPACE_DELIMITED,
                    ParameterStyle.PIPE_DELIMITED, ParameterStyle.DEEP_OBJECT),
            ParameterLocation.HEADER, EnumSet.of(ParameterStyle.SIMPLE),
            ParameterLocation.COOKIE, EnumSet.of(ParameterStyle.FORM));

    /** The kind of value a schema gives a parameter. */
    private enum Kind {
        PRIMITIVE, ARRAY, OBJECT, UNKNOWN
    }

    private final BoundDocument bound;
    private final Diagnostics diagnostics;

    private ParameterChecker(BoundDocument bound, Diagnostics diagnostics) {
        this.bound = bound;
        this.diagnostics = diagnostics;
    }

    static void check(BoundDocument bound, Diagnostics diagnostics) {
        ParameterChecker checker = new ParameterChecker(bound, diagnostics);
        for (BoundWorkflow workflow : bound.workflows()) {
            for (BoundStep step : workflow.steps()) {
                if (step.operation() != null && !step.callsWorkflow()) {
                    step.parameters().forEach(parameter -> checker.check(step, parameter, step.operation()));
                }
            }
        }
    }

    private void check(BoundStep step, BoundParameter parameter, OperationView operation) {
        if (parameter.location() == null) {
            return;
        }
        ParameterView declared = operation.declared(parameter.name(), parameter.location()).orElse(null);
        if (declared == null || declared.location() == null || declared.ignoredHeader()) {
            return;
        }
        String subject = "parameter '" + declared.name() + "' (in " + declared.location() + ") of operation "
                + operation.describe();
        if (declared.unsendable() != null) {
            error(parameter, subject + " " + declared.unsendable());
            return;
        }
        if (declared.location() == ParameterLocation.QUERYSTRING) {
            String type = declared.contentType() == null ? null
                    : declared.contentType().toLowerCase(Locale.ROOT).split(";")[0].trim();
            if (type != null && !(type.equals("application/x-www-form-urlencoded") || type.equals("application/json")
                    || type.endsWith("+json") || type.startsWith("text/"))) {
                error(parameter, subject + " is described with content '" + declared.contentType() + "', which the "
                        + "generator cannot write as a query string; describe it with "
                        + "application/x-www-form-urlencoded, application/json or a text type");
            }
            return;
        }
        if (declared.contentType() != null) {
            String type = declared.contentType().toLowerCase(Locale.ROOT).split(";")[0].trim();
            if (!(type.equals("application/json") || type.endsWith("+json") || type.equals("text/plain"))) {
                error(parameter, subject + " is described with content '" + declared.contentType()
                        + "', which the generator cannot write; describe it with application/json, text/plain "
                        + "or a schema");
            }
            return;
        }
        ParameterStyle style = declared.style();
        if (!ALLOWED.get(declared.location()).contains(style)) {
            error(parameter, subject + " has style '" + style + "', which OpenAPI does not allow " + where(declared)
                    + "; use " + allowed(declared.location()) + " in the OpenAPI description");
            return;
        }
        SchemaView schema = declared.schema() == null ? null : declared.schema().resolved();
        Kind kind = kind(schema);
        if (kind == Kind.UNKNOWN) {
            return;
        }
        boolean explode = declared.explode();
        if ((style == ParameterStyle.SPACE_DELIMITED || style == ParameterStyle.PIPE_DELIMITED)
                && (explode || kind == Kind.PRIMITIVE)) {
            error(parameter, subject + " has style '" + style + "'" + (explode ? " with explode: true" : "")
                    + ", which OpenAPI defines only for arrays and objects without explode; "
                    + (explode ? "set explode: false" : "use style 'form' for " + article(kind))
                    + " in the OpenAPI description");
        } else if (style == ParameterStyle.DEEP_OBJECT && (!explode || kind != Kind.OBJECT)) {
            error(parameter, subject + " has style 'deepObject'" + (explode ? "" : " with explode: false")
                    + ", which OpenAPI defines only for objects with explode: true; "
                    + (kind != Kind.OBJECT ? "use style 'form' for " + article(kind) : "set explode: true")
                    + " in the OpenAPI description");
        } else if (nested(schema, kind)) {
            error(parameter, subject + " is " + article(kind) + " holding arrays or objects, which no OpenAPI "
                    + "style serializes; describe it with 'content' (a media type) instead of 'schema', or flatten it");
        }
    }

    private static String where(ParameterView declared) {
        return "in the " + declared.location();
    }

    private static String allowed(ParameterLocation location) {
        return String.join(" or ", ALLOWED.get(location).stream().map(s -> "'" + s + "'").toList());
    }

    private static String article(Kind kind) {
        return switch (kind) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> "a primitive";
        };
    }

    private static Kind kind(SchemaView schema) {
        if (schema == null || schema.combines()) {
            return Kind.UNKNOWN;
        }
        String type = schema.type();
        if (type == null) {
            return schema.items() != null ? Kind.ARRAY : Kind.UNKNOWN;
        }
        return switch (type) {
            case "array" -> Kind.ARRAY;
            case "object" -> Kind.OBJECT;
            case "string", "number", "integer", "boolean" -> Kind.PRIMITIVE;
            default -> Kind.UNKNOWN;
        };
    }

    /** Whether an array's items or an object's properties are themselves arrays or objects. */
    private static boolean nested(SchemaView schema, Kind kind) {
        if (kind == Kind.ARRAY) {
            return container(schema.items());
        }
        if (kind == Kind.OBJECT) {
            return schema.properties() != null && schema.properties().values().stream().anyMatch(
                    ParameterChecker::container) || container(schema.additionalProperties());
        }
        return false;
    }

    private static boolean container(SchemaView schema) {
        Kind kind = kind(schema == null ? null : schema.resolved());
        return kind == Kind.ARRAY || kind == Kind.OBJECT;
    }

    private void error(BoundParameter parameter, String message) {
        diagnostics.error("unserializable-parameter", bound.document().locate(parameter.parameter().pointer()),
                message);
    }
}
