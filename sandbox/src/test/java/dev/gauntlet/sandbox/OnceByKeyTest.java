package dev.gauntlet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnceByKeyTest {

    @Test
    void concurrentCallersShareOneMaking() throws Exception {
        OnceByKey<String> once = new OnceByKey<>(true);
        AtomicInteger made = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> calls = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                calls.add(threads.submit(() -> once.get("k", () -> {
                    made.incrementAndGet();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return "v";
                })));
            }
            Thread.sleep(100);
            release.countDown();
            for (Future<String> call : calls) {
                assertThat(call.get()).isEqualTo("v");
            }
        }
        assertThat(made.get()).isEqualTo(1);
        assertThat(once.get("other", () -> "w")).isEqualTo("w");
    }

    @Test
    void failuresAreRememberedOrForgottenAsAsked() {
        OnceByKey<String> remembering = new OnceByKey<>(true);
        assertThatThrownBy(() -> remembering.get("k", () -> { throw new SandboxException("broken"); })).hasMessage("broken");
        assertThatThrownBy(() -> remembering.get("k", () -> "fixed")).isInstanceOf(SandboxException.class).hasMessage("broken");

        OnceByKey<String> forgetting = new OnceByKey<>(false);
        assertThatThrownBy(() -> forgetting.get("k", () -> { throw new SandboxException("flaky"); })).hasMessage("flaky");
        assertThat(forgetting.get("k", () -> "fixed")).isEqualTo("fixed");
    }
}
