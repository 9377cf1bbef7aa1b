package dev.arazzo.codegen.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arazzo.codegen.expression.RuntimeExpressionParser.TemplatePart;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where each {@code {$...}} of a templated XML payload stands, {@code @} marking the expression. */
class XmlTemplateContextsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "<a>@</a> | CONTENT",
        "<a><b/>x @ y</a> | CONTENT",
        "<a x=\"@\"/> | ATTRIBUTE_DOUBLE",
        "<a x='@'/> | ATTRIBUTE_SINGLE",
        "<a x = '1\"@' y=\"@\"/> | ATTRIBUTE_SINGLE ATTRIBUTE_DOUBLE",
        "<a x=\"'\">@</a> | CONTENT",
        "<a><![CDATA[@]]>@</a> | CDATA CONTENT",
        "<a><![CDATA[<b>]]>@</a> | CONTENT",
        "@ | TOP",
        "<a/>@ | TOP",
        "<a></a>@ | TOP",
        "<a@/> | NAME",
        "<@/> | NAME",
        "<a x@='1'/> | NAME",
        "<a @/> | TAG",
        "<a x=@/> | TAG",
        "<a></a@> | NAME",
        "<a><!-- @ --></a> | COMMENT",
        "<a><!-- <b> -->@</a> | CONTENT",
        "<?xml version=\"@\"?><a/> | INSTRUCTION",
        "<?pi x?><a>@</a> | CONTENT",
        "<!DOCTYPE a [@]><a/> | DECLARATION",
        "<a b=\"@\">@<c d='@'>@</c>@</a>@ | ATTRIBUTE_DOUBLE CONTENT ATTRIBUTE_SINGLE CONTENT CONTENT TOP",
    })
    void eachExpressionGetsTheContextItStandsIn(String template, String expected) {
        List<TemplatePart> parts = new ArrayList<>();
        String[] pieces = template.split("@", -1);
        for (int i = 0; i < pieces.length; i++) {
            if (!pieces[i].isEmpty()) {
                parts.add(new TemplatePart.Literal(pieces[i]));
            }
            if (i < pieces.length - 1) {
                parts.add(new TemplatePart.Embedded("$inputs.x", null));
            }
        }
        assertEquals(expected, String.join(" ", XmlTemplate.contexts(parts).stream().map(Enum::name).toList()));
    }
}
