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
}
