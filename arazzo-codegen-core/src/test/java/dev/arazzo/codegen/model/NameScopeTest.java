package dev.arazzo.codegen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NameScopeTest {

    @Test
    void aNameTheGeneratedCodeReservesGetsASuffix() {
        NameScope locals = NameScope.of(NameScope.Kind.LOCALS);

        assertEquals("inputs_", locals.newName("inputs"));
        assertEquals("startChat", locals.newName("startChat"));
        assertEquals("startChat_", locals.newName("startChat"));
    }

    @Test
    void keywordsAreEscaped() {
        assertEquals("class_", NameScope.of(NameScope.Kind.METHODS).newName("class"));
    }

    @Test
    void takingANameKeepsItAndAClashIsABug() {
        NameScope fields = NameScope.of(NameScope.Kind.FIELDS);

        assertEquals("shopBaseUri", fields.take("shopBaseUri"));
        assertThrows(IllegalStateException.class, () -> fields.take("shopBaseUri"));
        assertThrows(IllegalStateException.class, () -> fields.take("transport"));
    }

    @Test
    void aCopyAllocatesWithoutChangingTheOriginal() {
        NameScope methods = NameScope.of(NameScope.Kind.METHODS);
        NameScope copy = methods.copy();

        assertEquals("send", copy.newName("send"));
        assertTrue(copy.contains("send"));
        assertFalse(methods.contains("send"));
        assertEquals("send", methods.newName("send"));
    }
}
