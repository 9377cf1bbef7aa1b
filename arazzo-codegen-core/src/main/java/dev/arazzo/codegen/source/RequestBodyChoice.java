package dev.arazzo.codegen.source;

import java.util.List;
import java.util.Optional;

/**
 * Which of an operation's request body media types a step sends, and the {@code Content-Type} it sends:
 * the step's {@code contentType} when it gives one (a type the operation declares, or one inside a range
 * it declares such as {@code text/*}), else the operation's only type, else its first JSON type. The check
 * stage reports the choices that fail; the model stage builds the body from the one that holds.
 */
public sealed interface RequestBodyChoice {

    /**
     * A media type chosen.
     *
     * @param declared the declaration it matches (schema, encodings), or null when the operation declares no
     *     request body
     * @param contentType the {@code Content-Type} sent (without a multipart boundary)
     */
    record Chosen(MediaTypeView declared, String contentType) implements RequestBodyChoice {

        /** How the body is written. */
        public MediaKind kind() {
            return MediaKind.of(contentType);
        }
    }

    /** The step's {@code contentType} is no type the operation declares, nor inside a range it declares. */
    record Undeclared(String requested) implements RequestBodyChoice {
    }

    /** The step's {@code contentType}, or the operation's only type, is a range; no request can have it. */
    record Range(String range) implements RequestBodyChoice {
    }

    /** The operation declares several types, none JSON, and the step gives no {@code contentType}. */
    record Ambiguous() implements RequestBodyChoice {
    }

    /**
     * The choice for a step that sends a body to {@code operation}.
     *
     * @param operation the operation called
     * @param requested the step's {@code requestBody.contentType}, or null
     * @return the choice
     */
    static RequestBodyChoice of(OperationView operation, String requested) {
        List<MediaTypeView> declared = operation.requestMediaTypes();
        if (requested != null) {
            if (MediaKind.isRange(requested)) {
                return new Range(requested);
            }
            if (declared.isEmpty()) {
                return new Chosen(null, requested);
            }
            Optional<MediaTypeView> exact = declared.stream()
                    .filter(media -> MediaKind.base(media.name()).equals(MediaKind.base(requested))).findFirst();
            Optional<MediaTypeView> match = exact.isPresent() ? exact
                    : declared.stream().filter(media -> MediaKind.includes(media.name(), requested)).findFirst();
            return match.<RequestBodyChoice>map(media -> new Chosen(media, requested))
                    .orElseGet(() -> new Undeclared(requested));
        }
        if (declared.isEmpty()) {
            return new Chosen(null, "application/json");
        }
        if (declared.size() == 1) {
            MediaTypeView only = declared.get(0);
            if (MediaKind.isRange(only.name())) {
                return MediaKind.base(only.name()).equals("*/*") ? new Chosen(only, "application/json")
                        : new Range(only.name());
            }
            return new Chosen(only, only.name());
        }
        return declared.stream().filter(media -> !MediaKind.isRange(media.name()) && media.kind() == MediaKind.JSON)
                .findFirst().<RequestBodyChoice>map(media -> new Chosen(media, media.name()))
                .orElseGet(Ambiguous::new);
    }
}
