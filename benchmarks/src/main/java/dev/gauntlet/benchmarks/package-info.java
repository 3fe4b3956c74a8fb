/** End-to-end benchmarks run by {@code benchmarks/run.sh}; each prints one JSON object as its last line. */
package dev.gauntlet.benchmarks;
