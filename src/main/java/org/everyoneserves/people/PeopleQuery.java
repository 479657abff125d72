package org.everyoneserves.people;

/**
 * A search over people: free text over names and e-mail, filters, a page. {@code page} counts from 0.
 *
 * @param status "active", "inactive" or null for both
 */
public record PeopleQuery(String text, Long departmentId, Long jobRoleId, String status, int page, int size) {

    public static final int MAX_SIZE = 100;

    public PeopleQuery {
        page = Math.max(page, 0);
        size = size <= 0 ? 25 : Math.min(size, MAX_SIZE);
        text = text == null || text.isBlank() ? null : text.strip();
    }
}
