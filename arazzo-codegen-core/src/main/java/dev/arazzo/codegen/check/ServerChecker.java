package dev.arazzo.codegen.check;

import dev.arazzo.codegen.bind.BoundDocument;
import dev.arazzo.codegen.bind.BoundDocument.BoundStep;
import dev.arazzo.codegen.bind.BoundDocument.BoundWorkflow;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.source.ServerView;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The server urls the workflows' requests go to (each operation's first server), as OpenAPI requires them:
 * every variable in braces declared, with a default that its {@code enum} lists, and the url with the
 * defaults a valid URI reference. Each problem is an error at the server in its OpenAPI file; servers no
 * step sends to are not checked.
 */
final class ServerChecker {

    private final Diagnostics diagnostics;
    private final Set<ServerView> checked = new HashSet<>();

    private ServerChecker(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    static void check(BoundDocument bound, Diagnostics diagnostics) {
        ServerChecker checker = new ServerChecker(diagnostics);
        for (BoundWorkflow workflow : bound.workflows()) {
            for (BoundStep step : workflow.steps()) {
                if (step.operation() != null && !step.callsWorkflow() && !step.operation().servers().isEmpty()) {
                    ServerView server = step.operation().servers().get(0);
                    if (checker.checked.add(server)) {
                        checker.check(server, step.operation().source().name());
                    }
                }
            }
        }
    }

    private void check(ServerView server, String source) {
        Map<String, String> defaults = new HashMap<>();
        for (ServerView.Variable variable : server.variables()) {
            if (variable.defaultValue() == null) {
                diagnostics.error("server-variable-without-default", variable.location(), "server variable '"
                        + variable.name() + "' of server url '" + server.url() + "' (source '" + source
                        + "') has no default, which OpenAPI requires; give it one");
                continue;
            }
            defaults.put(variable.name(), variable.defaultValue());
            if (!variable.allowed().isEmpty() && !variable.allowed().contains(variable.defaultValue())) {
                diagnostics.error("server-variable-default-not-in-enum", variable.location(), "server variable '"
                        + variable.name() + "' of server url '" + server.url() + "' (source '" + source
                        + "') has default '" + variable.defaultValue() + "', which its enum ("
                        + String.join(", ", variable.allowed()) + ") does not list; make the default one of them");
            }
        }
        for (String name : server.placeholders()) {
            if (server.variables().stream().noneMatch(variable -> variable.name().equals(name))) {
                diagnostics.error("undeclared-server-variable", server.location(), "server url '" + server.url()
                        + "' (source '" + source + "') uses variable '" + name + "', which its variables do not "
                        + "declare; declare it with a default");
                return;
            }
        }
        if (defaults.size() == server.variables().size() && ServerView.parse(server.url(), defaults).isEmpty()) {
            diagnostics.error("invalid-server-url", server.location(), "server url '" + server.url() + "' (source '"
                    + source + "') is not a valid URL" + (defaults.isEmpty() ? "" : " with its variables at their "
                    + "defaults") + "; write it as an absolute url (https://api.example.com/v1) or a path (/v1)");
        }
    }
}
