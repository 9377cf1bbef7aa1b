package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Replacements into an XML payload: only the selected node's characters change. */
class XmlReplacementTest {

    private static final String ORDER = "<?xml version=\"1.0\"?>\n<!-- o -->\n<order z='1' a=\"2\">"
            + "<id>old</id><note/><p:tag xmlns:p=\"urn:p\" p:k='v'>t</p:tag>text<![CDATA[c]]><i/>tail</order>";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/order/id | new | <order z='1' a=\"2\"><id>new</id><note/>",
        "/order/note | n | <order z='1' a=\"2\"><id>old</id><note>n</note><p:tag",
        "/order/@z | 9 | <order z='9' a=\"2\">",
        "/order/@a | 8 | <order z='1' a=\"8\">",
        "/order/p:tag | T | <p:tag xmlns:p=\"urn:p\" p:k='v'>T</p:tag>text",
        "/order/p:tag/@p:k | K | <p:tag xmlns:p=\"urn:p\" p:k='K'>t</p:tag>",
        "/order/text()[1] | X | </p:tag>X<i/>tail</order>",
        "/order/text()[2] | Y | <i/>Y</order>",
        "/order/id/text() | Z | <id>Z</id>",
    })
    void onlyTheSelectedNodeChanges(String target, String value, String expected) {
        String replaced = XmlReplacement.replace(ORDER, target, value, "replacement");
        assertTrue(replaced.startsWith("<?xml version=\"1.0\"?>\n<!-- o -->\n<order"), replaced);
        assertTrue(replaced.contains(expected), replaced);
    }

    @Test
    void elementContentBecomesOneEscapedTextNode() {
        assertEquals("<a><b>&lt;&amp;\"'&gt;</b></a>",
                XmlReplacement.replace("<a><b>x<c>y</c><!--z--></b></a>", "/a/b", "<&\"'>", "r"));
    }

    @Test
    void attributesEscapeTheirQuoteAndWhitespace() {
        assertEquals("<a b=\"&lt;&amp;&quot;'&#10;\"/>",
                XmlReplacement.replace("<a b=\"x\"/>", "/a/@b", "<&\"'\n", "r"));
        assertEquals("<a b='\"&apos;'/>", XmlReplacement.replace("<a b='x'/>", "/a/@b", "\"'", "r"));
    }

    @Test
    void nestedElementsOfTheSameNameAreMatched() {
        assertEquals("<a><a><a/></a>v</a>",
                XmlReplacement.replace("<a><a><a/></a>x</a>", "/a/text()", "v", "r"));
        assertEquals("<a><a>v</a><b/></a>",
                XmlReplacement.replace("<a><a><a/></a><b/></a>", "/a/a", "v", "r"));
    }

    @Test
    void jsonValuesAreWrittenAsTheirText() {
        assertEquals("<a>3</a>", XmlReplacement.replace("<a/>", "/a", IntNode.valueOf(3), "r"));
        assertEquals("<a>t</a>", XmlReplacement.replace("<a/>", "/a", TextNode.valueOf("t"), "r"));
    }

    @Test
    void noneSeveralOtherNodesAndNullFailNamingTheTarget() {
        assertEquals("target '/a/c' selects 0 nodes in the XML payload; it must select exactly one element, "
                + "attribute or text node", assertThrows(WorkflowException.class,
                        () -> XmlReplacement.replace("<a/>", "/a/c", "v", "target '/a/c'")).getMessage());
        assertTrue(assertThrows(WorkflowException.class,
                () -> XmlReplacement.replace("<a><b/><b/></a>", "/a/b", "v", "t")).getMessage()
                .contains("selects 2 nodes"));
        assertTrue(assertThrows(WorkflowException.class,
                () -> XmlReplacement.replace("<a><!--c--></a>", "/a/comment()", "v", "t")).getMessage()
                .contains("a comment"));
        assertTrue(assertThrows(WorkflowException.class,
                () -> XmlReplacement.replace("<a/>", "/a", NullNode.getInstance(), "t")).getMessage()
                .contains("null"));
        assertTrue(assertThrows(WorkflowException.class,
                () -> XmlReplacement.replace("{}", "/a", "v", "t")).getMessage().contains("not XML"));
    }

    @Test
    void dtdsAreRefused() {
        String xxe = "<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>";
        assertTrue(assertThrows(WorkflowException.class, () -> XmlReplacement.replace(xxe, "/a", "v", "t"))
                .getMessage().contains("DTD"));
    }

    @Test
    void xpath2TargetsAreEvaluatedBySaxonAndSplicedTheSameWay() {
        String xml = "<o xmlns:p='urn:p'><p:i n='1'/><p:i n='2'>x</p:i></o>";
        assertEquals("<o xmlns:p='urn:p'><p:i n='1'/><p:i n='2'>y</p:i></o>",
                XPathSupport.replace(xml, "(//p:i)[last()]", "y", "t"));
        assertEquals("<o xmlns:p='urn:p'><p:i n='one'/><p:i n='2'>x</p:i></o>",
                XPathSupport.replace(xml, "//p:i[xs:integer(@n) lt 2]/@n", "one", "t"));
        assertTrue(assertThrows(WorkflowException.class, () -> XPathSupport.replace(xml, "//p:i", "v", "t"))
                .getMessage().contains("selects 2 nodes"));
    }
}
