package dev.arazzo.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.arazzo.codegen.emit.ExpressionCompiler.Typed;
import dev.arazzo.codegen.expression.Condition;
import dev.arazzo.codegen.jsonpath.JsonPathCriterion;
import dev.arazzo.codegen.model.TypeMapper;
import dev.arazzo.codegen.model.WorkflowModel;
import dev.arazzo.codegen.model.WorkflowModel.CriterionModel;

/**
 * Compiles criteria (simple conditions, regex, XPath, JSONPath) into Java {@code boolean} expressions,
 * and their negations as a reviewer would write them ({@code a != 200}, not {@code !(a == 200)}).
 * Regex patterns become constants of the workflow class, compiled once.
 */
final class CriteriaEmitter {

    private static final ClassName OBJECT = ClassName.get(Object.class);

    private final EmitContext context;
    private final ClassName values;
    private JsonPathCriterion jsonPath;

    CriteriaEmitter(EmitContext context) {
        this.context = context;
        this.values = context.runtime().values();
    }

    /** {@code criterion} as a boolean expression, inside the methods of the compiler's step. */
    CodeBlock criterion(ExpressionCompiler compiler, CriterionModel criterion) {
        return compile(compiler, criterion, false);
    }

    /** The negation of {@code criterion}: true when it does not hold. */
    CodeBlock negated(ExpressionCompiler compiler, CriterionModel criterion) {
        return compile(compiler, criterion, true);
    }

    private CodeBlock compile(ExpressionCompiler compiler, CriterionModel criterion, boolean negated) {
        if (criterion instanceof WorkflowModel.SimpleCriterion simple) {
            return condition(compiler, simple.condition(), negated);
        }
        // the other kinds compile to one method call, negated by a plain !
        return CodeBlock.of("$L$L", negated ? "!" : "", call(compiler, criterion));
    }

    private CodeBlock call(ExpressionCompiler compiler, CriterionModel criterion) {
        if (criterion instanceof WorkflowModel.RegexCriterion regex) {
            String constant = context.names().pattern(compiler.step(), regex.pattern());
            return CodeBlock.of("$T.find($N, $L)", values, constant, compiler.expression(regex.context()).code());
        }
        if (criterion instanceof WorkflowModel.XPathCriterion xpath) {
            CodeBlock node = compiler.expression(xpath.context()).code();
            return xpath.saxon()
                    ? CodeBlock.of("$T.test($L, $L)", context.runtime().xpathSupport(),
                            Literals.string(xpath.expression()), node)
                    : CodeBlock.of("$T.xpath($L, $L)", values, Literals.string(xpath.expression()), node);
        }
        WorkflowModel.JsonPathCriterion path = (WorkflowModel.JsonPathCriterion) criterion;
        Typed node = compiler.expression(path.context());
        return jsonPath().compileCriterion(path.condition(), node.type().equals(TypeMapper.JSON_NODE)
                ? node.code()
                : CodeBlock.of("$T.json($L)", values, node.code()));
    }

    /** The JSONPath compiler, made once every local name of the class is known (lambdas may not shadow them). */
    private JsonPathCriterion jsonPath() {
        if (jsonPath == null) {
            jsonPath = new JsonPathCriterion(context.runtime().jsonPathSupport(), context.names().locals());
        }
        return jsonPath;
    }

    /** A simple condition, or its negation, as a Java boolean expression. */
    private CodeBlock condition(ExpressionCompiler compiler, Condition condition, boolean negated) {
        if (condition instanceof Condition.Or or) {
            return not(negated, CodeBlock.of("($L || $L)", condition(compiler, or.left(), false),
                    condition(compiler, or.right(), false)));
        }
        if (condition instanceof Condition.And and) {
            return not(negated, CodeBlock.of("($L && $L)", condition(compiler, and.left(), false),
                    condition(compiler, and.right(), false)));
        }
        if (condition instanceof Condition.Not not) {
            return condition(compiler, not.operand(), !negated);
        }
        if (condition instanceof Condition.Truthy truthy) {
            return not(negated, CodeBlock.of("$T.truthy($L)", values, operand(compiler, truthy.operand()).code()));
        }
        return comparison(compiler, (Condition.Comparison) condition, negated);
    }

    private static CodeBlock not(boolean negated, CodeBlock condition) {
        return negated ? CodeBlock.of("!$L", condition) : condition;
    }

    private CodeBlock comparison(ExpressionCompiler compiler, Condition.Comparison comparison, boolean negated) {
        Typed left = operand(compiler, comparison.left());
        Typed right = operand(compiler, comparison.right());
        Condition.Operator operator = comparison.operator();
        if (left.type().equals(TypeName.INT) && isIntLiteral(comparison.right())
                || right.type().equals(TypeName.INT) && isIntLiteral(comparison.left())) {
            // int against int: each operator has an exact opposite
            return CodeBlock.of("$L $L $L", left.code(), (negated ? opposite(operator) : operator).symbol(),
                    right.code());
        }
        if (operator == Condition.Operator.EQ || operator == Condition.Operator.NE) {
            boolean equal = (operator == Condition.Operator.EQ) != negated;
            return CodeBlock.of("$T.$N($L, $L)", values, equal ? "equal" : "notEqual", left.code(), right.code());
        }
        // an ordering of values that may not be comparable: false both ways, so only ! negates it
        String method = switch (operator) {
            case LT -> "lessThan";
            case LE -> "lessOrEqual";
            case GT -> "greaterThan";
            default -> "greaterOrEqual";
        };
        return not(negated, CodeBlock.of("$T.$N($L, $L)", values, method, left.code(), right.code()));
    }

    private static Condition.Operator opposite(Condition.Operator operator) {
        return switch (operator) {
            case EQ -> Condition.Operator.NE;
            case NE -> Condition.Operator.EQ;
            case LT -> Condition.Operator.GE;
            case LE -> Condition.Operator.GT;
            case GT -> Condition.Operator.LE;
            case GE -> Condition.Operator.LT;
        };
    }

    private static boolean isIntLiteral(Condition.Operand operand) {
        return operand instanceof Condition.Literal literal && literal.value().isIntegralNumber()
                && literal.value().canConvertToInt();
    }

    private Typed operand(ExpressionCompiler compiler, Condition.Operand operand) {
        if (operand instanceof Condition.Literal literal) {
            if (literal.value().isNull()) {
                return new Typed(CodeBlock.of("null"), OBJECT);
            }
            return new Typed(compiler.literal(literal.value()),
                    literal.value().isIntegralNumber() ? TypeName.INT : OBJECT);
        }
        Condition.Reference reference = (Condition.Reference) operand;
        Typed typed = compiler.expression(reference.expression());
        CodeBlock code = typed.code();
        for (Condition.Accessor accessor : reference.accessors()) {
            code = accessor instanceof Condition.Property property
                    ? CodeBlock.of("$T.property($L, $L)", values, code, Literals.string(property.name()))
                    : CodeBlock.of("$T.index($L, $L)", values, code, ((Condition.Index) accessor).index());
        }
        return new Typed(code, reference.accessors().isEmpty() ? typed.type() : TypeMapper.JSON_NODE);
    }
}
