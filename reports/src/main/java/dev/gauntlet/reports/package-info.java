/** Reading runs back: summaries of trial records, printed as tables and written into {@code run.json}. */
package dev.gauntlet.reports;
