package org.everyoneserves.provisioning.api;

import static org.everyoneserves.provisioning.api.ScimCalls.call;
import static org.everyoneserves.provisioning.api.ScimCalls.client;

import de.captaingoldfish.scim.sdk.common.constants.ScimType;
import de.captaingoldfish.scim.sdk.common.constants.enums.Comparator;
import de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder;
import de.captaingoldfish.scim.sdk.common.exceptions.BadRequestException;
import de.captaingoldfish.scim.sdk.common.exceptions.ResourceNotFoundException;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.resources.complex.Meta;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.Member;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceHandler;
import de.captaingoldfish.scim.sdk.server.filter.AttributeExpressionLeaf;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.everyoneserves.provisioning.ProvisionedGroup;
import org.everyoneserves.provisioning.ProvisioningService;
import org.everyoneserves.provisioning.ScimClient;

/**
 * SCIM Groups over the departments or the job roles, as the provider's admin chose when making its token. The id is
 * the department's or job role's id; members are the active people in it. Adding a member moves the person there;
 * removing one leaves them without a department (or job role).
 */
class GroupHandler extends ResourceHandler<Group> {

    private final ProvisioningService provisioning;

    GroupHandler(ProvisioningService provisioning) {
        this.provisioning = provisioning;
    }

    @Override
    public Group createResource(Group group, Context context) {
        ScimClient client = client(context);
        return toGroup(call(() -> provisioning.createGroup(client, group.getDisplayName().orElse(null), members(group))));
    }

    @Override
    public Group getResource(String id, List<SchemaAttribute> attributes, List<SchemaAttribute> excludedAttributes, Context context) {
        return provisioning.group(client(context), ScimCalls.id(id, "Group")).map(GroupHandler::toGroup)
                .orElseThrow(() -> new ResourceNotFoundException("Group '" + id + "' does not exist"));
    }

    @Override
    public PartialListResponse<Group> listResources(long startIndex, int count, FilterNode filter, SchemaAttribute sortBy, SortOrder sortOrder,
                                                    List<SchemaAttribute> attributes, List<SchemaAttribute> excludedAttributes,
                                                    Context context) {
        boolean withMembers = excludedAttributes.stream().noneMatch(a -> "members".equals(a.getName()));
        List<ProvisionedGroup> all = provisioning.groups(client(context), withMembers);
        if (filter != null) {
            if (!(filter instanceof AttributeExpressionLeaf leaf) || leaf.getComparator() != Comparator.EQ
                    || !("displayName".equals(leaf.getAttributeName()) || "id".equals(leaf.getAttributeName()))) {
                throw new BadRequestException("Only the filters displayName eq and id eq are supported", ScimType.RFC7644.INVALID_FILTER);
            }
            String value = leaf.getValue();
            all = all.stream().filter(g -> "id".equals(leaf.getAttributeName()) ? String.valueOf(g.id()).equals(value)
                    : g.name().equalsIgnoreCase(value)).toList();
        }
        int from = (int) Math.min(all.size(), Math.max(0, startIndex - 1));
        int to = Math.min(all.size(), from + Math.max(0, count));
        return PartialListResponse.<Group>builder().resources(all.subList(from, to).stream().map(GroupHandler::toGroup).toList())
                .totalResults(all.size()).build();
    }

    @Override
    public Group updateResource(Group group, Context context) {
        ScimClient client = client(context);
        long id = ScimCalls.id(group.getId().orElse(null), "Group");
        return toGroup(call(() -> provisioning.replaceGroup(client, id, group.getDisplayName().orElse(null), members(group))));
    }

    @Override
    public void deleteResource(String id, Context context) {
        ScimClient client = client(context);
        long groupId = ScimCalls.id(id, "Group");
        ScimCalls.run(() -> provisioning.deleteGroup(client, groupId));
    }

    private static Set<Long> members(Group group) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Member member : group.getMembers()) {
            String value = member.getValue().orElse("");
            try {
                ids.add(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                throw new BadRequestException("Member '" + value + "' is not the id of a User here", ScimType.RFC7644.INVALID_VALUE);
            }
        }
        return ids;
    }

    private static Group toGroup(ProvisionedGroup group) {
        return Group.builder()
                .id(String.valueOf(group.id()))
                .displayName(group.name())
                .members(group.members().stream().map(id -> Member.builder().value(String.valueOf(id)).type("User").build()).toList())
                .meta(Meta.builder().resourceType("Group").build())
                .build();
    }
}
