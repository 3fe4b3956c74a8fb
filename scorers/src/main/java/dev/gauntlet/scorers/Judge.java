package dev.gauntlet.scorers;

/**
 * A model that grades answers, asked through the same providers as agents ({@code openai/MODEL},
 * {@code anthropic/MODEL}, {@code scripted:FILE}). The harness implements it; implementations are thread-safe.
 */
public interface Judge {

    /** The model spec, recorded in the scorer's name. */
    String spec();

    /**
     * Asks the model, once, and waits for its reply text.
     *
     * @throws JudgeException when the model keeps failing or refuses
     */
    String ask(String prompt);
}
