/**
 * People, departments, job roles and reporting lines, and the CSV import. Owns the {@code person},
 * {@code department} and {@code job_role} tables; other features ask {@link org.everyoneserves.people.PersonService}
 * for records and observe its events ({@link org.everyoneserves.people.PersonDeactivated} and others). Decides who may
 * see whom ({@code maySee}, the reporting line). {@code PersonService} is the door; departments and job roles are kept by
 * {@code Organisation}, the import by {@code PeopleImport}.
 *
 * <p>May call: content (observes {@code OrganisationPublished}), platform.
 */
package org.everyoneserves.people;
