package dev.arazzo.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The diagnostics of one run as the user reads them ({@link #text}) or as tools do ({@link #json}, {@link #sarif}).
 * Files inside the working directory are shown relative to it, with {@code /}; others absolute.
 */
final class Report {

    /** Where SARIF readers learn what the tool is: the project's url, from the pom (README "Releasing"). */
    static final String INFORMATION_URI = informationUri();
    static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String SRCROOT = "%SRCROOT%";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path workingDirectory;
    private final List<Path> documents;
    private final List<Diagnostic> diagnostics;

    private static String informationUri() {
        Properties properties = new Properties();
        try (InputStream in = Report.class.getResourceAsStream("cli.properties")) {
            if (in == null) {
                throw new IllegalStateException("arazzo-cli is built without dev/arazzo/cli/cli.properties");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("informationUri");
    }

    Report(Path workingDirectory, List<Path> documents, List<Diagnostic> diagnostics) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.documents = List.copyOf(documents);
        this.diagnostics = List.copyOf(diagnostics);
    }

    long errors() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    long warnings() {
        return diagnostics.size() - errors();
    }

    /** One line per diagnostic, as javac prints them ({@code file:line:column: error: [code] message}). */
    List<String> lines() {
        return diagnostics.stream().map(d -> location(d.location()) + ": " + d.severity().label() + ": [" + d.code()
                + "] " + d.message()).toList();
    }

    /** The count of problems after the lines: {@code 1 error, 2 warnings in 3 documents}. */
    String summary() {
        return count(errors(), "error") + ", " + count(warnings(), "warning") + " in " + count(documents.size(), "document");
    }

    /** The lines, then the summary. */
    String text() {
        StringBuilder text = new StringBuilder();
        lines().forEach(line -> text.append(line).append('\n'));
        return text.append(summary()).append('\n').toString();
    }

    /**
     * {@code {"tool", "version", "documents": [path], "errors", "warnings", "diagnostics": [{"severity", "code",
     * "file", "line", "column", "pointer", "message"}]}}; README "Command line" documents the shape.
     */
    String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("tool", "arazzo");
        root.put("version", ArazzoCodegen.VERSION);
        ArrayNode files = root.putArray("documents");
        documents.forEach(document -> files.add(display(document)));
        root.put("errors", errors());
        root.put("warnings", warnings());
        ArrayNode list = root.putArray("diagnostics");
        for (Diagnostic diagnostic : diagnostics) {
            ObjectNode item = list.addObject();
            item.put("severity", diagnostic.severity().label());
            item.put("code", diagnostic.code());
            item.put("file", display(diagnostic.location().file()));
            item.put("line", diagnostic.location().line());
            item.put("column", diagnostic.location().column());
            item.put("pointer", diagnostic.location().jsonPointer());
            item.put("message", diagnostic.message());
        }
        return write(root);
    }

    /**
     * A SARIF 2.1.0 log with one run: {@code tool.driver} (name, version, one rule per diagnostic code), one
     * result per diagnostic (ruleId = the code, level error or warning, the location relative to
     * {@code %SRCROOT%}, the working directory, with startLine and startColumn).
     */
    String sarif() {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SARIF_SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "arazzo");
        driver.put("version", ArazzoCodegen.VERSION);
        driver.put("semanticVersion", ArazzoCodegen.VERSION);
        driver.put("informationUri", INFORMATION_URI);
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode rules = driver.putArray("rules");
        for (Diagnostic diagnostic : diagnostics) {
            if (ruleIndex.putIfAbsent(diagnostic.code(), ruleIndex.size()) == null) {
                ObjectNode rule = rules.addObject();
                rule.put("id", diagnostic.code());
                rule.putObject("shortDescription").put("text", "Arazzo check '" + diagnostic.code() + "'");
                rule.putObject("defaultConfiguration").put("level", level(diagnostic));
            }
        }
        run.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", workingDirectory.toUri().toString());
        ArrayNode results = run.putArray("results");
        for (Diagnostic diagnostic : diagnostics) {
            ObjectNode result = results.addObject();
            result.put("ruleId", diagnostic.code());
            result.put("ruleIndex", ruleIndex.get(diagnostic.code()));
            result.put("level", level(diagnostic));
            result.putObject("message").put("text", diagnostic.message());
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            artifactLocation(physical.putObject("artifactLocation"), diagnostic.location().file());
            SourceLocation location = diagnostic.location();
            if (location.line() > 0) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", location.line());
                region.put("startColumn", Math.max(1, location.column()));
            }
            if (!location.jsonPointer().isEmpty()) {
                result.putObject("properties").put("jsonPointer", location.jsonPointer());
            }
        }
        run.putArray("invocations").addObject().put("executionSuccessful", true);
        return write(root);
    }

    private void artifactLocation(ObjectNode artifact, Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        if (normalized.startsWith(workingDirectory)) {
            artifact.put("uri", relativeUri(workingDirectory.relativize(normalized)));
            artifact.put("uriBaseId", SRCROOT);
        } else {
            artifact.put("uri", normalized.toUri().toString());
        }
    }

    private static String relativeUri(Path relative) {
        try {
            return new URI(null, null, relative.toString().replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("no URI for " + relative, e);
        }
    }

    private static String level(Diagnostic diagnostic) {
        return diagnostic.isError() ? "error" : "warning";
    }

    private String location(SourceLocation location) {
        String file = display(location.file());
        return location.line() == 0 ? file : file + ":" + location.line() + ":" + location.column();
    }

    /** A path relative to the working directory when it is inside it, else absolute. */
    String display(Path path) {
        Path normalized = path.toAbsolutePath().normalize();
        return (normalized.startsWith(workingDirectory) ? workingDirectory.relativize(normalized) : normalized)
                .toString().replace('\\', '/');
    }

    private static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report tree that Jackson cannot write", e);
        }
    }
}
