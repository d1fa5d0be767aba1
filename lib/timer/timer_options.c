/* SPDX-License-Identifier: BSD-3-Clause */
#include "timer/timer_options.h"

#include <arpa/inet.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/strutil.h"

void timer_options_defaults(struct timer_options *o)
{
    memset(o, 0, sizeof *o);
    o->interval_ms = 10;
    o->count = 1;
    o->timeout_s = 60;
    o->down_for_s = 5.0;
    pr_snmp_options_defaults(&o->snmp);
}

static bool is_ipv4(const char *text)
{
    struct in_addr a;
    return text != NULL && inet_pton(AF_INET, text, &a) == 1;
}

int timer_options_check(const struct timer_options *o, struct pr_error *err)
{
    int modes = (o->iface != NULL) + (o->watch != NULL) + (o->sw != NULL);
    if (modes == 0)
        return pr_error_set(err, PR_ERR_USAGE,
                            "say what to time: --iface IF (bounce it here), --watch IP, or "
                            "--switch SWITCH --port PORT --target IP");
    if (modes > 1)
        return pr_error_set(err, PR_ERR_USAGE,
                            "--iface, --watch and --switch are different modes: use one");
    if (o->target != NULL && !is_ipv4(o->target))
        return pr_error_set(err, PR_ERR_USAGE,
                            "--target '%s' is not an IPv4 address (ICMP echo and ARP probes are "
                            "IPv4 only)",
                            o->target);
    if (o->iface != NULL) {
        if (o->iface[0] == '\0' || strlen(o->iface) >= 16 || strchr(o->iface, '/') != NULL)
            return pr_error_set(err, PR_ERR_USAGE, "--iface '%s' is not an interface name",
                                o->iface);
        if (o->port != NULL)
            return pr_error_set(err, PR_ERR_USAGE, "--port goes with --switch, not --iface");
        if (o->snmp_given)
            return pr_error_set(err, PR_ERR_USAGE,
                                "SNMP options go with --switch, not with a local bounce");
    }
    if (o->watch != NULL) {
        if (!is_ipv4(o->watch))
            return pr_error_set(err, PR_ERR_USAGE, "--watch '%s' is not an IPv4 address", o->watch);
        if (o->target != NULL)
            return pr_error_set(err, PR_ERR_USAGE,
                                "--watch names the address to watch: --target is not needed");
        if (o->port != NULL || o->snmp_given)
            return pr_error_set(err, PR_ERR_USAGE,
                                "--port and SNMP options go with --switch, not --watch");
    }
    if (o->sw != NULL) {
        if (o->sw[0] == '\0')
            return pr_error_set(err, PR_ERR_USAGE, "--switch needs host[:port]");
        if (o->port == NULL || o->port[0] == '\0')
            return pr_error_set(err, PR_ERR_USAGE,
                                "--switch needs --port PORT (ifName, ifDescr or ifIndex)");
        if (o->target == NULL)
            return pr_error_set(err, PR_ERR_USAGE,
                                "--switch needs --target IP: the server behind the port");
    }
    if (o->interval_ms < 1 || o->interval_ms > 1000)
        return pr_error_set(err, PR_ERR_USAGE, "--interval must be 1 to 1000 ms");
    if (o->count < 1 || o->count > 100)
        return pr_error_set(err, PR_ERR_USAGE, "--count must be 1 to 100");
    if (o->timeout_s < 1 || o->timeout_s > 3600)
        return pr_error_set(err, PR_ERR_USAGE, "--timeout must be 1 to 3600 s");
    if (!(o->down_for_s >= 0 && o->down_for_s <= 3600))
        return pr_error_set(err, PR_ERR_USAGE, "--down-for must be 0 to 3600 s");
    return 0;
}

int timer_parse_int_option(const char *option, const char *text, long min, long max, int *out,
                           struct pr_error *err)
{
    long long v;
    if (!pr_parse_int(text, min, max, &v))
        return pr_error_set(err, PR_ERR_USAGE, "%s '%s': expected a whole number from %ld to %ld",
                            option, text, min, max);
    *out = (int)v;
    return 0;
}

int timer_parse_seconds_option(const char *option, const char *text, double min, double max,
                               double *out, struct pr_error *err)
{
    char *end = NULL;
    double v = strtod(text, &end);
    if (text[0] == '\0' || end == NULL || *end != '\0' || !isfinite(v) || v < min || v > max)
        return pr_error_set(err, PR_ERR_USAGE, "%s '%s': expected seconds from %g to %g", option,
                            text, min, max);
    *out = v;
    return 0;
}
