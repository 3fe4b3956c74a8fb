package dev.gauntlet.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.gauntlet.sandbox.ImageSpec;
import dev.gauntlet.sandbox.OnceByKey;
import dev.gauntlet.sandbox.SandboxException;
import dev.gauntlet.sandbox.SandboxLabels;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Environment images: built from a build context and tagged {@code gauntlet-env:<context hash>}, once per
 * hash however many trials ask at the same time (a failure is remembered too, so a broken Dockerfile fails
 * each of its trials at once instead of being rebuilt for each).
 */
final class DockerImages {

    static final String REPOSITORY = "gauntlet-env";
    private static final int LOG_LINES = 20;

    private final DockerClient client;
    private final OnceByKey<String> builds = new OnceByKey<>(true);

    DockerImages(DockerClient client) {
        this.client = client;
    }

    String ensure(ImageSpec spec) {
        String tag = spec.reference() != null ? spec.reference() : REPOSITORY + ":" + spec.contextHash().substring(0, 16);
        return builds.get(tag, () -> {
            if (!exists(tag)) {
                if (spec.reference() != null) {
                    pull(tag, spec);
                } else {
                    build(tag, spec);
                }
            }
            return tag;
        });
    }

    boolean exists(String tag) {
        try {
            client.inspectImageCmd(tag).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void pull(String reference, ImageSpec spec) {
        try {
            boolean done = client.pullImageCmd(reference).start()
                .awaitCompletion(spec.buildTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                throw new SandboxException("pulling image " + reference + " took longer than " + spec.buildTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while pulling " + reference, e);
        } catch (RuntimeException e) {
            throw new SandboxException("image " + reference + " is not on the engine and cannot be pulled: " + e.getMessage(), e);
        }
    }

    private void build(String tag, ImageSpec spec) {
        Deque<String> log = new ArrayDeque<>();
        Map<String, String> labels = new HashMap<>();
        labels.put(SandboxLabels.OWNER, "environment");
        if (spec.owner() != null) {
            labels.put(SandboxLabels.TASK, spec.owner());
        }
        BuildImageResultCallback callback = new BuildImageResultCallback() {
            @Override
            public void onNext(BuildResponseItem item) {
                if (item.getStream() != null) {
                    synchronized (log) {
                        item.getStream().lines().filter(l -> !l.isBlank()).forEach(line -> {
                            log.addLast(line);
                            if (log.size() > LOG_LINES) {
                                log.removeFirst();
                            }
                        });
                    }
                }
                super.onNext(item);
            }
        };
        try {
            client.buildImageCmd(spec.buildContext().toFile())
                .withTags(Set.of(tag)).withLabels(labels).withPull(false).withRemove(true).withForcerm(true)
                .exec(callback)
                .awaitImageId(spec.buildTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            DockerClients.closeQuietly(callback);
            String tail;
            synchronized (log) {
                tail = String.join("\n  ", log);
            }
            throw new SandboxException("building the environment of " + spec.owner() + " from "
                + spec.buildContext().resolve("Dockerfile") + " failed: " + e.getMessage()
                + (tail.isEmpty() ? "" : "\n  last build output:\n  " + tail), e);
        }
    }
}
