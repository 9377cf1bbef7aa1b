/**
 * AsyncAPI 3.0 sources, read with Jackson (no Java AsyncAPI parser is available to the build): servers,
 * channels with their addresses and parameters, operations with their action and reply, messages with
 * their headers, payload and {@code correlationId}; schemas seen through
 * {@link dev.arazzo.codegen.source.SchemaView}. Every node keeps its line and column in the AsyncAPI file.
 */
package dev.arazzo.codegen.source.asyncapi;
