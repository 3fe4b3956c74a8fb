package dev.gauntlet.harness.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.harness.model.Message;
import dev.gauntlet.harness.model.ModelException;
import dev.gauntlet.harness.model.ModelReply;
import dev.gauntlet.harness.model.ModelRequest;
import dev.gauntlet.harness.model.Prices;
import dev.gauntlet.harness.model.ToolCall;
import dev.gauntlet.harness.model.Usage;
import dev.gauntlet.records.AgentUsage;
import dev.gauntlet.records.StepRecord;
import dev.gauntlet.sandbox.ExecRequest;
import dev.gauntlet.sandbox.ExecResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The plain loop: ask the model for one shell command, run it in the sandbox's persistent shell, show it the
 * exit code and output, until it submits or a limit is hit. Tool mode offers a {@code bash} and a
 * {@code submit} tool; text mode asks for one fenced command per reply. A reply that is not exactly one
 * command is answered with a format error and counted as a step.
 */
public final class BashAgent implements Agent {

    static final int OBSERVATION_BYTES = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Prices prices;
    private final boolean textMode;

    public BashAgent(Prices prices, boolean textMode) {
        this.prices = prices;
        this.textMode = textMode;
    }

    @Override
    public String name() {
        return "bash";
    }

    @Override
    public AgentResult run(AgentContext context) {
        if (context.model() == null) {
            throw new IllegalArgumentException("the bash agent needs a model: pass --model (openai/MODEL, anthropic/MODEL, oracle, scripted:FILE)");
        }
        Loop loop = new Loop(context);
        return loop.run();
    }

    /** One trial's conversation and counters. */
    private final class Loop {
        private final AgentContext context;
        private final long deadline;
        private final List<Message> messages = new ArrayList<>();
        private final StringBuilder log = new StringBuilder();
        private Usage usage = Usage.NONE;
        private int steps;
        private int retries;

        Loop(AgentContext context) {
            this.context = context;
            this.deadline = System.nanoTime() + context.timeout().toNanos();
            messages.add(Message.system(textMode ? Prompts.TEXT_SYSTEM : Prompts.TOOL_SYSTEM));
            messages.add(Message.user(Prompts.task(context.task().instruction())));
        }

        AgentResult run() {
            while (true) {
                String limit = limitHit();
                if (limit != null) {
                    return new AgentResult.Finished(log.toString(), usage(limit));
                }
                Instant startedAt = Instant.now();
                long asked = System.nanoTime();
                ModelReply reply;
                try {
                    reply = context.model().complete(request()).toCompletionStage().toCompletableFuture()
                        .get(Math.max(1, deadline - asked), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    return new AgentResult.Finished(log.toString(), usage("wall_time"));
                } catch (ExecutionException e) {
                    String message = e.getCause() instanceof ModelException m ? m.getMessage() : String.valueOf(e.getCause());
                    return new AgentResult.ModelFailed(log.toString(), usage(null), message);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the model", e);
                }
                long modelMs = (System.nanoTime() - asked) / 1_000_000;
                steps++;
                usage = usage.plus(reply.usage());
                retries += reply.retries();
                Action action = textMode ? Action.fromText(reply.text()) : Action.fromTools(reply.toolCalls());
                messages.add(Message.assistant(reply.text(), reply.toolCalls()));
                if (action instanceof Action.Submit) {
                    record(startedAt, modelMs, 0, reply.usage(), "submit", null, null, null);
                    return new AgentResult.Finished(log.toString(), usage(null));
                }
                if (action instanceof Action.Invalid invalid) {
                    answer(reply, "format error: " + invalid.reason());
                    record(startedAt, modelMs, 0, reply.usage(), null, null, null, "format: " + invalid.reason());
                    continue;
                }
                String command = ((Action.Run) action).command();
                long ran = System.nanoTime();
                ExecResult result = context.sandbox().exec(new ExecRequest(command, commandTimeout(), null, null,
                    java.util.Map.of(), OBSERVATION_BYTES));
                long execMs = (System.nanoTime() - ran) / 1_000_000;
                String observation = switch (result) {
                    case ExecResult.Completed done -> "exit code: " + done.exitCode() + "\n" + done.output();
                    case ExecResult.TimedOut late -> "the command was killed after " + commandTimeout().toSeconds()
                        + " s (its time limit)\n" + late.output();
                };
                log.append("$ ").append(command).append('\n').append(observation).append('\n');
                answer(reply, observation);
                Integer exitCode = result instanceof ExecResult.Completed done ? done.exitCode() : null;
                record(startedAt, modelMs, execMs, reply.usage(), command, exitCode, result.output(),
                    result instanceof ExecResult.TimedOut ? "timeout" : null);
            }
        }

        private ModelRequest request() {
            return new ModelRequest(messages, textMode ? List.of() : Prompts.TOOLS, context.limits().maxOutputTokensPerReply());
        }

        /** Answers every tool call of the reply (providers require it), or the text reply, with one observation. */
        private void answer(ModelReply reply, String text) {
            if (textMode || reply.toolCalls().isEmpty()) {
                messages.add(Message.user(text));
            } else {
                reply.toolCalls().forEach(call -> messages.add(Message.tool(call.id(), text)));
            }
        }

        private Duration commandTimeout() {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            return Duration.ofMillis(Math.min(left, context.limits().commandTimeout().toMillis()));
        }

        private String limitHit() {
            AgentLimits limits = context.limits();
            Double cost = cost();
            if (System.nanoTime() >= deadline) {
                return "wall_time";
            } else if (steps >= limits.maxSteps()) {
                return "steps";
            } else if (usage.inputTokens() >= limits.maxInputTokens()) {
                return "input_tokens";
            } else if (usage.outputTokens() >= limits.maxOutputTokens()) {
                return "output_tokens";
            } else if (limits.maxCostUsd() != null && cost != null && cost >= limits.maxCostUsd()) {
                return "cost";
            }
            return null;
        }

        private Double cost() {
            return prices.cost(context.model().model(), usage).orElse(null);
        }

        private AgentUsage usage(String limit) {
            return new AgentUsage(steps, usage.inputTokens(), usage.cachedInputTokens(), usage.outputTokens(), cost(), limit, retries);
        }

        private void record(Instant startedAt, long modelMs, long execMs, Usage stepUsage, String command, Integer exitCode,
                            String output, String error) {
            context.steps().accept(new StepRecord(context.runId(), context.trialId(), steps, startedAt, modelMs, execMs,
                stepUsage.inputTokens(), stepUsage.outputTokens(), command, exitCode, output, error));
        }
    }

    /** What a reply asks for. */
    sealed interface Action {
        record Run(String command) implements Action {
        }

        record Submit() implements Action {
        }

        record Invalid(String reason) implements Action {
        }

        static Action fromTools(List<ToolCall> calls) {
            if (calls.size() != 1) {
                return new Invalid("call exactly one tool per reply (bash with a command, or submit); this reply called " + calls.size());
            }
            ToolCall call = calls.getFirst();
            if (call.name().equals("submit")) {
                return new Submit();
            }
            if (!call.name().equals("bash")) {
                return new Invalid("there is no tool '" + call.name() + "'; use bash or submit");
            }
            try {
                JsonNode args = JSON.readTree(call.arguments());
                JsonNode command = args == null ? null : args.get("command");
                if (command == null || !command.isTextual() || command.asText().isBlank()) {
                    return new Invalid("the bash tool takes {\"command\": \"...\"}, a non-empty string");
                }
                return new Run(command.asText());
            } catch (java.io.IOException e) {
                return new Invalid("the bash tool's arguments are not valid JSON: " + call.arguments());
            }
        }

        static Action fromText(String text) {
            List<String> blocks = Prompts.fencedBlocks(text);
            if (blocks.size() != 1) {
                return new Invalid("reply with exactly one fenced ```bash block holding one command (or `submit`); this reply had " + blocks.size());
            }
            String command = blocks.getFirst().strip();
            if (command.equals("submit")) {
                return new Submit();
            }
            return command.isEmpty() ? new Invalid("the fenced block is empty") : new Run(command);
        }
    }
}
