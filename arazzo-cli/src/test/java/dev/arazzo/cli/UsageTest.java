package dev.arazzo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.codegen.ArazzoCodegen;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Help, version, and command lines that cannot be carried out (status 2, one message, no stack trace). */
class UsageTest {

    @TempDir
    Path project;

    @BeforeEach
    void pets() throws IOException {
        Cli.petsProject(project);
    }

    @ParameterizedTest(name = "arazzo {0} --help")
    @ValueSource(strings = {"generate", "check"})
    void eachCommandHasHelp(String command) {
        Cli.Run run = Cli.run(project, command, "--help");

        assertEquals(0, run.status());
        assertTrue(run.out().startsWith("Usage: arazzo " + command + " "), run.out());
        assertTrue(run.out().contains("--source-mapping=URL=FILE"), run.out());
        assertTrue(run.out().contains("--warnings-as-errors"), run.out());
        assertTrue(run.out().contains("Exit status: 0"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void theTopCommandListsItsCommands() {
        Cli.Run run = Cli.run(project, "--help");

        assertEquals(0, run.status());
        assertTrue(run.out().contains("generate  Generates one Java 17 class per workflow"), run.out());
        assertTrue(run.out().contains("check     Checks Arazzo documents"), run.out());
    }

    @Test
    void checkHelpNamesTheFormats() {
        String help = Cli.run(project, "check", "--help").out();

        assertTrue(help.contains("--format=FORMAT"), help);
        assertTrue(help.contains("json or sarif (SARIF 2.1.0). Default: text."), help);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--version", "check --version", "generate -V"})
    void versionIsTheGenerators(String args) {
        assertEquals(new Cli.Run(0, "arazzo " + ArazzoCodegen.VERSION + "\n", ""), Cli.run(project, args.split(" ")));
    }

    @ParameterizedTest(name = "arazzo {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "''| name a command: generate or check",
        "lint src| Unmatched arguments from index 0: 'lint', 'src'",
        "check| Missing required parameter: 'SPEC'",
        "check --frmat json src| Unknown option: '--frmat'",
        "check --format xml src| Invalid value for option '--format': expected one of [text, json, sarif]",
        "check missing.arazzo.yaml| arazzo: no such file or folder: missing.arazzo.yaml",
        "check src/main/openapi| arazzo: no Arazzo documents in src/main/openapi (searched for **/*.arazzo.yaml,",
        "check src --source-mapping https://x.example/a.yaml| arazzo: --source-mapping 'https://x.example/a.yaml' is not URL=FILE",
        "check src --source-mapping https://x.example/a.yaml=gone.yaml| arazzo: --source-mapping: https://x.example/a.yaml names ",
        "check src --suppress-warning Unknown| arazzo: --suppress-warning: the suppressed warning 'Unknown' does not start",
        "generate src --out out| Missing required option: '--package=PACKAGE'",
        "generate src --package p| Missing required option: '--out=DIR'",
        "generate src --package p --out out --runtime jar| arazzo: --runtime is 'jar'; it is 'shared'",
        "generate src --package= --out out| arazzo: --package is empty",
        "generate src --package com.example.class --out out| arazzo: the Java package 'com.example.class' is not",
    })
    void aCommandLineThatCannotBeCarriedOutIsStatusTwo(String args, String message) {
        Cli.Run run = Cli.run(project, args.isEmpty() ? new String[0] : args.split(" "));

        assertEquals(2, run.status(), run.toString());
        assertEquals("", run.out());
        assertTrue(run.err().contains(message.strip()), run.err());
        assertTrue(!run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void nothingIsWrittenForAUsageError() throws IOException {
        Cli.run(project, "generate", "src", "--package", "p", "--out", "out", "--runtime", "jar");

        assertTrue(Files.notExists(project.resolve("out")));
    }
}
