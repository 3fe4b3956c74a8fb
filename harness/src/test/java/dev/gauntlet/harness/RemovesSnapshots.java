package dev.gauntlet.harness;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Removes the snapshot images the tests' runs made (task snapshots are a cache a user keeps between runs; the
 * tests leave nothing behind).
 */
public final class RemovesSnapshots implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        Docker.run("sh", "-c", "docker images -q --filter label=dev.gauntlet=snapshot | sort -u | xargs -r docker rmi -f >/dev/null; true");
    }
}
