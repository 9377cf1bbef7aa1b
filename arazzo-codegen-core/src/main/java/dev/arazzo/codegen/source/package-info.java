/**
 * What the generator knows of an API description, whatever its kind: {@link dev.arazzo.codegen.source.ApiSource}
 * with its {@link dev.arazzo.codegen.source.OperationView operations},
 * {@link dev.arazzo.codegen.source.ParameterView parameters} (location, style, explode, allowReserved),
 * {@link dev.arazzo.codegen.source.SchemaView schemas} and security schemes. Shared vocabulary below every
 * stage: a parser's own types (swagger-parser's for OpenAPI) stay in the package that implements these views,
 * so another kind of source (AsyncAPI) is another such package.
 */
package dev.arazzo.codegen.source;
