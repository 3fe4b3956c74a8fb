package dev.gauntlet.scorers;

import static dev.gauntlet.scorers.Samples.explanation;
import static dev.gauntlet.scorers.Samples.reward;
import static dev.gauntlet.scorers.Samples.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AnswerScorersTest {

    static final Function<String, Judge> NO_JUDGES = spec -> {
        throw new AssertionError("no judge expected");
    };

    static Scorer scorer(String spec) {
        return AnswerScorers.parse(spec, NO_JUDGES, null);
    }

    @Test
    void exactIgnoresSurroundingAndRepeatedWhitespaceButNotCase() {
        Scorer exact = scorer("exact");
        assertThat(reward(exact, "  Paris\n", "Paris")).isEqualTo(1.0);
        assertThat(reward(exact, "New\t  York\r\n", "New York")).isEqualTo(1.0);
        assertThat(reward(exact, "New\u00a0York", "New York")).as("a no-break space is whitespace").isEqualTo(1.0);
        assertThat(reward(exact, "paris", "Paris")).isEqualTo(0.0);
        assertThat(reward(exact, "Paris.", "Paris")).isEqualTo(0.0);
        assertThat(explanation(exact, "Lyon", "Paris")).isEqualTo("the answer 'Lyon' is not 'Paris'");
    }

    @Test
    void exactComparesUnicodeByMeaningNotEncoding() {
        Scorer exact = scorer("exact");
        assertThat(reward(exact, "Cafe\u0301", "Café")).as("e + combining acute equals é").isEqualTo(1.0);
        assertThat(reward(exact, "東京", "東京")).isEqualTo(1.0);
        assertThat(reward(exact, "😀", "😀 ")).isEqualTo(1.0);
        assertThat(reward(exact, "ﬁle", "file")).as("a ligature is not two letters for exact").isEqualTo(0.0);
    }

    @Test
    void anyTargetWillDo() {
        assertThat(reward(scorer("exact"), "blue", "red", "yellow", "blue")).isEqualTo(1.0);
        assertThat(reward(scorer("exact"), "green", "red", "yellow", "blue")).isEqualTo(0.0);
    }

    @Test
    void includesFindsTheTargetInsideNormalizedText() {
        Scorer includes = scorer("includes");
        assertThat(reward(includes, "The capital is Paris, of course.", "Paris")).isEqualTo(1.0);
        assertThat(reward(includes, "It is New\n   York", "New York")).isEqualTo(1.0);
        assertThat(reward(includes, "It is paris", "Paris")).isEqualTo(0.0);
        assertThat(reward(includes, "Cafe\u0301 au lait", "Café")).isEqualTo(1.0);
    }

    @Test
    void regexSearchesAndReportsAnInvalidPattern() {
        Scorer regex = scorer("regex");
        assertThat(reward(regex, "The answer is 42.", "\\b42\\b")).isEqualTo(1.0);
        assertThat(reward(regex, "The answer is 420.", "\\b42\\b")).isEqualTo(0.0);
        assertThat(reward(regex, "Answer: PARIS", "(?i)^answer:\\s*paris$")).isEqualTo(1.0);
        assertThat(reward(regex, "naïve", "^\\w+$")).as("\\w is Unicode-aware").isEqualTo(1.0);
        assertThat(score(regex, "x", "([unclosed")).isInstanceOf(Score.Unscored.class)
            .extracting(s -> ((Score.Unscored) s).reason()).asString().contains("not a valid regular expression");
    }

    @Test
    void numericReadsTheLastNumberInTheText() {
        Scorer numeric = scorer("numeric");
        assertThat(reward(numeric, "17 + 25 = 42", "42")).isEqualTo(1.0);
        assertThat(reward(numeric, "I think it is 42.0.", "42")).isEqualTo(1.0);
        assertThat(reward(numeric, "The total is $1,234.50 today", "1234.5")).isEqualTo(1.0);
        assertThat(reward(numeric, "It is \u221242", "-42")).as("Unicode minus").isEqualTo(1.0);
        assertThat(reward(numeric, "答えは４２です", "42")).as("full-width digits").isEqualTo(1.0);
        assertThat(reward(numeric, "1e3", "1000")).isEqualTo(1.0);
        assertThat(reward(numeric, "42 or maybe 43", "42")).as("the last number counts").isEqualTo(0.0);
        assertThat(explanation(numeric, "no idea", "42")).contains("holds no number");
        assertThat(explanation(numeric, "41", "42")).isEqualTo("the answer's number 41 is 1 off 42");
    }

    @Test
    void numericToleranceIsAbsolute() {
        assertThat(reward(scorer("numeric:0.01"), "3.14159", "3.14")).isEqualTo(1.0);
        assertThat(reward(scorer("numeric:0.001"), "3.14159", "3.14")).isEqualTo(0.0);
        assertThat(reward(scorer("numeric"), "0.30000000000000004", "0.3")).isEqualTo(0.0);
        assertThat(scorer("numeric:0.01").name()).isEqualTo("numeric:0.01");
        assertThat(score(scorer("numeric"), "42", "forty-two")).isInstanceOf(Score.Unscored.class);
    }

    @Test
    void jsonComparesAFieldByValue() {
        Scorer json = scorer("json:result.items[1]");
        assertThat(reward(json, "{\"result\": {\"items\": [1, 42.0]}}", "42")).isEqualTo(1.0);
        assertThat(reward(json, "```json\n{\"result\": {\"items\": [1, 42]}}\n```", "42")).isEqualTo(1.0);
        assertThat(reward(scorer("json:/result/items/1"), "{\"result\": {\"items\": [1, 42]}}", "42")).isEqualTo(1.0);
        assertThat(reward(scorer("json:name"), "{\"name\": \"Cafe\u0301\"}", "Café")).as("a bare string target").isEqualTo(1.0);
        assertThat(reward(scorer("json:name"), "{\"name\": \"x\"}", "\"x\"")).as("a JSON string target").isEqualTo(1.0);
        assertThat(reward(scorer("json:name"), "{\"name\": 42}", "\"42\"")).as("a string is not a number").isEqualTo(0.0);
        assertThat(reward(scorer("json"), "{\"b\": [1, 2], \"a\": 1.0}", "{\"a\": 1, \"b\": [1, 2]}")).isEqualTo(1.0);
    }

    @Test
    void invalidOrIncompleteJsonFailsWithTheReason() {
        Scorer json = scorer("json:answer");
        assertThat(explanation(json, "{\"answer\": 42", "42")).startsWith("the answer is not valid JSON:");
        assertThat(explanation(json, "The answer is 42", "42")).startsWith("the answer is not valid JSON:");
        assertThat(explanation(json, "", "42")).contains("empty");
        assertThat(explanation(json, "{\"other\": 42}", "42")).isEqualTo("the answer has no field answer");
        assertThat(explanation(json, "{\"answer\": 41}", "42")).isEqualTo("answer is 41, not 42");
    }

    @Test
    void noAnswerFailsAndNoTargetIsUnscored() {
        assertThat(explanation(scorer("exact"), null, "x")).isEqualTo("no answer: the agent wrote no /logs/agent/answer.txt");
        assertThat(score(scorer("exact"), "x")).isInstanceOf(Score.Unscored.class);
    }

    @Test
    void specsAreCheckedAndNamed() {
        assertThat(scorer("exact").name()).isEqualTo("exact");
        assertThat(scorer("json:a.b").name()).isEqualTo("json:a.b");
        assertThatThrownBy(() -> scorer("fuzzy")).hasMessageContaining("unknown scorer 'fuzzy'").hasMessageContaining("numeric[:TOLERANCE]");
        assertThatThrownBy(() -> scorer("numeric:-1")).hasMessageContaining("at least 0");
        assertThatThrownBy(() -> scorer("exact:1")).hasMessageContaining("takes no argument");
        assertThatThrownBy(() -> scorer("model:")).hasMessageContaining("needs a model");
        assertThatThrownBy(() -> scorer("command:/no/such/script.sh")).hasMessageContaining("/no/such/script.sh is not a file");
        assertThatThrownBy(() -> scorer("json:a..b")).hasMessageContaining("empty field name");
    }
}
