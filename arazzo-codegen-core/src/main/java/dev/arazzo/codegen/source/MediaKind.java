package dev.arazzo.codegen.source;

import java.util.Locale;
import java.util.Set;

/**
 * How a body of a media type is written: the generator's encoders, one per kind. The kind is read from
 * the type alone ({@code type/subtype}, parameters ignored).
 */
public enum MediaKind {
    /** {@code application/json} and every {@code +json} type: the payload as JSON. */
    JSON,
    /** {@code application/x-www-form-urlencoded}: an object's members as {@code name=value} pairs, or text as is. */
    FORM,
    /** {@code multipart/form-data} and {@code multipart/mixed}: one part per member. */
    MULTIPART,
    /** {@code text/*}, XML, YAML and other textual types: text as is, primitives as parameters write them. */
    TEXT,
    /** Every other type ({@code application/octet-stream}, {@code image/png}, ...): bytes as they are. */
    BINARY,
    /** A type the generator has no encoder for: other {@code multipart/*} types. */
    UNSUPPORTED;

    private static final Set<String> TEXT_TYPES = Set.of("application/xml", "application/yaml", "application/x-yaml",
            "application/javascript", "application/ecmascript", "application/graphql", "application/sql",
            "application/csv", "application/x-ndjson", "application/jsonl");

    /** The kind of {@code mediaType}, e.g. {@code text/plain; charset=UTF-8}. */
    public static MediaKind of(String mediaType) {
        String type = base(mediaType);
        if (type.equals("application/json") || type.endsWith("+json")) {
            return JSON;
        }
        if (type.equals("application/x-www-form-urlencoded")) {
            return FORM;
        }
        if (type.equals("multipart/form-data") || type.equals("multipart/mixed")) {
            return MULTIPART;
        }
        if (type.startsWith("multipart/")) {
            return UNSUPPORTED;
        }
        if (type.startsWith("text/") || type.endsWith("+xml") || type.endsWith("+yaml") || TEXT_TYPES.contains(type)) {
            return TEXT;
        }
        return BINARY;
    }

    /** {@code type/subtype} of a media type, lower case, without parameters. */
    public static String base(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code mediaType} is XML: {@code application/xml}, {@code text/xml} or a {@code +xml} type. */
    public static boolean isXml(String mediaType) {
        String type = base(mediaType);
        return type.equals("application/xml") || type.equals("text/xml") || type.endsWith("+xml");
    }

    /** Whether {@code mediaType} is a range ({@code text/*}, {@code *}{@code /*}) rather than one type. */
    public static boolean isRange(String mediaType) {
        return base(mediaType).contains("*");
    }

    /** Whether {@code range} (a type or a range) includes {@code mediaType}. */
    public static boolean includes(String range, String mediaType) {
        String pattern = base(range);
        String type = base(mediaType);
        if (pattern.equals(type) || pattern.equals("*/*") || pattern.equals("*")) {
            return true;
        }
        return pattern.endsWith("/*") && type.startsWith(pattern.substring(0, pattern.length() - 1));
    }
}
