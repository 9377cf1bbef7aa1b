package dev.arazzo.codegen.source.openapi;

import dev.arazzo.codegen.source.ApiSource;
import dev.arazzo.codegen.source.EncodingView;
import dev.arazzo.codegen.source.MediaTypeView;
import dev.arazzo.codegen.source.OperationView;
import dev.arazzo.codegen.source.ParameterLocation;
import dev.arazzo.codegen.source.ParameterStyle;
import dev.arazzo.codegen.source.ParameterView;
import dev.arazzo.codegen.source.ResponseView;
import dev.arazzo.codegen.source.SchemaView;
import dev.arazzo.codegen.source.SecuritySchemeView;
import dev.arazzo.codegen.source.ServerView;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An OpenAPI document named by a source description, parsed by swagger-parser and seen through the
 * project's views; no swagger-parser type leaves this package.
 */
public final class OpenApiSource implements ApiSource {

    private final String name;
    private final Path file;
    private final OpenAPI openApi;
    private final String serverUrl;
    private final OpenApiSchema.Views schemas;
    private final List<OperationView> operations;
    private final Map<String, SecuritySchemeView> securitySchemes;
    private final ServerLocations serverLocations;
    private final List<ServerView> servers;

    /** Why a parameter cannot be sent as described, by {@link CollectionFormats#key}. */
    private final Map<String, String> unsendable;

    /** How the document was read: whole (and why), or the operations the workflows name. */
    private final String reading;

    /** The files the document pulls in through {@code $ref}, itself first. */
    private java.util.Set<Path> referencedFiles = java.util.Set.of();

    OpenApiSource(String name, Path file, OpenAPI openApi, String serverUrl) {
        this(name, file, openApi, serverUrl, null, false, Map.of());
    }

    OpenApiSource(String name, Path file, OpenAPI openApi, String serverUrl, ServerLocations locations,
            boolean swagger, Map<String, String> unsendable) {
        this(name, file, openApi, serverUrl, locations, swagger, unsendable, "the whole document");
    }

    /**
     * {@code locations}: where the file's servers stand, or null when unknown; {@code swagger}: whether the
     * file is Swagger 2.0, whose servers the converter made from {@code host}, {@code basePath} and
     * {@code schemes}; {@code unsendable}: why a Swagger 2.0 parameter cannot be sent as its
     * {@code collectionFormat} says, by {@link CollectionFormats#key}; {@code reading}: how the document was
     * read (the whole document and why, or the operations the workflows name).
     */
    OpenApiSource(String name, Path file, OpenAPI openApi, String serverUrl, ServerLocations locations,
            boolean swagger, Map<String, String> unsendable, String reading) {
        this.reading = reading;
        this.unsendable = Map.copyOf(unsendable);
        this.name = name;
        this.file = file;
        this.openApi = openApi;
        this.serverUrl = serverUrl;
        this.serverLocations = locations;
        this.servers = documentServers(swagger);
        this.schemas = new OpenApiSchema.Views(openApi);
        this.operations = readOperations();
        this.securitySchemes = readSecuritySchemes();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public String serverUrl() {
        return serverUrl;
    }

    @Override
    public List<OperationView> operations() {
        return operations;
    }

    @Override
    public Map<String, SecuritySchemeView> securitySchemes() {
        return securitySchemes;
    }

    @Override
    public List<ServerView> servers() {
        return servers;
    }

    /** The files the document pulls in through {@code $ref}, followed transitively, itself first. */
    public java.util.Set<Path> referencedFiles() {
        return referencedFiles;
    }

    OpenApiSource referencing(java.util.Set<Path> files) {
        this.referencedFiles = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(files));
        return this;
    }

    /**
     * How the document was read: "the operations the workflows name" (only those, and the components they reach),
     * or "the whole document: " and why.
     */
    public String reading() {
        return reading;
    }

    @Override
    public String toString() {
        return "OpenAPI source '" + name + "' (" + file.getFileName() + ")";
    }

    private record OpenApiOperation(
            OpenApiSource source, String operationId, String method, String path, List<ParameterView> parameters,
            List<String> requestContentTypes, SchemaView requestJsonSchema, List<ResponseView> responses,
            List<Map<String, List<String>>> securityRequirements, List<MediaTypeView> requestMediaTypes,
            List<ServerView> servers) implements OperationView {
    }

    private List<ServerView> documentServers(boolean swagger) {
        if (swagger) {
            // the converter's servers: scheme://host/basePath, or basePath alone when there is no host
            String at = serverLocations != null && serverLocations.has("/host") ? "/host" : "/basePath";
            return servers(openApi.getServers(), at, true);
        }
        if (serverLocations != null && !serverLocations.has("/servers")) {
            return List.of(); // swagger-parser fills in "/" for a document without servers
        }
        return servers(openApi.getServers(), "/servers", false);
    }

    /** The views of {@code declared}, located below {@code pointer} (or at it, for the converter's). */
    private List<ServerView> servers(List<Server> declared, String pointer, boolean converted) {
        if (declared == null || declared.isEmpty()) {
            return List.of();
        }
        List<ServerView> views = new ArrayList<>();
        for (int i = 0; i < declared.size(); i++) {
            Server server = declared.get(i);
            if (server == null || server.getUrl() == null) {
                continue;
            }
            String at = converted ? pointer : pointer + "/" + i;
            List<ServerView.Variable> variables = new ArrayList<>();
            if (server.getVariables() != null) {
                server.getVariables().forEach((variableName, variable) -> variables.add(new ServerView.Variable(
                        variableName, variable == null ? null : variable.getDefault(),
                        variable == null || variable.getEnum() == null ? List.of()
                                : variable.getEnum().stream().filter(java.util.Objects::nonNull).toList(),
                        located(at + "/variables/" + escape(variableName)))));
            }
            views.add(new ServerView(server.getUrl(), variables, located(converted ? at : at + "/url")));
        }
        return List.copyOf(views);
    }

    private dev.arazzo.codegen.diagnostic.SourceLocation located(String pointer) {
        return serverLocations == null ? dev.arazzo.codegen.diagnostic.SourceLocation.ofFile(file, pointer)
                : serverLocations.at(pointer);
    }

    /** A JSON Pointer token: {@code ~} and {@code /} escaped. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** An operation's servers: its own, else its path item's, else the document's. */
    private List<ServerView> servers(String path, PathItem item, PathItem.HttpMethod method, Operation operation) {
        String pathPointer = "/paths/" + escape(path);
        if (operation.getServers() != null && !operation.getServers().isEmpty()) {
            return servers(operation.getServers(), pathPointer + "/" + method.name().toLowerCase(Locale.ROOT)
                    + "/servers", false);
        }
        if (item.getServers() != null && !item.getServers().isEmpty()) {
            return servers(item.getServers(), pathPointer + "/servers", false);
        }
        return servers;
    }

    private List<OperationView> readOperations() {
        List<OperationView> found = new ArrayList<>();
        if (openApi.getPaths() == null) {
            return List.of();
        }
        for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
            PathItem item = path.getValue();
            // an OpenAPI 3.2 QUERY or additional operation, moved to an item of its own by OpenApi32
            Object ownMethod = item.getExtensions() == null ? null : item.getExtensions().get(OpenApi32.METHOD);
            String itemPath = ownMethod == null ? path.getKey()
                    : String.valueOf(item.getExtensions().get(OpenApi32.PATH));
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                Content request = operation.getRequestBody() == null ? null : operation.getRequestBody().getContent();
                String method = ownMethod == null ? entry.getKey().name() : String.valueOf(ownMethod);
                found.add(new OpenApiOperation(this, operation.getOperationId(), method, itemPath,
                        parameters(path.getKey(), method, item, operation), request == null ? List.of() : List.copyOf(request.keySet()),
                        schemas.of(jsonSchema(request)), responses(operation), security(operation),
                        mediaTypes(request), servers(path.getKey(), item, entry.getKey(), operation)));
            }
        }
        return List.copyOf(found);
    }

    /** The media types of a request body, with their schemas and encodings. */
    private List<MediaTypeView> mediaTypes(Content request) {
        if (request == null) {
            return List.of();
        }
        List<MediaTypeView> views = new ArrayList<>();
        request.forEach((name, media) -> {
            Map<String, EncodingView> encodings = new LinkedHashMap<>();
            if (media != null && media.getEncoding() != null) {
                media.getEncoding().forEach((property, encoding) -> encodings.put(property, encoding == null
                        ? new EncodingView(null, null, null, false)
                        : new EncodingView(encoding.getContentType(), encoding.getStyle() == null ? null
                                : ParameterStyle.of(encoding.getStyle().toString()).orElse(null),
                                encoding.getExplode(), Boolean.TRUE.equals(encoding.getAllowReserved()))));
            }
            views.add(new MediaTypeView(name, media == null ? null : schemas.of(media.getSchema()), encodings));
        });
        return List.copyOf(views);
    }

    private List<ParameterView> parameters(String path, String method, PathItem item, Operation operation) {
        Map<String, ParameterView> byKey = new LinkedHashMap<>();
        for (List<Parameter> list : Arrays.asList(item.getParameters(), operation.getParameters())) {
            if (list != null) {
                for (Parameter declared : list) {
                    Parameter parameter = follow(declared);
                    if (parameter != null && parameter.getName() != null) {
                        ParameterView view = view(parameter);
                        String why = unsendable.get(CollectionFormats.key(path, method, parameter.getIn(),
                                parameter.getName()));
                        byKey.put(view.location() + ":" + parameter.getName(), why == null ? view
                                : view.unsendable(why));
                    }
                }
            }
        }
        return List.copyOf(byKey.values());
    }

    private ParameterView view(Parameter parameter) {
        boolean querystring = parameter.getExtensions() != null
                && "querystring".equals(parameter.getExtensions().get(OpenApi32.IN));
        ParameterLocation location = querystring ? ParameterLocation.QUERYSTRING
                : ParameterLocation.of(parameter.getIn()).orElse(null);
        ParameterStyle fallback = location == null ? ParameterStyle.SIMPLE : location.defaultStyle();
        ParameterStyle style = parameter.getStyle() == null ? fallback
                : ParameterStyle.of(parameter.getStyle().toString()).orElse(fallback);
        boolean explode = parameter.getExplode() == null ? style.explodesByDefault() : parameter.getExplode();
        Content content = parameter.getContent();
        if (parameter.getSchema() == null && content != null && !content.isEmpty()) {
            // the map holds one entry (OpenAPI says so): its media type is how the value is written
            Map.Entry<String, MediaType> media = content.entrySet().iterator().next();
            return new ParameterView(parameter.getName(), location, style, explode,
                    Boolean.TRUE.equals(parameter.getAllowReserved()), schemas.of(media.getValue().getSchema()),
                    media.getKey());
        }
        return new ParameterView(parameter.getName(), location, style, explode,
                Boolean.TRUE.equals(parameter.getAllowReserved()), schemas.of(parameter.getSchema()));
    }

    /** A parameter, or the component parameter its {@code $ref} names. */
    private Parameter follow(Parameter parameter) {
        Parameter current = parameter;
        for (int depth = 0; current != null && current.get$ref() != null && depth < 16; depth++) {
            String ref = current.get$ref();
            String component = ref.substring(ref.lastIndexOf('/') + 1);
            current = openApi.getComponents() == null || openApi.getComponents().getParameters() == null
                    ? null
                    : openApi.getComponents().getParameters().get(component);
        }
        return current;
    }

    private List<ResponseView> responses(Operation operation) {
        if (operation.getResponses() == null) {
            return List.of();
        }
        List<ResponseView> responses = new ArrayList<>();
        operation.getResponses().forEach((code, response) -> {
            ApiResponse resolved = follow(response);
            Map<String, SchemaView> content = new LinkedHashMap<>();
            if (resolved != null && resolved.getContent() != null) {
                resolved.getContent().forEach((type, media) -> content.put(type,
                        media == null ? null : schemas.of(media.getSchema())));
            }
            responses.add(new ResponseView(code, response != null && response.get$ref() != null,
                    resolved == null ? null : schemas.of(jsonSchema(resolved.getContent())), content));
        });
        return List.copyOf(responses);
    }

    private ApiResponse follow(ApiResponse response) {
        if (response == null || response.get$ref() == null || openApi.getComponents() == null
                || openApi.getComponents().getResponses() == null) {
            return response;
        }
        String ref = response.get$ref();
        return openApi.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** The schema of the JSON media type of a request or response body ({@code *}{@code /*} too), or null. */
    private static Schema<?> jsonSchema(Content content) {
        if (content == null) {
            return null;
        }
        for (Map.Entry<String, MediaType> media : content.entrySet()) {
            String type = media.getKey().toLowerCase(Locale.ROOT);
            if ((type.contains("json") || type.equals("*/*")) && media.getValue() != null
                    && media.getValue().getSchema() != null) {
                return media.getValue().getSchema();
            }
        }
        return null;
    }

    private List<Map<String, List<String>>> security(Operation operation) {
        List<SecurityRequirement> requirements = operation.getSecurity() != null ? operation.getSecurity()
                : openApi.getSecurity();
        if (requirements == null) {
            return List.of();
        }
        List<Map<String, List<String>>> alternatives = new ArrayList<>();
        for (SecurityRequirement requirement : requirements) {
            Map<String, List<String>> schemes = new LinkedHashMap<>();
            requirement.forEach((scheme, scopes) -> schemes.put(scheme, scopes == null ? List.of() : List.copyOf(scopes)));
            alternatives.add(java.util.Collections.unmodifiableMap(schemes));
        }
        return List.copyOf(alternatives);
    }

    private Map<String, SecuritySchemeView> readSecuritySchemes() {
        if (openApi.getComponents() == null || openApi.getComponents().getSecuritySchemes() == null) {
            return Map.of();
        }
        Map<String, SecuritySchemeView> views = new LinkedHashMap<>();
        openApi.getComponents().getSecuritySchemes().forEach((schemeName, scheme) -> views.put(schemeName, view(scheme)));
        return java.util.Collections.unmodifiableMap(views);
    }

    private static SecuritySchemeView view(SecurityScheme scheme) {
        SecuritySchemeView.Type type = scheme.getType() == null ? null : switch (scheme.getType()) {
            case APIKEY -> SecuritySchemeView.Type.API_KEY;
            case HTTP -> SecuritySchemeView.Type.HTTP;
            case OAUTH2 -> SecuritySchemeView.Type.OAUTH2;
            case OPENIDCONNECT -> SecuritySchemeView.Type.OPEN_ID_CONNECT;
            case MUTUALTLS -> SecuritySchemeView.Type.MUTUAL_TLS;
        };
        var flow = scheme.getFlows() == null ? null : scheme.getFlows().getClientCredentials();
        return new SecuritySchemeView(type, scheme.getDescription(), scheme.getIn() == null ? null
                : scheme.getIn().toString(), scheme.getName(), scheme.getScheme(), flow != null,
                flow == null ? null : flow.getTokenUrl());
    }
}
