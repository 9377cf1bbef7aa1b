package dev.arazzo.bench.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes an Arazzo document with {@code n} workflows over the same OpenAPI descriptions: the first
 * workflow of a template document, copied with workflowIds {@code <id>}, {@code <id>2}, ... so that each
 * copy is generated as its own class calling the same operations. The copies' source descriptions keep
 * their names; their urls are rewritten to the files given (relative to the written document), so the
 * document can be written anywhere.
 */
public final class WorkflowCopies {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private WorkflowCopies() {
    }

    /**
     * Writes {@code target}.
     *
     * @param template an Arazzo document whose first workflow is copied (it must not name other workflows)
     * @param n how many workflows the written document holds
     * @param target the document to write
     * @param sources source description name to the file it is read from ({@code *}: any other source);
     *     sources not named keep their url resolved against the template's folder
     * @return {@code target}
     */
    public static Path write(Path template, int n, Path target, Map<String, Path> sources) throws IOException {
        ObjectNode document = (ObjectNode) YAML.readTree(template.toFile());
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        for (JsonNode source : document.path("sourceDescriptions")) {
            String name = source.path("name").asText();
            Path file = sources.containsKey(name) ? sources.get(name) : sources.get("*");
            if (file == null) {
                String url = source.path("url").asText();
                if (url.contains("://")) {
                    throw new IllegalArgumentException(template + ": source '" + name + "' is remote (" + url
                            + "): give its file");
                }
                file = template.toAbsolutePath().getParent().resolve(url).normalize();
            }
            ((ObjectNode) source).put("url", folder.relativize(file.toAbsolutePath().normalize()).toString());
        }
        JsonNode first = document.path("workflows").path(0);
        if (!first.isObject()) {
            throw new IllegalArgumentException(template + " has no workflow");
        }
        String id = first.path("workflowId").asText();
        ArrayNode workflows = document.putArray("workflows");
        for (int i = 1; i <= n; i++) {
            ObjectNode copy = first.deepCopy();
            copy.put("workflowId", i == 1 ? id : id + i);
            workflows.add(copy);
        }
        YAML.writeValue(target.toFile(), document);
        return target;
    }
}
