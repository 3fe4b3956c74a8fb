package dev.gauntlet.harness.run;

import java.util.Locale;

/**
 * {@code --fail-on-error}: how many trials may end in an error (cancelled ones aside) before the run fails. A
 * whole number is a count, a number below 1 a fraction of the planned trials. Once the budget is exceeded the
 * run starts no more trials, lets the running ones finish and exits with {@link #EXIT_CODE}.
 *
 * @param count    errors allowed, or -1 when a fraction is given
 * @param fraction share of the planned trials allowed to error, or -1 when a count is given
 */
public record ErrorBudget(int count, double fraction) {

    /** The exit code of a run that exceeded its budget. */
    public static final int EXIT_CODE = 3;

    /** No budget: errors never fail the run. */
    public static final ErrorBudget UNLIMITED = new ErrorBudget(Integer.MAX_VALUE, -1);

    public static ErrorBudget parse(String text) {
        String value = text.strip();
        try {
            if (value.matches("\\d+")) {
                return new ErrorBudget(Integer.parseInt(value), -1);
            }
            double fraction = Double.parseDouble(value);
            if (fraction >= 0 && fraction < 1) {
                return new ErrorBudget(-1, fraction);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--fail-on-error takes a whole number of errors (e.g. 5) or a fraction of the "
            + "planned trials below 1 (e.g. 0.1), got '" + text + "'");
    }

    /** True when {@code errors} errors among {@code planned} trials are more than allowed. */
    public boolean exceeded(int errors, int planned) {
        return fraction >= 0 ? errors > fraction * planned : errors > count;
    }

    /** How the budget reads on the command line. */
    public String describe() {
        return fraction >= 0 ? String.format(Locale.ROOT, "%s of %s", fraction, "the planned trials") : String.valueOf(count);
    }
}
