package dev.arazzo.runtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where the requests of a workflow go: the base URIs and server variables set on its builder, applied to
 * the server urls of its OpenAPI descriptions.
 *
 * <p>A base URI set for a source replaces every server url of that source (document, path and operation
 * level); the operation's path is appended to it. Otherwise an operation's requests go to its
 * {@link Server}: its url with each variable set to the value given for its source, else the value given
 * for all sources, else its default.
 */
public final class Servers {

    private final Map<String, URI> baseUris = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> sourceValues = new LinkedHashMap<>();

    /** Nothing set: every server url with its defaults. */
    public Servers() {
    }

    /**
     * A server url of an OpenAPI description, as the generator found it.
     *
     * @param source the source description's name
     * @param url the absolute url template, {@code {name}} for each variable; null when the source has no
     *     absolute server url, and so needs a base URI
     * @param variables the url's variables
     * @param missing why there is no url, for the message (e.g. {@code has no servers}); null when there is
     */
    public record Server(String source, String url, List<Variable> variables, String missing) {

        /**
         * Checks the parts.
         *
         * @param source the source description's name
         * @param url the url template, or null
         * @param variables the url's variables
         * @param missing why there is no url, or null
         */
        public Server {
            Objects.requireNonNull(source, "source");
            variables = List.copyOf(variables);
        }

        /**
         * A server url with variables.
         *
         * @param source the source description's name
         * @param url the absolute url template
         * @param variables its variables
         * @return the server
         */
        public static Server of(String source, String url, Variable... variables) {
            return new Server(source, Objects.requireNonNull(url, "url"), List.of(variables), null);
        }

        /**
         * A source without an absolute server url.
         *
         * @param source the source description's name
         * @param missing what its description says instead, for the message
         * @return a server that needs a base URI
         */
        public static Server missing(String source, String missing) {
            return new Server(source, null, List.of(), Objects.requireNonNull(missing, "missing"));
        }
    }

    /**
     * A server variable.
     *
     * @param name its name in the url's braces
     * @param defaultValue its default
     * @param allowed the values its {@code enum} allows; empty for any
     */
    public record Variable(String name, String defaultValue, List<String> allowed) {

        /**
         * Checks the parts.
         *
         * @param name its name
         * @param defaultValue its default
         * @param allowed the values allowed; empty for any
         */
        public Variable {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(defaultValue, "defaultValue");
            allowed = List.copyOf(allowed);
        }

        /**
         * A variable.
         *
         * @param name its name
         * @param defaultValue its default
         * @param allowed the values its {@code enum} allows; none for any
         * @return the variable
         */
        public static Variable of(String name, String defaultValue, String... allowed) {
            return new Variable(name, defaultValue, List.of(allowed));
        }
    }

    /**
     * A copy, so that a built client does not change when its builder is used again.
     *
     * @return the same base URIs and values
     */
    public Servers copy() {
        Servers copy = new Servers();
        copy.baseUris.putAll(baseUris);
        copy.values.putAll(values);
        sourceValues.forEach((source, byName) -> copy.sourceValues.put(source, new LinkedHashMap<>(byName)));
        return copy;
    }

    /**
     * Sends the requests of {@code source} to {@code baseUri}, whatever its servers say.
     *
     * @param source the source description's name
     * @param baseUri where its requests go; the operations' paths are appended
     * @throws NullPointerException if either is null
     */
    public void baseUri(String source, URI baseUri) {
        baseUris.put(Objects.requireNonNull(source, "source"), Objects.requireNonNull(baseUri, "baseUri"));
    }

    /**
     * Sets server variable {@code name} of the servers of {@code source}, or of every source.
     *
     * @param known the servers of the workflow, whose variables may be set
     * @param source a source description's name, or null for every source
     * @param name the variable
     * @param value its value, checked against the variable's {@code enum} when a client is built
     * @throws NullPointerException if {@code name} or {@code value} is null
     * @throws IllegalArgumentException if no server of {@code known} (of {@code source}) has a variable
     *     {@code name}
     */
    public void variable(List<Server> known, String source, String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Set<String> names = new LinkedHashSet<>();
        known.stream().filter(server -> source == null || server.source().equals(source))
                .forEach(server -> server.variables().forEach(variable -> names.add(variable.name())));
        if (!names.contains(name)) {
            throw new IllegalArgumentException((source == null ? "no server" : "no server of source '" + source + "'")
                    + " has a variable named '" + name + "'; "
                    + (names.isEmpty() ? "there are none" : "the variables are " + String.join(", ", names)));
        }
        if (source == null) {
            values.put(name, value);
        } else {
            sourceValues.computeIfAbsent(source, s -> new LinkedHashMap<>()).put(name, value);
        }
    }

    /**
     * The URI the requests to {@code server} go to: the base URI of its source when one was set, else its
     * url with the variables substituted.
     *
     * @param server a server url of the workflow
     * @return an absolute URI
     * @throws IllegalStateException if the source has no absolute server url and no base URI was set, a
     *     variable's value is not one its {@code enum} allows, or the url with the values is not a URI
     */
    public URI uri(Server server) {
        URI baseUri = baseUris.get(server.source());
        if (baseUri != null) {
            return baseUri;
        }
        if (server.url() == null) {
            throw new IllegalStateException("source '" + server.source() + "' " + server.missing()
                    + "; set its base URI with baseUri(\"" + server.source() + "\", uri)");
        }
        String url = server.url();
        Map<String, String> own = sourceValues.getOrDefault(server.source(), Map.of());
        for (Variable variable : server.variables()) {
            String value = own.getOrDefault(variable.name(), values.getOrDefault(variable.name(),
                    variable.defaultValue()));
            if (!variable.allowed().isEmpty() && !variable.allowed().contains(value)) {
                throw new IllegalStateException("server variable '" + variable.name() + "' of source '"
                        + server.source() + "' is '" + value + "', which its enum does not allow; set one of "
                        + String.join(", ", variable.allowed()) + " with serverVariable(...)");
            }
            url = url.replace("{" + variable.name() + "}", value);
        }
        try {
            URI uri = new URI(url);
            if (uri.isAbsolute() && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, with the url the values made
        }
        throw new IllegalStateException("source '" + server.source() + "': server url '" + server.url()
                + "' with its variables set is '" + url + "', which is not an absolute URI; check the values "
                + "given with serverVariable(...)");
    }
}
