package org.everyoneserves.assignments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.everyoneserves.platform.PersonalData;

/**
 * The plan: assignments, completions and the progress summary. They stay on erasure under the pseudonym, since the
 * organisation's reports count them; they hold no free text.
 */
@ApplicationScoped
public class AssignmentsPersonalData implements PersonalData {

    @PersistenceContext
    EntityManager em;

    @Override
    public String feature() {
        return "assignments";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(new Holding("assignment", "what the person owes: item, due date, status, who assigned it"),
                new Holding("completion", "what they completed, when, how, with which score"),
                new Holding("progress_summary", "their counts of required and done items"));
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long personId) {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        sections.put("plan", PersonalData.rows(em, "select kind, code, origin, reason, assigned_on as assignedOn, due_on as dueOn,"
                + " repeat_months as repeatMonths, status, completed_at as completedAt from assignment where person_id = ?1 order by due_on, id", personId));
        sections.put("completions", PersonalData.rows(em, "select kind, code, completed_at as completedAt, how, score from completion"
                + " where person_id = ?1 order by completed_at, id", personId));
        sections.put("summary", PersonalData.rows(em, "select required, done, next_due_on as nextDueOn, next_refresh_on as nextRefreshOn"
                + " from progress_summary where person_id = ?1", personId));
        return sections;
    }

    @Override
    public int erase(Erasure erasure) {
        return 0;
    }
}
