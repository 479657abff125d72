package org.everyoneserves.progress.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.progress.ProgressService;
import org.everyoneserves.progress.TeamPage;
import org.everyoneserves.progress.TeamQuery;

/**
 * /manager/index.xhtml?status=&amp;department=&amp;role=&amp;sort=&amp;page=: the manager's team with everyone's progress,
 * filtered, sorted and paged by the parameters (so a view can be bookmarked and exported as it is).
 */
@Named
@RequestScoped
public class TeamOverviewBacking {

    @Inject
    ProgressService progress;

    @Inject
    Caller caller;

    private String status;
    private Long department;
    private Long role;
    private String sort;
    private Integer page;
    private TeamPage team;

    public TeamQuery query() {
        return new TeamQuery(TeamQueries.status(status), department, role, TeamQueries.sort(sort), page == null ? 0 : page, 50);
    }

    /** A page number past {@link TeamQuery#MAX_PAGE} is a bad link: 400, not a page computed from an overflow. */
    public void refuseUnknownPage() throws IOException {
        if (page != null && page > TeamQuery.MAX_PAGE) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(HttpServletResponse.SC_BAD_REQUEST, null);
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public TeamPage getTeam() {
        if (team == null) {
            team = progress.team(caller, query());
        }
        return team;
    }

    /** The query string of this view, with another status or page, for links. */
    public String link(String newStatus, Integer newPage) {
        return TeamQueries.queryString(new TeamQuery(TeamQueries.status(newStatus), department, role, TeamQueries.sort(sort),
                newPage == null ? 0 : newPage, 50));
    }

    public String getExportLink() {
        return TeamQueries.queryString(query());
    }

    public List<TeamQuery.Status> getStatuses() {
        return List.of(TeamQuery.Status.values());
    }

    public List<TeamQuery.Sort> getSorts() {
        return List.of(TeamQuery.Sort.values());
    }

    public long count(TeamQuery.Status s) {
        TeamPage.Counts c = getTeam().counts();
        return switch (s) {
            case ALL -> c.all();
            case OVERDUE -> c.overdue();
            case DUE_SOON -> c.dueSoon();
            case EXPIRING -> c.expiring();
            case COMPLETE -> c.complete();
        };
    }

    public String getStatus() { return query().status().name(); }
    public void setStatus(String status) { this.status = status; }
    public Long getDepartment() { return department; }
    public void setDepartment(Long department) { this.department = department; }
    public Long getRole() { return role; }
    public void setRole(Long role) { this.role = role; }
    public String getSort() { return query().sort().name(); }
    public void setSort(String sort) { this.sort = sort; }
    public Integer getPage() { return page; }
    public void setPage(Integer page) { this.page = page; }
}
