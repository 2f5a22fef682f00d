package io.caravan.platform.marketplace.application;

import java.util.List;

/**
 * What one installation answers in its store, per point it provides, and why it answers nothing
 * where it does not (shown on the installation, so a merchant who installs a second tax plugin
 * reads that it does not take over).
 */
public record InstallationAnswers(List<Answer> answers, List<NotAnswering> notAnswering, List<String> leftUnanswered) {
    public static final InstallationAnswers NONE = new InstallationAnswers(List.of(), List.of(), List.of());

    /**
     * @param leftUnanswered after a disable: the calls it answered that now answer nobody until the
     *                       merchant chooses, one line per point (e.g. "TAX_CALCULATOR for CH")
     */
    public InstallationAnswers {
        answers = List.copyOf(answers);
        notAnswering = List.copyOf(notAnswering);
        leftUnanswered = List.copyOf(leftUnanswered);
    }

    public InstallationAnswers leaving(List<String> unanswered) {
        return new InstallationAnswers(answers, notAnswering, unanswered);
    }

    /** A point it answers, and for which calls (e.g. "by default", "for CH, LI"). */
    public record Answer(String point, String scope) {}

    /** A point it provides but answers nothing of, and why. */
    public record NotAnswering(String point, String why) {}
}
