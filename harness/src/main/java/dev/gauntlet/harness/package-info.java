/**
 * The harness: what happens inside one trial (environment, agent, verifier, record), the agents, and the
 * {@code gauntlet} command line that plans and runs a whole evaluation.
 */
package dev.gauntlet.harness;
