package dev.gauntlet.harness.model;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/** Small JSON conversions the HTTP clients share. */
final class JsonValues {

    private JsonValues() {
    }

    /** A tool's parameter schema as an object. */
    static JsonObject schema(ToolSpec tool) {
        try {
            return new JsonObject(tool.parameters());
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException("tool '" + tool.name() + "': parameters must be a JSON Schema object, got "
                + tool.parameters());
        }
    }

    /**
     * A tool call's arguments as the object an API wants: blank text is {@code {}}; text that is not a JSON object
     * (a model wrote malformed arguments) is kept as {@code {"_raw": text}} so the conversation can still be sent.
     */
    static JsonObject arguments(String text) {
        if (text.isBlank()) {
            return new JsonObject();
        }
        try {
            return new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            return new JsonObject().put("_raw", text);
        }
    }

    static String encode(Object value) {
        return Json.encode(value);
    }

    /** A token count: absent or null is 0; anything but a non-negative number is an error. */
    static long count(JsonObject object, String field) {
        Object value = object.getValue(field);
        if (value == null) {
            return 0;
        }
        if (value instanceof Number number && number.longValue() >= 0) {
            return number.longValue();
        }
        throw new IllegalArgumentException(field + " is not a token count: " + value);
    }
}
