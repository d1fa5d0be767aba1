/* SPDX-License-Identifier: BSD-3-Clause */
/* The options of `portready time` and their checks, apart from getopt so
 * tests can check every combination without running anything. */
#ifndef PR_TIMER_OPTIONS_H
#define PR_TIMER_OPTIONS_H

#include <stdbool.h>

#include "util/error.h"
#include "snmp/source.h"

struct timer_options {
    const char *iface;  /* --iface: local bounce */
    const char *watch;  /* --watch: watch mode */
    const char *sw;     /* --switch: switch-side bounce */
    const char *port;   /* --port */
    const char *target; /* --target */
    const char *plot;   /* --plot FILE.svg */
    int interval_ms;    /* default 10 */
    int count;          /* default 1 */
    int timeout_s;      /* default 60 */
    double down_for_s;  /* default 5; with --watch: the bouncing side's, when given */
    bool down_for_given;
    bool yes;
    bool force;
    bool fixed_interval; /* --fixed-interval: no 1 ms probing where forwarding is likely */
    bool json;
    struct pr_snmp_options snmp;
    bool snmp_given; /* any SNMP option was used */
};

void timer_options_defaults(struct timer_options *o);

/* Checks the combination: exactly one of --iface, --watch, --switch; what
 * each needs and what it cannot take; addresses are IPv4. Errors have code
 * PR_ERR_USAGE and name the option. */
int timer_options_check(const struct timer_options *o, struct pr_error *err);

/* Parsers for option values; the error names the option and the range. */
int timer_parse_int_option(const char *option, const char *text, long min, long max, int *out,
                           struct pr_error *err);
int timer_parse_seconds_option(const char *option, const char *text, double min, double max,
                               double *out, struct pr_error *err);

#endif
