package dev.arazzo.codegen.testing;

/** An Arazzo document over {@link Documents#THINGS_OPENAPI} with a step of each kind and a criterion of each type. */
public final class LookWorkflow {

    public static final String ARAZZO = """
            arazzo: 1.0.1
            info: {title: look, version: '1'}
            sourceDescriptions: [{name: things, url: things.yaml, type: openapi}]
            workflows:
              - workflowId: look
                inputs: {type: object, properties: {id: {type: string}}}
                steps:
                  - stepId: get
                    operationId: getThing
                    parameters:
                      - {name: id, in: path, value: $inputs.id}
                      - {name: q, in: query, value: 'id {$inputs.id}'}
                      - {name: tags, in: query, value: [a, b]}
                    successCriteria:
                      - condition: $statusCode == 200
                      - {context: $response.body, condition: '^\\{', type: regex}
                      - {context: $response.body, condition: '$.parts[?@.weight > 1]', type: jsonpath}
                    onFailure:
                      - {name: again, type: retry, retryAfter: 1, retryLimit: 2}
                    outputs: {id: $response.body#/id, weight: $response.body#/parts/0/weight}
                  - stepId: sub
                    workflowId: other
                    parameters: [{name: id, value: $steps.get.outputs.id}]
                outputs: {id: $steps.get.outputs.id}
              - workflowId: other
                inputs: {type: object, properties: {id: {type: string}}}
                steps:
                  - stepId: one
                    operationPath: '{$sourceDescriptions.things.url}#/paths/~1things/post'
                    requestBody: {payload: {name: $inputs.id}}
            """;

    private LookWorkflow() {
    }
}
