package dev.arazzo.codegen.source.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.source.EncodingView;
import dev.arazzo.codegen.source.MediaKind;
import dev.arazzo.codegen.source.MediaTypeView;
import dev.arazzo.codegen.source.OperationView;
import dev.arazzo.codegen.source.ParameterStyle;
import dev.arazzo.codegen.source.RequestBodyChoice;
import dev.arazzo.codegen.testing.Documents;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request body media types as the views give them, and which one a step sends. */
class RequestMediaTypesTest {

    private static final String OPENAPI = """
            openapi: 3.1.0
            info: {title: Media, version: '1'}
            paths:
              /one:
                post:
                  operationId: one
                  requestBody:
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          properties:
                            photo: {type: string, contentMediaType: image/png}
                        encoding:
                          photo: {contentType: image/png}
                          tags: {style: pipeDelimited, explode: false, allowReserved: true}
                  responses: {'200': {description: Seen.}}
              /many:
                post:
                  operationId: many
                  requestBody:
                    content:
                      application/xml: {schema: {type: string}}
                      application/vnd.api+json: {schema: {type: object}}
                      text/*: {schema: {type: string}}
                  responses: {'200': {description: Seen.}}
              /texts:
                post:
                  operationId: texts
                  requestBody:
                    content:
                      text/plain: {schema: {type: string}}
                      application/xml: {schema: {type: string}}
                  responses: {'200': {description: Seen.}}
              /range:
                post:
                  operationId: range
                  requestBody:
                    content:
                      image/*: {schema: {type: string}}
                  responses: {'200': {description: Seen.}}
              /any:
                post:
                  operationId: any
                  requestBody:
                    content:
                      '*/*': {schema: {type: string}}
                  responses: {'200': {description: Seen.}}
              /none:
                post:
                  operationId: none
                  responses: {'200': {description: Seen.}}
            """;

    @TempDir
    Path directory;

    private OpenApiSource source;

    @BeforeEach
    void read() throws Exception {
        Path file = Documents.write(directory, "media.yaml", OPENAPI);
        source = OpenApiReader.read("media", file, SourceLocation.ofFile(file, ""), new Diagnostics()).orElseThrow();
    }

    private OperationView operation(String id) {
        return source.operations().stream().filter(o -> id.equals(o.operationId())).findFirst().orElseThrow();
    }

    @Test
    void mediaTypesCarryTheirSchemaAndEncodings() {
        MediaTypeView multipart = operation("one").requestMediaTypes().get(0);

        assertEquals("multipart/form-data", multipart.name());
        assertEquals(MediaKind.MULTIPART, multipart.kind());
        assertEquals("image/png", multipart.schema().resolved().properties().get("photo").contentMediaType());
        // swagger-parser fills in OpenAPI's default style, form
        assertEquals(Map.of("photo", new EncodingView("image/png", ParameterStyle.FORM, null, false),
                "tags", new EncodingView(null, ParameterStyle.PIPE_DELIMITED, false, true)), multipart.encoding());
        assertEquals(List.of("multipart/form-data"), operation("one").requestContentTypes());
    }

    @ParameterizedTest(name = "{0} with contentType {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "one|-|multipart/form-data",
            "one|multipart/form-data|multipart/form-data",
            "one|MULTIPART/FORM-DATA; x=1|MULTIPART/FORM-DATA; x=1",
            "one|application/json|undeclared",
            "many|-|application/vnd.api+json",
            "many|application/xml|application/xml",
            "many|text/csv; charset=UTF-8|text/csv; charset=UTF-8",
            "many|text/*|range",
            "many|image/png|undeclared",
            "texts|-|ambiguous",
            "texts|text/plain|text/plain",
            "range|-|range",
            "range|image/png|image/png",
            "any|-|application/json",
            "any|application/pdf|application/pdf",
            "none|-|application/json",
            "none|text/plain|text/plain"})
    void theStepsContentTypeElseTheOnlyTypeElseTheFirstJsonTypeIsSent(String operation, String requested,
            String sent) {
        RequestBodyChoice choice = operation(operation).requestBody(requested);

        String result = choice instanceof RequestBodyChoice.Chosen chosen ? chosen.contentType()
                : choice instanceof RequestBodyChoice.Undeclared ? "undeclared"
                : choice instanceof RequestBodyChoice.Range ? "range"
                : "ambiguous";
        assertEquals(sent, result);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "application/json|JSON",
            "application/problem+json; charset=utf-8|JSON",
            "application/x-www-form-urlencoded|FORM",
            "multipart/form-data|MULTIPART",
            "Multipart/Mixed|MULTIPART",
            "multipart/related|UNSUPPORTED",
            "text/plain|TEXT",
            "text/csv|TEXT",
            "application/xml|TEXT",
            "application/atom+xml|TEXT",
            "application/yaml|TEXT",
            "application/octet-stream|BINARY",
            "image/png|BINARY",
            "application/pdf|BINARY"})
    void theKindOfAMediaTypeSaysHowItsBodyIsWritten(String mediaType, MediaKind kind) {
        assertEquals(kind, MediaKind.of(mediaType));
    }
}
