package dev.arazzo.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arazzo.codegen.model.JavaNames;
import dev.arazzo.codegen.testing.GeneratedCode;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingTest {

    @TempDir
    Path output;

    @ParameterizedTest
    @CsvSource({
        "place-order, PlaceOrderWorkflow",
        "start-chat-and-set-attributes, StartChatAndSetAttributesWorkflow",
        "getPetById, GetPetByIdWorkflow",
        "loginUser_flow, LoginUserFlowWorkflow",
        "2fa setup, _2faSetupWorkflow",
    })
    void classIsPascalCaseOfWorkflowIdPlusWorkflow(String workflowId, String className) {
        assertEquals(className, JavaNames.pascal(workflowId) + "Workflow");
    }

    @ParameterizedTest
    @CsvSource({"customer_name, customerName", "item-count, itemCount", "InstanceId, instanceId", "class, class_",
        "URL, url", "contactId, contactId"})
    void membersAreCamelCaseOfTheirNames(String name, String javaName) {
        assertEquals(javaName, JavaNames.camel(name));
    }

    @Test
    void recordComponentsAndBuilderMethodsAreNamedAfterInputsAndOutputs() throws Exception {
        GeneratedCode code = GeneratedCode.generate(fixture("naming.arazzo.yaml"), output, Map.of());
        Class<?> inputs = code.type("PlaceOrderWorkflow.Inputs");
        assertEquals(List.of("customerName", "class_", "itemCount", "gift", "price", "tags"), components(inputs));
        assertEquals(List.of("java.lang.String", "java.lang.String", "java.lang.Long", "java.lang.Boolean",
                "java.lang.Double", "java.util.List<java.lang.String>"), Arrays.stream(inputs.getRecordComponents())
                        .map(c -> c.getGenericType().getTypeName()).toList());
        Class<?> builder = code.type("PlaceOrderWorkflow.Inputs.Builder");
        for (String name : components(inputs)) {
            assertEquals(1, Arrays.stream(builder.getMethods()).filter(m -> m.getName().equals(name)).count(), name);
        }
        assertEquals(List.of("orderId", "receiptUrl"), components(code.type("PlaceOrderWorkflow.Outputs")));
        Class<?> result = code.type("PlaceOrderWorkflow.PlaceTheOrderResult");
        assertEquals(List.of("orderId", "total", "items", "paid", "receipt"), components(result));
        assertEquals(List.of("java.lang.String", "java.lang.Double", "java.lang.Long", "java.lang.Boolean",
                "com.example.generated.PlaceOrderWorkflow$Receipt"), Arrays.stream(result.getRecordComponents())
                        .map(c -> c.getGenericType().getTypeName()).toList());
    }

    private static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(NamingTest.class.getResource("/fixtures/" + name).toURI());
    }
}
