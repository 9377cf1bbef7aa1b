package dev.arazzo.codegen.load;

import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.keyword.KeywordType;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema draft 2020-12 dialect the Arazzo schemas are checked in: the validator's own, with its
 * keywords and vocabularies, but without its format validators. The draft's vocabularies make {@code format} an
 * annotation, so no validator of a format ever runs, and the validator's table of them (e-mail, host and IRI
 * checkers with their top-level domain lists, date-time parsers) would only be built for nothing in every
 * generation. {@code SchemaDialectTest} holds it to the validator's dialect.
 */
final class SchemaDialect {

    static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    /** The vocabularies the validator's draft 2020-12 dialect declares, each required. */
    static final Map<String, Boolean> VOCABULARIES = Map.of(
            "https://json-schema.org/draft/2020-12/vocab/core", true,
            "https://json-schema.org/draft/2020-12/vocab/applicator", true,
            "https://json-schema.org/draft/2020-12/vocab/unevaluated", true,
            "https://json-schema.org/draft/2020-12/vocab/validation", true,
            "https://json-schema.org/draft/2020-12/vocab/meta-data", true,
            "https://json-schema.org/draft/2020-12/vocab/format-annotation", true,
            "https://json-schema.org/draft/2020-12/vocab/content", true);

    private SchemaDialect() {
    }

    /** Draft 2020-12 with no format validator: {@code format} is read as the annotation the draft makes it. */
    static Dialect draft202012() {
        return Dialect.builder(DRAFT_2020_12)
                .specificationVersion(SpecificationVersion.DRAFT_2020_12)
                .idKeyword("$id")
                .keywords(KeywordType.getKeywords(SpecificationVersion.DRAFT_2020_12))
                .keywords(List.of(new NonValidationKeyword("definitions")))
                .vocabularies(VOCABULARIES)
                .build();
    }
}
