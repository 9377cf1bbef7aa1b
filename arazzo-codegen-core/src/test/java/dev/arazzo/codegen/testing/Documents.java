package dev.arazzo.codegen.testing;

import dev.arazzo.codegen.bind.Binder;
import dev.arazzo.codegen.bind.BoundDocument;
import dev.arazzo.codegen.bind.BoundSources;
import dev.arazzo.codegen.bind.SourceBinder;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.load.DocumentLoader;
import dev.arazzo.codegen.load.SchemaChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Documents written for a test, and the early stages run over them: load, then bind. */
public final class Documents {

    /** A small OpenAPI description with a parameter of every location, styles, $refs and security. */
    public static final String THINGS_OPENAPI = """
            openapi: 3.0.3
            info: {title: things, version: '1'}
            servers: [{url: 'https://{host}/v1', variables: {host: {default: api.example.com}}}]
            security: [{key: []}]
            paths:
              /things/{id}:
                parameters:
                  - {name: id, in: path, required: true, schema: {type: string}}
                get:
                  operationId: getThing
                  parameters:
                    - {name: q, in: query, schema: {type: string}}
                    - {name: tags, in: query, style: pipeDelimited, explode: false,
                       schema: {type: array, items: {type: string}}}
                    - {name: filter, in: query, style: deepObject, allowReserved: true, schema: {type: object}}
                    - {name: X-Trace, in: header, schema: {type: string}}
                    - {name: session, in: cookie, explode: false, schema: {type: string}}
                    - $ref: '#/components/parameters/Page'
                  responses:
                    '200':
                      description: ok
                      content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}
                    '404': {$ref: '#/components/responses/NotFound'}
              /things:
                post:
                  security: [{oauth: [write]}]
                  requestBody:
                    content: {application/json: {schema: {type: object, properties: {ClientToken: {type: string}}}}}
                  responses: {'201': {description: created}}
            components:
              parameters:
                Page: {name: page, in: query, schema: {type: integer}}
              responses:
                NotFound:
                  description: not found
                  content: {application/json: {schema: {type: object, properties: {message: {type: string}}}}}
              schemas:
                Thing:
                  type: object
                  required: [id]
                  properties:
                    id: {type: string}
                    parts: {type: array, items: {$ref: '#/components/schemas/Part'}}
                Part: {type: object, properties: {weight: {type: number, format: float}}}
              securitySchemes:
                key: {type: apiKey, in: header, name: X-Api-Key}
                oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://auth.example.com/token',
                        scopes: {write: w}}}}
            """;

    private Documents() {
    }

    public static Path write(Path directory, String name, String text) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, text);
        return file.toAbsolutePath().normalize();
    }

    /**
     * The document in {@code spec}, then every Arazzo document its sources name, each bound; problems go to
     * {@code diagnostics}.
     */
    public static List<BoundDocument> bind(Path spec, Diagnostics diagnostics) {
        DocumentLoader loader = new DocumentLoader();
        ArazzoDocument root = loader.load(spec, SourceLocation.ofFile(spec, ""), diagnostics)
                .flatMap(source -> SchemaChecker.read(source, diagnostics)).orElseThrow();
        SourceBinder sources = new SourceBinder(loader, Map.of(), diagnostics);
        List<BoundDocument> bound = new ArrayList<>();
        List<ArazzoDocument> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            ArazzoDocument document = pending.remove(0);
            BoundSources found = sources.bind(document);
            bound.add(Binder.bind(document, found, diagnostics));
            pending.addAll(found.arazzo().values());
        }
        return bound;
    }
}
