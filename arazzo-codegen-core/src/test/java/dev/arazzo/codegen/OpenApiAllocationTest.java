package dev.arazzo.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.source.FileAccess;
import dev.arazzo.codegen.source.OperationDemand;
import dev.arazzo.codegen.source.openapi.OpenApiReader;
import dev.arazzo.codegen.source.openapi.OpenApiSource;
import dev.arazzo.codegen.testing.Shared;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reading the corpus's {@code jentic-discord} costs, in bytes allocated (deterministic enough, unlike a
 * time): its 794 KB OpenAPI 3.1 document once cost 3 GB per generation (swagger-parser resolving the whole
 * document), then 460 MB (its subset, with swagger-parser's eager copies); one generation of its four workflows
 * now allocates about 300 MB in a fresh JVM, and a bound of 1 GB catches a way back to gigabytes.
 */
class OpenApiAllocationTest {

    private static final long BOUND = 1L << 30;
    private static final Path FOLDER = Shared.root().resolve("corpus/jentic-discord/runner/tests/fixtures/discord");
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path output;

    @Test
    void oneGenerationOfJenticDiscordAllocatesLessThanAGigabyte() {
        GenerationRequest request = GenerationRequest.builder().spec(FOLDER.resolve("discord.arazzo.yaml"))
                .outputDirectory(output).packageName("com.example.discord").build();
        long before = THREADS.getCurrentThreadAllocatedBytes();
        GenerationResult result = ArazzoCodegen.generate(request);
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertFalse(result.hasErrors(), result.diagnostics().toString());
        assertTrue(allocated < BOUND, "one generation of jentic-discord allocated " + (allocated >> 20) + " MiB");
    }

    @Test
    void jenticDiscordIsReadForTheOperationsItsWorkflowsName() {
        Diagnostics diagnostics = new Diagnostics();
        OpenApiSource source = OpenApiReader.read("discordApi", FOLDER.resolve("discord.openapi.json"),
                SourceLocation.ofFile(FOLDER.resolve("discord.arazzo.yaml"), ""), diagnostics, FileAccess.anywhere(),
                OperationDemand.of(Set.of("get_my_user", "create_dm", "create_message"), Set.of())).orElseThrow();
        assertEquals("the operations the workflows name", source.reading());
        assertEquals(3, source.operations().size());
    }
}
