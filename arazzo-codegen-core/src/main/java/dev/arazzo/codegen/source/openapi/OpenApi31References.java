package dev.arazzo.codegen.source.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIResolver;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.extensions.JsonSchemaParserExtension;
import io.swagger.v3.parser.reference.DereferencerContext;
import io.swagger.v3.parser.reference.DereferencersFactory;
import io.swagger.v3.parser.reference.OpenAPI31Traverser;
import io.swagger.v3.parser.reference.OpenAPIDereferencer;
import io.swagger.v3.parser.reference.OpenAPIDereferencer31;
import io.swagger.v3.parser.reference.Traverser;
import io.swagger.v3.parser.util.OpenAPIDeserializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * swagger-parser's {@code readContents} with {@code $ref}s resolved, with the same result for OpenAPI 3.1 at a
 * fraction of the cost.
 *
 * <p>swagger-parser resolves a 3.1 document with {@link OpenAPIDereferencer31}, whose {@link OpenAPI31Traverser}
 * inlines every {@code $ref} met below a resolved one (a document read from a {@code file:} url is never the
 * "root" of the references it resolves, so only the first level of {@code $ref}s stays), keeps a deep copy of
 * every schema it has traversed (a Jackson round trip through JSON text) for when an equal one is met again, and
 * looks the document's {@link OpenAPI}, {@link Paths} and {@link Components} up in hash sets whose hash codes
 * walk the whole, by then inlined, model. For the 794 KB Discord API that is ~400 MB allocated for the 87 KB
 * subset one workflow reads (and ~3 GB for the whole document), where the parse alone allocates 5 MB.
 *
 * <p>This runs the same traverser, on the same model, in the same order, with two changes that do not change
 * what it computes: a schema's copy is taken as JSON text when the traverser stores it and made into a schema
 * only when the traverser asks for it again (two in five never are, in Discord's), and the document's single
 * {@link OpenAPI}, {@link Paths} and {@link Components} are kept by identity (each is traversed once, and only
 * an object of the same class can equal it). Everything else (which {@code $ref}s are inlined, what is merged,
 * which positions share a copy) is swagger-parser's own code. {@code OpenApi31ReferencesTest} compares the
 * resulting models, JSON and object identity, with swagger-parser's own resolution.
 *
 * <p>OpenAPI 3.0 documents are resolved by swagger-parser's own resolver; a 3.1 one when swagger-parser's
 * {@code disableOas31Resolve} environment variable is set, and any set-up with another {@link OpenAPIDereferencer}
 * registered go through swagger-parser unchanged; so does a document whose resolution fails (swagger-parser stops
 * at the failure and says why). The one
 * difference left: a schema whose copy swagger-parser could not read back from its own JSON, and which is
 * never asked for again, stops swagger-parser's resolution and not this one.
 */
final class OpenApi31References {

    private OpenApi31References() {
    }

    /**
     * What {@code new OpenAPIV3Parser().readContents(text, null, options, location)} returns for the JSON text of
     * {@code tree}, OpenAPI 3.0 or 3.1, for {@code options} that ask for {@code $ref}s to be resolved (and not
     * fully) and set nothing else but {@code safelyResolveURL}; the messages may come in another order. No text
     * is written and read back: the tree is deserialized as {@code readContents} deserializes the tree it reads
     * ({@code parseJsonNode}, which calls {@link OpenAPIDeserializer}), and its {@code $ref}s are resolved as
     * {@code readContents} resolves them (3.0's {@link OpenAPIResolver}, 3.1's with the traverser below). Other
     * options, a set-up swagger-parser would not resolve with its own 3.1 dereferencer, and a 3.1 resolution that
     * fails (swagger-parser stops at the failure and says why) go to swagger-parser whole, with the tree written
     * as text.
     */
    static SwaggerParseResult readTree(JsonNode tree, ParseOptions options, String location) {
        if (!options.isResolve() || options.isResolveFully() || options.isFlatten()) {
            return new OpenAPIV3Parser().readContents(tree.toString(), null, options, location);
        }
        SwaggerParseResult result;
        try {
            // the deserializer reads none of the resolving options; it is called as OpenAPIV3Parser.parseJsonNode
            // calls it, without initialising OpenAPIV3Parser (which builds a JSON and a YAML mapper, JSR-310
            // support registered, that nothing here reads with)
            result = deserialize(tree, location, options);
        } catch (RuntimeException e) {
            // readContents turns what its deserializer throws into a result without a model
            return SwaggerParseResult.ofError(e.getMessage());
        }
        OpenAPI openApi = result.getOpenAPI();
        if (openApi == null) {
            return result;
        }
        String root = location == null ? null : location.replace('\\', '/');
        if (openApi.getOpenapi() == null || !openApi.getOpenapi().startsWith("3.1")) {
            // as OpenAPIV3Parser.resolve does for 3.0: what the resolver throws becomes a message
            try {
                new OpenAPIResolver(openApi, new ArrayList<>(), root, null, options).resolve(result);
            } catch (Exception e) {
                result.getMessages().add(e.getMessage());
            }
            return result;
        }
        // only a 3.1 document looks the dereferencers up (their factory's first use loads every one registered)
        String disabled = System.getenv(OpenAPIV3Parser.DISABLE_OAS31_RESOLVE);
        if (!defaultDereferencer() || disabled != null && !disabled.isBlank()) {
            return new OpenAPIV3Parser().readContents(tree.toString(), null, options, location);
        }
        try {
            new Dereferencer().dereference(new DereferencerContext(result, null, root, options, null, null, true),
                    Collections.emptyIterator());
        } catch (Exception e) {
            // swagger-parser stops where it fails, which a copy read later may have moved: its own run says where
            return new OpenAPIV3Parser().readContents(tree.toString(), null, options, location);
        }
        return result;
    }

    /**
     * What {@code new OpenAPIDeserializer().deserialize(tree, location, options, options.isOaiAuthor())} returns,
     * without the copy of the whole tree as a {@link Map} that it makes first ({@code new ObjectMapper()
     * .convertValue(tree, Map.class)}: a mapper, a token buffer and the untyped deserializers, about 100 classes in a
     * fresh JVM). That map is read by nothing but a {@link JsonSchemaParserExtension} (with the location, for every
     * schema); when one is registered, where swagger-parser looks for them, the deserializer is called as it is.
     * Otherwise this is its method's body: the same parse options, the same root parse, the same result and the same
     * message for what the parse throws. (The copy itself cannot fail on a tree read within Jackson's default read
     * limits, as every tree here is: it writes no deeper a tree than was read.)
     */
    static SwaggerParseResult deserialize(JsonNode tree, String location, ParseOptions options) {
        OpenAPIDeserializer deserializer = new OpenAPIDeserializer();
        if (!OpenAPIDeserializer.getJsonSchemaParserExtensions().isEmpty()) {
            return deserializer.deserialize(tree, location, options, options.isOaiAuthor());
        }
        SwaggerParseResult result = new SwaggerParseResult();
        try {
            OpenAPIDeserializer.ParseResult parse = new OpenAPIDeserializer.ParseResult();
            parse.setOaiAuthor(options.isOaiAuthor());
            parse.setInferSchemaType(options.isInferSchemaType());
            parse.setAllowEmptyStrings(options.isAllowEmptyString());
            parse.setValidateInternalRefs(options.isValidateInternalRefs());
            parse.setExplicitStyleAndExplode(options.isExplicitStyleAndExplode());
            OpenAPI openApi = deserializer.parseRoot(tree, parse, location);
            result.openapi31(parse.isOpenapi31());
            result.setOpenAPI(openApi);
            result.setMessages(parse.getMessages());
        } catch (Exception e) {
            String message = e.getMessage();
            result.setMessages(Arrays.asList(message == null || message.isBlank()
                    ? "Unexpected error deserialising spec" : message));
        }
        return result;
    }

    /** Whether swagger-parser would resolve with its own {@link OpenAPIDereferencer31} (no other registered). */
    private static boolean defaultDereferencer() {
        List<OpenAPIDereferencer> dereferencers = DereferencersFactory.getInstance().getDereferencers();
        return !dereferencers.isEmpty() && dereferencers.get(0).getClass() == OpenAPIDereferencer31.class;
    }

    /** swagger-parser's 3.1 dereferencer with the traverser below. */
    private static final class Dereferencer extends OpenAPIDereferencer31 {
        @Override
        public Traverser buildTraverser(DereferencerContext context) {
            return new CopyingLater(context);
        }
    }

    /** swagger-parser's 3.1 traverser, storing schema copies as JSON text and the document's parts by identity. */
    private static final class CopyingLater extends OpenAPI31Traverser {
        CopyingLater(DereferencerContext context) {
            super(context);
            visiting = new Visiting();
            visitedMap = new Visited();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T deepcopy(T entity, Class<T> type) {
            if (type != Schema.class) {
                return super.deepcopy(entity, type);
            }
            try {
                // the text now, as the copy would be; the schema read from it only when it is looked up
                return (T) new PendingCopy(Json31.mapper().writeValueAsString(entity));
            } catch (JsonProcessingException e) {
                throw new RuntimeException(e);
            }
        }
    }

    /** The copy swagger-parser's {@code deepcopy} makes of a schema, read from its text when first asked for. */
    @SuppressWarnings("rawtypes")
    private static final class PendingCopy extends Schema {
        private final String json;
        private Schema<?> copy;

        PendingCopy(String json) {
            this.json = json;
        }

        Schema<?> copy() {
            if (copy == null) {
                try {
                    copy = Json31.mapper().readValue(json, Schema.class);
                } catch (JsonProcessingException e) {
                    throw new RuntimeException(e);
                }
            }
            return copy;
        }
    }

    /** Whether {@code part} is one of the parts a document has once: by identity, not by its deep hash code. */
    private static boolean documentPart(Object part) {
        return part instanceof OpenAPI || part instanceof Paths || part instanceof Components;
    }

    /** The traverser's {@code visiting} set, keeping the document's parts by identity. */
    private static final class Visiting extends HashSet<Object> {
        private static final long serialVersionUID = 1L;
        private final Set<Object> parts = Collections.newSetFromMap(new IdentityHashMap<>());

        @Override
        public boolean contains(Object o) {
            return documentPart(o) ? parts.contains(o) : super.contains(o);
        }

        @Override
        public boolean add(Object o) {
            return documentPart(o) ? parts.add(o) : super.add(o);
        }

        @Override
        public boolean remove(Object o) {
            return documentPart(o) ? parts.remove(o) : super.remove(o);
        }
    }

    /** The traverser's {@code visitedMap}: the document's parts by identity, schema copies read when asked for. */
    private static final class Visited extends HashMap<Object, Object> {
        private static final long serialVersionUID = 1L;
        private final Map<Object, Object> parts = new IdentityHashMap<>();

        @Override
        public boolean containsKey(Object key) {
            return documentPart(key) ? parts.containsKey(key) : super.containsKey(key);
        }

        @Override
        public Object get(Object key) {
            Object value = documentPart(key) ? parts.get(key) : super.get(key);
            return value instanceof PendingCopy pending ? pending.copy() : value;
        }

        @Override
        public Object put(Object key, Object value) {
            return documentPart(key) ? parts.put(key, value) : super.put(key, value);
        }
    }
}
