package dev.arazzo.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.testing.GeneratedCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed workflow, generated from the sample project's real documents (its OpenAPI takes a
 * {@code ClientToken}), compared with a golden file and compiled with {@code -Xlint:all -Werror}.
 *
 * <p>After an intended change to the generated code, refresh the golden file and read the diff:
 * <pre>
 * mvn -pl arazzo-codegen-core -am test -Dtest=SeedGoldenTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true
 * </pre>
 */
class SeedGoldenTest {

    static final Path SAMPLE = Path.of("../sample-project/src/main/arazzo/workflows/"
            + "amazon-connect-start-chat-and-set-attributes-workflow.yml");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/StartChatAndSetAttributesWorkflow.java.txt");
    private static final String CLASS = "com.example.connect.StartChatAndSetAttributesWorkflow";

    @TempDir
    Path output;

    @Test
    void seedFromTheSampleDocumentsMatchesTheGoldenFileAndCompilesWithoutWarnings() throws IOException {
        GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder().spec(SAMPLE)
                .outputDirectory(output).packageName("com.example.connect").build());
        assertTrue(result.diagnostics().isEmpty(), result.diagnostics().toString());
        String generated = Files.readString(result.files().stream().filter(f -> f.qualifiedName().equals(CLASS))
                .findFirst().orElseThrow().path());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, generated);
        }
        assertEquals(Files.readString(GOLDEN), generated, "the generated seed differs from " + GOLDEN
                + "; if the change is intended, run with -Dgolden.update=true and review the diff");
        assertTrue(generated.contains("ClientToken"), "the sample's OpenAPI takes an idempotency token");
        GeneratedCode.compile(result);
    }
}
