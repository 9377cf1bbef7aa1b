package dev.arazzo.codegen.expression;

import dev.arazzo.codegen.source.ParameterLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses runtime expressions ({@code $inputs.x}, {@code $response.body#/a/b}, ...) and strings with
 * embedded expressions ({@code "Bearer {$steps.login.outputs.token}"}).
 *
 * <p>Common non-spec forms are rejected with the spec form as the fix: {@code $response.body.id} is
 * {@code $response.body#/id}, {@code $response.headers.X} is {@code $response.header.X}.
 */
public final class RuntimeExpressionParser {

    private RuntimeExpressionParser() {
    }

    /** Whether {@code text} is meant as a runtime expression (it starts with {@code $}). */
    public static boolean isExpression(String text) {
        return text.startsWith("$");
    }

    /** A parsed expression, and a sentence with the spec form when the text used a common non-spec form. */
    public record Parsed(RuntimeExpression expression, java.util.Optional<String> nonSpecForm) {
    }

    /**
     * Parses a whole runtime expression. Forms that real documents use but the grammar does not have
     * are read as their authors meant them: {@code $response.body.a.b} as {@code $response.body#/a/b},
     * {@code $response.headers.X} as {@code $response.header.X}, {@code $steps.s.x} as
     * {@code $steps.s.outputs.x}, {@code $sourceDescriptions.src.wf.outputs.x} as that workflow's output;
     * {@link #parseNoting} says when that happened.
     */
    public static RuntimeExpression parse(String text) throws ExpressionSyntaxException {
        return parseNoting(text).expression();
    }

    private static final java.util.regex.Pattern BODY_PATH =
            java.util.regex.Pattern.compile("^(\\$(?:request|response))\\.body([.\\[][^#]*)$");
    private static final java.util.regex.Pattern HEADERS =
            java.util.regex.Pattern.compile("^(\\$(?:request|response))\\.headers\\.(.+)$");
    private static final java.util.regex.Pattern STEP_WITHOUT_OUTPUTS =
            java.util.regex.Pattern.compile("^\\$steps\\.([^.#]+)\\.(?!outputs\\.)([^#]+)(#.*)?$");
    private static final java.util.regex.Pattern SOURCE_WORKFLOW_VALUE =
            java.util.regex.Pattern.compile("^([^.]+)\\.([^.]+)\\.(outputs|inputs)\\.(.+)$");

    /** {@link #parse}, and the spec form when {@code text} used a non-spec one. */
    public static Parsed parseNoting(String text) throws ExpressionSyntaxException {
        RuntimeExpression strict;
        try {
            strict = parseStrict(text);
        } catch (ExpressionSyntaxException e) {
            java.util.regex.Matcher body = BODY_PATH.matcher(text);
            java.util.regex.Matcher headers = HEADERS.matcher(text);
            java.util.regex.Matcher step = STEP_WITHOUT_OUTPUTS.matcher(text);
            String rewritten = body.matches() ? body.group(1) + ".body#" + toPointer(body.group(2))
                    : headers.matches() ? headers.group(1) + ".header." + headers.group(2)
                    : step.matches() ? "$steps." + step.group(1) + ".outputs." + step.group(2)
                            + (step.group(3) == null ? "" : step.group(3))
                    : null;
            if (rewritten == null) {
                throw e;
            }
            try {
                return new Parsed(parseStrict(rewritten), java.util.Optional.of(nonSpec(text, rewritten)));
            } catch (ExpressionSyntaxException ignored) {
                throw e;
            }
        }
        if (strict instanceof RuntimeExpression.SourceDescriptionField field && !field.field().equals("url")) {
            java.util.regex.Matcher value = SOURCE_WORKFLOW_VALUE.matcher(field.name() + "." + field.field());
            if (value.matches()) {
                String workflow = "$sourceDescriptions." + value.group(1) + "." + value.group(2);
                return new Parsed(new RuntimeExpression.WorkflowValue(workflow, value.group(3).equals("outputs"),
                        value.group(4), ""), java.util.Optional.of("'" + text + "' is not a runtime expression: a "
                        + "workflow's values are read as '$workflows." + value.group(2) + "." + value.group(3) + "."
                        + value.group(4) + "'; it is read as that"));
            }
        }
        return new Parsed(strict, java.util.Optional.empty());
    }

    private static String nonSpec(String text, String specForm) {
        return "'" + text + "' is not a runtime expression; write '" + specForm + "' (it is read as that)";
    }

    private static RuntimeExpression parseStrict(String text) throws ExpressionSyntaxException {
        if (!text.startsWith("$")) {
            throw new ExpressionSyntaxException("a runtime expression starts with '$'", 0);
        }
        int hash = text.indexOf('#');
        String head = hash < 0 ? text : text.substring(0, hash);
        String pointer = hash < 0 ? "" : text.substring(hash + 1);
        if (hash >= 0) {
            checkPointer(pointer, hash + 1);
        }
        if (head.equals("$url") || head.equals("$method") || head.equals("$statusCode") || head.equals("$self")) {
            noPointer(text, hash);
            return switch (head) {
                case "$url" -> new RuntimeExpression.Url();
                case "$method" -> new RuntimeExpression.Method();
                case "$self" -> new RuntimeExpression.Self();
                default -> new RuntimeExpression.StatusCode();
            };
        }
        if (head.startsWith("$request.") || head.startsWith("$response.")) {
            boolean request = head.startsWith("$request.");
            String root = request ? "$request" : "$response";
            String rest = head.substring(root.length() + 1);
            if (rest.equals("body")) {
                return request ? new RuntimeExpression.RequestBody(pointer) : new RuntimeExpression.ResponseBody(pointer);
            }
            if (rest.startsWith("body.") || rest.startsWith("body[")) {
                String path = rest.substring(4);
                throw new ExpressionSyntaxException("'" + text + "' is not a runtime expression: a part of the body is "
                        + "read with a JSON Pointer, write '" + root + ".body#" + toPointer(path) + "'", root.length() + 5);
            }
            if (rest.startsWith("headers.")) {
                throw new ExpressionSyntaxException("'" + text + "' is not a runtime expression: write '" + root
                        + ".header." + rest.substring(8) + "' (singular 'header')", root.length() + 1);
            }
            for (String in : List.of("header", "query", "path")) {
                if (rest.startsWith(in + ".")) {
                    String name = rest.substring(in.length() + 1);
                    if (name.isEmpty()) {
                        throw new ExpressionSyntaxException("'" + text + "' names no " + in + " parameter; add its name",
                                text.length());
                    }
                    noPointer(text, hash);
                    if (!request && !in.equals("header")) {
                        throw new ExpressionSyntaxException("'" + text + "' is not a runtime expression: a response has "
                                + "headers and a body only ('$response.header.X', '$response.body#/x')", root.length() + 1);
                    }
                    return request
                            ? new RuntimeExpression.RequestParameter(ParameterLocation.of(in).orElseThrow(), name)
                            : new RuntimeExpression.ResponseHeader(name);
                }
            }
            throw new ExpressionSyntaxException("'" + text + "' is not a runtime expression: after '" + root
                    + ".' comes 'header.', " + (request ? "'query.', 'path.', " : "") + "or 'body'", root.length() + 1);
        }
        if (head.startsWith("$message.")) {
            return message(text, head, hash, pointer);
        }
        if (head.startsWith("$inputs.")) {
            String name = name(text, head, "$inputs.");
            return new RuntimeExpression.Input(firstName(name), dottedPointer(name, pointer));
        }
        if (head.startsWith("$outputs.")) {
            String name = name(text, head, "$outputs.");
            return new RuntimeExpression.Output(firstName(name), dottedPointer(name, pointer));
        }
        if (head.startsWith("$steps.")) {
            String rest = head.substring(7);
            int dot = rest.indexOf('.');
            if (dot <= 0 || !rest.substring(dot + 1).startsWith("outputs.") || rest.length() <= dot + 9) {
                throw new ExpressionSyntaxException("'" + text + "' is not a runtime expression: a step's value is read "
                        + "as '$steps.<stepId>.outputs.<name>'", 7 + Math.max(dot, 0));
            }
            String name = rest.substring(dot + 9);
            return new RuntimeExpression.StepOutput(rest.substring(0, dot), firstName(name), dottedPointer(name, pointer));
        }
        if (head.startsWith("$workflows.")) {
            String rest = head.substring(11);
            int dot = rest.indexOf('.');
            String kind = dot <= 0 ? "" : rest.substring(dot + 1);
            boolean output = kind.startsWith("outputs.");
            if (dot <= 0 || !(output || kind.startsWith("inputs.")) || kind.indexOf('.') == kind.length() - 1) {
                throw new ExpressionSyntaxException("'" + text + "' is not a runtime expression: a workflow's value is "
                        + "read as '$workflows.<workflowId>.inputs.<name>' or '$workflows.<workflowId>.outputs.<name>'",
                        11 + Math.max(dot, 0));
            }
            return new RuntimeExpression.WorkflowValue(rest.substring(0, dot), output,
                    kind.substring(kind.indexOf('.') + 1), pointer);
        }
        if (head.startsWith("$sourceDescriptions.")) {
            String rest = head.substring(20);
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                throw new ExpressionSyntaxException("'" + text + "' is not a runtime expression: a source description "
                        + "is read as '$sourceDescriptions.<name>.url'", 20);
            }
            noPointer(text, hash);
            return new RuntimeExpression.SourceDescriptionField(rest.substring(0, dot), rest.substring(dot + 1));
        }
        if (head.startsWith("$components.")) {
            String rest = head.substring(12);
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                throw new ExpressionSyntaxException("'" + text + "' is not a runtime expression: a component is read as "
                        + "'$components.<kind>.<name>', e.g. '$components.parameters.page'", 12);
            }
            noPointer(text, hash);
            return new RuntimeExpression.Component(rest.substring(0, dot), rest.substring(dot + 1));
        }
        throw new ExpressionSyntaxException("'" + text + "' starts with an unknown root; a runtime expression starts "
                + "with $url, $method, $statusCode, $request., $response., $message., $inputs., $outputs., $steps., "
                + "$workflows., $sourceDescriptions., $components. or is $self", 0);
    }

    /** {@code $message.header.X}, {@code $message.header#/X}, {@code $message.payload[#/pointer]} (Arazzo 1.1). */
    private static RuntimeExpression message(String text, String head, int hash, String pointer)
            throws ExpressionSyntaxException {
        String rest = head.substring("$message.".length());
        if (rest.equals("payload")) {
            return new RuntimeExpression.MessagePayload(pointer);
        }
        if (rest.startsWith("payload.") || rest.startsWith("payload[")) {
            throw new ExpressionSyntaxException("'" + text + "' is not a runtime expression: a part of the payload is "
                    + "read with a JSON Pointer, write '$message.payload#" + toPointer(rest.substring(7)) + "'", 17);
        }
        if (rest.equals("header") && hash >= 0) {
            String token = pointer.isEmpty() ? "" : pointer.substring(1);
            String name = token.replace("~1", "/").replace("~0", "~");
            if (token.isEmpty() || token.contains("/")) {
                throw new ExpressionSyntaxException("'" + text + "' names no single header; write "
                        + "'$message.header#/<name>'", hash + 1);
            }
            return new RuntimeExpression.MessageHeader(name);
        }
        if (rest.startsWith("header.") && rest.length() > 7) {
            noPointer(text, hash);
            return new RuntimeExpression.MessageHeader(rest.substring(7));
        }
        throw new ExpressionSyntaxException("'" + text + "' is not a runtime expression: a message is read as "
                + "'$message.header.<name>', '$message.header#/<name>' or '$message.payload#/<pointer>'", 9);
    }

    /**
     * Splits a string value into literal text and embedded expressions: {@code "id={$inputs.id}"} gives
     * the literal {@code "id="} and the expression {@code $inputs.id}.
     */
    public static List<TemplatePart> parseTemplate(String text) throws ExpressionSyntaxException {
        List<TemplatePart> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                int end = text.indexOf('}', i);
                if (end < 0) {
                    throw new ExpressionSyntaxException("the embedded expression that starts here has no closing '}'", i);
                }
                if (literal.length() > 0) {
                    parts.add(new TemplatePart.Literal(literal.toString()));
                    literal.setLength(0);
                }
                String inner = text.substring(i + 1, end);
                try {
                    parts.add(new TemplatePart.Embedded(inner, parseNoting(inner)));
                } catch (ExpressionSyntaxException e) {
                    throw new ExpressionSyntaxException(e.getMessage(), i + 1 + e.offset());
                }
                i = end + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(new TemplatePart.Literal(literal.toString()));
        }
        return parts;
    }

    /** A piece of a string with embedded expressions. */
    public sealed interface TemplatePart {
        /** Text kept as written. */
        record Literal(String text) implements TemplatePart {
        }

        /** An expression between {@code {}}, with its source text. */
        record Embedded(String text, Parsed parsed) implements TemplatePart {
            public RuntimeExpression expression() {
                return parsed.expression();
            }
        }
    }

    /** {@code a.b.c}: the name is {@code a}; the rest are properties of its value. */
    private static String firstName(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** The properties after the first name as a JSON Pointer, before any explicit pointer. */
    private static String dottedPointer(String name, String pointer) {
        int dot = name.indexOf('.');
        return dot < 0 ? pointer : toPointer(name.substring(dot)) + pointer;
    }

    private static String name(String text, String head, String prefix) throws ExpressionSyntaxException {
        String name = head.substring(prefix.length());
        if (name.isEmpty()) {
            throw new ExpressionSyntaxException("'" + text + "' names nothing after '" + prefix + "'", prefix.length());
        }
        return name;
    }

    private static void noPointer(String text, int hash) throws ExpressionSyntaxException {
        if (hash >= 0) {
            throw new ExpressionSyntaxException("'" + text.substring(0, hash) + "' is a single value: it takes no JSON Pointer",
                    hash);
        }
    }

    private static void checkPointer(String pointer, int offset) throws ExpressionSyntaxException {
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new ExpressionSyntaxException("a JSON Pointer after '#' starts with '/', e.g. '#/" + pointer + "'", offset);
        }
        for (int i = 0; i < pointer.length(); i++) {
            if (pointer.charAt(i) == '~' && (i + 1 >= pointer.length() || "01".indexOf(pointer.charAt(i + 1)) < 0)) {
                throw new ExpressionSyntaxException("'~' in a JSON Pointer is written '~0' and '/' inside a name '~1'",
                        offset + i);
            }
        }
    }

    /** {@code .a.b[0]} to {@code /a/b/0}. */
    private static String toPointer(String path) {
        StringBuilder pointer = new StringBuilder();
        for (String part : path.replace("[", ".").replace("]", "").split("\\.")) {
            if (!part.isEmpty()) {
                pointer.append('/').append(part.replace("~", "~0").replace("/", "~1"));
            }
        }
        return pointer.toString();
    }
}
