package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/** XPath 2.0 and later criteria, with Saxon-HE. */
class XPathSupportTest {

    private static final String ORDER = "<order><status>paid</status><item price='3'/><item price='4.5'/></order>";

    @Test
    void xpath2And3ExpressionsAreEvaluatedBySaxon() {
        assertTrue(XPathSupport.test("matches(/order/status, '^pa')", ORDER));
        assertTrue(XPathSupport.test("sum(//item/@price) = 7.5", ORDER));
        assertTrue(XPathSupport.test("every $i in //item satisfies xs:decimal($i/@price) > 2", ORDER));
        assertTrue(XPathSupport.test("let $s := /order/status return $s = 'paid'", ORDER));
        assertFalse(XPathSupport.test("/order/status = 'open'", ORDER));
    }

    @Test
    void aJsonTextNodeIsReadAsItsText() {
        assertTrue(XPathSupport.test("/order/status = 'paid'", TextNode.valueOf(ORDER)));
    }

    @Test
    void nullTextThatIsNotXmlAndDtdsNeverMatch() {
        assertFalse(XPathSupport.test("true()", null));
        assertFalse(XPathSupport.test("true()", "not xml"));
        assertFalse(XPathSupport.test("/a = 'x'", "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>"));
        assertFalse(XPathSupport.test("/order/(", ORDER), "an expression that does not compile fails the criterion");
    }
    @Test
    void selectorsOfXPathThreeGiveTheirItemsStringValues() {
        String xml = "<a><b>x</b><b>y</b></a>";

        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("X", "Y"),
                XPathSupport.select("/a/b ! upper-case(.)", xml, "s"));
        org.junit.jupiter.api.Assertions.assertEquals("x", XPathSupport.selectOne("/a/b[1]", xml, "s"));
        org.junit.jupiter.api.Assertions.assertEquals("s selected 2 nodes where one value is needed",
                org.junit.jupiter.api.Assertions.assertThrows(WorkflowException.class,
                        () -> XPathSupport.selectOne("/a/b", xml, "s")).getMessage());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(WorkflowException.class,
                () -> XPathSupport.select("/a", "no", "s")).getMessage().startsWith("s cannot select"));
    }
}
