package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The place-order sample's command line, as `exec:java@place-order` runs it. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void withoutOptionsItRunsEverythingEmbeddedAndPrintsTheTypedOutputs() {
        int code = run();

        assertEquals(Main.OK, code, err.toString(StandardCharsets.UTF_8));
        assertEquals(String.join(System.lineSeparator(), "orderId=ord-1", "status=PAID", "total=3998", "currency=EUR",
                "paymentId=pay-1", ""), out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheUsage() {
        assertEquals(Main.OK, run("--help"));
        assertEquals(Main.USAGE, out.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--quantity|0|--quantity must be a whole number from 1, got '0'",
        "--bootstrap-servers|broker-1|--bootstrap-servers needs HOST:PORT[,HOST:PORT...], got 'broker-1'",
        "--endpoint|ftp://x|--endpoint must be an absolute http or https URL, e.g. http://127.0.0.1:8080: 'ftp://x'",
        "--colour|red|unknown option '--colour'",
    })
    void badArgumentsAreOneErrorLineAndTheUsage(String option, String value, String message) {
        assertEquals(Main.USAGE_ERROR, run(option, value));
        assertEquals("error: " + message + System.lineSeparator() + Main.USAGE, err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theKafkaConfigIsReadAsPropertiesAndTheFlagNamesTheServers(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("client.properties");
        Files.writeString(config, "security.protocol=SASL_SSL\nbootstrap.servers=from-file:9093\nclient.id=orders\n");

        Main.Options options = Main.Options.parse(new String[] {"--kafka-config", config.toString(),
                "--bootstrap-servers", "broker-1:9093,broker-2:9093"});

        assertEquals(Map.of("bootstrap.servers", "broker-1:9093,broker-2:9093", "client.id", "orders",
                "security.protocol", "SASL_SSL"), Main.kafkaProperties(options));
    }

    @Test
    void aKafkaConfigWithoutServersIsAUsageError(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("client.properties");
        Files.writeString(config, "security.protocol=SASL_SSL\n");

        assertEquals(Main.USAGE_ERROR, run("--kafka-config", config.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: --kafka-config " + config
                + " has no bootstrap.servers; add it there or give --bootstrap-servers"), err.toString());
    }
}
