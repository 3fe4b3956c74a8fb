/** The {@code gauntlet} command line (picocli): {@code run}, {@code validate}, {@code cleanup}. */
package dev.gauntlet.harness.cli;
