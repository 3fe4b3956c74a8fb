package dev.gauntlet.scorers;

/** The answer contains a target, both normalized as {@link ExactScorer} does. Case counts. */
final class IncludesScorer extends AnswerScorer {

    @Override
    public String name() {
        return "includes";
    }

    @Override
    Score match(String answer, String target) {
        return Text.squash(answer).contains(Text.squash(target)) ? pass()
            : fail("the answer does not include " + Text.quoted(Text.squash(target)));
    }
}
