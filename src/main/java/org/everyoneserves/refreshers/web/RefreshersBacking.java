package org.everyoneserves.refreshers.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.web.FieldErrors;
import org.everyoneserves.platform.web.Messages;
import org.everyoneserves.quizzes.Answer;
import org.everyoneserves.quizzes.AnswerForm;
import org.everyoneserves.refreshers.RefresherService;

/**
 * /learner/refreshers.xhtml: the day's refreshers for people without the app, the same set the app shows. Each item
 * has its own button: answer it, see at once whether it was right and when it comes back. Also the daily size
 * and a holiday pause.
 */
@Named
@RequestScoped
public class RefreshersBacking {

    @Inject
    RefresherService refreshers;

    @Inject
    Caller caller;

    private final AnswerForm form = new AnswerForm();
    private RefresherService.Today today;
    private RefresherService.Settings settings;
    private Integer dailySize;
    private LocalDate pausedUntil;
    /** The day whose set the page showed: answers after midnight still count for it (within the service's grace). */
    private LocalDate day;

    public RefresherService.Today getToday() {
        if (today == null) {
            today = refreshers.today(caller);
        }
        return today;
    }

    public RefresherService.Settings getSettings() {
        if (settings == null) {
            settings = refreshers.settings(caller);
        }
        return settings;
    }

    public String answer(long cardId) {
        String key = String.valueOf(cardId);
        List<RefresherService.Item> items = getToday().items();
        int index = IntStream.range(0, items.size()).filter(i -> items.get(i).cardId() == cardId).findFirst().orElse(-1);
        RefresherService.Item item = index < 0 ? null : items.get(index);
        if (item == null) {
            Messages.error("learner_refreshers.error.gone");
            return "/learner/refreshers.xhtml?faces-redirect=true";
        }
        var options = item.options().stream().map(RefresherService.Option::index).toList();
        Answer answer = form.answer(key, key, item.kind(), options);
        if (answer.isSkipped()) {
            Messages.fieldError("refreshers:items:" + index + ":answer", form.isOrderingIncomplete(key, item.kind(), options)
                    ? "learner_refreshers.error.ordering" : "refreshers.error.noAnswer");
            return null;
        }
        try {
            RefresherService.Outcome outcome = refreshers.answer(caller, day, cardId, answer);
            Messages.info(outcome.correct() ? "learner_refreshers.message.right" : "learner_refreshers.message.wrong");
        } catch (BusinessException e) {
            Messages.error(e.code(), e.arguments().toArray());
        }
        return "/learner/refreshers.xhtml?faces-redirect=true#item-" + cardId;
    }

    public String saveSettings() {
        try {
            refreshers.change(caller, dailySize == null ? 0 : dailySize, pausedUntil, getSettings().version());
            Messages.info(pausedUntil == null ? "learner_refreshers.message.saved" : "learner_refreshers.message.paused");
            return "/learner/refreshers.xhtml?faces-redirect=true";
        } catch (BusinessException e) {
            FieldErrors.of(e).on("settings:pausedUntil", "refreshers.error.pauseInPast", "refreshers.error.pauseTooLong")
                    .showOr("settings:dailySize");
            return null;
        }
    }

    public String resume() {
        refreshers.change(caller, getSettings().dailySize(), null, getSettings().version());
        Messages.info("learner_refreshers.message.resumed");
        return "/learner/refreshers.xhtml?faces-redirect=true";
    }

    public AnswerForm getForm() { return form; }
    public LocalDate getDay() { return day == null ? getToday().day() : day; }
    public void setDay(LocalDate day) { this.day = day; }
    public Integer getDailySize() { return dailySize == null ? getSettings().dailySize() : dailySize; }
    public void setDailySize(Integer dailySize) { this.dailySize = dailySize; }
    public LocalDate getPausedUntil() { return pausedUntil == null ? getSettings().pausedUntil() : pausedUntil; }
    public void setPausedUntil(LocalDate pausedUntil) { this.pausedUntil = pausedUntil; }
}
