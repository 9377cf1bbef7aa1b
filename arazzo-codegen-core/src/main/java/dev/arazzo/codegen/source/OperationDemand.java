package dev.arazzo.codegen.source;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the workflows of one Arazzo document name in its OpenAPI sources, so a source can be read for those
 * operations alone: the steps' {@code operationId}s (as written, plain or
 * {@code $sourceDescriptions.<name>.<operationId>}) and {@code operationPath}s (as written). {@link #everything()}
 * asks for the whole document.
 *
 * @param operationIds the steps' operationIds, as written
 * @param operationPaths the steps' operationPaths, as written
 * @param all whether every operation is wanted (no pruning)
 */
public record OperationDemand(Set<String> operationIds, Set<String> operationPaths, boolean all) {

    public OperationDemand {
        operationIds = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(operationIds));
        operationPaths = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(operationPaths));
    }

    /** The whole document: every operation, every component. */
    public static OperationDemand everything() {
        return new OperationDemand(Set.of(), Set.of(), true);
    }

    /** The operations named by {@code operationIds} and {@code operationPaths}, as the steps write them. */
    public static OperationDemand of(Set<String> operationIds, Set<String> operationPaths) {
        return new OperationDemand(operationIds, operationPaths, false);
    }
}
