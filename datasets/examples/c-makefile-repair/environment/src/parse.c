#include <stdlib.h>
#include "stats.h"

/* Parse whitespace/comma separated numbers; returns how many were stored. */
int parse_numbers(const char *line, double *out, size_t cap) {
    size_t n = 0;
    const char *p = line;
    char *end;
    while (*p && n < cap) {
        if (*p == ' ' || *p == '\t' || *p == ',' || *p == '\n') { p++; continue; }
        double d = strtod(p, &end);
        if (end == p) { p++; continue; }
        out[n++] = d;
        p = end;
    }
    return (int)n;
}
