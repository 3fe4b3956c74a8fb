package dev.gauntlet.harness.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    @Test
    void readsSecondsDatesAndMilliseconds() {
        assertThat(RetryAfter.parse(null, "1", NOW)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryAfter.parse(null, " 2.5 ", NOW)).isEqualTo(Duration.ofMillis(2500));
        assertThat(RetryAfter.parse(null, "Wed, 01 Jan 2025 12:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(null, "Wed, 01 Jan 2025 11:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("150", "20", NOW)).isEqualTo(Duration.ofMillis(150));
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfter.parse(null, null, NOW)).isNull();
        assertThat(RetryAfter.parse(null, "soon", NOW)).isNull();
        assertThat(RetryAfter.parse(null, "-3", NOW)).isNull();
        assertThat(RetryAfter.parse("x", "4", NOW)).isEqualTo(Duration.ofSeconds(4));
    }
}
