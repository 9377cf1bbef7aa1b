package dev.arazzo.codegen.testing;

import dev.arazzo.codegen.GenerationRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A small workflow written by a test next to copies of the fixture OpenAPI documents, generated,
 * compiled and loaded, with a recording server to run it against.
 */
public final class Scenario implements AutoCloseable {

    private final Path directory;
    private final RecordingServer server = RecordingServer.start();

    private Scenario(Path directory) {
        this.directory = directory;
    }

    /** A scenario in {@code directory}, with {@code things-openapi.yaml} and {@code shop-openapi.yaml} beside it. */
    public static Scenario in(Path directory) {
        Scenario scenario = new Scenario(directory);
        scenario.copyFixture("things-openapi.yaml");
        scenario.copyFixture("shop-openapi.yaml");
        return scenario;
    }

    private void copyFixture(String name) {
        try (InputStream in = Scenario.class.getResourceAsStream("/fixtures/" + name)) {
            Files.write(directory.resolve(name), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file of the scenario (an Arazzo document, another source) and returns its path. */
    public Path write(String name, String content) {
        try {
            return Files.writeString(directory.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code workflow.arazzo.yaml}, generates, compiles with -Werror and loads. */
    public GeneratedCode generate(String arazzo) {
        return generate(true, arazzo);
    }

    /** {@link #generate(String)}, with the request's {@code idempotencyTokens} option as given. */
    public GeneratedCode generate(boolean idempotencyTokens, String arazzo) {
        Path spec = write("workflow.arazzo.yaml", arazzo);
        return GeneratedCode.generate(GenerationRequest.builder().spec(spec).outputDirectory(directory.resolve("generated"))
                .packageName(GeneratedCode.PACKAGE).idempotencyTokens(idempotencyTokens).build());
    }

    public RecordingServer server() {
        return server;
    }

    /** {@code XWorkflow.builder().baseUri(server).build()}. */
    public Object client(GeneratedCode code, String workflowClass) {
        Object builder = GeneratedCode.call(code.type(workflowClass), "builder");
        GeneratedCode.call(builder, "baseUri", server.baseUri());
        return GeneratedCode.call(builder, "build");
    }

    /** {@code XWorkflow.Inputs.builder().a(va).b(vb)...build()}. */
    public static Object inputs(GeneratedCode code, String workflowClass, Map<String, Object> values) {
        Object builder = GeneratedCode.call(code.type(workflowClass + ".Inputs"), "builder");
        values.forEach((name, value) -> GeneratedCode.call(builder, name, value));
        return GeneratedCode.call(builder, "build");
    }

    @Override
    public void close() {
        server.close();
    }
}
