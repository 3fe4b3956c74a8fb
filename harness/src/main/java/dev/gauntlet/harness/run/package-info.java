/**
 * A whole evaluation run: planning trials from datasets, running them through the scheduler, writing
 * records to the run directory, and summarising.
 */
package dev.gauntlet.harness.run;
