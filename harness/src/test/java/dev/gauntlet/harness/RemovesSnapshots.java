package dev.gauntlet.harness;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Removes the snapshot images the tests' runs made (task snapshots are a cache a user keeps between runs; the
 * tests leave nothing behind), and only those: snapshots that existed before the test class, such as another
 * run's on the same engine, stay.
 */
public final class RemovesSnapshots implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RemovesSnapshots.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("before", new HashSet<>(snapshots()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterAll(ExtensionContext context) {
        Set<String> before = context.getStore(NAMESPACE).get("before", Set.class);
        for (String image : snapshots()) {
            if (before == null || !before.contains(image)) {
                Docker.run("sh", "-c", "docker rmi -f " + image + " >/dev/null 2>&1; true");
            }
        }
    }

    private static List<String> snapshots() {
        return Docker.run("sh", "-c", "docker images -q --no-trunc --filter label=dev.gauntlet=snapshot | sort -u");
    }
}
