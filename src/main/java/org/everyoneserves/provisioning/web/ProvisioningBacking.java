package org.everyoneserves.provisioning.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.everyoneserves.platform.AppConfig;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.web.Messages;
import org.everyoneserves.provisioning.GroupTarget;
import org.everyoneserves.provisioning.ProviderSummary;
import org.everyoneserves.provisioning.ProvisioningService;

/** /admin/provisioning.xhtml: the identity providers that may provision people over SCIM, and their tokens. */
@Named
@RequestScoped
public class ProvisioningBacking {

    @Inject
    ProvisioningService provisioning;

    @Inject
    Caller caller;

    @Inject
    AppConfig config;

    private String name;
    private GroupTarget groupTarget = GroupTarget.DEPARTMENT;
    private ProvisioningService.IssuedToken issued;
    private List<ProviderSummary> providers;

    /** Makes the provider and shows its token on this response only: it is stored as a hash and never shown again. */
    public String create() {
        issued = provisioning.createProvider(caller, name, groupTarget);
        providers = null;
        name = null;
        return null;
    }

    public String revoke(long id) {
        provisioning.revokeProvider(caller, id);
        Messages.info("admin_provisioning.message.revoked");
        return "/admin/provisioning.xhtml?faces-redirect=true";
    }

    public List<ProviderSummary> getProviders() {
        if (providers == null) {
            providers = provisioning.providers(caller);
        }
        return providers;
    }

    /** Where the provider sends its requests: the public address when one is set, else this request's own. */
    public String getScimUrl() {
        String base = config.publicUrl();
        if (base.isEmpty()) {
            var request = (jakarta.servlet.http.HttpServletRequest) jakarta.faces.context.FacesContext.getCurrentInstance()
                    .getExternalContext().getRequest();
            base = request.getRequestURL().substring(0, request.getRequestURL().length() - request.getRequestURI().length())
                    + request.getContextPath();
        }
        return base.replaceAll("/+$", "") + "/scim/v2";
    }

    public GroupTarget[] getGroupTargets() {
        return GroupTarget.values();
    }

    public ProvisioningService.IssuedToken getIssued() { return issued; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public GroupTarget getGroupTarget() { return groupTarget; }
    public void setGroupTarget(GroupTarget groupTarget) { this.groupTarget = groupTarget; }
}
