package dev.arazzo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arazzo.runtime.Servers.Server;
import dev.arazzo.runtime.Servers.Variable;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServersTest {

    private static final Server REGIONAL = Server.of("pets", "https://{region}.example.com/{version}",
            Variable.of("region", "us", "us", "eu"), Variable.of("version", "v1"));
    private static final Server SHOP = Server.of("shop", "https://shop.example.com/{version}",
            Variable.of("version", "v9"));
    private static final List<Server> KNOWN = List.of(REGIONAL, SHOP);

    @Test
    void defaultsAreSubstitutedWhenNothingIsSet() {
        assertEquals(URI.create("https://us.example.com/v1"), new Servers().uri(REGIONAL));
    }

    @Test
    void aValueForOneSourceWinsOverOneForAllSources() {
        Servers servers = new Servers();
        servers.variable(KNOWN, "shop", "version", "v3");
        servers.variable(KNOWN, null, "version", "v2");
        servers.variable(KNOWN, null, "region", "eu");
        assertEquals(URI.create("https://eu.example.com/v2"), servers.uri(REGIONAL));
        assertEquals(URI.create("https://shop.example.com/v3"), servers.uri(SHOP));
    }

    @Test
    void aValueOutsideTheEnumFailsWhenTheUriIsAskedFor() {
        Servers servers = new Servers();
        servers.variable(KNOWN, "pets", "region", "mars");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> servers.uri(REGIONAL));
        assertEquals("server variable 'region' of source 'pets' is 'mars', which its enum does not allow; set one "
                + "of us, eu with serverVariable(...)", e.getMessage());
    }

    @Test
    void unknownVariablesAreRefusedWhenSet() {
        Servers servers = new Servers();
        IllegalArgumentException all = assertThrows(IllegalArgumentException.class,
                () -> servers.variable(KNOWN, null, "zone", "a"));
        assertEquals("no server has a variable named 'zone'; the variables are region, version", all.getMessage());
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> servers.variable(KNOWN, "shop", "region", "eu"));
        assertEquals("no server of source 'shop' has a variable named 'region'; the variables are version",
                one.getMessage());
    }

    @Test
    void aBaseUriReplacesEveryServerOfItsSource() {
        Servers servers = new Servers();
        servers.variable(KNOWN, "pets", "region", "mars");
        servers.baseUri("pets", URI.create("http://127.0.0.1:8080/mock"));
        assertEquals(URI.create("http://127.0.0.1:8080/mock"), servers.uri(REGIONAL));
        assertEquals(URI.create("https://shop.example.com/v9"), servers.uri(SHOP));
    }

    @Test
    void aSourceWithoutAnAbsoluteUrlNeedsABaseUri() {
        Server relative = Server.missing("local", "has only a relative server url ('/v2')");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Servers().uri(relative));
        assertEquals("source 'local' has only a relative server url ('/v2'); set its base URI with "
                + "baseUri(\"local\", uri)", e.getMessage());
    }

    @Test
    void valuesThatBreakTheUrlAreReportedWithTheUrlTheyMake() {
        Servers servers = new Servers();
        servers.variable(KNOWN, null, "version", "a b");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> servers.uri(SHOP));
        assertEquals("source 'shop': server url 'https://shop.example.com/{version}' with its variables set is "
                + "'https://shop.example.com/a b', which is not an absolute URI; check the values given with "
                + "serverVariable(...)", e.getMessage());
    }

    @Test
    void aCopyDoesNotChangeWithTheOriginal() {
        Servers servers = new Servers();
        Servers copy = servers.copy();
        servers.variable(KNOWN, null, "region", "eu");
        servers.baseUri("shop", URI.create("http://127.0.0.1:1"));
        assertEquals(URI.create("https://us.example.com/v1"), copy.uri(REGIONAL));
        assertEquals(URI.create("https://shop.example.com/v9"), copy.uri(SHOP));
    }
}
