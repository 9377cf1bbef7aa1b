package dev.arazzo.codegen.features;

import dev.arazzo.codegen.testing.Scenario;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A feature test: each test gets a fresh {@link Scenario} (a folder and a recording server), closed after it. */
abstract class ScenarioTest {

    @TempDir
    Path directory;

    Scenario scenario;

    @BeforeEach
    void openScenario() {
        scenario = Scenario.in(directory);
    }

    @AfterEach
    void closeScenario() {
        scenario.close();
    }
}
