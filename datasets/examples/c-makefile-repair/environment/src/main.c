#include <stdio.h>
#include "stats.h"

int main(void) {
    static double values[STATS_MAX_VALUES];
    char line[8192];
    size_t n = 0;
    while (n < STATS_MAX_VALUES && fgets(line, sizeof line, stdin))
        n += (size_t)parse_numbers(line, values + n, STATS_MAX_VALUES - n);
    stats_t s = compute_stats(values, n);
    printf("count=%zu mean=%.3f stddev=%.3f min=%.3f max=%.3f\n",
           s.count, s.mean, s.stddev, s.min, s.max);
    return n ? 0 : 1;
}
