package dev.arazzo.codegen.check;

import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.resolve.ResolvedOperation;
import dev.arazzo.codegen.resolve.Sources;
import java.util.Map;

/**
 * An Arazzo document that passed every check, with what the checks found out.
 *
 * @param document the document
 * @param sources the documents its source descriptions name
 * @param operations the operation each operation step calls, keyed by the step's JSON Pointer
 */
public record CheckedDocument(ArazzoDocument document, Sources sources, Map<String, ResolvedOperation> operations) {

    public CheckedDocument {
        operations = Map.copyOf(operations);
    }
}
