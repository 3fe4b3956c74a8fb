/**
 * Model clients: what the bash agent asks for its next command. {@link dev.gauntlet.harness.model.ModelClient}
 * is the extension point; {@link dev.gauntlet.harness.model.ModelClients#open} finds one by spec ({@code openai/MODEL},
 * {@code anthropic/MODEL}, {@code oracle}, {@code scripted:FILE}). Providers classify their errors
 * ({@link dev.gauntlet.harness.model.ModelException#retryable()}); retry policy lives in one place,
 * {@link dev.gauntlet.harness.model.RetryingModel}.
 */
package dev.gauntlet.harness.model;
