package dev.arazzo.bench.workflow;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JMH's command line, after emptying the file that {@link WorkflowBenchmark}'s forks append the
 * simulator's allocation to (system property {@code bench.simulatorAllocation}), so that it holds this
 * run only.
 */
public final class RunBenchmarks {

    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String file = System.getProperty("bench.simulatorAllocation");
        if (file != null) {
            Files.deleteIfExists(Path.of(file));
            Files.createDirectories(Path.of(file).toAbsolutePath().getParent());
        }
        org.openjdk.jmh.Main.main(args);
    }
}
