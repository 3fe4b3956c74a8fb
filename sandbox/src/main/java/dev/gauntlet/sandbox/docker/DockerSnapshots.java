package dev.gauntlet.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import dev.gauntlet.sandbox.SandboxLabels;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Snapshot images ({@code gauntlet-snap:NAME}): garbage collection by age and total size. */
final class DockerSnapshots {

    static final String REPOSITORY = "gauntlet-snap";

    private DockerSnapshots() {
    }

    static int remove(DockerClient client, Duration maxAge, long maxBytes, Set<String> keep) {
        List<Image> snapshots = client.listImagesCmd().withLabelFilter(Map.of(SandboxLabels.OWNER, "snapshot")).exec().stream()
            .filter(i -> i.getRepoTags() == null || List.of(i.getRepoTags()).stream().noneMatch(keep::contains))
            .sorted(Comparator.comparing(Image::getCreated).reversed())
            .toList();
        long cutoff = Instant.now().minus(maxAge).getEpochSecond();
        long kept = 0;
        int removed = 0;
        for (Image image : snapshots) {
            long size = image.getSize() == null ? 0 : image.getSize();
            if (image.getCreated() >= cutoff && kept + size <= maxBytes) {
                kept += size;
            } else if (removeImage(client, image)) {
                removed++;
            }
        }
        return removed;
    }

    private static boolean removeImage(DockerClient client, Image image) {
        try {
            List<String> tags = image.getRepoTags() == null ? List.of()
                : List.of(image.getRepoTags()).stream().filter(t -> !t.startsWith("<none>")).toList();
            if (tags.isEmpty()) {
                client.removeImageCmd(image.getId()).exec();
            }
            for (String tag : tags) {
                client.removeImageCmd(tag).exec();
            }
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (ConflictException e) {
            return false; // a sandbox still runs from it
        }
    }
}
