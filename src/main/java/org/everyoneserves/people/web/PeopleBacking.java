package org.everyoneserves.people.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.everyoneserves.people.PeoplePage;
import org.everyoneserves.people.PeopleQuery;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.Caller;

/** /admin/people.xhtml: search, filter and page through everyone. The query lives in the URL, so it can be shared. */
@Named
@RequestScoped
public class PeopleBacking {

    @Inject
    PersonService people;

    @Inject
    Caller caller;

    private String q;
    private Long department;
    private Long role;
    private String status = "active";
    private int page;
    private PeoplePage result;

    public PeoplePage getResult() {
        if (result == null) {
            result = people.search(caller, new PeopleQuery(q, department, role, status, page, 25));
        }
        return result;
    }

    /** The address of another page of the same search. */
    public String pageLink(int target) {
        StringBuilder link = new StringBuilder("/admin/people.xhtml?page=").append(target);
        if (q != null) {
            link.append("&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        if (department != null) {
            link.append("&department=").append(department);
        }
        if (role != null) {
            link.append("&role=").append(role);
        }
        if (status != null) {
            link.append("&status=").append(URLEncoder.encode(status, StandardCharsets.UTF_8));
        }
        return link.toString();
    }

    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public Long getDepartment() { return department; }
    public void setDepartment(Long department) { this.department = department; }
    public Long getRole() { return role; }
    public void setRole(Long role) { this.role = role; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = page; }
}
