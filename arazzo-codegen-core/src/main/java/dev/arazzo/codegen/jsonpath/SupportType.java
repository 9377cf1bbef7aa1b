package dev.arazzo.codegen.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.lang.model.element.Modifier;

/**
 * Builds the support class that compiled JSONPath expressions call (see
 * {@link JsonPathCompiler#supportType(ClassName)}). Each helper is written once here, in JavaPoet, so that
 * generated clients need only the JDK and jackson-databind.
 */
final class SupportType {

    private static final ClassName JSON_NODE = ClassName.get(JsonNode.class);
    private static final ClassName MISSING = ClassName.get(MissingNode.class);
    private static final TypeName NODES = ParameterizedTypeName.get(ClassName.get(Stream.class), JSON_NODE);
    private static final TypeName SELECTOR =
            ParameterizedTypeName.get(ClassName.get(Function.class), JSON_NODE, NODES);
    private static final TypeName CONDITION = ParameterizedTypeName.get(ClassName.get(Predicate.class), JSON_NODE);
    private static final TypeName OPTIONAL_PATTERN =
            ParameterizedTypeName.get(ClassName.get(Optional.class), ClassName.get(Pattern.class));

    private final ClassName name;
    private final TypeSpec.Builder type;

    private SupportType(ClassName name) {
        this.name = name;
        this.type = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.FINAL)
                .addJavadoc("Helpers called by the JSONPath queries (RFC 9535) that arazzo-codegen compiled into Java.\n")
                .addJavadoc("\n<p>Node lists are {@code Stream<JsonNode>}s; a missing value (the RFC's Nothing) is a\n")
                .addJavadoc("{@code MissingNode}, or {@code null} where a caller passes one.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    }

    static TypeSpec build(ClassName name) {
        SupportType support = new SupportType(name);
        support.addQueries();
        support.addSelectors();
        support.addComparisons();
        support.addFunctions();
        support.addRegexTranslation();
        return support.type.build();
    }

    private MethodSpec.Builder method(String methodName, TypeName returns, String javadoc, Object... args) {
        return MethodSpec.methodBuilder(methodName)
                .addModifiers(Modifier.STATIC)
                .returns(returns)
                .addJavadoc(javadoc + "\n", args);
    }

    private void addQueries() {
        type.addMethod(method("select", NODES, "The node itself, or no node when it is {@code null} or missing.")
                .addParameter(JSON_NODE, "node")
                .addStatement("return node == null || node.isMissingNode() ? $T.empty() : $T.of(node)", Stream.class,
                        Stream.class)
                .build());
        TypeVariableName t = TypeVariableName.get("T");
        type.addMethod(method("evaluate", t, "Applies a query whose filters read the root to the given root.")
                .addTypeVariable(t)
                .addParameter(JSON_NODE, "root")
                .addParameter(ParameterizedTypeName.get(ClassName.get(Function.class), JSON_NODE, t), "query")
                .addStatement("return query.apply(root == null ? $T.getInstance() : root)", MISSING)
                .build());
        type.addMethod(method("test", TypeName.BOOLEAN, "Applies an Arazzo JSONPath criterion to its context.")
                .addParameter(JSON_NODE, "context")
                .addParameter(CONDITION, "condition")
                .addStatement("return condition.test(context == null ? $T.getInstance() : context)", MISSING)
                .build());
        type.addMethod(method("filterContext", NODES, "An Arazzo criterion's root filter {@code $$[?...]}: an array"
                + " context is\nfiltered as RFC 9535 says; any other context is itself tested.")
                .addParameter(JSON_NODE, "context")
                .addParameter(CONDITION, "condition")
                .addStatement("return context.isArray() ? children(context).filter(condition) :"
                        + " select(context).filter(condition)")
                .build());
    }

    private void addSelectors() {
        type.addMethod(method("children", NODES, "The elements of an array or the member values of an object.")
                .addParameter(JSON_NODE, "node")
                .addStatement("return $T.stream(node.spliterator(), false)", StreamSupport.class)
                .build());
        type.addMethod(method("member", SELECTOR, "Name selector: the value of the named member of an object.")
                .addParameter(String.class, "name")
                .addStatement("return node -> select(node.get(name))")
                .build());
        type.addMethod(method("element", SELECTOR, "Index selector: an array element; negative indices count from"
                + " the end.")
                .addParameter(long.class, "index")
                .addStatement("return node -> select(at(node, index))")
                .build());
        type.addMethod(method("at", JSON_NODE, "The array element at an index (negative: from the end), or a missing"
                + " node.")
                .addParameter(JSON_NODE, "node")
                .addParameter(long.class, "index")
                .beginControlFlow("if (!node.isArray())")
                .addStatement("return $T.getInstance()", MISSING)
                .endControlFlow()
                .addStatement("long position = index < 0 ? node.size() + index : index")
                .addStatement("return position >= 0 && position < node.size() ? node.get((int) position) :"
                        + " $T.getInstance()", MISSING)
                .build());
        ClassName boxedLong = ClassName.get(Long.class);
        type.addMethod(method("slice", SELECTOR, "Slice selector {@code start:end:step} (RFC 9535, section"
                + " 2.3.4.2.2); {@code null} for an absent bound.")
                .addParameter(boxedLong, "start")
                .addParameter(boxedLong, "end")
                .addParameter(boxedLong, "step")
                .addStatement("long by = step == null ? 1 : step")
                .addCode(CodeBlock.builder()
                        .add("return node -> {\n$>")
                        .beginControlFlow("if (!node.isArray() || by == 0)")
                        .addStatement("return $T.empty()", Stream.class)
                        .endControlFlow()
                        .addStatement("long length = node.size()")
                        .addStatement("$T<$T> selected = new $T<>()", List.class, JSON_NODE, ArrayList.class)
                        .beginControlFlow("if (by > 0)")
                        .addStatement("long lower = Math.min(Math.max(start == null ? 0 : normalize(start, length), 0),"
                                + " length)")
                        .addStatement("long upper = Math.min(Math.max(end == null ? length : normalize(end, length), 0),"
                                + " length)")
                        .beginControlFlow("for (long i = lower; i < upper; i += by)")
                        .addStatement("selected.add(node.get((int) i))")
                        .endControlFlow()
                        .nextControlFlow("else")
                        .addStatement("long upper = Math.min(Math.max(start == null ? length - 1 : normalize(start,"
                                + " length), -1), length - 1)")
                        .addStatement("long lower = Math.min(Math.max(end == null ? -1 : normalize(end, length), -1),"
                                + " length - 1)")
                        .beginControlFlow("for (long i = upper; lower < i; i += by)")
                        .addStatement("selected.add(node.get((int) i))")
                        .endControlFlow()
                        .endControlFlow()
                        .addStatement("return selected.stream()")
                        .add("$<};\n")
                        .build())
                .build());
        type.addMethod(MethodSpec.methodBuilder("normalize")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(long.class)
                .addParameter(long.class, "index")
                .addParameter(long.class, "length")
                .addStatement("return index >= 0 ? index : length + index")
                .build());
        type.addMethod(method("filter", SELECTOR, "Filter selector: the children for which the condition holds.")
                .addParameter(CONDITION, "condition")
                .addStatement("return node -> children(node).filter(condition)")
                .build());
        type.addMethod(method("descendants", NODES, "The node and all its descendants, parents before children,"
                + " in document order.")
                .addParameter(JSON_NODE, "node")
                .addStatement("$T<$T> all = new $T<>()", List.class, JSON_NODE, ArrayList.class)
                .addStatement("addDescendants(node, all)")
                .addStatement("return all.stream()")
                .build());
        type.addMethod(MethodSpec.methodBuilder("addDescendants")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(JSON_NODE, "node")
                .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), JSON_NODE), "all")
                .addStatement("all.add(node)")
                .beginControlFlow("for ($T child : node)", JSON_NODE)
                .addStatement("addDescendants(child, all)")
                .endControlFlow()
                .build());
        type.addMethod(method("union", SELECTOR, "Several selectors in one segment: their results, concatenated.")
                .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), SELECTOR), "selectors")
                .addStatement("return node -> selectors.stream().flatMap(selector -> selector.apply(node))")
                .build());
    }

    private void addComparisons() {
        type.addMethod(method("isNothing", TypeName.BOOLEAN, "Whether a value is the RFC's Nothing (no node).")
                .addParameter(JSON_NODE, "value")
                .addStatement("return value == null || value.isMissingNode()")
                .build());
        type.addMethod(method("isPresentAndNotNull", TypeName.BOOLEAN, "An Arazzo criterion's {@code query != null}:"
                + " the node exists and is not JSON null.")
                .addParameter(JSON_NODE, "value")
                .addStatement("return !isNothing(value) && !value.isNull()")
                .build());
        type.addMethod(method("equal", TypeName.BOOLEAN, "{@code ==} of RFC 9535: deep equality; numbers by value;"
                + " Nothing equals only Nothing.")
                .addParameter(JSON_NODE, "left")
                .addParameter(JSON_NODE, "right")
                .beginControlFlow("if (isNothing(left) || isNothing(right))")
                .addStatement("return isNothing(left) && isNothing(right)")
                .endControlFlow()
                .beginControlFlow("if (left.isNumber() && right.isNumber())")
                .addStatement("return left.decimalValue().compareTo(right.decimalValue()) == 0")
                .endControlFlow()
                .beginControlFlow("if (left.isArray() && right.isArray())")
                .beginControlFlow("if (left.size() != right.size())")
                .addStatement("return false")
                .endControlFlow()
                .beginControlFlow("for (int i = 0; i < left.size(); i++)")
                .beginControlFlow("if (!equal(left.get(i), right.get(i)))")
                .addStatement("return false")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return true")
                .endControlFlow()
                .beginControlFlow("if (left.isObject() && right.isObject())")
                .beginControlFlow("if (left.size() != right.size())")
                .addStatement("return false")
                .endControlFlow()
                .beginControlFlow("for ($T.Entry<$T, $T> member : left.properties())", Map.class, String.class, JSON_NODE)
                .beginControlFlow("if (!equal(member.getValue(), right.get(member.getKey())))")
                .addStatement("return false")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return true")
                .endControlFlow()
                .addStatement("return left.isValueNode() && left.getNodeType() == right.getNodeType() &&"
                        + " left.equals(right)")
                .build());
        type.addMethod(method("notEqual", TypeName.BOOLEAN, "{@code !=} of RFC 9535.")
                .addParameter(JSON_NODE, "left")
                .addParameter(JSON_NODE, "right")
                .addStatement("return !equal(left, right)")
                .build());
        type.addMethod(method("less", TypeName.BOOLEAN, "{@code <} of RFC 9535: numbers by value, strings by"
                + " Unicode scalar values; else false.")
                .addParameter(JSON_NODE, "left")
                .addParameter(JSON_NODE, "right")
                .beginControlFlow("if (isNothing(left) || isNothing(right))")
                .addStatement("return false")
                .endControlFlow()
                .beginControlFlow("if (left.isNumber() && right.isNumber())")
                .addStatement("return left.decimalValue().compareTo(right.decimalValue()) < 0")
                .endControlFlow()
                .addStatement("return left.isTextual() && right.isTextual() && compareCodePoints(left.textValue(),"
                        + " right.textValue()) < 0")
                .build());
        type.addMethod(method("lessOrEqual", TypeName.BOOLEAN, "{@code <=} of RFC 9535.")
                .addParameter(JSON_NODE, "left")
                .addParameter(JSON_NODE, "right")
                .addStatement("return less(left, right) || equal(left, right)")
                .build());
        type.addMethod(method("greater", TypeName.BOOLEAN, "{@code >} of RFC 9535.")
                .addParameter(JSON_NODE, "left")
                .addParameter(JSON_NODE, "right")
                .addStatement("return less(right, left)")
                .build());
        type.addMethod(method("greaterOrEqual", TypeName.BOOLEAN, "{@code >=} of RFC 9535.")
                .addParameter(JSON_NODE, "left")
                .addParameter(JSON_NODE, "right")
                .addStatement("return less(right, left) || equal(left, right)")
                .build());
        type.addMethod(MethodSpec.methodBuilder("compareCodePoints")
                .addJavadoc("Compares by code point, not by UTF-16 unit as {@link String#compareTo} does.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(int.class)
                .addParameter(String.class, "left")
                .addParameter(String.class, "right")
                .addStatement("int i = 0")
                .beginControlFlow("while (i < left.length() && i < right.length())")
                .addStatement("int a = left.codePointAt(i)")
                .addStatement("int b = right.codePointAt(i)")
                .beginControlFlow("if (a != b)")
                .addStatement("return Integer.compare(a, b)")
                .endControlFlow()
                .addStatement("i += Character.charCount(a)")
                .endControlFlow()
                .addStatement("return Integer.compare(left.length(), right.length())")
                .build());
    }

    private void addFunctions() {
        type.addMethod(method("length", JSON_NODE, "{@code length()}: code points of a string, size of an array or"
                + " object; else Nothing.")
                .addParameter(JSON_NODE, "value")
                .beginControlFlow("if (isNothing(value))")
                .addStatement("return $T.getInstance()", MISSING)
                .endControlFlow()
                .beginControlFlow("if (value.isTextual())")
                .addStatement("return $T.valueOf(value.textValue().codePointCount(0, value.textValue().length()))",
                        IntNode.class)
                .endControlFlow()
                .addStatement("return value.isContainerNode() ? $T.valueOf(value.size()) : $T.getInstance()",
                        IntNode.class, MISSING)
                .build());
        type.addMethod(method("count", JSON_NODE, "{@code count()}: the number of nodes.")
                .addParameter(NODES, "nodes")
                .addStatement("return $T.valueOf(Math.toIntExact(nodes.count()))", IntNode.class)
                .build());
        type.addMethod(method("value", JSON_NODE, "{@code value()}: the only node, or Nothing when there are none or"
                + " several.")
                .addParameter(NODES, "nodes")
                .addStatement("$T<$T> firstTwo = nodes.limit(2).toList()", List.class, JSON_NODE)
                .addStatement("return firstTwo.size() == 1 ? firstTwo.get(0) : $T.getInstance()", MISSING)
                .build());
        type.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), OPTIONAL_PATTERN),
                        "PATTERNS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Literal patterns of the compiled queries, translated and compiled once each;"
                        + " empty when invalid.\n")
                .initializer("new $T<>()", ConcurrentHashMap.class)
                .build());
        for (boolean whole : new boolean[] {true, false}) {
            String functionName = whole ? "match" : "search";
            String what = whole ? "the whole string matches" : "some substring of the string matches";
            type.addMethod(method(functionName, TypeName.BOOLEAN, "{@code $L()} with a literal pattern: whether $L the"
                    + " I-Regexp.", functionName, what)
                    .addParameter(JSON_NODE, "value")
                    .addParameter(String.class, "iRegexp")
                    .addStatement("return matches(value, PATTERNS.computeIfAbsent(iRegexp, $T::compile), $L)", name, whole)
                    .build());
            type.addMethod(method(functionName, TypeName.BOOLEAN, "{@code $L()} with a pattern read from the document;"
                    + " an invalid pattern matches nothing.", functionName)
                    .addParameter(JSON_NODE, "value")
                    .addParameter(JSON_NODE, "iRegexp")
                    .addStatement("return !isNothing(iRegexp) && iRegexp.isTextual()"
                            + " && matches(value, compile(iRegexp.textValue()), $L)", whole)
                    .build());
        }
        type.addMethod(MethodSpec.methodBuilder("matches")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(boolean.class)
                .addParameter(JSON_NODE, "value")
                .addParameter(OPTIONAL_PATTERN, "pattern")
                .addParameter(boolean.class, "whole")
                .beginControlFlow("if (isNothing(value) || !value.isTextual() || pattern.isEmpty())")
                .addStatement("return false")
                .endControlFlow()
                .addStatement("$T matcher = pattern.get().matcher(value.textValue())", Matcher.class)
                .addStatement("return whole ? matcher.matches() : matcher.find()")
                .build());
        type.addMethod(method("compile", OPTIONAL_PATTERN, "An I-Regexp (RFC 9485) as a Java pattern, or empty when it"
                + " is not a valid I-Regexp.")
                .addParameter(String.class, "iRegexp")
                .beginControlFlow("try")
                .addStatement("return $T.of($T.compile(toJavaRegex(iRegexp)))", Optional.class, Pattern.class)
                .nextControlFlow("catch ($T e)", IllegalArgumentException.class)
                .addStatement("return $T.empty()", Optional.class)
                .endControlFlow()
                .build());
    }

    /**
     * The I-Regexp to java.util.regex translation. Every literal character is written as {@code \x{...}}
     * unless it is an ASCII letter or digit, so nothing the two syntaxes disagree on ({@code &&} and
     * {@code [} in classes, {@code (?}, possessive quantifiers) can leak through; {@code .} becomes
     * {@code [^\n\r]}, since Java's dot also excludes other line terminators.
     */
    private void addRegexTranslation() {
        ClassName invalid = ClassName.get(IllegalArgumentException.class);
        type.addField(FieldSpec.builder(Pattern.class, "RANGE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The inside of an I-Regexp range quantifier {@code {n}}, {@code {n,}} or {@code {n,m}}.\n")
                .initializer("$T.compile($S)", Pattern.class, "[0-9]+(,[0-9]*)?")
                .build());
        type.addField(FieldSpec.builder(Pattern.class, "CATEGORY", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The Unicode general categories that I-Regexp allows in {@code \\p{...}}; Java knows"
                        + " them all.\n")
                .initializer("$T.compile($S)", Pattern.class,
                        "\\{(L[lmotu]?|M[cen]?|N[dlo]?|P[cdefios]?|Z[lps]?|S[ckmo]?|C[cfno]?)\\}")
                .build());
        type.addMethod(method("toJavaRegex", ClassName.get(String.class), "Translates an I-Regexp (RFC 9485) into"
                + " {@link java.util.regex.Pattern} syntax.\n\n"
                + "<p>{@code ^} and {@code $$} are anchors, as the JSONPath compliance test suite expects; {@code .}"
                + " matches\nanything but {@code \\n} and {@code \\r}.\n\n"
                + "@throws IllegalArgumentException if the pattern is not a valid I-Regexp")
                .addParameter(String.class, "iRegexp")
                .addStatement("$T java = new $T()", StringBuilder.class, StringBuilder.class)
                .addStatement("int depth = 0")
                .addStatement("boolean quantifiable = false")
                .addStatement("int i = 0")
                .beginControlFlow("while (i < iRegexp.length())")
                .addStatement("int c = iRegexp.codePointAt(i)")
                .addStatement("i += Character.charCount(c)")
                .beginControlFlow("if (c == '(')")
                .addStatement("depth++")
                .addStatement("java.append('(')")
                .addStatement("quantifiable = false")
                .nextControlFlow("else if (c == ')')")
                .beginControlFlow("if (depth-- == 0)")
                .addStatement("throw new $T(iRegexp)", invalid)
                .endControlFlow()
                .addStatement("java.append(')')")
                .addStatement("quantifiable = true")
                .nextControlFlow("else if (c == '|')")
                .addStatement("java.append('|')")
                .addStatement("quantifiable = false")
                .nextControlFlow("else if (c == '*' || c == '+' || c == '?')")
                .beginControlFlow("if (!quantifiable)")
                .addStatement("throw new $T(iRegexp)", invalid)
                .endControlFlow()
                .addStatement("java.appendCodePoint(c)")
                .addStatement("quantifiable = false")
                .nextControlFlow("else if (c == '{')")
                .addStatement("int close = iRegexp.indexOf('}', i)")
                .beginControlFlow("if (!quantifiable || close < 0 || !RANGE.matcher(iRegexp.substring(i, close)).matches())")
                .addStatement("throw new $T(iRegexp)", invalid)
                .endControlFlow()
                .addStatement("java.append(iRegexp, i - 1, close + 1)")
                .addStatement("i = close + 1")
                .addStatement("quantifiable = false")
                .nextControlFlow("else if (c == '.')")
                .addStatement("java.append($S)", "[^\\n\\r]")
                .addStatement("quantifiable = true")
                .nextControlFlow("else if (c == '^')")
                .addStatement("java.append('^')")
                .addStatement("quantifiable = false")
                .nextControlFlow("else if (c == '$$')")
                .addStatement("java.append($S)", "\\z")
                .addStatement("quantifiable = false")
                .nextControlFlow("else if (c == '[')")
                .addStatement("i = appendClass(iRegexp, i, java)")
                .addStatement("quantifiable = true")
                .nextControlFlow("else if (c == '\\\\')")
                .addStatement("i = appendEscape(iRegexp, i, java, true)")
                .addStatement("quantifiable = true")
                .nextControlFlow("else if (c == ']' || c == '}')")
                .addStatement("throw new $T(iRegexp)", invalid)
                .nextControlFlow("else")
                .addStatement("appendLiteral(java, c)")
                .addStatement("quantifiable = true")
                .endControlFlow()
                .endControlFlow()
                .beginControlFlow("if (depth != 0)")
                .addStatement("throw new $T(iRegexp)", invalid)
                .endControlFlow()
                .addStatement("return java.toString()")
                .build());
        type.addMethod(MethodSpec.methodBuilder("appendClass")
                .addJavadoc("Translates a character class whose {@code [} ends before {@code i}; returns the index"
                        + " after its {@code ]}.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(int.class)
                .addParameter(String.class, "iRegexp")
                .addParameter(int.class, "start")
                .addParameter(StringBuilder.class, "java")
                .addStatement("int i = start")
                .addStatement("java.append('[')")
                .beginControlFlow("if (i < iRegexp.length() && iRegexp.charAt(i) == '^')")
                .addStatement("java.append('^')")
                .addStatement("i++")
                .endControlFlow()
                .addStatement("boolean first = true")
                .beginControlFlow("while (true)")
                .beginControlFlow("if (i >= iRegexp.length())")
                .addStatement("throw new $T(iRegexp)", invalid)
                .endControlFlow()
                .addStatement("char c = iRegexp.charAt(i)")
                .addStatement("boolean last = i + 1 < iRegexp.length() && iRegexp.charAt(i + 1) == ']'")
                .beginControlFlow("if (c == ']' && !first)")
                .addStatement("java.append(']')")
                .addStatement("return i + 1")
                .nextControlFlow("else if (c == '-' && (first || last))")
                .addStatement("appendLiteral(java, c)")
                .addStatement("i++")
                .nextControlFlow("else if (c == '\\\\' && i + 1 < iRegexp.length() && \"pP\".indexOf(iRegexp.charAt(i + 1)) >= 0)")
                .addStatement("i = appendEscape(iRegexp, i + 1, java, true)")
                .nextControlFlow("else")
                .addStatement("i = appendClassChar(iRegexp, i, java)")
                .beginControlFlow("if (i + 1 < iRegexp.length() && iRegexp.charAt(i) == '-'"
                        + " && iRegexp.charAt(i + 1) != ']')")
                .addStatement("java.append('-')")
                .addStatement("i = appendClassChar(iRegexp, i + 1, java)")
                .endControlFlow()
                .endControlFlow()
                .addStatement("first = false")
                .endControlFlow()
                .build());
        type.addMethod(MethodSpec.methodBuilder("appendClassChar")
                .addJavadoc("Translates one character of a class (or end of a range) at {@code i}; returns the"
                        + " index after it.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(int.class)
                .addParameter(String.class, "iRegexp")
                .addParameter(int.class, "i")
                .addParameter(StringBuilder.class, "java")
                .addStatement("int c = iRegexp.codePointAt(i)")
                .beginControlFlow("if (c == '\\\\')")
                .addStatement("return appendEscape(iRegexp, i + 1, java, false)")
                .endControlFlow()
                .beginControlFlow("if (c == '[' || c == ']' || c == '-')")
                .addStatement("throw new $T(iRegexp)", invalid)
                .endControlFlow()
                .addStatement("appendLiteral(java, c)")
                .addStatement("return i + Character.charCount(c)")
                .build());
        type.addMethod(MethodSpec.methodBuilder("appendEscape")
                .addJavadoc("Translates the escape whose backslash ends before {@code i}; returns the index after"
                        + " it.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(int.class)
                .addParameter(String.class, "iRegexp")
                .addParameter(int.class, "i")
                .addParameter(StringBuilder.class, "java")
                .addParameter(boolean.class, "categories")
                .beginControlFlow("if (i >= iRegexp.length())")
                .addStatement("throw new $T(iRegexp)", invalid)
                .endControlFlow()
                .addStatement("char c = iRegexp.charAt(i)")
                .beginControlFlow("if (categories && (c == 'p' || c == 'P'))")
                .addStatement("int close = iRegexp.indexOf('}', i)")
                .beginControlFlow("if (close < 0 || !CATEGORY.matcher(iRegexp.substring(i + 1, close + 1)).matches())")
                .addStatement("throw new $T(iRegexp)", invalid)
                .endControlFlow()
                .addStatement("java.append('\\\\').append(iRegexp, i, close + 1)")
                .addStatement("return close + 1")
                .endControlFlow()
                .beginControlFlow("switch (c)")
                .addStatement("case 'n' -> java.append($S)", "\\n")
                .addStatement("case 'r' -> java.append($S)", "\\r")
                .addStatement("case 't' -> java.append($S)", "\\t")
                .addStatement("case '(', ')', '*', '+', '-', '.', '?', '[', '\\\\', ']', '^', '{', '|', '}' ->"
                        + " appendLiteral(java, c)")
                .addStatement("default -> throw new $T(iRegexp)", invalid)
                .endControlFlow()
                .addStatement("return i + 1")
                .build());
        type.addMethod(MethodSpec.methodBuilder("appendLiteral")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(StringBuilder.class, "java")
                .addParameter(int.class, "c")
                .beginControlFlow("if (c < 128 && Character.isLetterOrDigit(c))")
                .addStatement("java.append((char) c)")
                .nextControlFlow("else")
                .addStatement("java.append($S).append(Integer.toHexString(c)).append('}')", "\\x{")
                .endControlFlow()
                .build());
    }
}
