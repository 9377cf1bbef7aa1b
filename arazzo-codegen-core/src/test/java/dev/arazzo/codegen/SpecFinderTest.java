package dev.arazzo.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecFinderTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "**/*.arazzo.yaml, pets.arazzo.yaml, true",
        "**/*.arazzo.yaml, shop/pets.arazzo.yaml, true",
        "**/*.arazzo.yaml, a/b/c/pets.arazzo.yaml, true",
        "**/*.arazzo.yaml, pets.openapi.yaml, false",
        "**/*.arazzo.yaml, pets.arazzo.yaml.bak, false",
        "*.arazzo.yaml, shop/pets.arazzo.yaml, false",
        "shop/*.yaml, shop/pets.yaml, true",
        "shop/*.yaml, shop/deep/pets.yaml, false",
        "shop/**, shop/deep/pets.yaml, true",
        "shop/, shop/deep/pets.yaml, true",
        "pet?.yaml, pets.yaml, true",
        "pet?.yaml, pet/.yaml, false",
        "a.b, axb, false",
        "**/*-workflow.yml, amazon-connect-start-chat-and-set-attributes-workflow.yml, true",
    })
    void antPatternsMatchAsInMaven(String pattern, String path, boolean matches) {
        assertEquals(matches, new SpecFinder(List.of(pattern), List.of()).matches(path));
    }

    @ParameterizedTest(name = "the default includes take {0}: {1}")
    @CsvSource({
        "pets.arazzo.yaml, true", "pets.arazzo.yml, true", "pets.arazzo.json, true",
        "bnpl-arazzo.yaml, true", "shop/bnpl-arazzo.yml, true", "bnpl-arazzo.json, true",
        "arazzo.yaml, true", "deep/er/arazzo.yml, true", "arazzo.json, true",
        "chat-workflow.yml, true",
        "pets.openapi.yaml, false", "openapi.yaml, false", "bnplarazzo.yaml, false", "arazzo.yaml.bak, false",
        "my-arazzo.txt, false",
    })
    void defaultIncludesCoverTheCommonNames(String path, boolean matches) {
        assertEquals(matches, new SpecFinder(SpecFinder.DEFAULT_INCLUDES, List.of()).matches(path));
    }

    @Test
    void excludesWinOverIncludes() {
        SpecFinder finder = new SpecFinder(SpecFinder.DEFAULT_INCLUDES, List.of("drafts/**"));

        assertEquals(true, finder.matches("shop.arazzo.yaml"));
        assertEquals(false, finder.matches("drafts/shop.arazzo.yaml"));
    }

    @Test
    void findsMatchingFilesInPathOrder() throws IOException {
        Files.createDirectories(dir.resolve("b"));
        Files.createDirectories(dir.resolve("a"));
        Files.writeString(dir.resolve("b/two.arazzo.yaml"), "");
        Files.writeString(dir.resolve("a/one.arazzo.json"), "");
        Files.writeString(dir.resolve("a/api.openapi.yaml"), "");
        Files.writeString(dir.resolve("chat-workflow.yml"), "");

        List<Path> found = new SpecFinder(SpecFinder.DEFAULT_INCLUDES, List.of()).find(dir);

        assertEquals(List.of(dir.resolve("a/one.arazzo.json"), dir.resolve("b/two.arazzo.yaml"),
                dir.resolve("chat-workflow.yml")), found);
    }

    @Test
    void aMissingFolderHoldsNoDocuments() throws IOException {
        assertEquals(List.of(), new SpecFinder(SpecFinder.DEFAULT_INCLUDES, List.of()).find(dir.resolve("absent")));
    }
}
