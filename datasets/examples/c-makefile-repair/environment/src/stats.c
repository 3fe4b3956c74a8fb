#include <math.h>
#include "stats.h"

stats_t compute_stats(const double *v, size_t n) {
    stats_t s = {0, 0.0, 0.0, 0.0, 0.0};
    if (n == 0) return s;
    double sum = 0.0;
    s.min = s.max = v[0];
    for (size_t i = 0; i < n; i++) {
        sum += v[i];
        if (v[i] < s.min) s.min = v[i];
        if (v[i] > s.max) s.max = v[i];
    }
    s.count = n;
    s.mean = sum / (double)n;
    double acc = 0.0;
    for (size_t i = 0; i < n; i++) acc += (v[i] - s.mean) * (v[i] - s.mean);
    s.stddev = sqrt(acc / (double)n);
    return s;
}
