#ifndef STATS_H
#define STATS_H
#include <stddef.h>

#define STATS_MAX_VALUES 4096

typedef struct {
    size_t count;
    double mean;
    double stddev;
    double min;
    double max;
} stats_t;

int parse_numbers(const char *line, double *out, size_t cap);
stats_t compute_stats(const double *v, size_t n);

#endif
