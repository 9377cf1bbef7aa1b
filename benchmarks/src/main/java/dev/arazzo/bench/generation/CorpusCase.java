package dev.arazzo.bench.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arazzo.codegen.GenerationRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One case of the shared corpus: a folder whose {@code manifest.yaml} lists the Arazzo documents to
 * generate ({@code arazzo_documents}) and maps absolute source urls to local copies ({@code url_map}).
 */
record CorpusCase(String name, GenerationRequest request) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Every case of {@code corpus}: its top-level folders not starting with {@code _}, by name. */
    static List<CorpusCase> all(Path corpus, Path outputRoot) throws IOException {
        List<CorpusCase> cases = new ArrayList<>();
        try (Stream<Path> folders = Files.list(corpus)) {
            for (Path folder : folders.sorted().toList()) {
                String name = folder.getFileName().toString();
                if (Files.isDirectory(folder) && !name.startsWith("_")) {
                    cases.add(read(folder, outputRoot.resolve(name)));
                }
            }
        }
        return cases;
    }

    static CorpusCase read(Path folder, Path output) throws IOException {
        String name = folder.getFileName().toString();
        JsonNode manifest = YAML.readTree(folder.resolve("manifest.yaml").toFile());
        String casePackage = "bench.corpus." + identifier(name);
        GenerationRequest.Builder request = GenerationRequest.builder().outputDirectory(output).packageName(casePackage);
        // A package per document (from its path): documents of one case often reuse workflowIds.
        manifest.path("arazzo_documents").forEach(document -> {
            Path spec = folder.resolve(document.asText());
            String path = document.asText();
            String withoutExtension = path.contains(".") ? path.substring(0, path.indexOf('.', path.lastIndexOf('/') + 1)) : path;
            request.spec(spec).packageFor(spec, casePackage + "." + identifier(withoutExtension));
        });
        manifest.path("url_map").properties().forEach(entry ->
                request.sourceMapping(entry.getKey(), folder.resolve(entry.getValue().asText())));
        return new CorpusCase(name, request.build());
    }

    private static String identifier(String name) {
        String identifier = name.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
        return Character.isJavaIdentifierStart(identifier.charAt(0)) ? identifier : "_" + identifier;
    }
}
