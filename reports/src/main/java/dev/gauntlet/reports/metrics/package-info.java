/**
 * Metrics over trial records, computable from the Parquet records alone: accuracy and mean reward with their
 * standard error and a seeded bootstrap confidence interval, and the unbiased pass@k estimator, per
 * (agent, model), per task and per metadata group. Everything here is a pure function of its inputs; the same
 * records and {@link dev.gauntlet.reports.metrics.MetricOptions} give the same figures on every machine.
 */
package dev.gauntlet.reports.metrics;
