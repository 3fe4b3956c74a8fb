package dev.gauntlet.scorers;

/**
 * The answer equals a target once both are normalized: Unicode NFC, leading and trailing whitespace removed,
 * runs of whitespace made one space. Case counts.
 */
final class ExactScorer extends AnswerScorer {

    @Override
    public String name() {
        return "exact";
    }

    @Override
    Score match(String answer, String target) {
        return Text.squash(answer).equals(Text.squash(target)) ? pass()
            : fail("the answer " + Text.quoted(Text.squash(answer)) + " is not " + Text.quoted(Text.squash(target)));
    }
}
