/* SPDX-License-Identifier: BSD-3-Clause */
/* bench/bootlog-throughput's reader: the logs given read into one
 * boot-log timeline, merged, joined and judged as `portready boot-log`
 * does, without the report; prints the seconds each step took.
 *
 *   bootlog_read FILE... */
#include <stdio.h>
#include <time.h>

#include "bootlog/bootlog_timeline.h"
#include "dhcplog/dhcplog_input.h"
#include "dhcplog/dhcplog_reader.h"

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    static struct bootlog_timeline t;
    struct pr_error err = {0};
    bootlog_timeline_init(&t, dhcplog_time_now());
    double t0 = seconds();
    for (int i = 1; i < argc; i++) {
        struct dhcplog_splitter sp;
        struct dhcplog_input_options in = {0};
        if (bootlog_timeline_begin_file(&t) != 0 ||
            dhcplog_splitter_init(&sp, DHCPLOG_LINE_MAX, bootlog_timeline_line,
                                  bootlog_timeline_overlong, &t, &err) != 0)
            return 1;
        int rc = dhcplog_input_read(argv[i], &sp, &in, &err);
        dhcplog_splitter_free(&sp);
        if (rc != 0) {
            fprintf(stderr, "bootlog_read: %s\n", err.msg);
            return 1;
        }
    }
    double t1 = seconds();
    if (bootlog_timeline_build(&t, &err) != 0) {
        fprintf(stderr, "bootlog_read: %s\n", err.msg);
        return 1;
    }
    double t2 = seconds();
    printf("%llu lines, read %.3f s, merged and judged %.3f s, %zu machines\n",
           (unsigned long long)t.stats.lines, t1 - t0, t2 - t1, t.n_clients);
    bootlog_timeline_free(&t);
    return 0;
}
