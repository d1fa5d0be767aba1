/* SPDX-License-Identifier: BSD-3-Clause */
#include "util/walltime.h"

#include <stdio.h>
#include <time.h>

#define NS_PER_S INT64_C(1000000000)

int64_t pr_wall_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * NS_PER_S + ts.tv_nsec;
}

void pr_wall_format(int64_t unix_ns, int decimals, char *buf, size_t len)
{
    int64_t s = unix_ns / NS_PER_S, frac = unix_ns % NS_PER_S;
    if (frac < 0) {
        frac += NS_PER_S;
        s--;
    }
    if (decimals < 0)
        decimals = 0;
    if (decimals > 9)
        decimals = 9;
    time_t t = (time_t)s;
    struct tm tm;
    if (gmtime_r(&t, &tm) == NULL) {
        snprintf(buf, len, "1970-01-01T00:00:00Z");
        return;
    }
    char digits[16] = "";
    if (decimals > 0) {
        int64_t scale = 1;
        for (int i = decimals; i < 9; i++)
            scale *= 10;
        snprintf(digits, sizeof digits, ".%0*lld", decimals, (long long)(frac / scale));
    }
    snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02d%sZ", tm.tm_year + 1900, tm.tm_mon + 1,
             tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, digits);
}
