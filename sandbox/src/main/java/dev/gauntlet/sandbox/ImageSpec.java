package dev.gauntlet.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * An image to run: either an existing reference, or a build context tagged by its content hash.
 *
 * @param reference    an image to use as is (pulled if missing), or null to build
 * @param buildContext a directory with a {@code Dockerfile}, or null
 * @param contextHash  the content hash of the build context; the image is tagged with it
 * @param owner        what the image is for (a task id), put on the image as a label
 * @param buildTimeout how long building may take
 */
public record ImageSpec(String reference, Path buildContext, String contextHash, String owner, Duration buildTimeout) {

    public ImageSpec {
        if ((reference == null) == (buildContext == null)) {
            throw new IllegalArgumentException("exactly one of reference and buildContext must be set");
        }
        if (buildContext != null) {
            Objects.requireNonNull(contextHash, "contextHash");
        }
        Objects.requireNonNull(buildTimeout, "buildTimeout");
    }

    public static ImageSpec build(Path context, String contextHash, String owner, Duration timeout) {
        return new ImageSpec(null, context, contextHash, owner, timeout);
    }
}
