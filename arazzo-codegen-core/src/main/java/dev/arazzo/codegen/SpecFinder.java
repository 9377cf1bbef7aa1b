package dev.arazzo.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds Arazzo documents under a folder by Ant-style patterns, as Maven users write them:
 * {@code **} matches any number of folders (also none), {@code *} any characters but {@code /},
 * {@code ?} one such character. Patterns are relative to the folder and always use {@code /}.
 *
 * <pre>
 * List&lt;Path&gt; specs = new SpecFinder(List.of("**&#47;*.arazzo.yaml"), List.of("draft/**")).find(dir);
 * </pre>
 */
public final class SpecFinder {

    /**
     * The patterns used when none are configured: {@code *.arazzo.*}, {@code *-arazzo.*} and {@code arazzo.*}
     * (and the older {@code *-workflow.*}), each for {@code yaml}, {@code yml} and {@code json}, in any folder.
     * They tell Arazzo documents apart from the OpenAPI documents beside them by name.
     */
    public static final List<String> DEFAULT_INCLUDES = List.of(
            "**/*.arazzo.yaml", "**/*.arazzo.yml", "**/*.arazzo.json",
            "**/*-arazzo.yaml", "**/*-arazzo.yml", "**/*-arazzo.json",
            "**/arazzo.yaml", "**/arazzo.yml", "**/arazzo.json",
            "**/*-workflow.yaml", "**/*-workflow.yml", "**/*-workflow.json");

    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    public SpecFinder(List<String> includes, List<String> excludes) {
        this.includes = includes.stream().map(SpecFinder::compile).toList();
        this.excludes = excludes.stream().map(SpecFinder::compile).toList();
    }

    /** The matching files under {@code directory}, sorted by relative path; none when it does not exist. */
    public List<Path> find(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> matches(directory.relativize(file).toString().replace('\\', '/')))
                    .sorted()
                    .toList();
        }
    }

    /** Whether a path relative to the searched folder, written with {@code /}, is included and not excluded. */
    public boolean matches(String relativePath) {
        return includes.stream().anyMatch(p -> p.matcher(relativePath).matches())
                && excludes.stream().noneMatch(p -> p.matcher(relativePath).matches());
    }

    /** The regular expression of one Ant-style pattern. */
    public static Pattern compile(String antPattern) {
        String pattern = antPattern.trim().replace('\\', '/');
        if (pattern.endsWith("/")) {
            pattern += "**"; // Ant: a trailing slash means everything below
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 2;
            } else if (pattern.startsWith("**", i)) {
                regex.append(".*");
                i += 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
