package dev.arazzo.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.GenerationResult.GeneratedFile;
import dev.arazzo.codegen.testing.GeneratedCode;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated workflow classes as a reviewer reads them: javadoc with {@code -Xdoclint:all} reports
 * nothing on them (every public member documented, with its {@code @param}, {@code @return} and
 * {@code @throws}), and no line is longer than 120 characters.
 */
class GeneratedSourceReviewTest {

    private static final int MAX_LINE = 120;

    @TempDir
    Path output;

    static Stream<Path> documents() throws URISyntaxException {
        return Stream.of(SeedGoldenTest.SAMPLE, resource("/review/review.arazzo.yaml"),
                resource("/review/bodies.arazzo.yaml"),
                resource("/review/v11.arazzo.yaml"),
                resource("/review/messages.arazzo.yaml"),
                resource("/fixtures/naming.arazzo.yaml"));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(GeneratedSourceReviewTest.class.getResource(name).toURI());
    }

    @ParameterizedTest
    @MethodSource("documents")
    void javadocWithDoclintReportsNothingOnTheWorkflowClasses(Path document) throws IOException {
        List<Path> workflows = workflowClasses(generate(document));

        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter out = new StringWriter();
        try (StandardJavaFileManager files = javadoc.getStandardFileManager(diagnostics, null,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-Xdoclint:all", "-quiet", "--release", "17",
                    "-d", Files.createDirectories(output.resolve("javadoc")).toString(),
                    "--source-path", output.resolve("src").toString(),
                    "-classpath", System.getProperty("java.class.path"));
            Boolean ok = javadoc.getTask(out, files, diagnostics, null, options,
                    files.getJavaFileObjectsFromPaths(workflows)).call();
            List<String> reported = diagnostics.getDiagnostics().stream().map(Object::toString).toList();
            assertTrue(reported.isEmpty(), String.join("\n", reported) + out);
            assertTrue(ok, out.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void noGeneratedLineIsLongerThan120Characters(Path document) throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path file : workflowClasses(generate(document))) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).length() > MAX_LINE) {
                    tooLong.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i));
                }
            }
        }
        assertEquals(List.of(), tooLong);
    }

    private GenerationResult generate(Path document) {
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(document)
                .outputDirectory(output.resolve("src")).packageName(GeneratedCode.PACKAGE).build());
        assertTrue(!result.hasErrors(), result.diagnostics().toString());
        return result;
    }

    /** The generated workflow classes, without the run-time support written beside them. */
    private static List<Path> workflowClasses(GenerationResult result) {
        return result.files().stream().map(GeneratedFile::path)
                .filter(path -> path.getFileName().toString().endsWith("Workflow.java"))
                .filter(path -> !path.toString().contains(File.separator + "runtime" + File.separator))
                .toList();
    }
}
