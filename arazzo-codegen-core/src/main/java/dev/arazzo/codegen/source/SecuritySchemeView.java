package dev.arazzo.codegen.source;

/**
 * A security scheme a source declares.
 *
 * @param type its type, or null when the description gives none this generator knows
 * @param description its description, or null
 * @param in where an API key goes ({@code header}, {@code query}, {@code cookie}), or null
 * @param parameterName the name of an API key's header, query parameter or cookie
 * @param scheme an HTTP scheme's name ({@code basic}, {@code bearer}), or null
 * @param clientCredentials whether an OAuth2 scheme has a client-credentials flow
 * @param tokenUrl that flow's token url, or null
 */
public record SecuritySchemeView(
        Type type, String description, String in, String parameterName, String scheme, boolean clientCredentials,
        String tokenUrl) {

    /** The kinds of security scheme. */
    public enum Type {
        API_KEY, HTTP, OAUTH2, OPEN_ID_CONNECT, MUTUAL_TLS
    }
}
