package dev.arazzo.codegen.features;

import static dev.arazzo.codegen.testing.GeneratedCode.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.arazzo.codegen.testing.GeneratedCode;
import dev.arazzo.codegen.testing.Scenario;
import dev.arazzo.runtime.WorkflowException;
import dev.arazzo.runtime.WorkflowTransportException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code mutualTLS} security scheme (OpenAPI 3.1) against a local HTTPS server that requires a client
 * certificate: the builder's {@code sslContext} presents it; without one, nothing is sent. The key stores
 * under {@code src/test/resources/tls} were made once with keytool (EC P-256, valid for 100 years, password
 * {@code changeit}): {@code server.p12} (CN=localhost, SAN 127.0.0.1), {@code client.p12}
 * (CN=workflow-client), and {@code trust.p12}, which trusts both certificates.
 */
class MutualTlsTest extends ScenarioTest {

    private HttpsServer server;
    private final List<String> clients = new CopyOnWriteArrayList<>();
    private GeneratedCode code;

    @BeforeEach
    void startHttpsServer() throws Exception {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context("server.p12")) {
            @Override
            public void configure(HttpsParameters parameters) {
                // through SSLParameters: HttpsParameters.setNeedClientAuth alone is not applied to the engine
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        });
        server.createContext("/", exchange -> {
            clients.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " from "
                    + ((HttpsExchange) exchange).getSSLSession().getPeerPrincipal().getName());
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        scenario.write("tls-openapi.yaml", """
                openapi: 3.1.0
                info: {title: Partner, version: '1'}
                servers: [{url: 'https://127.0.0.1:%d/partner'}]
                security: [{clientCertificate: []}]
                paths:
                  /orders: {get: {operationId: listOrders, responses: {'200': {description: ok}}}}
                components:
                  securitySchemes:
                    clientCertificate: {type: mutualTLS}
                """.formatted(server.getAddress().getPort()));
        code = scenario.generate("""
                arazzo: 1.0.1
                info: {title: Partner, version: '1'}
                sourceDescriptions:
                  - {name: partner, url: tls-openapi.yaml, type: openapi}
                workflows:
                  - workflowId: partner
                    steps:
                      - {stepId: orders, operationId: listOrders}
                """);
    }

    @AfterEach
    void stopHttpsServer() {
        server.stop(0);
    }

    /** A TLS context with the key of {@code keyStore} (null: none) that trusts {@code trust.p12}. */
    private static SSLContext context(String keyStore) throws Exception {
        KeyManagerFactory keys = null;
        if (keyStore != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore), "changeit".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load("trust.p12"));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = MutualTlsTest.class.getResourceAsStream("/tls/" + name)) {
            store.load(in, "changeit".toCharArray());
        }
        return store;
    }

    private Object inputs() {
        return Scenario.inputs(code, "PartnerWorkflow", Map.of());
    }

    @Test
    void theSslContextOfTheBuilderPresentsTheClientCertificate() throws Exception {
        Object builder = call(code.type("PartnerWorkflow"), "builder");
        call(builder, "sslContext", context("client.p12"));
        call(call(builder, "build"), "run", inputs());
        assertEquals(List.of("GET /partner/orders from CN=workflow-client"), clients);
    }

    @Test
    void withoutAnSslContextNothingIsSentAndTheFailureNamesSslContext() {
        Object client = call(call(code.type("PartnerWorkflow"), "builder"), "build");
        WorkflowException e = assertThrows(WorkflowException.class, () -> call(client, "orders", inputs()));
        assertEquals("step 'orders' is not sent: its operation requires credentials, and none were given for "
                + "mutualTLS security scheme 'clientCertificate' (set a client certificate with the builder's "
                + "sslContext(SSLContext), or give a client with httpClient(HttpClient))", e.getMessage());
        assertEquals(List.of(), clients);
    }

    @Test
    void aClientGivenWithHttpClientIsUsedAsItIs() throws Exception {
        Object withoutKey = call(code.type("PartnerWorkflow"), "builder");
        call(withoutKey, "httpClient", HttpClient.newBuilder().sslContext(context(null)).build());
        Object refused = call(withoutKey, "build");
        assertThrows(WorkflowTransportException.class, () -> call(refused, "run", inputs()),
                "the server requires a client certificate");
        assertEquals(List.of(), clients);

        Object builder = call(code.type("PartnerWorkflow"), "builder");
        call(builder, "httpClient", HttpClient.newBuilder().sslContext(context("client.p12")).build());
        call(builder, "sslContext", context(null));
        call(call(builder, "build"), "run", inputs());
        assertEquals(List.of("GET /partner/orders from CN=workflow-client"), clients);
    }
}
