package dev.gauntlet.harness.agent;

import dev.gauntlet.harness.model.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the bash agent tells the model, and how it reads a text-mode reply. */
final class Prompts {

    private static final String COMMON = """
        You are an autonomous engineer working in a Linux sandbox to complete the task below. Each command you run \
        goes to the same persistent shell, like a terminal: the working directory and exported variables persist \
        between commands. Commands get no standard input, so run nothing interactive. You see each command's exit \
        code and output (long output is cut in the middle). Work step by step and check your work.""";

    static final String TOOL_SYSTEM = COMMON + """


        Use the `bash` tool to run one shell command per reply. When the task is done, call `submit`.""";

    static final String TEXT_SYSTEM = COMMON + """


        In every reply, think briefly, then give exactly one shell command in a fenced block:
        ```bash
        <command>
        ```
        When the task is done, reply with a fenced block that holds only `submit`.""";

    static final List<ToolSpec> TOOLS = List.of(
        new ToolSpec("bash", "Run one shell command in the sandbox's persistent shell and get its exit code and output.",
            "{\"type\":\"object\",\"properties\":{\"command\":{\"type\":\"string\",\"description\":\"The shell command to run.\"}},"
                + "\"required\":[\"command\"]}"),
        new ToolSpec("submit", "Finish: the task is done.", "{\"type\":\"object\",\"properties\":{}}"));

    private static final Pattern FENCE = Pattern.compile("```[a-zA-Z0-9_-]*[ \\t]*\\n(.*?)```", Pattern.DOTALL);

    private Prompts() {
    }

    static String task(String instruction) {
        return "# Task\n\n" + instruction.strip() + "\n";
    }

    static List<String> fencedBlocks(String text) {
        List<String> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(text);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
