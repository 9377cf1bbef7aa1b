package com.example.app;

import com.example.pets.AdoptPetWorkflow;
import com.example.pets.WorkflowException;

/** Compiles only if the generated class and its inline run-time support are on the compile source path. */
public final class Adoption {

    private Adoption() {
    }

    public static Class<?> workflow() {
        return AdoptPetWorkflow.class;
    }

    public static Class<? extends RuntimeException> failure() {
        return WorkflowException.class;
    }
}
