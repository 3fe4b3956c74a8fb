package dev.gauntlet.harness.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricesTest {

    @TempDir
    Path dir;

    @Test
    void billsCachedInputAtTheCachedPriceAndTheRestAtTheInputPrice() {
        // gpt-4o: 2.50 input, 1.25 cached, 10.00 output per million tokens
        double cost = Prices.builtIn().cost("gpt-4o", new Usage(1_000_000, 400_000, 100_000)).orElseThrow();

        assertThat(cost).isCloseTo(0.6 * 2.50 + 0.4 * 1.25 + 0.1 * 10.00, within(1e-9));
    }

    @Test
    void knowsTheListedModelsAndTheirDatedNamesButNotOthers() {
        Prices prices = Prices.builtIn();

        assertThat(prices.price("claude-sonnet-4-5")).contains(new Prices.Price(3.00, 0.30, 15.00));
        assertThat(prices.price("claude-sonnet-4-5-20250929")).contains(new Prices.Price(3.00, 0.30, 15.00));
        assertThat(prices.price("gpt-4o-mini-2024-07-18")).contains(new Prices.Price(0.15, 0.075, 0.60));
        assertThat(prices.price("claude-haiku-4-5")).contains(new Prices.Price(1.00, 0.10, 5.00));
        assertThat(prices.price("gpt-4o-audio-preview")).isEmpty();
        assertThat(prices.cost("my-local-llama", new Usage(10, 0, 10))).isEmpty();
    }

    @Test
    void aFileAddsAndOverridesPrices() throws Exception {
        Path file = Files.writeString(dir.resolve("prices.json"), """
            {"gpt-4o": {"input": 2.0, "cached_input": 1.0, "output": 8.0},
             "my-local-llama": {"input": 0, "output": 0.5}}""");

        Prices prices = Prices.builtIn().withFile(file);

        assertThat(prices.price("gpt-4o")).contains(new Prices.Price(2.0, 1.0, 8.0));
        assertThat(prices.price("my-local-llama")).contains(new Prices.Price(0, 0, 0.5));
        assertThat(prices.price("claude-haiku-4-5")).isPresent();
        assertThat(prices.cost("my-local-llama", new Usage(1000, 0, 2_000_000))).contains(1.0);
    }

    @Test
    void aMissingCachedPriceIsTheInputPrice() {
        assertThat(Prices.parse("{\"m\": {\"input\": 4, \"output\": 8}}", "f.json").get("m"))
            .isEqualTo(new Prices.Price(4, 4, 8));
    }

    @Test
    void aMalformedFileNamesTheFileModelAndField() throws Exception {
        assertThatThrownBy(() -> Prices.parse("{\"m\": {\"input\": \"cheap\", \"output\": 1}}", "p.json"))
            .hasMessageContaining("p.json").hasMessageContaining("'m'").hasMessageContaining("'input'");
        assertThatThrownBy(() -> Prices.parse("{\"m\": {\"input\": 1}}", "p.json"))
            .hasMessageContaining("missing 'output'");
        assertThatThrownBy(() -> Prices.parse("[1, 2]", "p.json")).hasMessageContaining("expected an object of models");
        assertThatThrownBy(() -> Prices.parse("{oops", "p.json")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> Prices.builtIn().withFile(dir.resolve("absent.json")))
            .hasMessageContaining("absent.json").hasMessageContaining("cannot read");
    }
}
