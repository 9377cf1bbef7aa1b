package dev.arazzo.bench.build;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log of one Maven build run with time-stamped lines, and what it says: how long each mojo
 * execution took, from its {@code --- plugin:version:goal (id) @ project ---} header to the next header
 * or the end of the build. That span includes loading the plugin and its class realm, as a user waits
 * for it. {@code maxRssBytes} is the peak resident set size of the build's largest process (Maven's JVM),
 * as {@code /usr/bin/time} reports it.
 */
record MavenRun(List<String> log, long wallMillis, int exitCode, long maxRssBytes) {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final Pattern LINE = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) \\[INFO\\] (.*)$");
    private static final Pattern MOJO = Pattern.compile("^--- ([\\w.-]+):[^:]+:([\\w-]+) \\(([^)]+)\\) @ .* ---$");
    private static final Pattern BOUNDARY = Pattern.compile("^(--- .*|-{20,}|BUILD .*)$");

    /** Milliseconds per mojo execution, keyed {@code artifactId:goal (executionId)}, in build order. */
    Map<String, Long> mojoMillis() {
        Map<String, Long> millis = new LinkedHashMap<>();
        String open = null;
        LocalTime openedAt = null;
        for (String line : log) {
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                continue;
            }
            LocalTime at = LocalTime.parse(matcher.group(1), TIME);
            String message = matcher.group(2);
            if (open != null && BOUNDARY.matcher(message).matches()) {
                millis.put(open, java.time.Duration.between(openedAt, at).toMillis());
                open = null;
            }
            Matcher mojo = MOJO.matcher(message);
            if (mojo.matches()) {
                open = mojo.group(1) + ":" + mojo.group(2) + " (" + mojo.group(3) + ")";
                openedAt = at;
            }
        }
        return millis;
    }

    /** The milliseconds of the first mojo execution whose key starts with {@code prefix}. */
    long millisOf(String prefix) {
        return mojoMillis().entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new IllegalStateException("no execution of " + prefix + " in the build log"));
    }

    /** The first INFO line that contains {@code text}, without its time stamp and level, or null. */
    String infoLine(String text) {
        for (String line : log) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.matches() && matcher.group(2).contains(text)) {
                return matcher.group(2);
            }
        }
        return null;
    }
}
