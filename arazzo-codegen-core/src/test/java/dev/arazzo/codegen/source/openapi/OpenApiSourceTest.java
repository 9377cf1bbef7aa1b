package dev.arazzo.codegen.source.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.source.OperationView;
import dev.arazzo.codegen.source.ParameterLocation;
import dev.arazzo.codegen.source.ParameterStyle;
import dev.arazzo.codegen.source.ParameterView;
import dev.arazzo.codegen.source.ResponseView;
import dev.arazzo.codegen.source.SchemaView;
import dev.arazzo.codegen.source.SecuritySchemeView;
import dev.arazzo.codegen.testing.Documents;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An OpenAPI document as the rest of the generator sees it: operations, parameters and schemas as views. */
class OpenApiSourceTest {

    @TempDir
    Path directory;

    private OpenApiSource source;

    @BeforeEach
    void read() throws Exception {
        Path file = Documents.write(directory, "things.yaml", Documents.THINGS_OPENAPI);
        Diagnostics diagnostics = new Diagnostics();
        source = OpenApiReader.read("things", file, SourceLocation.ofFile(file, ""), diagnostics).orElseThrow();
        assertEquals(List.of(), diagnostics.all());
    }

    @Test
    void operationsInDocumentOrderWithTheServerUrlFilledIn() {
        assertEquals("https://api.example.com/v1", source.serverUrl());
        assertEquals(List.of("GET /things/{id}", "POST /things"),
                source.operations().stream().map(o -> o.method() + " " + o.path()).toList());
        assertEquals("'getThing'", get().describe());
        assertEquals("POST /things", source.operations().get(1).describe());
        assertSame(source, get().source());
    }

    @Test
    void parametersCarryTheirLocationAndSerializationWithOpenApiDefaults() {
        assertEquals(List.of(
                new Parameter("id", ParameterLocation.PATH, ParameterStyle.SIMPLE, false, false),
                new Parameter("q", ParameterLocation.QUERY, ParameterStyle.FORM, true, false),
                new Parameter("tags", ParameterLocation.QUERY, ParameterStyle.PIPE_DELIMITED, false, false),
                new Parameter("filter", ParameterLocation.QUERY, ParameterStyle.DEEP_OBJECT, false, true),
                new Parameter("X-Trace", ParameterLocation.HEADER, ParameterStyle.SIMPLE, false, false),
                new Parameter("session", ParameterLocation.COOKIE, ParameterStyle.FORM, false, false),
                new Parameter("page", ParameterLocation.QUERY, ParameterStyle.FORM, true, false)),
                get().parameters().stream().map(Parameter::of).toList());
        assertEquals("array", get().parameters().get(2).schema().type());
        assertEquals("string", get().parameters().get(2).schema().items().type());
    }

    @Test
    void aStepParameterFindsItsDeclarationByNameAndLocationOrByALooseName() {
        assertEquals("X-Trace", get().declared("x_trace", null).map(ParameterView::name).orElseThrow());
        assertEquals("q", get().declared("q", ParameterLocation.QUERY).map(ParameterView::name).orElseThrow());
        assertTrue(get().declared("q", ParameterLocation.HEADER).isEmpty());
    }

    @Test
    void schemasAreViewsThatKeepTheirRefsAndFollowPointers() {
        ResponseView ok = get().responses().get(0);
        assertEquals("200", ok.code());
        SchemaView thing = ok.jsonSchema();
        assertEquals("#/components/schemas/Thing", thing.ref());
        assertEquals("#/components/schemas/Thing", thing.lastRef());
        assertSame(thing.resolved(), thing.resolved(), "one view per schema");
        assertEquals(List.of("id"), thing.resolved().required());
        SchemaView part = thing.at("/parts/0").orElseThrow();
        assertEquals("#/components/schemas/Part", part.ref(), "the schema as written where the pointer lands");
        assertEquals("float", thing.at("/parts/0/weight").orElseThrow().format());
        assertTrue(thing.at("/parts/x").isEmpty(), "an array is indexed by numbers");
        assertTrue(thing.at("/missing").isEmpty());
    }

    @Test
    void aResponseWrittenAsARefSaysSoAndCarriesTheSchemaItNames() {
        ResponseView notFound = get().responses().get(1);
        assertTrue(notFound.reference());
        assertEquals(Map.of("message", "string"), Map.of("message",
                notFound.jsonSchema().properties().get("message").type()));
    }

    @Test
    void requestBodiesAndSecurity() {
        OperationView post = source.operations().get(1);
        assertNull(post.operationId());
        assertEquals(List.of("application/json"), post.requestContentTypes());
        assertTrue(post.requestJsonSchema().resolved().properties().containsKey("ClientToken"));
        assertEquals(List.of(Map.of("oauth", List.of("write"))), post.securityRequirements());
        assertEquals(List.of(Map.of("key", List.of())), get().securityRequirements(), "the document's, by default");
        assertEquals(new SecuritySchemeView(SecuritySchemeView.Type.API_KEY, null, "header", "X-Api-Key", null, false,
                null), source.securitySchemes().get("key"));
        SecuritySchemeView oauth = source.securitySchemes().get("oauth");
        assertEquals(SecuritySchemeView.Type.OAUTH2, oauth.type());
        assertTrue(oauth.clientCredentials());
        assertEquals("https://auth.example.com/token", oauth.tokenUrl());
    }

    @Test
    void anUnreadableSourceIsReportedAtTheNodeThatNamesIt() throws Exception {
        Path at = directory.resolve("workflow.arazzo.yaml");
        Diagnostics diagnostics = new Diagnostics();
        Path newer = Documents.write(directory, "newer.yaml", "openapi: 3.2.0\ninfo: {title: t, version: '1'}\n");

        assertTrue(OpenApiReader.read("gone", directory.resolve("gone.yaml"), SourceLocation.ofFile(at, "/x"),
                diagnostics).isEmpty());
        assertTrue(OpenApiReader.read("newer", newer, SourceLocation.ofFile(at, "/y"), diagnostics).isEmpty());

        // OpenAPI 3.2 is read (rewritten into 3.1); one without paths or components is no API description
        assertEquals(List.of("source-not-found", "invalid-openapi"),
                diagnostics.all().stream().map(Diagnostic::code).toList());
        assertTrue(diagnostics.all().stream().allMatch(d -> d.location().file().equals(at)));
    }

    private OperationView get() {
        return source.operations().get(0);
    }

    private record Parameter(String name, ParameterLocation location, ParameterStyle style, boolean explode,
            boolean allowReserved) {
        static Parameter of(ParameterView view) {
            return new Parameter(view.name(), view.location(), view.style(), view.explode(), view.allowReserved());
        }
    }
}
