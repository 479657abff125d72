package org.everyoneserves.progress;

import org.everyoneserves.platform.BusinessException;

/**
 * What a team overview shows: a status filter, optional department and job role, a sort, and a page.
 *
 * @param status     ALL, OVERDUE (something is past due), DUE_SOON (the next item is due within
 *                   {@link ProgressService#DUE_SOON_DAYS} days), EXPIRING (a certification runs out within
 *                   {@link ProgressService#EXPIRING_DAYS} days) or COMPLETE (everything required is done)
 * @param sort       NAME, PROGRESS (least complete first) or NEXT_DUE (soonest first)
 */
public record TeamQuery(Status status, Long departmentId, Long jobRoleId, Sort sort, int page, int size) {

    public enum Status { ALL, OVERDUE, DUE_SOON, EXPIRING, COMPLETE }

    public enum Sort { NAME, PROGRESS, NEXT_DUE }

    public static final int MAX_SIZE = 200;
    /** Far beyond any organisation's last page, and small enough that {@code page * size} cannot overflow. */
    public static final int MAX_PAGE = 1_000_000;

    public TeamQuery {
        status = status == null ? Status.ALL : status;
        sort = sort == null ? Sort.NAME : sort;
        if (page > MAX_PAGE) {
            throw new BusinessException(BusinessException.Kind.INVALID, "error.pageOutOfRange");
        }
        page = Math.max(0, page);
        size = size < 1 ? 50 : Math.min(size, MAX_SIZE);
    }

    public static TeamQuery all() {
        return new TeamQuery(Status.ALL, null, null, Sort.NAME, 0, 50);
    }
}
