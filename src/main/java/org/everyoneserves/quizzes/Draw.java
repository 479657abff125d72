package org.everyoneserves.quizzes;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.everyoneserves.content.Question;
import org.everyoneserves.content.Definitions.Quiz;

/**
 * What one attempt of a quiz shows: {@link Quiz#drawn()} questions picked without repetition, in file order
 * unless the quiz shuffles questions, each with its choices in file order unless the quiz shuffles choices.
 * Ordering items are always shuffled, and never shown in the right order: there would be nothing to do.
 * The result depends on the generator alone, so a seeded generator gives the same draw every time.
 */
public final class Draw {

    private Draw() {
    }

    public static List<ShownQuestion> of(Quiz quiz, RandomGenerator random) {
        List<Question> questions = quiz.questions();
        int drawn = quiz.drawn();
        if (drawn < 1 || drawn > questions.size()) {
            throw new IllegalArgumentException("quiz " + quiz.id() + " cannot draw " + drawn + " of " + questions.size() + " questions");
        }
        List<Integer> picked = shuffled(questions.size(), drawn, random);
        if (!quiz.shuffleQuestions()) {
            picked.sort(null);
        }
        return picked.stream().map(i -> show(questions.get(i), quiz.shuffleChoices(), random)).toList();
    }

    private static ShownQuestion show(Question question, boolean shuffleChoices, RandomGenerator random) {
        List<Integer> order = switch (question.kind()) {
            case SINGLE, MULTIPLE, SCENARIO -> shuffleChoices
                    ? shuffled(question.choices().size(), question.choices().size(), random)
                    : inOrder(question.choices().size());
            case TRUE_FALSE -> List.of();
            case ORDERING -> notInOrder(question.items().size(), random);
        };
        return new ShownQuestion(question.id(), order);
    }

    private static List<Integer> notInOrder(int size, RandomGenerator random) {
        List<Integer> right = inOrder(size);
        if (size < 2) {
            return right;
        }
        List<Integer> order;
        do {
            order = shuffled(size, size, random);
        } while (order.equals(right));
        return order;
    }

    /** The first {@code count} of a uniform random permutation of {@code 0..size-1} (a partial Fisher-Yates shuffle). */
    private static List<Integer> shuffled(int size, int count, RandomGenerator random) {
        List<Integer> indexes = new ArrayList<>(inOrder(size));
        for (int i = 0; i < count; i++) {
            int j = random.nextInt(i, size);
            indexes.set(j, indexes.set(i, indexes.get(j)));
        }
        return new ArrayList<>(indexes.subList(0, count));
    }

    private static List<Integer> inOrder(int size) {
        return IntStream.range(0, size).boxed().toList();
    }
}
