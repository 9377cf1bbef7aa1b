package dev.arazzo.bench.workflow;

import com.example.connect.StartChatAndSetAttributesWorkflow;
import java.net.URI;
import java.net.http.HttpClient;

/**
 * The class arazzo-codegen generates for the seed workflow (the sample project's
 * {@link StartChatAndSetAttributesWorkflow}), with its {@code run}: the subject of the benchmark.
 */
public final class ArazzoGeneratedWorkflow implements ChatWorkflow {

    private final StartChatAndSetAttributesWorkflow workflow;

    public ArazzoGeneratedWorkflow(HttpClient client, URI baseUri) {
        this.workflow = StartChatAndSetAttributesWorkflow.builder().baseUri(baseUri).httpClient(client).build();
    }

    @Override
    public Outputs run(Inputs inputs) {
        StartChatAndSetAttributesWorkflow.Outputs outputs = workflow.run(StartChatAndSetAttributesWorkflow.Inputs.builder()
                .instanceId(inputs.instanceId())
                .contactFlowId(inputs.contactFlowId())
                .displayName(inputs.displayName())
                .attributes(inputs.attributes())
                .build());
        return new Outputs(outputs.contactId(), outputs.participantToken(), outputs.channel());
    }
}
