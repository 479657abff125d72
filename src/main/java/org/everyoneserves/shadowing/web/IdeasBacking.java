package org.everyoneserves.shadowing.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import java.io.Serializable;
import java.util.List;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.web.FieldErrors;
import org.everyoneserves.platform.web.Messages;
import org.everyoneserves.shadowing.ShadowingService;

/** /learner/ideas.xhtml: the ideas a person raised, with what became of them, and a form to raise another. */
@Named
@ViewScoped
public class IdeasBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ShadowingService shadowing;

    @Inject
    Provider<Caller> caller;

    private List<ShadowingService.IdeaView> ideas;
    private String title;
    private String description;
    private Long departmentId;

    public List<ShadowingService.IdeaView> getIdeas() {
        if (ideas == null) {
            ideas = shadowing.myIdeas(caller.get());
        }
        return ideas;
    }

    public String raise() {
        try {
            shadowing.raise(caller.get(), new ShadowingService.IdeaRequest(title, description, departmentId));
        } catch (BusinessException e) {
            FieldErrors.of(e)
                    .on("raise:title", "ideas.error.title")
                    .on("raise:description", "ideas.error.description")
                    .on("raise:department", "ideas.error.department")
                    .show();
            return null;
        }
        Messages.info("learner_ideas.message.raised");
        return "/learner/ideas.xhtml?faces-redirect=true";
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Long getDepartmentId() { return departmentId; }
    public void setDepartmentId(Long departmentId) { this.departmentId = departmentId; }
}
