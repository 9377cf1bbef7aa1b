package dev.arazzo.codegen.source.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.parser.util.DeserializationUtils;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The tree swagger-parser's {@code DeserializationUtils.deserializeIntoTree} reads from YAML text, read the same
 * way without what that class builds before it reads anything.
 *
 * <p>swagger-parser loads YAML with SnakeYAML (its {@code CustomResolver}, which leaves timestamps as strings, and
 * a {@link SafeConstructor} with its loader options), checks the objects against its limits, writes them as JSON
 * text and reads that text back as a tree. Its class, once initialised, has built swagger-core's YAML mappers for
 * OpenAPI 3.0 and 3.1 (every mix-in and deserializer of the model) and a JSON mapper with JSR-310 support, and
 * each load builds SnakeYAML's {@code Yaml}, with a YAML writer's representer and dumper options; none of that is
 * used to read a tree. Here the same SnakeYAML parser, composer, resolver and constructor, with the same options,
 * load the text, and the objects become the tree the JSON text would have read back as. Whatever that cannot make
 * exactly is left to swagger-parser ({@link #read} is empty): JSON text, a document that is not a mapping, a
 * SnakeYAML error (a key written twice, too many code points, ...), an alias or anchor shared by two places, a
 * value that is not a string, number, boolean, null, list or mapping ({@code !!binary}, {@code !!set},
 * {@code !!timestamp}, ...), a key that is not a string, integer or boolean (a mapping, a float, null), two keys
 * of one mapping written as one name ({@code 200} and {@code '200'}), a float that is not finite, a tree deeper or a
 * name or number longer than Jackson's read limits allow, and any of swagger-parser's YAML system properties set.
 * {@code SwaggerYamlTest} compares the trees with swagger-parser's, text by text.
 */
final class SwaggerYaml {

    /** The system properties swagger-parser reads its YAML options from: when one is set, it reads the text. */
    private static final List<String> OPTIONS = List.of("maxYamlDepth", "maxYamlReferences", "validateYamlInput",
            "yamlCycleCheck", "maxYamlCodePoints", "maxYamlAliasesForCollections", "yamlAllowRecursiveKeys");
    /** Deeper trees are left to swagger-parser (Jackson reads and writes at most 1000 levels; its limit 2000). */
    private static final int MAX_DEPTH = 500;
    /** Longer names and strings are left to swagger-parser (Jackson's read limits: 50,000 and 20,000,000). */
    private static final int MAX_NAME = 40_000;
    private static final int MAX_STRING = 10_000_000;
    /** Longer integers are left to swagger-parser (Jackson reads numbers of at most 1000 digits). */
    private static final int MAX_BITS = 3_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SwaggerYaml() {
    }

    /** Thrown where the objects hold what the tree is not made of here: swagger-parser reads the text. */
    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    /**
     * The tree swagger-parser's {@code deserializeIntoTree} reads from {@code content}, or empty when this cannot
     * tell it exactly (then swagger-parser is to read it).
     */
    static Optional<JsonNode> read(String content) {
        if (json(content)) {
            return Optional.empty();
        }
        for (String option : OPTIONS) {
            if (System.getProperty(option) != null) {
                return Optional.empty();
            }
        }
        // swagger-parser's loader options (DeserializationUtils.buildLoaderOptions with its default options)
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(Integer.MAX_VALUE);
        options.setAllowRecursiveKeys(true);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(3 * 1024 * 1024);
        Object loaded;
        try {
            // what Yaml.load does with them: a parser, a composer with swagger-parser's resolver, the constructor
            SafeConstructor constructor = new SafeConstructor(options);
            constructor.setAllowDuplicateKeys(options.isAllowDuplicateKeys());
            constructor.setWarnOnDuplicateKeys(options.isWarnOnDuplicateKeys());
            constructor.setWrappedToRootException(options.isWrappedToRootException());
            constructor.setComposer(new Composer(new ParserImpl(new StreamReader(content), options),
                    new DeserializationUtils.CustomResolver(), options));
            loaded = constructor.getSingleData(Object.class);
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
        if (!(loaded instanceof Map<?, ?>)) {
            return Optional.empty();
        }
        try {
            return Optional.of(node(loaded, 0, new IdentityHashMap<>()));
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    /** Whether swagger-parser reads {@code content} as JSON: its first character but white space is a brace. */
    private static boolean json(String content) {
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) > ' ') {
                return content.charAt(i) == '{';
            }
        }
        return false;
    }

    /** The tree the JSON text of {@code value} reads back as. */
    private static JsonNode node(Object value, int depth, IdentityHashMap<Object, Boolean> seen)
            throws Unsupported {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String text) {
            if (text.length() > MAX_STRING) {
                throw new Unsupported();
            }
            return NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return integer(value);
        }
        if (value instanceof Double number) {
            if (!Double.isFinite(number)) {
                throw new Unsupported(); // written as a string
            }
            return NODES.numberNode(number.doubleValue());
        }
        if (depth >= MAX_DEPTH || seen.put(value, Boolean.TRUE) != null) {
            throw new Unsupported(); // too deep, or an alias: swagger-parser checks its limits and cycles
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String name = name(entry.getKey());
                if (object.has(name)) {
                    throw new Unsupported(); // 200 and '200': one name written twice in the JSON text
                }
                object.set(name, node(entry.getValue(), depth + 1, seen));
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            for (Object item : list) {
                array.add(node(item, depth + 1, seen));
            }
            return array;
        }
        throw new Unsupported();
    }

    /**
     * A mapping's key as Jackson writes it as a field name: a string as it is, an integer (a response code
     * written {@code 200:}) or a boolean as its text; another key is left to swagger-parser.
     */
    private static String name(Object key) throws Unsupported {
        String name;
        if (key instanceof String text) {
            name = text;
        } else if (key instanceof Integer || key instanceof Long || key instanceof BigInteger
                || key instanceof Boolean) {
            name = key.toString();
        } else {
            throw new Unsupported();
        }
        if (name.length() > MAX_NAME) {
            throw new Unsupported();
        }
        return name;
    }

    /** An integer as Jackson reads its digits back: an int, a long or a big integer, by its value. */
    private static JsonNode integer(Object value) throws Unsupported {
        BigInteger big = value instanceof BigInteger b ? b : BigInteger.valueOf(((Number) value).longValue());
        if (big.bitLength() < Integer.SIZE) {
            return NODES.numberNode(big.intValue());
        }
        if (big.bitLength() < Long.SIZE) {
            return NODES.numberNode(big.longValue());
        }
        if (big.bitLength() > MAX_BITS) {
            throw new Unsupported();
        }
        return NODES.numberNode(big);
    }
}
