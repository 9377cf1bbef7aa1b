package dev.arazzo.codegen.resolve;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;

/**
 * The OpenAPI operation a step calls.
 *
 * @param source the source that defines it
 * @param method the HTTP method, upper case
 * @param path the path template, e.g. {@code /contacts/{InstanceId}/{ContactId}}
 * @param operation the operation itself
 * @param parameters the parameters of the path item and the operation, the operation's winning
 */
public record ResolvedOperation(
        OpenApiSource source, String method, String path, Operation operation, List<Parameter> parameters) {

    public ResolvedOperation {
        parameters = List.copyOf(parameters);
    }

    /**
     * The declared parameter a step's parameter means: the one with its name (and location, when the
     * step gives one), else the only one whose name differs just in case and separators
     * ({@code pet_id} for {@code petId}).
     */
    public java.util.Optional<Parameter> declared(String name, String in) {
        java.util.function.Predicate<Parameter> located = p -> in == null || in.equals(p.getIn());
        java.util.Optional<Parameter> exact = parameters.stream()
                .filter(p -> p.getName().equals(name)).filter(located).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<Parameter> loose = parameters.stream()
                .filter(p -> normalized(p.getName()).equals(normalized(name))).filter(located).toList();
        return loose.size() == 1 ? java.util.Optional.of(loose.get(0)) : java.util.Optional.empty();
    }

    private static String normalized(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
    }
}
