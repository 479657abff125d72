package org.everyoneserves.provisioning.api;

import de.captaingoldfish.scim.sdk.server.endpoints.authorize.Authorization;
import java.util.Map;
import java.util.Set;
import org.everyoneserves.provisioning.ScimClient;

/** The provider the servlet has already recognised by its token; the SCIM library asks it nothing more. */
record ProviderAuthorization(ScimClient client) implements Authorization {

    @Override
    public String getClientId() {
        return client.name();
    }

    @Override
    public Set<String> getClientRoles() {
        return Set.of();
    }

    @Override
    public boolean authenticate(Map<String, String> httpHeaders, Map<String, String> queryParams) {
        return true;
    }
}
