package dev.gauntlet.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ErrorBudgetTest {

    @Test
    void aWholeNumberIsACountOfErrorsAllowed() {
        ErrorBudget two = ErrorBudget.parse("2");
        assertThat(two.exceeded(2, 100)).isFalse();
        assertThat(two.exceeded(3, 100)).isTrue();
        assertThat(ErrorBudget.parse("0").exceeded(1, 100)).isTrue();
    }

    @Test
    void aNumberBelowOneIsAShareOfThePlannedTrials() {
        ErrorBudget tenth = ErrorBudget.parse("0.1");
        assertThat(tenth.exceeded(10, 100)).isFalse();
        assertThat(tenth.exceeded(11, 100)).isTrue();
        assertThat(tenth.exceeded(1, 5)).as("0.5 errors allowed of 5").isTrue();
        assertThat(ErrorBudget.UNLIMITED.exceeded(1_000_000, 10)).isFalse();
    }

    @Test
    void anythingElseIsRefusedWithWhatIsAllowed() {
        for (String bad : new String[] {"1.5", "-1", "ten", "", "NaN"}) {
            assertThatThrownBy(() -> ErrorBudget.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--fail-on-error takes a whole number of errors").hasMessageContaining("'" + bad + "'");
        }
    }
}
