package dev.arazzo.codegen.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each Arazzo 1.1 field or value in a document that declares 1.0 is one error saying it is 1.1, at the
 * field, instead of the 1.0 schema's unknown field or wrong value.
 */
class Release11FieldsTest {

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            $self                | /$self                                      | '$self'
            asyncapi source      | /sourceDescriptions/1/type                  | 'type: asyncapi' ('type' of source description 'events')
            selector output      | /workflows/0/steps/0/outputs/sku            | a Selector Object as output 'sku' of step 'a'
            timeout              | /workflows/0/steps/0/timeout                | 'timeout' of step 'a'
            dependsOn            | /workflows/0/steps/0/dependsOn              | 'dependsOn' of step 'a'
            channelPath          | /workflows/0/steps/0/channelPath            | 'channelPath' of step 'a'
            action               | /workflows/0/steps/0/action                 | 'action' of step 'a'
            correlationId        | /workflows/0/steps/0/correlationId          | 'correlationId' of step 'a'
            querystring          | /workflows/0/steps/0/parameters/0/in        | 'in: querystring' (parameter 'q')
            channel              | /workflows/0/steps/0/parameters/0/in        | 'in: channel' (parameter 'q')
            targetSelectorType   | /workflows/0/steps/0/requestBody/replacements/0/targetSelectorType | 'targetSelectorType' of replacement 1 of 'requestBody' of step 'a'
            action parameters    | /workflows/0/steps/0/onFailure/0/parameters | 'parameters' of action 'f'
            component parameters | /components/failureActions/f/parameters     | 'parameters' of failure action 'f' under components
            rfc9535              | /workflows/0/steps/0/successCriteria/0/type/version | version 'rfc9535' (criterion 1 of step 'a')
            xpath-31             | /workflows/0/steps/0/successCriteria/0/type/version | version 'xpath-31' (criterion 1 of step 'a')
            jsonpointer          | /workflows/0/steps/0/successCriteria/0/type/type | a 'jsonpointer' Expression Type Object (criterion 1 of step 'a')
            """)
    void aRelease11FieldInA10DocumentSaysSo(String feature, String pointer, String what) throws Exception {
        Path spec = Files.writeString(directory.resolve("old.arazzo.yaml"), document(feature));
        Diagnostics diagnostics = new Diagnostics();
        SourceDocument source = new DocumentLoader().load(spec, SourceLocation.ofFile(spec, ""), diagnostics)
                .orElseThrow();

        SchemaChecker.read(source, diagnostics);

        assertEquals(List.of(Diagnostic.error("arazzo-1.1-only", source.locate(pointer), what + " is Arazzo 1.1, but "
                + "this document declares 'arazzo: 1.0.1'; declare 'arazzo: 1.1.0' to use it, or remove it")
                .toString()), diagnostics.all().stream().map(Diagnostic::toString).toList());
    }

    /** A valid 1.0 document but for the one 1.1 feature. */
    private static String document(String feature) {
        String root = feature.equals("$self") ? "$self: https://example.com/flows/old.arazzo.yaml\n" : "";
        String source = feature.equals("asyncapi source") ? "  - {name: events, url: events.yaml, type: asyncapi}\n"
                : "";
        String target = feature.equals("channelPath") ? "channelPath: '{$sourceDescriptions.shop.url}#/channels/c'"
                : "operationId: placeOrder";
        String step = switch (feature) {
            case "selector output" -> "outputs: {sku: {context: $response.body, selector: /sku, type: jsonpointer}}";
            case "timeout" -> "timeout: 1000";
            case "dependsOn" -> "dependsOn: [b]";
            case "action" -> "action: send";
            case "correlationId" -> "correlationId: $message.header#/id";
            case "querystring" -> "parameters: [{name: q, in: querystring, value: 'a=1'}]";
            case "channel" -> "parameters: [{name: q, in: channel, value: 'a'}]";
            case "targetSelectorType" -> "requestBody: {payload: {a: 1}, replacements: [{target: /a, "
                    + "targetSelectorType: jsonpointer, value: 2}]}";
            case "action parameters" -> "onFailure: [{name: f, type: goto, workflowId: w, parameters: "
                    + "[{name: x, value: 1}]}]";
            case "component parameters" -> "onFailure: [{reference: $components.failureActions.f}]";
            case "rfc9535" -> "successCriteria: [{context: $response.body, condition: $.a, type: {type: jsonpath, "
                    + "version: rfc9535}}]";
            case "xpath-31" -> "successCriteria: [{context: $response.body, condition: /a, type: {type: xpath, "
                    + "version: xpath-31}}]";
            case "jsonpointer" -> "successCriteria: [{context: $response.body, condition: /a, type: {type: "
                    + "jsonpointer, version: rfc6901}}]";
            default -> "description: nothing new";
        };
        String components = feature.equals("component parameters")
                ? "components:\n  failureActions:\n    f: {name: f, type: goto, workflowId: w, parameters: "
                        + "[{name: x, value: 1}]}\n"
                : "";
        return "arazzo: 1.0.1\n" + root + """
                info: {title: T, version: '1'}
                sourceDescriptions:
                  - {name: shop, url: shop.openapi.yaml, type: openapi}
                """ + source + """
                workflows:
                  - workflowId: w
                    steps:
                      - stepId: a
                """ + "        " + target + "\n        " + step + "\n" + components;
    }
}
