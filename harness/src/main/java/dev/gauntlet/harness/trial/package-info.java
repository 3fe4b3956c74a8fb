/**
 * One trial, stage by stage: {@link dev.gauntlet.harness.trial.TrialExecutor} sets up the sandbox, runs the
 * agent, stops the agent's processes, runs the verifier, and turns what happened into a trial record.
 */
package dev.gauntlet.harness.trial;
