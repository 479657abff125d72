package org.everyoneserves.shadowing.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.web.FieldErrors;
import org.everyoneserves.platform.web.Messages;
import org.everyoneserves.shadowing.Idea;
import org.everyoneserves.shadowing.ShadowingService;

/**
 * /manager/ideas.xhtml: the ideas routed to the manager's department, by status; a manager moves each on with an
 * answer that the person who raised it will read.
 */
@Named
@ViewScoped
public class IdeaBoardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ShadowingService shadowing;

    @Inject
    Provider<Caller> caller;

    private ShadowingService.Board department;
    private List<ShadowingService.IdeaView> ideas;
    private String filter = "OPEN";
    private final Map<Long, String> statuses = new HashMap<>();
    private final Map<Long, String> answers = new HashMap<>();

    public void load() {
        department = shadowing.boardDepartment(caller.get()).orElse(null);
        if (department != null && ideas == null) {
            ideas = shadowing.board(caller.get());
            ideas.forEach(i -> {
                statuses.put(i.id(), i.status().name());
                answers.put(i.id(), i.answer());
            });
        }
    }

    public String decide(long ideaId) {
        ShadowingService.IdeaView idea = ideas.stream().filter(i -> i.id() == ideaId).findFirst().orElseThrow();
        try {
            shadowing.decide(caller.get(), ideaId, Idea.Status.valueOf(statuses.get(ideaId)), answers.get(ideaId), idea.version());
        } catch (BusinessException e) {
            FieldErrors.of(e)
                    .on("board:idea:" + ideas.indexOf(idea) + ":answer", "ideas.error.backToNew", "ideas.error.reasonNeeded", "ideas.error.answerTooLong")
                    .show();
            return null;
        }
        Messages.info("manager_ideas.message.saved", idea.title());
        return "/manager/ideas.xhtml?faces-redirect=true&filter=" + filter;
    }

    /** The ideas the filter shows: open ones (new, accepted, in progress), a single status, or all. */
    public List<ShadowingService.IdeaView> getShown() {
        if (ideas == null) {
            return List.of();
        }
        return ideas.stream().filter(i -> switch (filter == null ? "OPEN" : filter) {
            case "ALL" -> true;
            case "OPEN" -> i.status().isOpen();
            default -> i.status().name().equals(filter);
        }).toList();
    }

    public long count(String status) {
        return ideas == null ? 0 : ideas.stream().filter(i -> i.status().name().equals(status)).count();
    }

    public List<Idea.Status> getDecisions() {
        return Idea.Status.decisions();
    }

    public List<Idea.Status> getAllStatuses() {
        return List.of(Idea.Status.values());
    }

    public ShadowingService.Board getDepartment() { return department; }
    public String getFilter() { return filter; }
    public void setFilter(String filter) { this.filter = filter; }
    public Map<Long, String> getStatuses() { return statuses; }
    public Map<Long, String> getAnswers() { return answers; }
}
