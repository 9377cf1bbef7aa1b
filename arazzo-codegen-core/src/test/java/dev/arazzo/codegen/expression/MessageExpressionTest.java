package dev.arazzo.codegen.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Arazzo 1.1 {@code $message} expressions: a received message's headers and payload. */
class MessageExpressionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "$message.payload | MessagePayload[pointer=]",
        "$message.payload#/orderId | MessagePayload[pointer=/orderId]",
        "$message.payload#/items/0/sku | MessagePayload[pointer=/items/0/sku]",
        "$message.header.correlationId | MessageHeader[name=correlationId]",
        "$message.header#/correlationId | MessageHeader[name=correlationId]",
        "$message.header#/a~1b | MessageHeader[name=a/b]",
    })
    void messageExpressionsParse(String text, String parsed) throws ExpressionSyntaxException {
        assertEquals(parsed, RuntimeExpressionParser.parse(text).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "$message.payload.orderId | '$message.payload.orderId' is not a runtime expression: a part of the payload "
                + "is read with a JSON Pointer, write '$message.payload#/orderId'",
        "$message.header# | '$message.header#' names no single header; write '$message.header#/<name>'",
        "$message.header#/a/b | '$message.header#/a/b' names no single header; write '$message.header#/<name>'",
        "$message.body | '$message.body' is not a runtime expression: a message is read as '$message.header.<name>', "
                + "'$message.header#/<name>' or '$message.payload#/<pointer>'",
    })
    void otherMessageFormsSayHowToWriteThem(String text, String message) {
        assertEquals(message, assertThrows(ExpressionSyntaxException.class,
                () -> RuntimeExpressionParser.parse(text)).getMessage());
    }
}
