package dev.arazzo.maven;

import java.io.File;

/**
 * Puts the classes generated from one Arazzo document in their own Java package.
 *
 * <pre>{@code
 * <packages>
 *   <package>
 *     <spec>src/main/arazzo/shop.arazzo.yaml</spec>
 *     <name>com.example.shop</name>
 *   </package>
 * </packages>
 * }</pre>
 */
public class PackageMapping {

    /** The Arazzo document, relative to the project's base directory or absolute. */
    private File spec;

    /** The Java package for the classes generated from {@link #spec}. */
    private String name;

    public File getSpec() {
        return spec;
    }

    public void setSpec(File spec) {
        this.spec = spec;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return spec + " -> " + name;
    }
}
