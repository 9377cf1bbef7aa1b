package dev.arazzo.codegen.bind;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Saxon-HE's XPath compiler, for the expressions that are not XPath 1.0. A class of its own, so that binding a
 * document without such an expression loads no Saxon class: Saxon's jar is signed, and the first class read from
 * it costs the check of the jar's signature besides Saxon's own classes.
 */
final class SaxonXPath {

    private static final java.util.Set<String> PREDECLARED = java.util.Set.of("xs", "fn", "map", "array", "math",
            "err", "saxon");

    private SaxonXPath() {
    }

    /** Saxon's message when {@code expression} does not compile, else empty. */
    static Optional<String> compileError(String expression) {
        try {
            new net.sf.saxon.s9api.Processor(false).newXPathCompiler().compile(expression);
            return Optional.empty();
        } catch (net.sf.saxon.s9api.SaxonApiException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Saxon's message when {@code expression} does not compile with every prefix it uses (other than those XPath
     * declares) bound to a namespace of its own, else empty.
     */
    static Optional<String> compileErrorAnyPrefix(String expression) {
        try {
            net.sf.saxon.s9api.XPathCompiler compiler = new net.sf.saxon.s9api.Processor(false).newXPathCompiler();
            Matcher prefix = Pattern.compile("([A-Za-z_][\\w.-]*):[A-Za-z_*]").matcher(expression);
            while (prefix.find()) {
                if (!PREDECLARED.contains(prefix.group(1))) {
                    compiler.declareNamespace(prefix.group(1), "urn:arazzo:prefix:" + prefix.group(1));
                }
            }
            compiler.compile(expression);
            return Optional.empty();
        } catch (net.sf.saxon.s9api.SaxonApiException | IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
