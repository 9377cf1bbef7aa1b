package dev.arazzo.codegen.testing;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The core's own test documents, under {@code src/test/resources/fixtures}. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path fixture(String name) throws URISyntaxException {
        return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
    }
}
