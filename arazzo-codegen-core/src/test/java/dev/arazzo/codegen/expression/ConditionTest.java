package dev.arazzo.codegen.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConditionTest {

    @Test
    void referencesAreListedLeftToRightThroughEveryOperator() throws ExpressionSyntaxException {
        Condition condition = ConditionParser.parse(
                "($statusCode == 200 || !($response.body#/a == $inputs.b)) && $response.header.X-Done");

        assertEquals(List.of("$statusCode", "$response.body#/a", "$inputs.b", "$response.header.X-Done"),
                condition.references().stream().map(Condition.Reference::text).toList());
    }

    @Test
    void comparisonsLeaveOutLoneValues() throws ExpressionSyntaxException {
        Condition condition = ConditionParser.parse("$inputs.flag && $statusCode == 200 || 1 < $inputs.n");

        assertEquals(List.of("$statusCode == 200", "1 < $inputs.n"), condition.comparisons().stream()
                .map(c -> text(c.left()) + " " + c.operator().symbol() + " " + text(c.right())).toList());
    }

    @Test
    void theLongestChainTheParserTakesIsWalkedInOrder() throws ExpressionSyntaxException {
        String chain = IntStream.range(0, ConditionParser.MAX_TERMS)
                .mapToObj(i -> "$inputs.v" + i + " == " + i).collect(Collectors.joining(" && "));

        List<String> texts = ConditionParser.parse(chain).references().stream().map(Condition.Reference::text).toList();

        assertEquals(IntStream.range(0, ConditionParser.MAX_TERMS).mapToObj(i -> "$inputs.v" + i).toList(), texts);
    }

    private static String text(Condition.Operand operand) {
        return operand instanceof Condition.Reference reference
                ? reference.text()
                : ((Condition.Literal) operand).value().toString();
    }
}
