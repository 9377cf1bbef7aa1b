package dev.arazzo.codegen.source.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Swagger 2.0 {@code collectionFormat}s that swagger-parser's converter cannot carry into OpenAPI 3. It maps
 * {@code csv} to {@code form} without explode in the query and to {@code simple} in a path or header,
 * {@code ssv} and {@code pipes} in the query to {@code spaceDelimited} and {@code pipeDelimited},
 * {@code multi} in the query to {@code form} with explode; for {@code tsv}, and for {@code ssv},
 * {@code pipes} and {@code multi} in a path or header, it sets nothing, so the parameter would go out
 * with commas. Those are read here from the document as written, to be reported where a step sends one.
 */
final class CollectionFormats {

    private static final String[] METHODS = {"get", "put", "post", "delete", "options", "head", "patch"};

    private CollectionFormats() {
    }

    /** The key of a parameter of an operation, the same for the document as written and as converted. */
    static String key(String path, String method, String in, String name) {
        return path + " " + method.toLowerCase(Locale.ROOT) + " " + in + ":" + name;
    }

    /** Why each such parameter of a Swagger 2.0 document cannot be sent as described, by {@link #key}; else empty. */
    static Map<String, String> unsendable(JsonNode root) {
        Map<String, String> found = new HashMap<>();
        if (!root.path("swagger").asText("").startsWith("2")) {
            return found;
        }
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").properties().iterator();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                Map<String, String> byParameter = new HashMap<>();
                for (JsonNode list : new JsonNode[] {path.getValue().path("parameters"), operation.path("parameters")}) {
                    for (JsonNode declared : list) {
                        JsonNode parameter = follow(root, declared);
                        String in = parameter.path("in").asText("");
                        String name = parameter.path("name").asText("");
                        byParameter.put(key(path.getKey(), method, in, name), why(parameter, in));
                    }
                }
                byParameter.forEach((key, why) -> {
                    if (why != null) {
                        found.put(key, why);
                    }
                });
            }
        }
        return found;
    }

    private static JsonNode follow(JsonNode root, JsonNode parameter) {
        String ref = parameter.path("$ref").asText("");
        return ref.startsWith("#/") ? root.at(ref.substring(1)) : parameter;
    }

    private static String why(JsonNode parameter, String in) {
        if (!parameter.path("type").asText("").equals("array")) {
            return null;
        }
        String format = parameter.path("collectionFormat").asText("csv");
        boolean query = in.equals("query");
        if (format.equals("tsv")) {
            return "has Swagger 2.0 collectionFormat 'tsv', which OpenAPI 3 has no style for and swagger-parser's "
                    + "converter drops, so it cannot be sent tab-separated; use csv, ssv or pipes in the Swagger "
                    + "description";
        }
        if (!query && (format.equals("ssv") || format.equals("pipes") || format.equals("multi"))) {
            return "has Swagger 2.0 collectionFormat '" + format + "' in the " + in + ", which OpenAPI 3 has no style "
                    + "for there (swagger-parser's converter would send it comma-separated); use csv in the Swagger "
                    + "description";
        }
        return null;
    }
}
