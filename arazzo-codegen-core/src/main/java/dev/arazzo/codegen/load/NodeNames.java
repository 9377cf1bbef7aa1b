package dev.arazzo.codegen.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Names a node of an Arazzo document by its JSON Pointer the way a reader of the document would:
 * {@code /workflows/0/steps/2} is "step 'pay' of workflow 'buy'", {@code /info/version} is "'version' of
 * 'info'". Used to turn schema violations into sentences.
 */
final class NodeNames {

    private static final Set<String> ACTION_LISTS = Set.of("successActions", "failureActions", "onSuccess", "onFailure");
    private static final Set<String> CRITERIA_LISTS = Set.of("successCriteria", "criteria");

    private final JsonNode root;

    NodeNames(JsonNode root) {
        this.root = root;
    }

    /** The node itself: "the document", "workflow 'buy'", "step 2 of workflow 'buy'", "'info'". */
    String subject(String pointer) {
        List<String> tokens = tokens(pointer);
        if (tokens.isEmpty()) {
            return "the document";
        }
        String last = tokens.get(tokens.size() - 1);
        String parentKey = tokens.size() >= 2 ? tokens.get(tokens.size() - 2) : null;
        String parent = parent(pointer);
        JsonNode node = root.at(pointer);
        if (tokens.size() == 3 && tokens.get(0).equals("components")) {
            String kind = switch (tokens.get(1)) {
                case "parameters" -> "parameter";
                case "successActions" -> "success action";
                case "failureActions" -> "failure action";
                case "inputs" -> "inputs schema";
                default -> null;
            };
            if (kind != null) {
                return kind + " '" + last + "' under components";
            }
        }
        if (isIndex(last) && parentKey != null) {
            int number = Integer.parseInt(last) + 1;
            String owner = tokens.size() > 2 ? subject(parent(parent)) : "the document";
            switch (parentKey) {
                case "sourceDescriptions" -> {
                    return named("source description", node, "name", number, null);
                }
                case "workflows" -> {
                    return named("workflow", node, "workflowId", number, null);
                }
                case "steps" -> {
                    return named("step", node, "stepId", number, owner);
                }
                case "parameters" -> {
                    return named("parameter", node, "name", number, owner);
                }
                case "replacements" -> {
                    return "replacement " + number + " of " + owner;
                }
                default -> {
                    if (ACTION_LISTS.contains(parentKey)) {
                        return named("action", node, "name", number, owner);
                    }
                    if (CRITERIA_LISTS.contains(parentKey)) {
                        return "criterion " + number + " of " + owner;
                    }
                    return "entry " + number + " of " + field(parent);
                }
            }
        }
        return field(pointer);
    }

    /** A field by its name and owner: "'arazzo'", "'type' of source description 'pets'". */
    String field(String pointer) {
        List<String> tokens = tokens(pointer);
        if (tokens.isEmpty()) {
            return "the document";
        }
        String last = tokens.get(tokens.size() - 1);
        if (isIndex(last) && tokens.size() >= 2) {
            return subject(pointer);
        }
        String parent = parent(pointer);
        if (tokens.size() >= 3 && tokens.get(tokens.size() - 2).equals("outputs")) {
            return "output '" + last + "' of " + subject(parent(parent));
        }
        return parent.isEmpty() ? "'" + last + "'" : "'" + last + "' of " + subject(parent);
    }

    private static String named(String kind, JsonNode node, String idField, int number, String owner) {
        JsonNode id = node.get(idField);
        if (id != null && id.isTextual() && !id.asText().isEmpty()) {
            return kind + " '" + id.asText() + "'";
        }
        return kind + " " + number + (owner == null ? "" : " of " + owner);
    }

    static String parent(String pointer) {
        return pointer.substring(0, Math.max(0, pointer.lastIndexOf('/')));
    }

    static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static boolean isIndex(String token) {
        return !token.isEmpty() && token.length() < 10 && token.chars().allMatch(Character::isDigit);
    }
}
