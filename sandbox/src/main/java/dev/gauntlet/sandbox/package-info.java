/**
 * Sandboxes: isolated machines that a trial's agent and verifier run commands in.
 *
 * <p>{@link dev.gauntlet.sandbox.SandboxBackend} makes images and sandboxes; {@link dev.gauntlet.sandbox.Sandbox}
 * runs commands and moves files. The Docker backend lives in {@code dev.gauntlet.sandbox.docker}. Every
 * sandbox carries the labels in {@link dev.gauntlet.sandbox.SandboxLabels}, so a crashed run's sandboxes are
 * found and removed.
 */
package dev.gauntlet.sandbox;
