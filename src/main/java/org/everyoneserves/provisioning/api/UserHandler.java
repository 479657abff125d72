package org.everyoneserves.provisioning.api;

import static org.everyoneserves.provisioning.api.ScimCalls.call;
import static org.everyoneserves.provisioning.api.ScimCalls.client;

import de.captaingoldfish.scim.sdk.common.constants.ScimType;
import de.captaingoldfish.scim.sdk.common.constants.enums.Comparator;
import de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder;
import de.captaingoldfish.scim.sdk.common.exceptions.BadRequestException;
import de.captaingoldfish.scim.sdk.common.exceptions.ResourceNotFoundException;
import de.captaingoldfish.scim.sdk.common.resources.EnterpriseUser;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.resources.complex.Manager;
import de.captaingoldfish.scim.sdk.common.resources.complex.Meta;
import de.captaingoldfish.scim.sdk.common.resources.complex.Name;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.Email;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceHandler;
import de.captaingoldfish.scim.sdk.server.filter.AttributeExpressionLeaf;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;
import java.util.List;
import java.util.Optional;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.provisioning.PersonChange;
import org.everyoneserves.provisioning.ProvisionedPerson;
import org.everyoneserves.provisioning.ProvisioningService;
import org.everyoneserves.provisioning.ScimClient;

/**
 * SCIM Users over people. The id is the person's id; {@code userName} is their e-mail; {@code name.givenName} and
 * {@code name.familyName} are required; the enterprise extension's {@code department} (a department's name or code)
 * and {@code manager.value} (the manager's id) place them; group membership is read on the Groups. The
 * library applies a PATCH to the stored resource and hands the result here as a replacement.
 */
class UserHandler extends ResourceHandler<User> {

    private final ProvisioningService provisioning;

    UserHandler(ProvisioningService provisioning) {
        this.provisioning = provisioning;
    }

    @Override
    public User createResource(User user, Context context) {
        ScimClient client = client(context);
        return toUser(call(() -> provisioning.createPerson(client, change(user))));
    }

    @Override
    public User getResource(String id, List<SchemaAttribute> attributes, List<SchemaAttribute> excludedAttributes, Context context) {
        return provisioning.person(ScimCalls.id(id, "User")).map(p -> toUser(p))
                .orElseThrow(() -> new ResourceNotFoundException("User '" + id + "' does not exist"));
    }

    @Override
    public PartialListResponse<User> listResources(long startIndex, int count, FilterNode filter, SchemaAttribute sortBy, SortOrder sortOrder,
                                                   List<SchemaAttribute> attributes, List<SchemaAttribute> excludedAttributes,
                                                   Context context) {
        if (filter != null) {
            List<User> found = match(filter).map(p -> toUser(p)).stream().toList();
            return PartialListResponse.<User>builder().resources(startIndex > 1 || count == 0 ? List.of() : found)
                    .totalResults(found.size()).build();
        }
        List<User> page = provisioning.people((int) Math.max(0, startIndex - 1), count).stream().map(p -> toUser(p)).toList();
        return PartialListResponse.<User>builder().resources(page).totalResults(provisioning.countPeople()).build();
    }

    /** The filters identity providers send to find a person: {@code userName eq}, {@code externalId eq}, {@code id eq}. */
    private Optional<ProvisionedPerson> match(FilterNode filter) {
        if (filter instanceof AttributeExpressionLeaf leaf && leaf.getComparator() == Comparator.EQ && leaf.getValue() != null) {
            String value = leaf.getValue();
            switch (leaf.getAttributeName()) {
                case "userName" -> {
                    return provisioning.personByEmail(value);
                }
                case "externalId" -> {
                    return provisioning.personByExternalId(value);
                }
                case "id" -> {
                    try {
                        return provisioning.person(Long.parseLong(value));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
                default -> { }
            }
        }
        throw new BadRequestException("Only the filters userName eq, externalId eq and id eq are supported", ScimType.RFC7644.INVALID_FILTER);
    }

    @Override
    public User updateResource(User user, Context context) {
        ScimClient client = client(context);
        long id = ScimCalls.id(user.getId().orElse(null), "User");
        return toUser(call(() -> provisioning.replacePerson(client, id, change(user))));
    }

    @Override
    public void deleteResource(String id, Context context) {
        ScimClient client = client(context);
        long personId = ScimCalls.id(id, "User");
        ScimCalls.run(() -> provisioning.deactivatePerson(client, personId));
    }

    static PersonChange change(User user) {
        String email = user.getUserName().filter(u -> u.contains("@"))
                .or(() -> user.getEmails().stream().filter(Email::isPrimary).findFirst().flatMap(Email::getValue))
                .or(() -> user.getEmails().stream().findFirst().flatMap(Email::getValue))
                .orElseThrow(() -> new BadRequestException("userName must be the person's e-mail, or emails must hold one",
                        ScimType.RFC7644.INVALID_VALUE));
        Optional<Name> name = user.getName();
        String given = name.flatMap(Name::getGivenName).orElse(null);
        String family = name.flatMap(Name::getFamilyName).orElse(null);
        if (isBlank(given) || isBlank(family)) {
            String display = user.getDisplayName().map(String::strip).orElse("");
            int space = display.lastIndexOf(' ');
            if (space <= 0) {
                throw new BadRequestException("name.givenName and name.familyName are required", ScimType.RFC7644.INVALID_VALUE);
            }
            given = isBlank(given) ? display.substring(0, space) : given;
            family = isBlank(family) ? display.substring(space + 1) : family;
        }
        Optional<EnterpriseUser> enterprise = user.getEnterpriseUser();
        Long manager = null;
        if (enterprise.flatMap(EnterpriseUser::getManager).flatMap(Manager::getValue).filter(v -> !v.isBlank()).isPresent()) {
            String value = enterprise.get().getManager().get().getValue().get();
            try {
                manager = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new BadRequestException("manager.value '" + value + "' is not the id of a User here", ScimType.RFC7644.INVALID_VALUE);
            }
        }
        return new PersonChange(email, given, family, user.isActive().orElse(null), user.getExternalId().orElse(null),
                enterprise.isPresent(), enterprise.flatMap(EnterpriseUser::getDepartment).orElse(null), manager,
                user.getPreferredLanguage().or(user::getLocale).orElse(null));
    }

    static User toUser(ProvisionedPerson provisioned) {
        PersonSummary p = provisioned.person();
        User user = User.builder()
                .id(String.valueOf(p.id()))
                .externalId(provisioned.externalId())
                .userName(p.email())
                .name(Name.builder().givenName(p.firstName()).familyName(p.lastName()).formatted(p.displayName()).build())
                .displayName(p.displayName())
                .active(p.active())
                .preferredLanguage(p.locale())
                .emails(List.of(Email.builder().value(p.email()).type("work").primary(true).build()))
                .meta(Meta.builder().resourceType("User").build())
                .build();
        if (p.department() != null || p.managerId() != null) {
            EnterpriseUser enterprise = EnterpriseUser.builder().department(p.department()).build();
            if (p.managerId() != null) {
                enterprise.setManager(Manager.builder().value(String.valueOf(p.managerId())).displayName(p.manager()).build());
            }
            user.setEnterpriseUser(enterprise);
        }
        return user;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
