package org.everyoneserves.content;

import java.util.List;

/**
 * An import published the departments and job roles that the content is written for ({@code roles.yaml}). Fired in
 * the import's transaction; {@code people} creates the ones the organisation does not have yet.
 */
public record OrganisationPublished(List<Unit> departments, List<Role> roles) {

    public record Unit(String code, String name) {
    }

    /** @param department the department's code, null if none */
    public record Role(String code, String name, String department) {
    }
}
