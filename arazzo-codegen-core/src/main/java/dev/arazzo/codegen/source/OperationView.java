package dev.arazzo.codegen.source;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** An operation of an {@link ApiSource}: what a step that calls it can send and read. */
public interface OperationView {

    /** The source that defines it. */
    ApiSource source();

    /** Its operationId, or null when it has none. */
    String operationId();

    /** The HTTP method, upper case. */
    String method();

    /** The path template, e.g. {@code /contacts/{InstanceId}/{ContactId}}. */
    String path();

    /** The parameters of the path item and the operation, the operation's winning. */
    List<ParameterView> parameters();

    /** The media types of its request body, in document order (empty when it takes none). */
    List<String> requestContentTypes();

    /** The schema of its request body's JSON media type, or null. */
    SchemaView requestJsonSchema();

    /**
     * The media types of its request body, in document order, each with its schema and encodings (empty
     * when it takes none). A source that knows only the names gives them without encodings, the JSON
     * ones with {@link #requestJsonSchema()}.
     */
    default List<MediaTypeView> requestMediaTypes() {
        return requestContentTypes().stream().map(name -> new MediaTypeView(name,
                MediaKind.of(name) == MediaKind.JSON ? requestJsonSchema() : null, Map.of())).toList();
    }

    /**
     * The media type a step that sends a body with {@code contentType} (null when it gives none) sends,
     * or why there is none: {@link RequestBodyChoice}.
     */
    default RequestBodyChoice requestBody(String contentType) {
        return RequestBodyChoice.of(this, contentType);
    }

    /** Its responses, in document order. */
    List<ResponseView> responses();

    /**
     * Its security requirements (else its document's): alternatives, each a map from scheme name to the
     * scopes it requires, in document order.
     */
    List<Map<String, List<String>>> securityRequirements();

    /**
     * The servers its requests go to, as OpenAPI chooses them: the operation's {@code servers}, else its
     * path item's, else its document's; empty when none says any. The first is the one used.
     */
    default List<ServerView> servers() {
        return List.of();
    }

    /** How messages name it: its operationId, else {@code METHOD /path}. */
    default String describe() {
        return operationId() != null ? "'" + operationId() + "'" : method() + " " + path();
    }

    /**
     * The declared parameter a step's parameter means: the one with its name (and location, when the
     * step gives one), else the only one whose name differs just in case and separators
     * ({@code pet_id} for {@code petId}).
     */
    default Optional<ParameterView> declared(String name, ParameterLocation location) {
        Predicate<ParameterView> located = p -> location == null || location == p.location();
        Optional<ParameterView> exact = parameters().stream()
                .filter(p -> p.name().equals(name)).filter(located).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<ParameterView> loose = parameters().stream()
                .filter(p -> normalized(p.name()).equals(normalized(name))).filter(located).toList();
        return loose.size() == 1 ? Optional.of(loose.get(0)) : Optional.empty();
    }

    private static String normalized(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
