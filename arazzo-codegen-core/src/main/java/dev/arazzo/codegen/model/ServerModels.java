package dev.arazzo.codegen.model;

import dev.arazzo.codegen.model.WorkflowModel.ServerModel;
import dev.arazzo.codegen.model.WorkflowModel.ServerVariableModel;
import dev.arazzo.codegen.source.OperationView;
import dev.arazzo.codegen.source.ServerView;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where an operation's requests go: the first of its servers (the operation's, its path's or its
 * document's), resolved against the url of its source description, variables kept for the run time. A
 * server url that is still not an absolute http(s) url, or a source without servers, has none: the
 * client then needs a base URI for it.
 */
final class ServerModels {

    private ServerModels() {
    }

    /**
     * The server of {@code operation}, in field {@code fieldName}.
     *
     * @param sourceUrl the url of its source description as written, or null
     */
    static ServerModel of(OperationView operation, String sourceUrl, String fieldName) {
        String source = operation.source().name();
        if (operation.servers().isEmpty()) {
            return new ServerModel(source, fieldName, null, List.of(), "has no server url in its OpenAPI description");
        }
        ServerView server = operation.servers().get(0);
        List<ServerVariableModel> variables = server.variables().stream()
                .map(v -> new ServerVariableModel(v.name(), v.defaultValue() == null ? "" : v.defaultValue(),
                        v.allowed()))
                .toList();
        String resolved = ServerView.resolve(server.url(), sourceUrl);
        Map<String, String> defaults = new HashMap<>();
        variables.forEach(v -> defaults.put(v.name(), v.defaultValue()));
        Optional<URI> uri = ServerView.parse(resolved, defaults);
        String scheme = uri.map(URI::getScheme).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        if (uri.isPresent() && uri.get().getHost() != null && (scheme.equals("http") || scheme.equals("https"))) {
            return new ServerModel(source, fieldName, resolved, variables, null);
        }
        String missing = "has no absolute http(s) server url in its OpenAPI description (it says '" + server.url()
                + "'" + (sourceUrl != null && !isAbsolute(server.url()) ? ", relative to the description's url '"
                        + sourceUrl + "', which is not an http url" : "") + ")";
        return new ServerModel(source, fieldName, null, List.of(), missing);
    }

    private static boolean isAbsolute(String url) {
        return ServerView.parse(url, Map.of()).map(URI::isAbsolute).orElse(false);
    }
}
