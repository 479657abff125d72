package org.everyoneserves.shadowing.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.everyoneserves.people.Department;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.web.Messages;
import org.everyoneserves.security.CurrentUser;
import org.everyoneserves.shadowing.ShadowingService;

/** /learner/ideas.xhtml: the ideas a person raised, with what became of them, and a form to raise another. */
@Named
@ViewScoped
public class IdeasBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ShadowingService shadowing;

    @Inject
    transient PersonService people;

    @Inject
    transient CurrentUser currentUser;

    private List<ShadowingService.IdeaView> ideas;
    private String title;
    private String description;
    private Long departmentId;

    public List<ShadowingService.IdeaView> getIdeas() {
        if (ideas == null) {
            ideas = shadowing.myIdeas(currentUser.caller());
        }
        return ideas;
    }

    public String raise() {
        try {
            shadowing.raise(currentUser.caller(), new ShadowingService.IdeaRequest(title, description, departmentId));
        } catch (BusinessException e) {
            String field = switch (e.code()) {
                case "ideas.error.title" -> "raise:title";
                case "ideas.error.description" -> "raise:description";
                case "ideas.error.department" -> "raise:department";
                default -> throw e;
            };
            Messages.fieldError(field, e.code(), e.arguments().toArray());
            return null;
        }
        Messages.info("learner_ideas.message.raised");
        return "/learner/ideas.xhtml?faces-redirect=true";
    }

    public List<Department> getDepartments() {
        return people.departments();
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Long getDepartmentId() { return departmentId; }
    public void setDepartmentId(Long departmentId) { this.departmentId = departmentId; }
}
