package dev.gauntlet.scorers;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer is a JSON document (optionally in a Markdown code fence) whose field at {@code path} equals the
 * target. The path is a JSON Pointer ({@code /result/items/0}) or dotted ({@code result.items[0]}); without one the
 * whole document is compared. The target is read as JSON when it is valid JSON ({@code 42}, {@code "x"},
 * {@code [1, 2]}), else as a string. Numbers compare by value ({@code 42} equals {@code 42.0}), strings after NFC.
 * An answer that is not valid JSON, or lacks the field, fails with the reason.
 */
final class JsonFieldScorer extends AnswerScorer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FENCE = Pattern.compile("^```[a-zA-Z]*\\s*\\n(.*?)\\n?```$", Pattern.DOTALL);
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        if (a.isTextual() && b.isTextual()) {
            return Text.nfc(a.asText()).compareTo(Text.nfc(b.asText()));
        }
        return a.equals(b) ? 0 : 1;
    };

    private final String path;
    private final JsonPointer pointer;

    /** @param path a JSON Pointer or dotted path, or empty for the whole document */
    JsonFieldScorer(String path) {
        this.path = path;
        this.pointer = pointer(path);
    }

    @Override
    public String name() {
        return path.isEmpty() ? "json" : "json:" + path;
    }

    @Override
    Score match(String answer, String target) {
        JsonNode document;
        try {
            document = JSON.readTree(unfenced(answer));
        } catch (JsonProcessingException e) {
            return fail("the answer is not valid JSON: " + Text.abbreviate(e.getOriginalMessage(), 160));
        }
        if (document == null || document.isMissingNode()) {
            return fail("the answer is empty; it must be a JSON document");
        }
        JsonNode field = document.at(pointer);
        if (field.isMissingNode()) {
            return fail("the answer has no field " + path);
        }
        JsonNode expected = expected(target);
        return field.equals(BY_VALUE, expected) ? pass()
            : fail((path.isEmpty() ? "the answer " : path + " is ") + Text.abbreviate(field.toString(), 80) + ", not " + Text.abbreviate(expected.toString(), 80));
    }

    private static JsonNode expected(String target) {
        try {
            JsonNode node = JSON.readTree(target);
            return node == null || node.isMissingNode() ? TextNode.valueOf(target) : node;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(target);
        }
    }

    private static String unfenced(String answer) {
        String text = answer.strip();
        Matcher m = FENCE.matcher(text);
        return m.matches() ? m.group(1) : text;
    }

    /** A JSON Pointer from {@code /a/0} or {@code a[0].b} (dots and brackets); an empty path is the whole document. */
    static JsonPointer pointer(String path) {
        if (path.isEmpty() || path.startsWith("/")) {
            try {
                return JsonPointer.compile(path);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("json:" + path + " is not a valid JSON Pointer: " + e.getMessage());
            }
        }
        StringBuilder pointer = new StringBuilder();
        for (String part : path.replaceAll("\\[(\\d+)]", ".$1").split("\\.")) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("json:" + path + " has an empty field name; write a.b[0] or /a/b/0");
            }
            pointer.append('/').append(part.replace("~", "~0").replace("/", "~1"));
        }
        return JsonPointer.compile(pointer.toString());
    }
}
