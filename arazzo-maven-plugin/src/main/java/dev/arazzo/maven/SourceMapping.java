package dev.arazzo.maven;

import java.io.File;

/**
 * Reads a local file wherever an Arazzo document names a source description by {@link #url}: for
 * offline builds, mirrors, or a pinned copy of an API description.
 *
 * <pre>{@code
 * <sourceMappings>
 *   <sourceMapping>
 *     <url>https://api.example.com/openapi.yaml</url>
 *     <file>src/main/openapi/example.yaml</file>
 *   </sourceMapping>
 * </sourceMappings>
 * }</pre>
 */
public class SourceMapping {

    /**
     * The url exactly as the Arazzo document's {@code sourceDescriptions} write it, or as resolved against the
     * document's {@code $self} (Arazzo 1.1).
     */
    private String url;

    /** The local file to read instead, relative to the project's base directory or absolute. */
    private File file;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public File getFile() {
        return file;
    }

    public void setFile(File file) {
        this.file = file;
    }

    @Override
    public String toString() {
        return url + " -> " + file;
    }
}
