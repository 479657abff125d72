package org.everyoneserves.shadowing.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.web.FieldErrors;
import org.everyoneserves.platform.web.Messages;
import org.everyoneserves.shadowing.Friction;
import org.everyoneserves.shadowing.ShadowingService;

/**
 * /learner/shadowing.xhtml?id=guide: the guide, the shadow's booking (calendar, move, cancel), slots to book, the
 * reflection form once the session has started, and past sessions.
 */
@Named
@ViewScoped
public class ShadowingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ShadowingService shadowing;

    @Inject
    Provider<Caller> caller;

    private String id;
    private ShadowingService.GuideView guide;
    private final List<String> answers = new ArrayList<>();
    private String takeaway;
    private List<String> frictions = new ArrayList<>();
    private String ideaTitle;
    private String ideaDescription;
    private Long ideaDepartment;

    public void load() {
        guide = shadowing.guide(caller.get(), id == null ? "" : id);
        answers.clear();
        guide.questions().forEach(q -> answers.add(""));
    }

    public String book(long slotId) {
        shadowing.book(caller.get(), id, slotId);
        Messages.info("learner_shadowing.message.booked");
        return self();
    }

    public String move(long slotId) {
        shadowing.move(caller.get(), guide.booking().id(), slotId);
        Messages.info("learner_shadowing.message.moved");
        return self();
    }

    public String cancel() {
        shadowing.cancel(caller.get(), guide.booking().id());
        Messages.info("learner_shadowing.message.cancelled");
        return self();
    }

    public String reflect() {
        boolean idea = !blank(ideaTitle) || !blank(ideaDescription) || ideaDepartment != null;
        Set<Friction> tagged = EnumSet.noneOf(Friction.class);
        frictions.forEach(f -> tagged.add(Friction.valueOf(f)));
        List<ShadowingService.IdeaRequest> ideas = idea
                ? List.of(new ShadowingService.IdeaRequest(ideaTitle, ideaDescription, ideaDepartment)) : List.of();
        try {
            shadowing.reflect(caller.get(), guide.booking().id(), answers, takeaway, tagged, ideas);
        } catch (BusinessException e) {
            FieldErrors.of(e)
                    .on(arguments -> "reflection:answers:" + (((Number) arguments.get(0)).intValue() - 1) + ":answer",
                            "shadowing.error.answerMissing", "shadowing.error.answerTooLong")
                    .on("reflection:takeaway", "shadowing.error.takeawayMissing", "shadowing.error.takeawayTooLong")
                    .on("reflection:ideaTitle", "ideas.error.title")
                    .on("reflection:ideaDescription", "ideas.error.description")
                    .on("reflection:ideaDepartment", "ideas.error.department")
                    .show();
            return null;
        }
        Messages.info("learner_shadowing.message.reflected");
        return self();
    }

    private String self() {
        return "/learner/shadowing.xhtml?faces-redirect=true&id=" + id;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public List<Friction> getFrictionChoices() {
        return List.of(Friction.values());
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public ShadowingService.GuideView getGuide() { return guide; }
    public List<String> getAnswers() { return answers; }
    public String getTakeaway() { return takeaway; }
    public void setTakeaway(String takeaway) { this.takeaway = takeaway; }
    public List<String> getFrictions() { return frictions; }
    public void setFrictions(List<String> frictions) { this.frictions = frictions; }
    public String getIdeaTitle() { return ideaTitle; }
    public void setIdeaTitle(String ideaTitle) { this.ideaTitle = ideaTitle; }
    public String getIdeaDescription() { return ideaDescription; }
    public void setIdeaDescription(String ideaDescription) { this.ideaDescription = ideaDescription; }
    public Long getIdeaDepartment() { return ideaDepartment; }
    public void setIdeaDepartment(Long ideaDepartment) { this.ideaDepartment = ideaDepartment; }
}
