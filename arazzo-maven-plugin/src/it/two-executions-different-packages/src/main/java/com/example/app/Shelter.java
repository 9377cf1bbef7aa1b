package com.example.app;

/** Compiles only if both executions' classes are on the compile source path. */
public final class Shelter {

    private Shelter() {
    }

    public static Class<?>[] workflows() {
        return new Class<?>[] {com.example.dogs.AdoptPetWorkflow.class, com.example.cats.AdoptPetWorkflow.class};
    }
}
