package dev.arazzo.codegen.expression;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the simple conditions of Criterion Objects ({@code $statusCode == 200 && $response.body#/ok}).
 *
 * <p>Precedence, loosest first: {@code ||}, {@code &&}, {@code !}, comparison. String literals are
 * single-quoted ({@code 'text'}, a quote inside doubled or escaped: {@code 'it''s'}); double quotes are
 * accepted too, as real documents use them.
 */
public final class ConditionParser {

    private static final JsonNodeFactory NODES = new JsonNodeFactory(true); // decimals exactly as written
    private static final String EXPRESSION_END = " \t\r\n()=!<>&|[";

    /** How deep parentheses and {@code !} may nest: deeper is refused, never a stack overflow. */
    public static final int MAX_DEPTH = 32;

    /** How many comparisons one condition may join; a longer chain is refused (Java could not hold it). */
    public static final int MAX_TERMS = 128;

    private final String text;
    private int pos;
    private int depth;
    private int terms;

    private ConditionParser(String text) {
        this.text = text;
    }

    public static Condition parse(String text) throws ExpressionSyntaxException {
        ConditionParser parser = new ConditionParser(text);
        parser.skipSpace();
        if (parser.pos == text.length()) {
            throw new ExpressionSyntaxException("the condition is empty; write one such as '$statusCode == 200'", 0);
        }
        Condition condition = parser.or();
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw new ExpressionSyntaxException("unexpected '" + text.substring(parser.pos)
                    + "' after a complete condition; join conditions with && or ||", parser.pos);
        }
        return condition;
    }

    private Condition or() throws ExpressionSyntaxException {
        Condition left = and();
        while (consume("||")) {
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() throws ExpressionSyntaxException {
        Condition left = unary();
        while (consume("&&")) {
            left = new Condition.And(left, unary());
        }
        return left;
    }

    private Condition unary() throws ExpressionSyntaxException {
        skipSpace();
        if (++terms > MAX_TERMS) {
            throw new ExpressionSyntaxException("the condition joins more than " + MAX_TERMS + " terms; split it "
                    + "into several criteria (all of a step's criteria must hold)", pos);
        }
        if (peek('!') && !text.startsWith("!=", pos) || peek('(')) {
            if (++depth > MAX_DEPTH) {
                throw new ExpressionSyntaxException("parentheses and '!' nest more than " + MAX_DEPTH
                        + " deep here; write the condition flatter", pos);
            }
            try {
                return nested();
            } finally {
                depth--;
            }
        }
        Condition.Operand left = operand();
        skipSpace();
        for (Condition.Operator operator : List.of(Condition.Operator.EQ, Condition.Operator.NE, Condition.Operator.LE,
                Condition.Operator.GE, Condition.Operator.LT, Condition.Operator.GT)) {
            if (text.startsWith(operator.symbol(), pos)) {
                pos += operator.symbol().length();
                return new Condition.Comparison(operator, left, operand());
            }
        }
        if (peek('=') ) {
            throw new ExpressionSyntaxException("'=' is not an operator; compare with '=='", pos);
        }
        return new Condition.Truthy(left);
    }

    private Condition nested() throws ExpressionSyntaxException {
        if (peek('!')) {
            pos++;
            terms--;
            return new Condition.Not(unary());
        }
        int open = pos++;
        terms--;
        Condition inner = or();
        if (!consume(")")) {
            throw new ExpressionSyntaxException("the '(' here has no matching ')'", open);
        }
        return inner;
    }

    private Condition.Operand operand() throws ExpressionSyntaxException {
        skipSpace();
        if (pos >= text.length()) {
            throw new ExpressionSyntaxException("the condition ends where a value is expected", pos);
        }
        char c = text.charAt(pos);
        if (c == '\'' || c == '"') {
            return new Condition.Literal(NODES.textNode(quoted(c)));
        }
        if (c == '$') {
            return reference();
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = pos;
            pos++;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || ".+-".indexOf(text.charAt(pos)) >= 0)) {
                pos++;
            }
            String number = text.substring(start, pos);
            try {
                BigDecimal value = new BigDecimal(number);
                return new Condition.Literal(number.contains(".") || number.contains("e") || number.contains("E")
                        ? NODES.numberNode(value)
                        : NODES.numberNode(value.longValueExact()));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new ExpressionSyntaxException("'" + number + "' is not a number", start);
            }
        }
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        switch (word) {
            case "true", "false" -> {
                return new Condition.Literal(NODES.booleanNode(word.equals("true")));
            }
            case "null" -> {
                return new Condition.Literal(NODES.nullNode());
            }
            default -> {
                pos = start;
                int end = start;
                while (end < text.length() && EXPRESSION_END.indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                String found = text.substring(start, Math.max(end, start + 1));
                throw new ExpressionSyntaxException("'" + found + "' is neither a runtime expression nor a literal; "
                        + "quote text as '" + found + "'", start);
            }
        }
    }

    private String quoted(char quote) throws ExpressionSyntaxException {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                value.append(text.charAt(pos++));
            } else if (c == quote) {
                if (pos < text.length() && text.charAt(pos) == quote) {
                    value.append(quote);
                    pos++;
                } else {
                    return value.toString();
                }
            } else {
                value.append(c);
            }
        }
        throw new ExpressionSyntaxException("the string that starts here has no closing " + quote, start);
    }

    private Condition.Operand reference() throws ExpressionSyntaxException {
        int start = pos;
        while (pos < text.length() && EXPRESSION_END.indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String raw = text.substring(start, pos);
        RuntimeExpressionParser.Parsed parsed;
        try {
            parsed = RuntimeExpressionParser.parseNoting(raw);
        } catch (ExpressionSyntaxException e) {
            throw new ExpressionSyntaxException(e.getMessage(), start + e.offset());
        }
        RuntimeExpression expression = parsed.expression();
        List<Condition.Accessor> accessors = new ArrayList<>();
        while (peek('[')) {
            int open = pos++;
            int close = text.indexOf(']', pos);
            if (close < 0) {
                throw new ExpressionSyntaxException("the '[' here has no matching ']'", open);
            }
            String index = text.substring(pos, close).strip();
            if (index.length() > 1 && (index.charAt(0) == '\'' || index.charAt(0) == '"')
                    && index.charAt(index.length() - 1) == index.charAt(0)) {
                accessors.add(new Condition.Property(index.substring(1, index.length() - 1)));
            } else {
                try {
                    accessors.add(new Condition.Index(Integer.parseInt(index)));
                } catch (NumberFormatException e) {
                    throw new ExpressionSyntaxException("an index is a whole number, e.g. [0]; found [" + index + "]", open);
                }
            }
            pos = close + 1;
            while (peek('.')) {
                int dot = ++pos;
                while (pos < text.length() && EXPRESSION_END.indexOf(text.charAt(pos)) < 0 && text.charAt(pos) != '.') {
                    pos++;
                }
                if (pos == dot) {
                    throw new ExpressionSyntaxException("a property name is expected after '.'", dot);
                }
                accessors.add(new Condition.Property(text.substring(dot, pos)));
            }
        }
        return new Condition.Reference(text.substring(start, pos), start, expression, accessors,
                parsed.nonSpecForm().orElse(null));
    }

    private boolean consume(String token) {
        skipSpace();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
