package dev.gauntlet.harness.model;

/**
 * What a run may ask of one model: requests in flight, requests per minute and tokens per minute (input plus
 * output), each 0 for no limit. The provider's own limits are the usual source of these numbers.
 *
 * @param concurrency       requests in flight at once
 * @param requestsPerMinute requests started per minute
 * @param tokensPerMinute   tokens (input and output) per minute
 */
public record ModelQuota(int concurrency, int requestsPerMinute, long tokensPerMinute) {

    public static final ModelQuota NONE = new ModelQuota(0, 0, 0);

    public ModelQuota {
        if (concurrency < 0 || requestsPerMinute < 0 || tokensPerMinute < 0) {
            throw new IllegalArgumentException("--model-concurrency, --model-rpm and --model-tpm must not be negative (0: no limit), got "
                + concurrency + ", " + requestsPerMinute + " and " + tokensPerMinute);
        }
    }
}
