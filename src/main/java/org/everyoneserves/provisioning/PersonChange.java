package org.everyoneserves.provisioning;

/**
 * What an identity provider says about a person. The department and the manager are taken only when it sends the
 * enterprise extension ({@code organisationGiven}); without it, they stay as they are. The job role is never part
 * of a person: it comes from group membership when the provider's groups are job roles.
 *
 * @param active     null keeps the person as they are
 * @param externalId null keeps the one stored
 * @param department a department's name or code; blank means none
 * @param managerId  the manager's SCIM id (person id); null means none
 * @param locale     a language tag such as "de-DE"; null keeps the person's language
 */
public record PersonChange(String email, String firstName, String lastName, Boolean active, String externalId,
                           boolean organisationGiven, String department, Long managerId, String locale) {
}
