package dev.gauntlet.scorers;

/** The judge model could not be asked (it kept failing, or refused); the trial ends as a {@code model} error. */
public final class JudgeException extends RuntimeException {

    public JudgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
