/**
 * The bind stage: an Arazzo document as read ({@code load}) becomes a
 * {@link dev.arazzo.codegen.bind.BoundDocument}. Its source descriptions are read
 * ({@link dev.arazzo.codegen.bind.SourceBinder}: OpenAPI through {@code source.openapi}, Arazzo through the
 * loader), every step's operation or workflow, every dependsOn entry, action workflow and component
 * parameter is resolved, and every runtime expression, condition, regex, JSONPath and XPath is parsed, once,
 * into syntax trees that keep the JSON Pointer (and so the location) of their node. Later stages read the
 * trees; none parses again.
 */
package dev.arazzo.codegen.bind;
