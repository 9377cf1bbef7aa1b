package dev.arazzo.bench.workflow;

import dev.arazzo.bench.openapi.ApiClient;
import dev.arazzo.bench.openapi.ApiException;
import dev.arazzo.bench.openapi.api.ContactsApi;
import dev.arazzo.bench.openapi.model.DescribeContactResponse;
import dev.arazzo.bench.openapi.model.ParticipantDetails;
import dev.arazzo.bench.openapi.model.StartChatContactRequest;
import dev.arazzo.bench.openapi.model.StartChatContactResponse;
import dev.arazzo.bench.openapi.model.UpdateContactAttributesRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.UUID;

/**
 * What a Java user writes today: the workflow wired by hand on the client that openapi-generator's
 * Java {@code native} library generates from the same OpenAPI description (typed models bound by
 * reflection, one method per operation). Its generated code throws {@link ApiException} on any
 * non-2xx answer; the workflow's own checks are written here, and so is StartChatContact's idempotency
 * token ({@code ClientToken}), a random UUID per call, which the other clients send too.
 */
public final class OpenApiGeneratorWorkflow implements ChatWorkflow {

    private final ContactsApi contacts;

    public OpenApiGeneratorWorkflow(HttpClient.Builder client, URI baseUri) {
        ApiClient apiClient = new ApiClient(client, ApiClient.createDefaultObjectMapper(), baseUri.toString());
        apiClient.setReadTimeout(Duration.ofSeconds(30));
        this.contacts = new ContactsApi(apiClient);
    }

    @Override
    public Outputs run(Inputs inputs) {
        try {
            StartChatContactResponse started = contacts.startChatContact(new StartChatContactRequest()
                    .instanceId(inputs.instanceId())
                    .contactFlowId(inputs.contactFlowId())
                    .participantDetails(new ParticipantDetails().displayName(inputs.displayName()))
                    .clientToken(UUID.randomUUID().toString()));
            DescribeContactResponse contact = contacts.describeContact(inputs.instanceId(), started.getContactId());
            if (contact.getContact() == null || contact.getContact().getId() == null) {
                throw new IllegalStateException("describeContact: no Contact.Id");
            }
            contacts.updateContactAttributes(inputs.instanceId(), started.getContactId(),
                    new UpdateContactAttributesRequest().attributes(inputs.attributes()));
            return new Outputs(started.getContactId(), started.getParticipantToken(),
                    contact.getContact().getChannel().getValue());
        } catch (ApiException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
