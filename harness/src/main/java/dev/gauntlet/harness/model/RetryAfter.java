package dev.gauntlet.harness.model;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a server's {@code Retry-After} (seconds or an HTTP date) and OpenAI's {@code retry-after-ms}. */
final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * @param retryAfterMs the {@code retry-after-ms} header, or null
     * @param retryAfter   the {@code Retry-After} header, or null
     * @param now          the current time, for an HTTP date
     * @return how long the server asked to wait (zero for a date in the past), or null when it did not say or
     *         said something unreadable
     */
    static Duration parse(String retryAfterMs, String retryAfter, Instant now) {
        Duration millis = number(retryAfterMs, 1);
        if (millis != null) {
            return millis;
        }
        if (retryAfter == null || retryAfter.isBlank()) {
            return null;
        }
        Duration seconds = number(retryAfter, 1000);
        if (seconds != null) {
            return seconds;
        }
        try {
            Instant at = ZonedDateTime.parse(retryAfter.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration number(String text, long millisPerUnit) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
                return null;
            }
            // A day at most: a larger value is more likely a bug than a plan.
            return Duration.ofMillis((long) Math.min(value * millisPerUnit, Duration.ofDays(1).toMillis()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
