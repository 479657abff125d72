package org.everyoneserves.progress.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.progress.ItemAnalysisService;
import org.everyoneserves.progress.ItemStatistics;

/** /admin/items.xhtml: how every question of every quiz version performs, with what deserves a look flagged. */
@Named
@RequestScoped
public class ItemAnalysisBacking {

    @Inject
    ItemAnalysisService analysis;

    @Inject
    Caller caller;

    private List<ItemAnalysisService.QuizVersionItems> quizzes;

    public List<ItemAnalysisService.QuizVersionItems> getQuizzes() {
        if (quizzes == null) {
            quizzes = analysis.analysis(caller);
        }
        return quizzes;
    }

    public int getMinAttempts() {
        return ItemStatistics.MIN_ATTEMPTS;
    }

    public long getTooEasy() {
        return Math.round(ItemStatistics.TOO_EASY * 100);
    }

    public long getTooHard() {
        return Math.round(ItemStatistics.TOO_HARD * 100);
    }
}
