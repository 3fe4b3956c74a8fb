package dev.gauntlet.harness.model;

import dev.gauntlet.scorers.Judge;
import dev.gauntlet.scorers.JudgeException;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A judge model for the model-graded scorer, opened like an agent's model ({@code openai/MODEL},
 * {@code anthropic/MODEL}, {@code scripted:FILE}) with the run's model settings, so it is retried the same way.
 */
public final class ModelJudge implements Judge, AutoCloseable {

    static final int MAX_REPLY_TOKENS = 1024;
    private static final long MAX_WAIT_MINUTES = 30;

    private final String spec;
    private final ModelClients clients;
    private final ModelClient client;

    private ModelJudge(String spec, ModelClients clients) {
        this.spec = spec;
        this.clients = clients;
        this.client = clients.forTask(null);
    }

    /**
     * Opens the judge {@code spec} names.
     *
     * @throws IllegalArgumentException for {@code oracle} (it knows no verdicts) or an unknown spec
     */
    public static ModelJudge open(String spec, ModelSettings settings, Vertx vertx) {
        if (spec.equals("oracle")) {
            throw new IllegalArgumentException("the judge of --scorer model:MODEL must be openai/MODEL, anthropic/MODEL or scripted:FILE, not oracle");
        }
        return new ModelJudge(spec, ModelClients.open(spec, settings, vertx));
    }

    @Override
    public String spec() {
        return spec;
    }

    @Override
    public String ask(String prompt) {
        try {
            ModelReply reply = client.complete(new ModelRequest(List.of(Message.user(prompt)), List.of(), MAX_REPLY_TOKENS))
                .toCompletionStage().toCompletableFuture().get(MAX_WAIT_MINUTES, TimeUnit.MINUTES);
            return reply.text();
        } catch (ExecutionException e) {
            throw new JudgeException("the judge " + spec + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new JudgeException("the judge " + spec + " did not answer in " + MAX_WAIT_MINUTES + " minutes", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JudgeException("interrupted while waiting for the judge " + spec, e);
        }
    }

    @Override
    public void close() {
        clients.close();
    }
}
