package org.everyoneserves.progress.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.everyoneserves.progress.TeamQuery;

/** Team queries to and from request parameters: unknown values fall back to the defaults instead of failing. */
final class TeamQueries {

    private TeamQueries() {
    }

    static TeamQuery.Status status(String value) {
        try {
            return value == null || value.isBlank() ? TeamQuery.Status.ALL : TeamQuery.Status.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return TeamQuery.Status.ALL;
        }
    }

    static TeamQuery.Sort sort(String value) {
        try {
            return value == null || value.isBlank() ? TeamQuery.Sort.NAME : TeamQuery.Sort.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return TeamQuery.Sort.NAME;
        }
    }

    static Long id(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static TeamQuery from(HttpServletRequest request, int size) {
        Long page = id(request.getParameter("page"));
        return new TeamQuery(status(request.getParameter("status")), id(request.getParameter("department")), id(request.getParameter("role")),
                sort(request.getParameter("sort")), page == null ? 0 : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, page)), size);
    }

    static String queryString(TeamQuery query) {
        StringBuilder link = new StringBuilder("?status=").append(query.status()).append("&sort=").append(query.sort());
        if (query.departmentId() != null) {
            link.append("&department=").append(query.departmentId());
        }
        if (query.jobRoleId() != null) {
            link.append("&role=").append(query.jobRoleId());
        }
        if (query.page() > 0) {
            link.append("&page=").append(query.page());
        }
        return link.toString();
    }
}
