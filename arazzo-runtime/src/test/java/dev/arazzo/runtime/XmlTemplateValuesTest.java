package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The values of a templated XML payload, escaped for element content, an attribute value or a CDATA section. */
class XmlTemplateValuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "plain | plain | plain | plain",
        "a&b | a&amp;b | a&amp;b | a&amp;b",
        "a<b | a&lt;b | a&lt;b | a&lt;b",
        "a>b | a&gt;b | a>b | a>b",
        "a\"b | a\"b | a&quot;b | a\"b",
        "a'b | a'b | a'b | a&apos;b",
        "<x a=\"1\">&amp;</x> | &lt;x a=\"1\"&gt;&amp;amp;&lt;/x&gt; | &lt;x a=&quot;1&quot;>&amp;amp;&lt;/x> "
                + "| &lt;x a=\"1\">&amp;amp;&lt;/x>",
        "]]> | ]]&gt; | ]]> | ]]>",
    })
    void eachContextEscapesWhatWouldEndOrChangeIt(String value, String content, String doubleQuoted,
            String singleQuoted) {
        assertEquals(content, XmlReplacement.content(value));
        assertEquals(doubleQuoted, XmlReplacement.attribute(value, '"'));
        assertEquals(singleQuoted, XmlReplacement.attribute(value, '\''));
    }

    @Test
    void whitespaceInAnAttributeIsACharacterReferenceAndContentKeepsTabsAndLineFeeds() {
        assertEquals("a&#9;b&#10;c&#13;d", XmlReplacement.attribute("a\tb\nc\rd", '"'));
        assertEquals("a\tb\nc&#13;d", XmlReplacement.content("a\tb\nc\rd"));
    }

    @Test
    void valuesAreTheirTextAsValuesWritesIt() {
        assertEquals("a&amp;b", XmlReplacement.content(TextNode.valueOf("a&b")));
        assertEquals("7", XmlReplacement.attribute(IntNode.valueOf(7), '\''));
        assertEquals("true", XmlReplacement.content(true));
    }

    @Test
    void aCdataValueIsSentAsItIsUnlessItWouldEndTheSection() {
        assertEquals("a&b<c>\"'", XmlReplacement.cdata("a&b<c>\"'", "expression {$inputs.note}"));
        WorkflowException refused = assertThrows(WorkflowException.class,
                () -> XmlReplacement.cdata("x]]><evil/>", "expression {$inputs.note}"));
        assertEquals("expression {$inputs.note} is inside a CDATA section of the XML payload, and its value holds "
                + "']]>', which would end the section early; write the expression in element content instead, "
                + "where it is escaped", refused.getMessage());
    }
}
