/** Agents: what acts in the sandbox during a trial's agent phase, found by name in {@link dev.gauntlet.harness.agent.Agents}. */
package dev.gauntlet.harness.agent;
