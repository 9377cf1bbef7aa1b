package dev.arazzo.codegen.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Parses RFC 9535 JSONPath queries into {@link JsonPathQuery} trees, rejecting every form the RFC's
 * grammar does not allow and every filter expression that is not well-typed (section 2.4.3).
 *
 * <pre>{@code
 * JsonPathQuery query = JsonPathParser.parse("$.store.book[?@.price < 10].title");
 * }</pre>
 *
 * <p>Integers in index and slice selectors must lie in the I-JSON range [-(2<sup>53</sup>)+1,
 * 2<sup>53</sup>-1]. Member names must not contain unpaired surrogates. Errors are
 * {@link JsonPathSyntaxException}s carrying the 0-based index of the offending character.
 *
 * <p>Thread-safe: each call parses with its own private instance.
 */
public final class JsonPathParser {

    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private final String text;
    private int pos;
    private int filterDepth;

    private JsonPathParser(String text) {
        this.text = text;
    }

    /**
     * Parses a JSONPath query.
     *
     * @param query the query text, e.g. {@code "$.store.book[0]"}; no leading or trailing whitespace
     * @return the parsed query
     * @throws JsonPathSyntaxException if the text is not a valid, well-typed RFC 9535 query
     */
    public static JsonPathQuery parse(String query) {
        JsonPathParser parser = new JsonPathParser(query);
        if (!parser.at('$')) {
            throw parser.error(0, query.isEmpty()
                    ? "a JSONPath query must not be empty; it starts with '$'"
                    : "a JSONPath query starts with the root identifier '$'");
        }
        JsonPathQuery result = parser.parseQueryAfterIdentifier(false);
        parser.expectEnd();
        return result;
    }

    /**
     * Parses an Arazzo JSONPath criterion: a logical expression in the syntax of RFC 9535 filter
     * expressions whose queries start at {@code $} (the criterion's context); a plain query is an
     * existence test. Leading and trailing whitespace is ignored.
     */
    public static Expression parseCriterion(String condition) {
        JsonPathParser parser = new JsonPathParser(condition);
        parser.skipWhitespace();
        Expression expression = parser.parseOr();
        parser.skipWhitespace();
        parser.expectEnd();
        return expression;
    }

    // ---- queries and segments

    private JsonPathQuery parseQueryAfterIdentifier(boolean relative) {
        pos++;
        List<Segment> segments = new ArrayList<>();
        while (true) {
            int save = pos;
            skipWhitespace();
            if (at('[') || at('.')) {
                segments.add(parseSegment());
            } else {
                pos = save;
                return new JsonPathQuery(relative, segments);
            }
        }
    }

    private Segment parseSegment() {
        if (at('[')) {
            return new Segment(false, parseBracketedSelection());
        }
        pos++; // '.'
        if (at('.')) {
            pos++;
            if (at('[')) {
                return new Segment(true, parseBracketedSelection());
            }
            if (at('*')) {
                pos++;
                return new Segment(true, List.of(new Selector.Wildcard()));
            }
            if (atNameFirst()) {
                return new Segment(true, List.of(new Selector.Name(parseMemberNameShorthand())));
            }
            throw error(pos, "expected a member name, '*' or '[' after '..'");
        }
        if (at('*')) {
            pos++;
            return new Segment(false, List.of(new Selector.Wildcard()));
        }
        if (atNameFirst()) {
            return new Segment(false, List.of(new Selector.Name(parseMemberNameShorthand())));
        }
        throw error(pos, "expected a member name or '*' after '.'; names with other characters need"
                + " bracket notation, e.g. ['my name']");
    }

    private List<Selector> parseBracketedSelection() {
        int open = pos;
        pos++; // '['
        List<Selector> selectors = new ArrayList<>();
        skipWhitespace();
        selectors.add(parseSelector());
        while (true) {
            skipWhitespace();
            if (at(',')) {
                pos++;
                skipWhitespace();
                selectors.add(parseSelector());
            } else if (at(']')) {
                pos++;
                return selectors;
            } else if (pos >= text.length()) {
                throw error(pos, "expected ']' to close the '[' at index " + open);
            } else {
                throw error(pos, "expected ',' or ']' in the bracketed selection, found " + describe(pos));
            }
        }
    }

    private Selector parseSelector() {
        if (at('\'') || at('"')) {
            return new Selector.Name(parseStringLiteral());
        }
        if (at('*')) {
            pos++;
            return new Selector.Wildcard();
        }
        if (at('?')) {
            pos++;
            skipWhitespace();
            filterDepth++;
            Expression expression = parseOr();
            filterDepth--;
            return new Selector.Filter(expression);
        }
        if (at(':') || at('-') || atDigit()) {
            return parseIndexOrSlice();
        }
        if (at(']')) {
            throw error(pos, "expected a selector; empty brackets select nothing and are not allowed");
        }
        throw error(pos, "expected a selector (a quoted name, '*', an index, a slice or a '?' filter), found "
                + describe(pos));
    }

    private Selector parseIndexOrSlice() {
        Long start = null;
        if (!at(':')) {
            start = parseInteger();
            int afterStart = pos;
            skipWhitespace();
            if (!at(':')) {
                pos = afterStart;
                return new Selector.Index(start);
            }
        }
        pos++; // ':'
        skipWhitespace();
        Long end = null;
        if (at('-') || atDigit()) {
            end = parseInteger();
            skipWhitespace();
        }
        Long step = null;
        if (at(':')) {
            pos++;
            skipWhitespace();
            if (at('-') || atDigit()) {
                step = parseInteger();
            }
        }
        return new Selector.Slice(start, end, step);
    }

    private long parseInteger() {
        int start = pos;
        if (at('-')) {
            pos++;
        }
        if (!atDigit()) {
            throw error(pos, "expected a digit after '-'");
        }
        if (at('0')) {
            pos++;
            if (atDigit()) {
                throw error(start, "an integer must not have leading zeros");
            }
            if (pos - start == 2) {
                throw error(start, "-0 is not a valid integer here; write 0");
            }
            return 0;
        }
        while (atDigit()) {
            pos++;
        }
        String digits = text.substring(start, pos);
        BigInteger value = new BigInteger(digits);
        if (value.abs().compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) > 0) {
            throw error(start, "the integer " + digits + " is outside the I-JSON range -(2^53)+1 to (2^53)-1");
        }
        return value.longValueExact();
    }

    private String parseMemberNameShorthand() {
        int start = pos;
        while (pos < text.length() && (atNameFirst() || atDigit())) {
            pos += Character.charCount(text.codePointAt(pos));
        }
        return text.substring(start, pos);
    }

    private String parseStringLiteral() {
        int open = pos;
        char quote = text.charAt(pos++);
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error(open, "the string literal is not closed; expected " + quote);
            }
            char c = text.charAt(pos);
            if (c == quote) {
                pos++;
                return value.toString();
            }
            if (c == '\\') {
                parseEscape(quote, value);
            } else if (c < 0x20) {
                throw error(pos, String.format("the control character U+%04X must be escaped in a string literal", (int) c));
            } else if (Character.isHighSurrogate(c) && pos + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(pos + 1))) {
                value.append(c).append(text.charAt(pos + 1));
                pos += 2;
            } else if (Character.isSurrogate(c)) {
                throw error(pos, "the string literal contains an unpaired surrogate");
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    private void parseEscape(char quote, StringBuilder value) {
        int start = pos;
        pos++; // '\'
        if (pos >= text.length()) {
            throw error(start, "the escape sequence is incomplete");
        }
        char c = text.charAt(pos++);
        switch (c) {
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case '/' -> value.append('/');
            case '\\' -> value.append('\\');
            case 'u' -> {
                char unit = parseHex4(start);
                if (Character.isLowSurrogate(unit)) {
                    throw error(start, "the escape \\u" + hex(unit) + " is a low surrogate without a high surrogate before it");
                }
                if (Character.isHighSurrogate(unit)) {
                    int low = pos;
                    if (!(text.startsWith("\\u", pos))) {
                        throw error(start, "the escape \\u" + hex(unit) + " is a high surrogate and must be followed by"
                                + " a \\u escape of a low surrogate");
                    }
                    pos += 2;
                    char second = parseHex4(low);
                    if (!Character.isLowSurrogate(second)) {
                        throw error(low, "the escape \\u" + hex(second) + " must be a low surrogate (DC00-DFFF) after"
                                + " the high surrogate \\u" + hex(unit));
                    }
                    value.append(unit).append(second);
                } else {
                    value.append(unit);
                }
            }
            default -> {
                if (c == quote) {
                    value.append(c);
                } else {
                    throw error(start, "invalid escape sequence \\" + c + " in a " + (quote == '\'' ? "single" : "double")
                            + "-quoted string; allowed are \\b \\f \\n \\r \\t \\/ \\\\ \\" + quote + " and \\uXXXX");
                }
            }
        }
    }

    private char parseHex4(int escapeStart) {
        if (pos + 4 > text.length()) {
            throw error(escapeStart, "a \\u escape needs four hexadecimal digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0 || text.charAt(pos + i) > 'f') {
                throw error(pos + i, "a \\u escape needs four hexadecimal digits");
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return (char) value;
    }

    // ---- filter expressions

    private Expression parseOr() {
        return continueOr(parseAnd());
    }

    private Expression continueOr(Expression first) {
        return continueChain(first, "||", this::parseAnd, Expression.Or::new);
    }

    private Expression parseAnd() {
        return continueAnd(parseBasic());
    }

    private Expression continueAnd(Expression first) {
        return continueChain(first, "&&", this::parseBasic, Expression.And::new);
    }

    /** {@code first}, then as many {@code operator next} as follow, combined; just {@code first} when none does. */
    private Expression continueChain(Expression first, String operator, Supplier<Expression> next,
            Function<List<Expression>, Expression> combine) {
        List<Expression> operands = new ArrayList<>(List.of(first));
        while (true) {
            int save = pos;
            skipWhitespace();
            if (text.startsWith(operator, pos)) {
                pos += operator.length();
                skipWhitespace();
                operands.add(next.get());
            } else {
                pos = save;
                return operands.size() == 1 ? first : combine.apply(operands);
            }
        }
    }

    private Expression parseBasic() {
        if (at('!')) {
            pos++;
            skipWhitespace();
            if (at('(')) {
                return new Expression.Not(parseParenthesized());
            }
            int start = pos;
            return new Expression.Not(asTest(parseOperand(), start));
        }
        if (at('(')) {
            return parseParenthesized();
        }
        int start = pos;
        return continueBasic(parseOperand(), start);
    }

    private Expression parseParenthesized() {
        int open = pos;
        pos++; // '('
        skipWhitespace();
        Expression inner = parseOr();
        skipWhitespace();
        if (!at(')')) {
            throw error(pos, pos >= text.length()
                    ? "expected ')' to close the '(' at index " + open
                    : "expected ')' to close the '(' at index " + open + ", found " + describe(pos));
        }
        pos++;
        return inner;
    }

    /** After an operand: a comparison if an operator follows, else the operand used as a test. */
    private Expression continueBasic(Expression left, int leftStart) {
        int save = pos;
        skipWhitespace();
        ComparisonOperator operator = parseComparisonOperator();
        if (operator == null) {
            pos = save;
            return asTest(left, leftStart);
        }
        checkComparable(left, leftStart, save, operator);
        skipWhitespace();
        int rightStart = pos;
        Expression right = parseOperand();
        checkComparable(right, rightStart, pos, operator);
        return new Expression.Comparison(left, operator, right);
    }

    private ComparisonOperator parseComparisonOperator() {
        for (ComparisonOperator operator : new ComparisonOperator[] {
            ComparisonOperator.EQUAL, ComparisonOperator.NOT_EQUAL, ComparisonOperator.LESS_OR_EQUAL,
            ComparisonOperator.GREATER_OR_EQUAL, ComparisonOperator.LESS, ComparisonOperator.GREATER
        }) {
            if (text.startsWith(operator.symbol(), pos)) {
                pos += operator.symbol().length();
                return operator;
            }
        }
        if (at('=')) {
            throw error(pos, "'=' is not an operator; use '==' to compare");
        }
        return null;
    }

    private Expression asTest(Expression operand, int start) {
        if (operand instanceof Expression.Literal literal) {
            throw error(start, "the literal " + literal + " cannot be used as a test; compare it with something");
        }
        if (operand instanceof Expression.FunctionCall call && call.function().resultType() == JsonPathFunction.Type.VALUE) {
            throw error(start, call.function().functionName() + "() returns a value (ValueType), which cannot be used"
                    + " as a test; compare it, e.g. " + call.function().functionName() + "(...) > 0");
        }
        return operand;
    }

    private void checkComparable(Expression operand, int start, int end, ComparisonOperator operator) {
        if (operand instanceof Expression.Query query && !query.query().isSingular()) {
            throw error(start, "the query " + text.substring(start, end) + " can select more than one node and cannot be compared"
                    + " with '" + operator.symbol() + "'; only singular queries (names and indices) can");
        }
        if (operand instanceof Expression.FunctionCall call && call.function().resultType() != JsonPathFunction.Type.VALUE) {
            throw error(start, call.function().functionName() + "() returns a logical value (LogicalType), which cannot"
                    + " be compared with '" + operator.symbol() + "'; use it as a test on its own");
        }
    }

    /** A literal, a query or a function call. */
    private Expression parseOperand() {
        int start = pos;
        if (at('\'') || at('"')) {
            return new Expression.Literal(TextNode.valueOf(parseStringLiteral()));
        }
        if (at('-') || atDigit()) {
            return new Expression.Literal(parseNumber());
        }
        if (at('$')) {
            return new Expression.Query(parseQueryAfterIdentifier(false));
        }
        if (at('@')) {
            if (filterDepth == 0) {
                throw error(pos, "'@' (the current node) can only be used inside a filter selector '[?...]'");
            }
            return new Expression.Query(parseQueryAfterIdentifier(true));
        }
        if (pos < text.length() && text.charAt(pos) >= 'a' && text.charAt(pos) <= 'z') {
            while (pos < text.length() && isFunctionNameChar(text.charAt(pos))) {
                pos++;
            }
            String name = text.substring(start, pos);
            if (at('(')) {
                return parseFunctionCall(name, start);
            }
            switch (name) {
                case "true":
                    return new Expression.Literal(BooleanNode.TRUE);
                case "false":
                    return new Expression.Literal(BooleanNode.FALSE);
                case "null":
                    return new Expression.Literal(NullNode.getInstance());
                default:
                    if (JsonPathFunction.named(name).isPresent() && pos < text.length() && isWhitespace(text.charAt(pos))) {
                        throw error(pos, "no whitespace is allowed between the function name " + name + " and '('");
                    }
                    throw error(start, "unexpected word '" + name + "'; expected a literal (true, false, null, a number"
                            + " or a quoted string), a query or a function call");
            }
        }
        if (pos >= text.length()) {
            throw error(pos, "the expression ends too early; expected a literal, a query or a function call");
        }
        throw error(pos, "expected a literal, a query or a function call, found " + describe(pos));
    }

    private JsonNode parseNumber() {
        int start = pos;
        if (at('-')) {
            pos++;
        }
        if (!atDigit()) {
            throw error(pos, "expected a digit after '-'");
        }
        if (at('0')) {
            pos++;
            if (atDigit()) {
                throw error(start, "a number must not have leading zeros");
            }
        } else {
            while (atDigit()) {
                pos++;
            }
        }
        boolean integer = true;
        if (at('.')) {
            integer = false;
            pos++;
            if (!atDigit()) {
                throw error(pos, "expected a digit after the decimal point");
            }
            while (atDigit()) {
                pos++;
            }
        }
        if (at('e') || at('E')) {
            integer = false;
            pos++;
            if (at('+') || at('-')) {
                pos++;
            }
            if (!atDigit()) {
                throw error(pos, "expected a digit in the exponent");
            }
            while (atDigit()) {
                pos++;
            }
        }
        String number = text.substring(start, pos);
        if (integer) {
            BigInteger value = new BigInteger(number);
            if (value.bitLength() < 32) {
                return IntNode.valueOf(value.intValue());
            }
            return value.bitLength() < 64 ? LongNode.valueOf(value.longValue()) : BigIntegerNode.valueOf(value);
        }
        try {
            return DecimalNode.valueOf(new BigDecimal(number));
        } catch (NumberFormatException | ArithmeticException e) {
            throw error(start, "the number " + number + " is out of range");
        }
    }

    private Expression parseFunctionCall(String name, int start) {
        JsonPathFunction function = JsonPathFunction.named(name)
                .orElseThrow(() -> error(start, "unknown function '" + name + "'; the functions are length, count,"
                        + " match, search and value"));
        pos++; // '('
        skipWhitespace();
        List<Expression> arguments = new ArrayList<>();
        if (!at(')')) {
            while (true) {
                int argumentStart = pos;
                if (arguments.size() == function.parameterTypes().size()) {
                    throw error(argumentStart, tooMany(function));
                }
                arguments.add(parseArgument(function, arguments.size()));
                skipWhitespace();
                if (at(',')) {
                    pos++;
                    skipWhitespace();
                } else if (at(')')) {
                    break;
                } else {
                    throw error(pos, "expected ',' or ')' in the arguments of " + name + "(), found " + describe(pos));
                }
            }
        }
        if (arguments.size() != function.parameterTypes().size()) {
            throw error(pos, name + "() takes " + arity(function) + " but " + arguments.size()
                    + (arguments.size() == 1 ? " was" : " were") + " given");
        }
        pos++; // ')'
        return new Expression.FunctionCall(function, arguments);
    }

    private static String arity(JsonPathFunction function) {
        int count = function.parameterTypes().size();
        return count + (count == 1 ? " argument" : " arguments");
    }

    private static String tooMany(JsonPathFunction function) {
        return function.functionName() + "() takes " + arity(function) + "; this one is too many";
    }

    private Expression parseArgument(JsonPathFunction function, int index) {
        int start = pos;
        Expression argument;
        if (at('!') || at('(')) {
            argument = parseOr();
        } else {
            Expression operand = parseOperand();
            int save = pos;
            skipWhitespace();
            if (at(',') || at(')')) {
                pos = save;
                argument = operand;
            } else {
                pos = save;
                argument = continueOr(continueAnd(continueBasic(operand, start)));
            }
        }
        checkArgument(function, index, argument, start);
        return argument;
    }

    private void checkArgument(JsonPathFunction function, int index, Expression argument, int start) {
        JsonPathFunction.Type type = function.parameterTypes().get(index);
        String which = "argument " + (index + 1) + " of " + function.functionName() + "()";
        boolean ok;
        String problem;
        switch (type) {
            case VALUE -> {
                ok = argument instanceof Expression.Literal
                        || argument instanceof Expression.Query query && query.query().isSingular()
                        || argument instanceof Expression.FunctionCall call
                                && call.function().resultType() == JsonPathFunction.Type.VALUE;
                problem = argument instanceof Expression.Query
                        ? " must be a single value, but the query can select more than one node; use a singular query"
                        : " must be a value: a literal, a singular query or a value-returning function";
            }
            case NODES -> {
                ok = argument instanceof Expression.Query;
                problem = " must be a query (a node list)";
            }
            default -> {
                ok = !(argument instanceof Expression.Literal)
                        && !(argument instanceof Expression.FunctionCall call
                                && call.function().resultType() == JsonPathFunction.Type.VALUE);
                problem = " must be a logical expression or a query";
            }
        }
        if (!ok) {
            throw error(start, which + problem + " (" + type.rfcName() + ")");
        }
    }

    // ---- characters

    private boolean at(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private boolean atDigit() {
        return pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9';
    }

    private boolean atNameFirst() {
        if (pos >= text.length()) {
            return false;
        }
        char c = text.charAt(pos);
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return pos + 1 < text.length() && Character.isLowSurrogate(text.charAt(pos + 1));
        }
        return c >= 0x80 && !Character.isSurrogate(c);
    }

    private static boolean isFunctionNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private void skipWhitespace() {
        while (pos < text.length() && isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private void expectEnd() {
        if (pos < text.length()) {
            if (isWhitespace(text.charAt(pos))) {
                int end = pos;
                while (end < text.length() && isWhitespace(text.charAt(end))) {
                    end++;
                }
                if (end == text.length()) {
                    throw error(pos, "a JSONPath query must not end with whitespace");
                }
                throw error(end, "unexpected " + describe(end) + " after whitespace");
            }
            throw error(pos, "unexpected " + describe(pos) + "; expected a segment ('.name', '..name' or '[...]') or the end");
        }
    }

    private String describe(int index) {
        if (index >= text.length()) {
            return "the end of the query";
        }
        int c = text.codePointAt(index);
        return c < 0x20 || c == 0x7f ? String.format("the control character U+%04X", c)
                : "'" + new String(Character.toChars(c)) + "'";
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }

    private JsonPathSyntaxException error(int index, String reason) {
        return new JsonPathSyntaxException(text, index, reason);
    }
}
