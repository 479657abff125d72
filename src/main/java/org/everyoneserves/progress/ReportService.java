package org.everyoneserves.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.everyoneserves.assignments.ItemCompleted;
import org.everyoneserves.content.Catalog;
import org.everyoneserves.content.Definitions;
import org.everyoneserves.content.Published;
import org.everyoneserves.content.Question;
import org.everyoneserves.content.Titles;
import org.everyoneserves.quizzes.QuizSubmitted;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;

/**
 * Organisation-wide reports for admins, read from summaries kept current as things happen: the per-person progress
 * summary, completions per month and department, and per-quiz and per-question statistics. A report reads a number
 * of rows that grows with departments, roles and quizzes, not with people.
 */
@ApplicationScoped
@Transactional
public class ReportService {

    /** Questions need this many answers before their miss rate is reported. */
    static final int MIN_SHOWN = 3;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Catalog catalog;

    /** Completion in one department or job role. */
    public record GroupRow(String name, long people, long required, long done, long overduePeople) {

        public int percent() {
            return required == 0 ? 100 : (int) (done * 100 / required);
        }

        public int overdueShare() {
            return people == 0 ? 0 : (int) (overduePeople * 100 / people);
        }
    }

    public record MonthCount(YearMonth month, long completions) {
    }

    public record QuizRate(String code, String title, long firstSubmitted, long firstPassed, long submitted) {

        public int firstPassRate() {
            return firstSubmitted == 0 ? 0 : (int) (firstPassed * 100 / firstSubmitted);
        }
    }

    public record MissedQuestion(String quizCode, String quizTitle, String questionId, String prompt, long shown, long missed) {

        public int missRate() {
            return shown == 0 ? 0 : (int) (missed * 100 / shown);
        }
    }

    public record OrganisationReport(List<GroupRow> departments, List<GroupRow> jobRoles, List<MonthCount> months,
                                     List<QuizRate> lowestPassRates, List<MissedQuestion> mostMissed) {

        /** Departments with the largest share of people who have something overdue first. */
        public List<GroupRow> overdueRanking() {
            return departments.stream().filter(d -> d.overduePeople() > 0)
                    .sorted(Comparator.comparing(GroupRow::overdueShare).reversed().thenComparing(GroupRow::name)).toList();
        }
    }

    /** Counts a completion in its month and the person's department, in the completing transaction. */
    void onCompleted(@Observes ItemCompleted event) {
        em.createNativeQuery("insert into completion_month (month, department_id, kind, completions)"
                        + " select ?1, coalesce(p.department_id, 0), ?2, 1 from person p where p.id = ?3"
                        + " on duplicate key update completions = completions + 1")
                .setParameter(1, Date.valueOf(YearMonth.now(clock).atDay(1))).setParameter(2, event.kind().name())
                .setParameter(3, event.personId()).executeUpdate();
    }

    /** Counts a submission in the quiz's and its questions' statistics (in the submitting transaction). */
    void onQuizSubmitted(@Observes QuizSubmitted event) {
        int first = event.attemptNumber() == 1 ? 1 : 0;
        int passed = event.passed() ? 1 : 0;
        em.createNativeQuery("insert into quiz_stats (quiz_code, submitted, passed, first_submitted, first_passed) values (?1, 1, ?2, ?3, ?4)"
                        + " on duplicate key update submitted = submitted + 1, passed = passed + ?2, first_submitted = first_submitted + ?3,"
                        + " first_passed = first_passed + ?4")
                .setParameter(1, event.quizCode()).setParameter(2, passed).setParameter(3, first).setParameter(4, first * passed)
                .executeUpdate();
        event.rightByQuestion().forEach((question, right) -> em.createNativeQuery(
                        "insert into question_stats (quiz_code, question_id, shown, missed) values (?1, ?2, 1, ?3)"
                                + " on duplicate key update shown = shown + 1, missed = missed + ?3")
                .setParameter(1, event.quizCode()).setParameter(2, question).setParameter(3, right ? 0 : 1)
                .executeUpdate());
    }

    /** Recounts completions per month from the completions themselves, after bulk changes (demo history, generator). */
    public void rebuildCompletionMonths() {
        em.createNativeQuery("delete from completion_month").executeUpdate();
        em.createNativeQuery("insert into completion_month (month, department_id, kind, completions)"
                + " select cast(date_format(c.completed_at, '%Y-%m-01') as date), coalesce(p.department_id, 0), c.kind, count(*)"
                + " from completion c join person p on p.id = c.person_id group by 1, 2, 3").executeUpdate();
    }

    public OrganisationReport organisation(@NotNull Caller caller) {
        if (!caller.admin()) {
            throw BusinessException.forbidden();
        }
        LocalDate today = LocalDate.now(clock);
        // one pass over the people, by department and role together; both tables add up from it
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select p.department_id, p.job_role_id, count(*), coalesce(sum(s.required), 0),"
                        + " coalesce(sum(s.done), 0), coalesce(sum(s.next_due_on < ?1), 0) from person p left join progress_summary s"
                        + " on s.person_id = p.id where p.active = true group by p.department_id, p.job_role_id")
                .setParameter(1, Date.valueOf(today)).getResultList();
        return new OrganisationReport(groups(rows, 0, names("department")), groups(rows, 1, names("job_role")), months(today),
                lowestPassRates(), mostMissed());
    }

    private Map<Long, String> names(String table) {
        Map<Long, String> names = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, name from " + table).getResultList();
        rows.forEach(r -> names.put(n(r[0]), (String) r[1]));
        return names;
    }

    private static List<GroupRow> groups(List<Object[]> rows, int column, Map<Long, String> names) {
        Map<String, long[]> sums = new java.util.TreeMap<>();
        for (Object[] r : rows) {
            String name = r[column] == null ? "–" : names.getOrDefault(n(r[column]), "–");
            long[] sum = sums.computeIfAbsent(name, k -> new long[4]);
            for (int i = 0; i < 4; i++) {
                sum[i] += n(r[2 + i]);
            }
        }
        return sums.entrySet().stream().map(e -> new GroupRow(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList();
    }

    private List<MonthCount> months(LocalDate today) {
        YearMonth last = YearMonth.from(today);
        YearMonth first = last.minusMonths(11);
        Map<YearMonth, Long> counts = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select month, sum(completions) from completion_month where month >= ?1 group by month")
                .setParameter(1, Date.valueOf(first.atDay(1))).getResultList();
        rows.forEach(r -> counts.put(YearMonth.from(((Date) r[0]).toLocalDate()), n(r[1])));
        List<MonthCount> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(new MonthCount(m, counts.getOrDefault(m, 0L)));
        }
        return months;
    }

    private List<QuizRate> lowestPassRates() {
        Titles titles = catalog.titles();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select quiz_code, first_submitted, first_passed, submitted from quiz_stats"
                + " where first_submitted > 0 order by first_passed / first_submitted, quiz_code limit 10").getResultList();
        return rows.stream().map(r -> new QuizRate((String) r[0], titles.quiz((String) r[0]), n(r[1]), n(r[2]),
                n(r[3]))).toList();
    }

    private List<MissedQuestion> mostMissed() {
        Titles titles = catalog.titles();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select quiz_code, question_id, shown, missed from question_stats where shown >= ?1"
                + " and missed > 0 order by missed / shown desc, missed desc, quiz_code, question_id limit 10")
                .setParameter(1, MIN_SHOWN).getResultList();
        Map<String, Definitions.Quiz> quizzes = new HashMap<>();
        List<MissedQuestion> missed = new ArrayList<>();
        for (Object[] r : rows) {
            String code = (String) r[0];
            Definitions.Quiz quiz = quizzes.computeIfAbsent(code, c -> catalog.quiz(c).map(Published::definition).orElse(null));
            String prompt = quiz == null ? (String) r[1] : quiz.question((String) r[1]).map(Question::prompt).orElse((String) r[1]);
            missed.add(new MissedQuestion(code, titles.quiz(code), (String) r[1], prompt, n(r[2]), n(r[3])));
        }
        return missed;
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
