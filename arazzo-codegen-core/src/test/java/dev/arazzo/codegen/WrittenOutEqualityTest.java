package dev.arazzo.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.model.WorkflowModel;
import dev.arazzo.codegen.source.ServerView;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The records whose {@code equals} and {@code hashCode} are written out (so that a cold generation links no
 * ObjectMethods bootstrap for them) behave as the record's own would: equal to a copy, unequal as soon as any one
 * component differs, and hashed with the same formula ({@code 31 * h + hash(component)} from 0, in component
 * order), so that hash-ordered collections of them keep their order. Each row gives the components of one value
 * and, for each component in turn, another value for it.
 */
class WrittenOutEqualityTest {

    private static final SourceLocation HERE = new SourceLocation(Path.of("a.yaml"), 3, 5, "/servers/0/url");
    private static final SourceLocation THERE = new SourceLocation(Path.of("a.yaml"), 3, 5, "/servers/1/url");

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of(SourceLocation.class,
                        List.of(Path.of("a.yaml"), 3, 5, "/x"),
                        List.of(Path.of("b.yaml"), 4, 6, "/y")),
                Arguments.of(ServerView.class,
                        List.of("https://{region}.example.com", List.of(), HERE),
                        List.of("https://example.com", List.of(new ServerView.Variable("region", "eu", List.of(), HERE)),
                                THERE)),
                Arguments.of(ArazzoDocument.Parameter.class,
                        Arrays.asList("id", "query", TextNode.valueOf("7"), "/workflows/0/parameters/0", null),
                        List.of("name", "header", TextNode.valueOf("8"), "/workflows/0/steps/0/parameters/0",
                                new ArazzoDocument.Selector("$response.body", "$.id", null, "/s"))),
                Arguments.of(WorkflowModel.ServerModel.class,
                        Arrays.asList("pets", "petsServer", "https://pets.example.com", List.of(), null),
                        List.of("shop", "shopServer", "https://shop.example.com",
                                List.of(new WorkflowModel.ServerVariableModel("region", "eu", List.of())),
                                "no servers")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void equalsAndHashCodeAreTheRecordsOwn(Class<? extends Record> type, List<Object> components, List<Object> others)
            throws ReflectiveOperationException {
        Object value = make(type, components);
        Object copy = make(type, components);

        assertEquals(value, copy);
        assertEquals(recordHash(components), value.hashCode(), "the record's own hash formula");
        assertNotEquals(value, null);
        assertNotEquals(value, components.get(0));
        for (int i = 0; i < components.size(); i++) {
            List<Object> changed = Arrays.asList(components.toArray());
            changed.set(i, others.get(i));
            Object other = make(type, changed);
            String component = type.getRecordComponents()[i].getName();
            assertNotEquals(value, other, component + " differs");
            assertNotEquals(other, value, component + " differs");
            assertEquals(recordHash(changed), other.hashCode(), component + " changed: the record's own hash formula");
        }
    }

    private static Object make(Class<? extends Record> type, List<Object> components)
            throws ReflectiveOperationException {
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        Constructor<? extends Record> canonical = type.getDeclaredConstructor(types);
        return canonical.newInstance(components.toArray());
    }

    /** What {@code java.lang.runtime.ObjectMethods} computes for a record of these components. */
    private static int recordHash(List<Object> components) {
        int hash = 0;
        for (Object component : components) {
            hash = 31 * hash + Objects.hashCode(component);
        }
        return hash;
    }
}
