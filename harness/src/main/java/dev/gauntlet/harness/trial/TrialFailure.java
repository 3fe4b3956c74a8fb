package dev.gauntlet.harness.trial;

import dev.gauntlet.records.ErrorKind;

/** Ends a trial as an error of a given kind; thrown inside the trial's stages and recorded, never escapes. */
final class TrialFailure extends RuntimeException {

    private final ErrorKind kind;

    TrialFailure(ErrorKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    ErrorKind kind() {
        return kind;
    }
}
