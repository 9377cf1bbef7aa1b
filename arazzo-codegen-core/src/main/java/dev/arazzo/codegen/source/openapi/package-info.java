/**
 * OpenAPI 3.0, 3.1 and Swagger 2.0 sources, read with swagger-parser and seen through the
 * {@code dev.arazzo.codegen.source} views; the only package that uses swagger-parser's types.
 */
package dev.arazzo.codegen.source.openapi;
