package dev.arazzo.runtime;

import java.net.http.HttpRequest;

/**
 * Changes each request just before it is sent: authentication (API keys, bearer tokens, AWS SigV4
 * signing), tracing headers, anything else the API needs. One interface for the workflows of every
 * generated package.
 *
 * <pre>{@code
 * RequestInterceptor bearer = (request, body) -> HttpRequest.newBuilder(request, (name, value) -> true)
 *         .header("Authorization", "Bearer " + tokens.get())
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface RequestInterceptor {

    /**
     * Returns the request to send in place of {@code request}.
     *
     * @param request the request as the workflow built it
     * @param body the bytes of its body (empty when it has none), for signers that hash the payload
     * @return the request to send; never null
     */
    HttpRequest intercept(HttpRequest request, byte[] body);
}
