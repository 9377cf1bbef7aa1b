package dev.arazzo.codegen.jsonpath;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The function extensions of RFC 9535 (section 2.4), with their declared parameter and result types.
 *
 * <p>The parser uses the types to enforce the well-typedness rules of section 2.4.3: for example
 * {@code length(@.*)} is rejected because {@code length} takes a value, and {@code match(...) == true}
 * because a logical result cannot be compared.
 */
public enum JsonPathFunction {
    /** {@code length(value)}: characters of a string, elements of an array, members of an object. */
    LENGTH("length", Type.VALUE, Type.VALUE),
    /** {@code count(nodes)}: the number of nodes. */
    COUNT("count", Type.VALUE, Type.NODES),
    /** {@code match(string, iregexp)}: whether the whole string matches the I-Regexp (RFC 9485). */
    MATCH("match", Type.LOGICAL, Type.VALUE, Type.VALUE),
    /** {@code search(string, iregexp)}: whether some substring matches the I-Regexp. */
    SEARCH("search", Type.LOGICAL, Type.VALUE, Type.VALUE),
    /** {@code value(nodes)}: the value of the only node, or Nothing. */
    VALUE("value", Type.VALUE, Type.NODES);

    /** The types of RFC 9535's type system for function extensions (section 2.4.1). */
    public enum Type {
        /** A JSON value or Nothing. */
        VALUE("ValueType"),
        /** LogicalTrue or LogicalFalse. */
        LOGICAL("LogicalType"),
        /** A node list. */
        NODES("NodesType");

        private final String rfcName;

        Type(String rfcName) {
            this.rfcName = rfcName;
        }

        /** The name the RFC uses, e.g. {@code "ValueType"}. */
        public String rfcName() {
            return rfcName;
        }
    }

    private final String functionName;
    private final Type resultType;
    private final List<Type> parameterTypes;

    JsonPathFunction(String functionName, Type resultType, Type... parameterTypes) {
        this.functionName = functionName;
        this.resultType = resultType;
        this.parameterTypes = List.of(parameterTypes);
    }

    /** The name as written in a query, e.g. {@code "length"}. */
    public String functionName() {
        return functionName;
    }

    /** The declared result type. */
    public Type resultType() {
        return resultType;
    }

    /** The declared parameter types, in order. */
    public List<Type> parameterTypes() {
        return parameterTypes;
    }

    /** The function with the given name, if there is one. */
    public static Optional<JsonPathFunction> named(String name) {
        return Stream.of(values()).filter(function -> function.functionName.equals(name)).findFirst();
    }
}
