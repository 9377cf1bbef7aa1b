package dev.arazzo.codegen.jsonpath;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.Objects;
import java.util.Set;

/**
 * Compiles the {@code condition} of an Arazzo Criterion Object of type {@code jsonpath} into a Java
 * {@code boolean} expression over the criterion's {@code context}.
 *
 * <p>Three forms are accepted; anything else is a {@link JsonPathSyntaxException} with the index:
 *
 * <ol>
 *   <li>A plain RFC 9535 query, e.g. {@code $.items[?@.sold]}: true when its node list is not empty.
 *   <li>Comparisons as in RFC 9535 filter expressions, but with queries on the context {@code $}, combined
 *       with {@code !}, {@code &&}, {@code ||} and parentheses, e.g. {@code $.status == 'available'},
 *       {@code $.count >= 2 && $.items[0]}. Operands are literals, singular queries and value functions;
 *       comparisons follow RFC 9535 section 2.3.5.2.2 (numbers by value, deep equality of arrays and
 *       objects, a missing node is Nothing), with one exception: {@code query != null} (either order) is
 *       true only when the node exists and is not JSON null. Arazzo documents write
 *       {@code $.Contact.Id != null} to assert that a response carries an id; under RFC semantics an absent
 *       id (Nothing) differs from null, so the check could never fail and a success criterion would pass on
 *       exactly the responses it is meant to reject. The exception applies only to these top-level
 *       comparisons, never inside filter selectors, which keep RFC semantics. So {@code $.a != null} is
 *       not the negation of {@code $.a == null}: both are false when {@code a} is absent.
 *   <li>A query whose first segment is a single filter, such as the spec's {@code $[?count(@.pets) > 0]}:
 *       when the context is an array, RFC semantics (the filter selects elements); otherwise the filter
 *       is applied to the context itself, so the example is true for {@code {"pets": [1]}}.
 * </ol>
 *
 * <p>Leading and trailing whitespace is ignored (YAML block scalars end with a line break). {@code @} may
 * appear only inside filter selectors. A {@code null} context, or one that is a {@code MissingNode}, makes
 * queries select nothing.
 *
 * <pre>{@code
 * JsonPathCriterion criteria = new JsonPathCriterion(ClassName.get("com.example", "JsonPathSupport"));
 * CodeBlock ok = criteria.compileCriterion("$.Contact.Id != null", CodeBlock.of("body"));
 * // JsonPathSupport.test(body, root -> JsonPathSupport.isPresentAndNotNull(root.path("Contact").path("Id")))
 * }</pre>
 */
public final class JsonPathCriterion {

    private final JsonPathCompiler compiler;

    /**
     * Criteria compiled against the given support class (see {@link JsonPathCompiler#supportType(ClassName)}).
     *
     * @param support the support class name
     */
    public JsonPathCriterion(ClassName support) {
        this(support, Set.of());
    }

    /**
     * Criteria compiled against the given support class, declaring no lambda parameter with a name in scope.
     *
     * @param support the support class name
     * @param namesInScope local variables and parameters visible where the expressions will stand
     */
    public JsonPathCriterion(ClassName support, Set<String> namesInScope) {
        this.compiler = new JsonPathCompiler(Objects.requireNonNull(support, "support"), namesInScope);
    }

    /**
     * Checks a condition without compiling it, for the check stage.
     *
     * @param condition the criterion's condition
     * @throws JsonPathSyntaxException if the condition is none of the accepted forms
     */
    public static void check(String condition) {
        JsonPathParser.parseCriterion(condition);
    }

    /**
     * Compiles a condition into a {@code boolean} expression.
     *
     * @param condition the criterion's condition
     * @param context an expression of type {@code JsonNode}, evaluated once; may evaluate to {@code null}
     * @return the boolean expression
     * @throws JsonPathSyntaxException if the condition is none of the accepted forms
     */
    public CodeBlock compileCriterion(String condition, CodeBlock context) {
        return compileCriterion(JsonPathParser.parseCriterion(condition), context);
    }

    /**
     * Compiles a parsed condition (see {@link JsonPathParser#parseCriterion(String)}) into a {@code boolean}
     * expression.
     *
     * @param condition the parsed criterion
     * @param context an expression of type {@code JsonNode}, evaluated once; may evaluate to {@code null}
     * @return the boolean expression
     */
    public CodeBlock compileCriterion(Expression condition, CodeBlock context) {
        return compiler.compileCriterion(condition, context);
    }
}
