package org.everyoneserves.refreshers.api;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.everyoneserves.content.Question;
import org.everyoneserves.refreshers.RefresherService;
import org.everyoneserves.refreshers.Streak;

/** The day's set of refreshers, with the streak and what improved this week. Named Today in the API document, as it always was. */
@Schema(name = "Today")
public record TodayDetail(LocalDate day, boolean paused, LocalDate pausedUntil, int dailySize, List<Item> items, int answered,
                          boolean complete, Streak streak, Summary summary) {

    /** One item of the set, without anything that tells the answer until it is answered. */
    public record Item(long cardId, String title, Question.Kind kind, String situation, String prompt, List<Option> options,
                       OutcomeDetail outcome) {

        /** Named like a record component on the wire ({@code answered}, as the API document says); Yasson would say {@code isAnswered}. */
        @JsonbProperty("answered")
        public boolean isAnswered() {
            return outcome != null;
        }
    }

    public record Option(int index, String text) {
    }

    public record Summary(int answeredThisWeek, int rightThisWeek, int answeredLastWeek, int rightLastWeek, long learning, long mastered,
                          long masteredThisWeek, List<String> improved) {
    }

    public static TodayDetail of(RefresherService.Today v) {
        RefresherService.Summary s = v.summary();
        return new TodayDetail(v.day(), v.paused(), v.pausedUntil(), v.dailySize(), v.items().stream()
                .map(i -> new Item(i.cardId(), i.title(), i.kind(), i.situation(), i.prompt(),
                        i.options().stream().map(o -> new Option(o.index(), o.text())).toList(), OutcomeDetail.of(i.outcome()))).toList(),
                v.answered(), v.complete(), v.streak(), s == null ? null : new Summary(s.answeredThisWeek(), s.rightThisWeek(),
                s.answeredLastWeek(), s.rightLastWeek(), s.learning(), s.mastered(), s.masteredThisWeek(), s.improved()));
    }
}
