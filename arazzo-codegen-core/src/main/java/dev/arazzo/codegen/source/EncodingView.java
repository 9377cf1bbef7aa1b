package dev.arazzo.codegen.source;

/**
 * The OpenAPI Encoding Object of one property of a form or multipart request body.
 *
 * @param contentType the media type the property's value is written as, or null when it does not say
 * @param style its style (form bodies), or null when it does not say (OpenAPI's default is form)
 * @param explode its explode (form bodies), or null when it does not say
 * @param allowReserved whether reserved characters are sent unencoded (form bodies)
 */
public record EncodingView(String contentType, ParameterStyle style, Boolean explode, boolean allowReserved) {
}
