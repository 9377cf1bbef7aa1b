package com.example.connect.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sample's OpenAPI description, parsed with swagger-parser, and a strict check of JSON values
 * against its schemas: what the tests use to hold the simulator to the description.
 */
final class OpenApiContract {

    static final Path OPENAPI = Path.of("src/main/arazzo/openapi/amazon-connect-openapi.yml");

    private OpenApiContract() {}

    /** Parses the sample's description; {@code resolveFully} inlines every {@code $ref}. */
    static SwaggerParseResult parse(boolean resolveFully) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(resolveFully);
        return new OpenAPIV3Parser().readLocation(OPENAPI.toAbsolutePath().toString(), null, options);
    }

    /** The response that {@code operation} declares for {@code status}, following a components $ref. */
    static ApiResponse response(OpenAPI api, Operation operation, int status) {
        ApiResponse response = operation.getResponses().get(String.valueOf(status));
        if (response == null) {
            throw new AssertionError(operation.getOperationId() + " declares no " + status + " response");
        }
        if (response.get$ref() != null) {
            String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
            response = api.getComponents().getResponses().get(name);
        }
        return response;
    }

    /**
     * Every way {@code node} departs from {@code schema}, as "pointer: problem" lines. Stricter than JSON
     * Schema in one way, on purpose: an object property the schema does not declare is a problem unless
     * the schema has {@code additionalProperties}.
     */
    static List<String> problems(Schema<?> schema, JsonNode node) {
        List<String> problems = new ArrayList<>();
        check(schema, node, "", problems);
        return problems;
    }

    private static void check(Schema<?> schema, JsonNode node, String at, List<String> problems) {
        if (schema.get$ref() != null) {
            problems.add(at + ": schema not resolved: " + schema.get$ref());
            return;
        }
        if (schema instanceof ComposedSchema && ((ComposedSchema) schema).getAnyOf() != null) {
            for (Schema<?> option : ((ComposedSchema) schema).getAnyOf()) {
                List<String> optionProblems = new ArrayList<>();
                check(option, node, at, optionProblems);
                if (optionProblems.isEmpty()) {
                    return;
                }
            }
            problems.add(at + ": matches none of anyOf");
            return;
        }
        String type = schema.getType();
        if (type == null) {
            problems.add(at + ": schema without a type");
            return;
        }
        switch (type) {
            case "object":
                checkObject(schema, node, at, problems);
                break;
            case "string":
                if (!node.isTextual()) {
                    problems.add(at + ": expected a string, found " + node);
                    return;
                }
                int length = node.textValue().length();
                if (schema.getMinLength() != null && length < schema.getMinLength()
                        || schema.getMaxLength() != null && length > schema.getMaxLength()) {
                    problems.add(at + ": length " + length + " is outside the schema's bounds");
                }
                if (schema.getEnum() != null && !schema.getEnum().contains(node.textValue())) {
                    problems.add(at + ": '" + node.textValue() + "' is not one of " + schema.getEnum());
                }
                break;
            case "integer":
            case "number":
                if (type.equals("integer") ? !node.isIntegralNumber() : !node.isNumber()) {
                    problems.add(at + ": expected " + type + ", found " + node);
                    return;
                }
                BigDecimal value = node.decimalValue();
                if (schema.getMinimum() != null && value.compareTo(schema.getMinimum()) < 0
                        || schema.getMaximum() != null && value.compareTo(schema.getMaximum()) > 0) {
                    problems.add(at + ": " + value + " is outside the schema's range");
                }
                break;
            case "array":
                if (!node.isArray()) {
                    problems.add(at + ": expected an array, found " + node);
                    return;
                }
                for (int i = 0; i < node.size(); i++) {
                    check(schema.getItems(), node.get(i), at + "/" + i, problems);
                }
                break;
            case "boolean":
                if (!node.isBoolean()) {
                    problems.add(at + ": expected a boolean, found " + node);
                }
                break;
            default:
                problems.add(at + ": unsupported schema type " + type);
        }
    }

    private static void checkObject(Schema<?> schema, JsonNode node, String at, List<String> problems) {
        if (!node.isObject()) {
            problems.add(at + ": expected an object, found " + node);
            return;
        }
        if (schema.getRequired() != null) {
            for (String required : schema.getRequired()) {
                if (!node.has(required)) {
                    problems.add(at + ": required property " + required + " is missing");
                }
            }
        }
        @SuppressWarnings("rawtypes")
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            Schema<?> property = properties.get(field.getKey());
            if (property == null && schema.getAdditionalProperties() instanceof Schema) {
                property = (Schema<?>) schema.getAdditionalProperties();
            }
            if (property == null) {
                problems.add(at + ": property " + field.getKey() + " is not in the schema");
            } else {
                check(property, field.getValue(), at + "/" + field.getKey(), problems);
            }
        }
    }
}
