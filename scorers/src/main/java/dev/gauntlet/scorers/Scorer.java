package dev.gauntlet.scorers;

import dev.gauntlet.sandbox.Sandbox;

/** Scores a trial from what its verifier left in the sandbox. */
public interface Scorer {

    /** The name recorded with the score. */
    String name();

    /** Reads the result; infrastructure failures throw {@link dev.gauntlet.sandbox.SandboxException}. */
    Score score(Sandbox sandbox);
}
