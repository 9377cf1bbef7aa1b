package dev.arazzo.codegen.source;

import dev.arazzo.codegen.diagnostic.SourceLocation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server of an API description, as written: an entry of the {@code servers} of an OpenAPI document,
 * path item or operation (for Swagger 2.0, what its {@code schemes}, {@code host} and {@code basePath}
 * make).
 *
 * @param url the url template, {@code {name}} for each variable; a relative url as written
 * @param variables its variables, in document order
 * @param location where the server stands in its description (its {@code url})
 */
public record ServerView(String url, List<Variable> variables, SourceLocation location) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]*)}");

    public ServerView {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(location, "location");
        variables = List.copyOf(variables);
    }

    /**
     * A server variable.
     *
     * @param name its name, as the url's braces write it
     * @param defaultValue its default, or null when the description gives none (OpenAPI requires one)
     * @param allowed the values its {@code enum} allows; empty when it has none
     * @param location where it stands in its description
     */
    public record Variable(String name, String defaultValue, List<String> allowed, SourceLocation location) {
        public Variable {
            Objects.requireNonNull(name, "name");
            allowed = List.copyOf(allowed);
        }
    }

    // equals and hashCode as the record's own would be (same components, same hash formula), written out: the
    // checks keep a set of the servers they checked, and a cold JVM links a record's hashCode through
    // ObjectMethods on its first call (issue #16)

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ServerView that && url.equals(that.url)
                && variables.equals(that.variables) && location.equals(that.location);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * url.hashCode() + variables.hashCode()) + location.hashCode();
    }

    /** The names between braces in {@code url}, in order of appearance, each once. */
    public List<String> placeholders() {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(url);
        while (matcher.find()) {
            if (!names.contains(matcher.group(1))) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /**
     * A server url resolved against the url of the description that declares it, as OpenAPI says (a
     * relative server url is relative to where the description is served): {@code /v2}, {@code //host/x}
     * and {@code ../api} against {@code https://example.com/specs/openapi.yaml} give
     * {@code https://example.com/v2}, {@code https://host/x} and {@code https://example.com/api}. Variables
     * stay in braces. An absolute server url is returned as it is; so is a relative one when the
     * description's url is not absolute itself, or the server url cannot be parsed.
     *
     * @param serverUrl the server url, as written
     * @param sourceUrl the url of its description (a file or http url), or null when unknown
     * @return the resolved url, {@code {name}} for each variable
     */
    public static String resolve(String serverUrl, String sourceUrl) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(serverUrl);
        StringBuilder marked = new StringBuilder();
        while (matcher.find()) {
            names.add(matcher.group());
            matcher.appendReplacement(marked, "arazzovar" + (names.size() - 1) + "x");
        }
        matcher.appendTail(marked);
        try {
            URI reference = new URI(marked.toString());
            if (reference.isAbsolute() || sourceUrl == null) {
                return serverUrl;
            }
            URI base = new URI(sourceUrl);
            if (!base.isAbsolute() || base.isOpaque()) {
                return serverUrl;
            }
            if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
                base = base.resolve("/");
            }
            String resolved = base.resolve(reference).toString();
            for (int i = names.size() - 1; i >= 0; i--) {
                resolved = resolved.replace("arazzovar" + i + "x", names.get(i));
            }
            return resolved;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return serverUrl;
        }
    }

    /**
     * {@code url} with its variables set to {@code values} (a variable without a value keeps its braces),
     * parsed; empty when the result is not a valid URI.
     */
    public static java.util.Optional<URI> parse(String url, java.util.Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(url);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(filled);
        try {
            return java.util.Optional.of(new URI(filled.toString()));
        } catch (URISyntaxException e) {
            return java.util.Optional.empty();
        }
    }
}
