package com.example.app;

import com.example.pets.AdoptPetWorkflow;

/** Compiles only if the generated class is on the compile source path. */
public final class Adoption {

    private Adoption() {
    }

    public static Class<?> workflow() {
        return AdoptPetWorkflow.class;
    }
}
