package dev.arazzo.codegen.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compiles JSONPath queries into Java expressions, at build time: no query is interpreted at run time.
 *
 * <p>A compiled query is a {@link CodeBlock} expression of type {@code List<JsonNode>}: the RFC 9535 node
 * list, in order, duplicates kept. It calls the static helpers of {@code JsonPathSupport}, a class of the
 * arazzo-runtime module ({@code dev.arazzo.runtime}, or copied into the generated package):
 *
 * <pre>{@code
 * ClassName support = ClassName.get("com.example", "JsonPathSupport");
 * JsonPathCompiler compiler = new JsonPathCompiler(support);
 * CodeBlock titles = compiler.compile(JsonPathParser.parse("$.store.book[?@.price < 10].title"),
 *         CodeBlock.of("body"));
 * // JsonPathSupport.select(body)
 * //     .flatMap(JsonPathSupport.member("store"))
 * //     .flatMap(JsonPathSupport.member("book"))
 * //     .flatMap(JsonPathSupport.filter(node -> JsonPathSupport.less(node.path("price"), IntNode.valueOf(10))))
 * //     .flatMap(JsonPathSupport.member("title"))
 * //     .toList()
 * }</pre>
 *
 * <p>The root expression is evaluated once; when it is {@code null} or a {@code MissingNode} the result is
 * empty. Filters become {@code Predicate<JsonNode>} lambdas; their parameter names ({@code node},
 * {@code node2}, ... and {@code root} when a filter reads {@code $}) avoid the names given as
 * {@code namesInScope}, since a lambda parameter may not shadow a local variable.
 */
public final class JsonPathCompiler {

    private final ClassName support;
    private final Set<String> namesInScope;
    /** Whether the code may break between segments, after a filter's arrow and before {@code &&}, {@code ||}. */
    private final boolean wrapping;

    /**
     * A compiler whose output calls the given support class, in a scope with no local variables that
     * could clash with the lambda parameters it declares.
     *
     * @param support the runtime's {@code JsonPathSupport}, in the package the generated code uses
     */
    public JsonPathCompiler(ClassName support) {
        this(support, Set.of());
    }

    /**
     * A compiler whose output calls the given support class and declares no lambda parameter with one of
     * the given names.
     *
     * @param support the runtime's {@code JsonPathSupport}, in the package the generated code uses
     * @param namesInScope local variables and parameters visible where the expressions will stand
     */
    public JsonPathCompiler(ClassName support, Set<String> namesInScope) {
        this(support, namesInScope, false);
    }

    private JsonPathCompiler(ClassName support, Set<String> namesInScope, boolean wrapping) {
        this.support = Objects.requireNonNull(support, "support");
        this.namesInScope = Set.copyOf(namesInScope);
        this.wrapping = wrapping;
    }

    /**
     * This compiler, writing code that JavaPoet may break where a line grows long: between the segments of
     * a one-line chain, after a filter's arrow, and before {@code &&} and {@code ||}. The code is the same
     * otherwise.
     *
     * @return a compiler with wrap points
     */
    public JsonPathCompiler wrapping() {
        return new JsonPathCompiler(support, namesInScope, true);
    }

    /**
     * Compiles a query into an expression of type {@code List<JsonNode>}.
     *
     * @param query the query, absolute ({@code $...})
     * @param root an expression of type {@code JsonNode}, evaluated once; may evaluate to {@code null}
     * @return the node list expression
     */
    public CodeBlock compile(JsonPathQuery query, CodeBlock root) {
        if (query.relative()) {
            throw new IllegalArgumentException("a relative query (@...) has no root to be applied to: " + query);
        }
        if (!query.refersToRootInFilter()) {
            return new Scope(null, 0, false).nodes(query, root, true);
        }
        String rootName = name("root", 0);
        Scope scope = new Scope(rootName, 0, false);
        return CodeBlock.of("$T.evaluate($L, $N -> $L)", support, root, rootName,
                scope.nodes(query, CodeBlock.of("$N", rootName), true));
    }

    /**
     * Parses and compiles a query; see {@link #compile(JsonPathQuery, CodeBlock)}.
     *
     * @throws JsonPathSyntaxException if the query is not valid RFC 9535 JSONPath
     */
    public CodeBlock compile(String query, CodeBlock root) {
        return compile(JsonPathParser.parse(query), root);
    }

    /** Compiles a parsed criterion (see {@link JsonPathCriterion}) into a boolean expression. */
    CodeBlock compileCriterion(Expression condition, CodeBlock context) {
        String rootName = name("root", 0);
        return CodeBlock.of("$T.test($L, $N -> $L)", support, context, rootName,
                new Scope(rootName, 0, true).logical(condition));
    }

    /** The k-th (from 0) of the names base, base2, base3, ... that clash with nothing in scope. */
    private String name(String base, int k) {
        int found = -1;
        for (int suffix = 1; ; suffix++) {
            String candidate = suffix == 1 ? base : base + suffix;
            if (!namesInScope.contains(candidate) && ++found == k) {
                return candidate;
            }
        }
    }

    /**
     * Where an expression is compiled: the name of the root variable (or null when the root is not bound
     * to a name), the current filter depth, and whether this is the top level of an Arazzo criterion.
     */
    private final class Scope {
        private final String rootName;
        private final int depth;
        private final boolean criterion;
        private final String currentName;

        Scope(String rootName, int depth, boolean criterion) {
            this(rootName, depth, criterion, null);
        }

        private Scope(String rootName, int depth, boolean criterion, String currentName) {
            this.rootName = rootName;
            this.depth = depth;
            this.criterion = criterion;
            this.currentName = currentName;
        }

        /** The scope inside a filter's lambda, whose parameter is the current node. */
        Scope filter() {
            return new Scope(rootName, depth + 1, false, name("node", depth));
        }

        CodeBlock start(JsonPathQuery query) {
            if (query.relative()) {
                return CodeBlock.of("$N", currentName);
            }
            if (rootName == null) {
                throw new IllegalStateException("the root is not bound: " + query);
            }
            return CodeBlock.of("$N", rootName);
        }

        /** A node list: a {@code Stream<JsonNode>}, or with {@code toList} a {@code List<JsonNode>}. */
        CodeBlock nodes(JsonPathQuery query, CodeBlock start, boolean toList) {
            List<Segment> segments = query.segments();
            CodeBlock.Builder code = CodeBlock.builder();
            int from = 0;
            if (criterion && !segments.isEmpty() && isSingleFilter(segments.get(0))) {
                Selector.Filter filter = (Selector.Filter) segments.get(0).selectors().get(0);
                code.add("$T.filterContext($L, $L)", support, start, predicate(filter));
                from = 1;
            } else {
                code.add("$T.select($L)", support, start);
            }
            // One segment per line; a statement's continuation indent (addStatement) lays out the chain.
            boolean multiline = toList && segments.size() - from > 1;
            for (Segment segment : segments.subList(from, segments.size())) {
                code.add(multiline ? "\n" : wrapping ? "$Z" : "");
                if (segment.descendant()) {
                    code.add(wrapping ? ".flatMap($T::descendants)$Z" : ".flatMap($T::descendants)", support);
                }
                List<CodeBlock> selectors = new ArrayList<>();
                for (Selector selector : segment.selectors()) {
                    selectors.add(selector(selector));
                }
                if (selectors.size() == 1) {
                    code.add(".flatMap($L)", selectors.get(0));
                } else {
                    code.add(".flatMap($T.union($T.of($L)))", support, List.class, CodeBlock.join(selectors, ", "));
                }
            }
            if (toList) {
                code.add(multiline ? "\n.toList()" : wrapping ? "$Z.toList()" : ".toList()");
            }
            return code.build();
        }

        private boolean isSingleFilter(Segment segment) {
            return !segment.descendant() && segment.selectors().size() == 1
                    && segment.selectors().get(0) instanceof Selector.Filter;
        }

        /** A {@code Function<JsonNode, Stream<JsonNode>>} (or method reference) for one selector. */
        private CodeBlock selector(Selector selector) {
            if (selector instanceof Selector.Name name) {
                return CodeBlock.of("$T.member($S)", support, name.name());
            }
            if (selector instanceof Selector.Wildcard) {
                return CodeBlock.of("$T::children", support);
            }
            if (selector instanceof Selector.Index index) {
                return CodeBlock.of("$T.element($L)", support, longLiteral(index.index()));
            }
            if (selector instanceof Selector.Slice slice) {
                return CodeBlock.of("$T.slice($L, $L, $L)", support, boxed(slice.start()), boxed(slice.end()),
                        boxed(slice.step()));
            }
            return CodeBlock.of("$T.filter($L)", support, predicate((Selector.Filter) selector));
        }

        private CodeBlock predicate(Selector.Filter filter) {
            Scope inner = filter();
            return CodeBlock.of(wrapping ? "$N ->$W$L" : "$N -> $L", inner.currentName,
                    inner.logical(filter.expression()));
        }

        /** A singular query as a {@code JsonNode}, {@code MissingNode} for Nothing. */
        CodeBlock value(JsonPathQuery query) {
            CodeBlock code = start(query);
            for (Segment segment : query.segments()) {
                Selector selector = segment.selectors().get(0);
                if (selector instanceof Selector.Name name) {
                    code = CodeBlock.of("$L.path($S)", code, name.name());
                } else {
                    long index = ((Selector.Index) selector).index();
                    code = index >= 0 && index <= Integer.MAX_VALUE
                            ? CodeBlock.of("$L.path($L)", code, index)
                            : CodeBlock.of("$T.at($L, $L)", support, code, longLiteral(index));
                }
            }
            return code;
        }

        /** A literal, singular query or value function as a {@code JsonNode}. */
        CodeBlock value(Expression expression) {
            if (expression instanceof Expression.Literal literal) {
                return literal(literal.value());
            }
            if (expression instanceof Expression.Query query) {
                return value(query.query());
            }
            Expression.FunctionCall call = (Expression.FunctionCall) expression;
            List<Expression> arguments = call.arguments();
            return switch (call.function()) {
                case LENGTH -> CodeBlock.of("$T.length($L)", support, value(arguments.get(0)));
                case COUNT -> CodeBlock.of("$T.count($L)", support, stream(arguments.get(0)));
                case VALUE -> CodeBlock.of("$T.value($L)", support, stream(arguments.get(0)));
                default -> throw new IllegalStateException(call.function() + "() does not return a value");
            };
        }

        private CodeBlock stream(Expression argument) {
            JsonPathQuery query = ((Expression.Query) argument).query();
            return nodes(query, start(query), false);
        }

        /** A logical expression as a Java {@code boolean} expression. */
        CodeBlock logical(Expression expression) {
            if (expression instanceof Expression.Or or) {
                return CodeBlock.join(or.operands().stream().map(this::logical).toList(), wrapping ? "$W|| " : " || ");
            }
            if (expression instanceof Expression.And and) {
                return CodeBlock.join(and.operands().stream()
                        .map(operand -> operand instanceof Expression.Or
                                ? CodeBlock.of("($L)", logical(operand))
                                : logical(operand))
                        .toList(), wrapping ? "$W&& " : " && ");
            }
            if (expression instanceof Expression.Not not) {
                return negation(not.operand());
            }
            if (expression instanceof Expression.Comparison comparison) {
                return comparison(comparison);
            }
            if (expression instanceof Expression.Query query) {
                return query.query().isSingular()
                        ? CodeBlock.of("!$L.isMissingNode()", value(query.query()))
                        : CodeBlock.of("$L.findAny().isPresent()", nodes(query.query(), start(query.query()), false));
            }
            if (expression instanceof Expression.FunctionCall call) {
                return regex(call);
            }
            throw new IllegalStateException("not a logical expression: " + expression);
        }

        private CodeBlock negation(Expression operand) {
            if (operand instanceof Expression.Query query) {
                return query.query().isSingular()
                        ? CodeBlock.of("$L.isMissingNode()", value(query.query()))
                        : CodeBlock.of("$L.findAny().isEmpty()", nodes(query.query(), start(query.query()), false));
            }
            if (operand instanceof Expression.Or || operand instanceof Expression.And) {
                return CodeBlock.of("!($L)", logical(operand));
            }
            return CodeBlock.of("!$L", logical(operand));
        }

        private CodeBlock comparison(Expression.Comparison comparison) {
            if (criterion && comparison.operator() == ComparisonOperator.NOT_EQUAL) {
                Expression other = isNullLiteral(comparison.right()) ? comparison.left()
                        : isNullLiteral(comparison.left()) ? comparison.right() : null;
                if (other instanceof Expression.Query) {
                    return CodeBlock.of("$T.isPresentAndNotNull($L)", support, value(other));
                }
            }
            String method = switch (comparison.operator()) {
                case EQUAL -> "equal";
                case NOT_EQUAL -> "notEqual";
                case LESS -> "less";
                case LESS_OR_EQUAL -> "lessOrEqual";
                case GREATER -> "greater";
                case GREATER_OR_EQUAL -> "greaterOrEqual";
            };
            return CodeBlock.of(wrapping ? "$T.$N($L,$W$L)" : "$T.$N($L, $L)", support, method,
                    value(comparison.left()), value(comparison.right()));
        }

        private boolean isNullLiteral(Expression expression) {
            return expression instanceof Expression.Literal literal && literal.value().isNull();
        }

        private CodeBlock regex(Expression.FunctionCall call) {
            String method = switch (call.function()) {
                case MATCH -> "match";
                case SEARCH -> "search";
                default -> throw new IllegalStateException(call.function() + "() does not return a logical value");
            };
            CodeBlock subject = value(call.arguments().get(0));
            Expression pattern = call.arguments().get(1);
            if (pattern instanceof Expression.Literal literal && literal.value().isTextual()) {
                return CodeBlock.of("$T.$N($L, $S)", support, method, subject, literal.value().textValue());
            }
            return CodeBlock.of("$T.$N($L, $L)", support, method, subject, value(pattern));
        }
    }

    private static CodeBlock literal(JsonNode value) {
        if (value.isTextual()) {
            return CodeBlock.of("$T.valueOf($S)", TextNode.class, value.textValue());
        }
        if (value.isBoolean()) {
            return CodeBlock.of("$T.$N", BooleanNode.class, value.booleanValue() ? "TRUE" : "FALSE");
        }
        if (value.isNull()) {
            return CodeBlock.of("$T.getInstance()", NullNode.class);
        }
        if (value.isInt()) {
            return CodeBlock.of("$T.valueOf($L)", IntNode.class, value.intValue());
        }
        if (value.isLong()) {
            return CodeBlock.of("$T.valueOf($LL)", LongNode.class, value.longValue());
        }
        if (value.isBigInteger()) {
            return CodeBlock.of("$T.valueOf(new $T($S))", BigIntegerNode.class, BigInteger.class,
                    value.bigIntegerValue().toString());
        }
        return CodeBlock.of("$T.valueOf(new $T($S))", DecimalNode.class, BigDecimal.class, value.decimalValue().toString());
    }

    private static CodeBlock longLiteral(long value) {
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE
                ? CodeBlock.of("$L", value)
                : CodeBlock.of("$LL", value);
    }

    private static CodeBlock boxed(Long value) {
        return value == null ? CodeBlock.of("null") : CodeBlock.of("$LL", value);
    }
}
