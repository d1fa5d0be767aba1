/* SPDX-License-Identifier: BSD-3-Clause */
#include "timer/timer_report.h"

#include "util/json.h"
#include "util/strutil.h"
#include "util/walltime.h"

void timer_format_ms(int64_t ns, char *buf, size_t len)
{
    if (ns == TIMER_NONE)
        snprintf(buf, len, "-");
    else
        snprintf(buf, len, "%.1f ms", (double)ns / 1e6);
}

static const char *plural(unsigned n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

void timer_text_bounce(const struct timer_run *run, size_t index, char *buf, size_t len)
{
    const struct timer_bounce *b = &run->bounces[index];
    char carrier[32], arp[32], reach[32];
    timer_format_ms(timer_bounce_carrier_ns(b), carrier, sizeof carrier);
    timer_format_ms(timer_bounce_arp_ns(b), arp, sizeof arp);
    timer_format_ms(timer_bounce_reachability_ns(b), reach, sizeof reach);
    double down_s = (b->down_ns != TIMER_NONE && b->up_ns != TIMER_NONE)
                        ? (double)(b->up_ns - b->down_ns) / 1e9
                        : 0.0;
    buf[0] = '\0';
    pr_strlcatf(buf, len, "bounce %zu/%d: down %.2f s | ", index + 1, run->count, down_s);
    if (run->mode == TIMER_MODE_LOCAL)
        pr_strlcatf(buf, len, "up -> carrier %s | ", carrier);
    if (run->arp)
        pr_strlcatf(buf, len, "%s -> ARP reply %s | ",
                    run->mode == TIMER_MODE_LOCAL ? "carrier" : "up", arp);
    pr_strlcatf(buf, len, "up -> first reply %s | %s", reach,
                timer_verdict_name(timer_verdict_for(timer_bounce_reachability_ns(b))));
    if (b->restored_addresses || b->restored_routes)
        pr_strlcatf(buf, len, " | put back %u %s, %u %s", b->restored_addresses,
                    plural(b->restored_addresses, "address", "addresses"), b->restored_routes,
                    plural(b->restored_routes, "route", "routes"));
    if (b->restored_nexthops || b->restored_neighbours)
        pr_strlcatf(buf, len, ", %u %s, %u %s", b->restored_nexthops,
                    plural(b->restored_nexthops, "nexthop object", "nexthop objects"),
                    b->restored_neighbours,
                    plural(b->restored_neighbours, "neighbour", "neighbours"));
}

void timer_text_outage(const struct timer_run *run, size_t index, char *buf, size_t len)
{
    const struct timer_outage *o = &run->outages[index];
    char gap[32], outage[32];
    int64_t before = (o->last_reply_ns != TIMER_NONE && o->first_lost_sent_ns != TIMER_NONE)
                         ? o->first_lost_sent_ns - o->last_reply_ns
                         : TIMER_NONE;
    timer_format_ms(before, gap, sizeof gap);
    timer_format_ms(timer_outage_ns(o), outage, sizeof outage);
    buf[0] = '\0';
    pr_strlcatf(buf, len,
                "outage %zu: last reply -> first lost probe %s | first lost probe -> first reply "
                "%s | %u %s lost",
                index + 1, gap, outage, o->lost, plural(o->lost, "probe", "probes"));
    if (o->first_reply_ns == TIMER_NONE)
        pr_strlcatf(buf, len, " | no reply within --timeout");
    int64_t blackout = timer_outage_blackout_ns(run, o);
    if (run->down_for_s >= 0 && blackout != TIMER_NONE) {
        char ms[32];
        timer_format_ms(blackout, ms, sizeof ms);
        pr_strlcatf(buf, len, " | less --down-for %.2f s: %s", run->down_for_s, ms);
    }
    pr_strlcatf(buf, len, " | %s", timer_verdict_name(timer_verdict_for(blackout)));
}

/* What was cut short: the interface (switch port) named, or the interrupt. */
static void cut_short(const struct timer_run *run, char *buf, size_t len)
{
    if (run->not_restored > 0) {
        if (run->iface[0] != '\0')
            pr_strlcatf(buf, len, "%s", run->iface);
        else
            pr_strlcatf(buf, len, "port %s of %s", run->port, run->sw);
        pr_strlcatf(buf, len, " was not restored: %u of what it had %s missing", run->not_restored,
                    run->not_restored == 1 ? "is" : "are");
    }
    if (run->interrupted)
        pr_strlcatf(buf, len, "%sinterrupted: the measurement is incomplete",
                    buf[0] != '\0' ? "; " : "");
}

void timer_verdict_reason(const struct timer_run *run, const struct timer_summary *s, char *buf,
                          size_t len)
{
    buf[0] = '\0';
    if (s->verdict == s->measured_verdict && !run->interrupted && run->not_restored == 0) {
        if (s->cause != NULL)
            pr_strlcatf(buf, len, "%s", s->cause);
        return;
    }
    cut_short(run, buf, len);
    /* An interrupted bounce never got its reply: its "unknown" says
     * nothing of the port. */
    if (run->interrupted && s->measured_verdict == TIMER_UNKNOWN)
        return;
    pr_strlcatf(buf, len, "; measured%s: %s", run->interrupted ? " so far" : "",
                timer_verdict_name(s->measured_verdict));
    if (s->cause != NULL)
        pr_strlcatf(buf, len, ": %s", s->cause);
}

static void seconds(int64_t ns, char *buf, size_t len)
{
    if (ns == TIMER_NONE)
        snprintf(buf, len, "-");
    else
        snprintf(buf, len, "%.3f s", (double)ns / 1e9);
}

void timer_text_summary(FILE *out, const struct timer_run *run, const struct timer_summary *s)
{
    char mn[32], md[32], mx[32];
    seconds(s->min_ns, mn, sizeof mn);
    seconds(s->median_ns, md, sizeof md);
    seconds(s->max_ns, mx, sizeof mx);
    bool watch = run->mode == TIMER_MODE_WATCH;
    if (s->answered > 0)
        fprintf(out, "%s over %zu %s: min %s, median %s, max %s\n",
                watch ? "outage (first lost probe -> first reply)"
                      : "reachability (up -> first reply)",
                s->answered,
                watch ? plural((unsigned)s->answered, "outage", "outages")
                      : plural((unsigned)s->answered, "bounce", "bounces"),
                mn, md, mx);
    if (run->interrupted)
        fprintf(out, "interrupted: the measurement is incomplete\n");
    if (run->not_restored > 0)
        fprintf(out, "not put back (%u): %s\n", run->not_restored, run->not_restored_what);
    char reason[TIMER_REASON_LEN];
    timer_verdict_reason(run, s, reason, sizeof reason);
    fprintf(out, "verdict: %s", timer_verdict_name(s->verdict));
    if (reason[0] != '\0')
        fprintf(out, ": %s", reason);
    fputc('\n', out);
}

static void json_ns(struct json_out *j, const char *key, int64_t ns)
{
    json_key(j, key);
    json_int_or_null(j, ns != TIMER_NONE, ns);
}

static void json_ms(struct json_out *j, const char *key, int64_t ns)
{
    json_key(j, key);
    json_double_or_null(j, ns != TIMER_NONE, (double)ns / 1e6, 3);
}

/* The wall-clock time of a monotonic one, to the microsecond (null for
 * TIMER_NONE). */
static void json_at(struct json_out *j, const char *key, const struct timer_run *run, int64_t ns)
{
    json_key(j, key);
    json_wall_time(j, timer_run_wall_ns(run, ns), 6);
}

static void json_str_or_null(struct json_out *j, const char *key, const char *value)
{
    json_key(j, key);
    json_string(j, (value != NULL && value[0] != '\0') ? value : NULL);
}

static void json_probes(struct json_out *j, const struct timer_probes *p)
{
    json_key(j, "probes");
    json_begin_array(j);
    for (size_t i = 0; i < p->n; i++) {
        const struct timer_probe *pr = &p->v[i];
        json_begin_object(j);
        json_key(j, "kind");
        json_string(j, pr->kind == TIMER_PROBE_ARP ? "arp" : "icmp");
        json_key(j, "seq");
        json_int_or_null(j, pr->kind == TIMER_PROBE_ICMP, pr->seq);
        json_ns(j, "sent_ns", pr->sent_ns);
        json_ns(j, "reply_ns", pr->reply_ns);
        json_key(j, "send_failed");
        json_bool(j, pr->send_failed);
        json_end_object(j);
    }
    json_end_array(j);
}

static void json_bounce(struct json_out *j, const struct timer_run *run,
                        const struct timer_bounce *b, size_t index)
{
    json_begin_object(j);
    json_key(j, "index");
    json_int(j, (int64_t)index + 1);
    json_ns(j, "down_ns", b->down_ns);
    json_ns(j, "up_ns", b->up_ns);
    json_ns(j, "carrier_up_ns", b->carrier_up_ns);
    json_ns(j, "first_arp_reply_ns", b->first_arp_reply_ns);
    json_ns(j, "first_reply_ns", b->first_reply_ns);
    json_at(j, "down_at", run, b->down_ns);
    json_at(j, "up_at", run, b->up_ns);
    json_at(j, "carrier_up_at", run, b->carrier_up_ns);
    json_at(j, "first_arp_reply_at", run, b->first_arp_reply_ns);
    json_at(j, "first_reply_at", run, b->first_reply_ns);
    json_ms(j, "down_ms",
            b->up_ns == TIMER_NONE || b->down_ns == TIMER_NONE ? TIMER_NONE
                                                               : b->up_ns - b->down_ns);
    json_ms(j, "carrier_ms", timer_bounce_carrier_ns(b));
    json_ms(j, "arp_ms", timer_bounce_arp_ns(b));
    json_ms(j, "reachability_ms", timer_bounce_reachability_ns(b));
    json_key(j, "verdict");
    json_string(j, timer_verdict_name(timer_verdict_for(timer_bounce_reachability_ns(b))));
    json_key(j, "restored");
    json_begin_object(j);
    json_key(j, "addresses");
    json_int(j, b->restored_addresses);
    json_key(j, "routes");
    json_int(j, b->restored_routes);
    json_key(j, "nexthops");
    json_int(j, b->restored_nexthops);
    json_key(j, "neighbours");
    json_int(j, b->restored_neighbours);
    json_end_object(j);
    json_probes(j, &b->probes);
    json_end_object(j);
}

static void json_outage(struct json_out *j, const struct timer_run *run,
                        const struct timer_outage *o, size_t index)
{
    json_begin_object(j);
    json_key(j, "index");
    json_int(j, (int64_t)index + 1);
    json_ns(j, "last_reply_ns", o->last_reply_ns);
    json_ns(j, "first_lost_sent_ns", o->first_lost_sent_ns);
    json_ns(j, "first_reply_ns", o->first_reply_ns);
    json_at(j, "last_reply_at", run, o->last_reply_ns);
    json_at(j, "first_lost_sent_at", run, o->first_lost_sent_ns);
    json_at(j, "first_reply_at", run, o->first_reply_ns);
    json_ms(j, "outage_ms", timer_outage_ns(o));
    int64_t blackout = timer_outage_blackout_ns(run, o);
    json_ms(j, "blackout_ms", run->down_for_s >= 0 ? blackout : TIMER_NONE);
    json_key(j, "verdict");
    json_string(j, timer_verdict_name(timer_verdict_for(blackout)));
    json_ms(j, "reply_gap_ms",
            o->last_reply_ns == TIMER_NONE || o->first_reply_ns == TIMER_NONE
                ? TIMER_NONE
                : o->first_reply_ns - o->last_reply_ns);
    json_key(j, "lost");
    json_int(j, o->lost);
    json_probes(j, &o->probes);
    json_end_object(j);
}

static const char *mode_name(enum timer_mode m)
{
    switch (m) {
    case TIMER_MODE_LOCAL:
        return "local";
    case TIMER_MODE_WATCH:
        return "watch";
    case TIMER_MODE_SWITCH:
        break;
    }
    return "switch";
}

/* The "time" object of a run. */
static void json_run(struct json_out *j, const struct timer_run *run, const struct timer_summary *s)
{
    json_begin_object(j);
    json_key(j, "mode");
    json_string(j, mode_name(run->mode));
    json_key(j, "clock");
    json_string(j, "CLOCK_MONOTONIC");
    json_ns(j, "started_ns", run->start_mono_ns);
    json_at(j, "started_at", run, run->start_mono_ns);
    json_str_or_null(j, "interface", run->iface);
    json_str_or_null(j, "target", run->target);
    json_str_or_null(j, "switch", run->sw);
    json_str_or_null(j, "port", run->port);
    json_key(j, "port_ifindex");
    json_int_or_null(j, run->port_ifindex >= 0, run->port_ifindex);
    json_key(j, "interval_ms");
    json_int(j, run->interval_ms);
    json_key(j, "adaptive");
    json_bool(j, run->adaptive);
    json_key(j, "down_for_s");
    json_double_or_null(j, run->down_for_s >= 0, run->down_for_s, 3);
    json_key(j, "timeout_s");
    json_int(j, run->timeout_s);
    json_key(j, "count");
    json_int(j, run->count);
    json_key(j, "icmp_socket");
    json_string(j, run->icmp_socket);
    json_key(j, "arp");
    json_bool(j, run->arp);
    json_key(j, "interrupted");
    json_bool(j, run->interrupted);
    json_key(j, "not_restored");
    json_int(j, run->not_restored);
    json_str_or_null(j, "not_restored_what", run->not_restored > 0 ? run->not_restored_what : NULL);
    json_key(j, "bounces");
    json_begin_array(j);
    for (size_t i = 0; i < run->n_bounces; i++)
        json_bounce(j, run, &run->bounces[i], i);
    json_end_array(j);
    json_key(j, "outages");
    json_begin_array(j);
    for (size_t i = 0; i < run->n_outages; i++)
        json_outage(j, run, &run->outages[i], i);
    json_end_array(j);
    json_key(j, "summary");
    json_begin_object(j);
    json_key(j, "measured");
    json_int(j, (int64_t)s->measured);
    json_key(j, "answered");
    json_int(j, (int64_t)s->answered);
    json_ms(j, "min_ms", s->min_ns);
    json_ms(j, "median_ms", s->median_ns);
    json_ms(j, "max_ms", s->max_ns);
    json_key(j, "verdict");
    json_string(j, timer_verdict_name(s->verdict));
    char reason[TIMER_REASON_LEN];
    timer_verdict_reason(run, s, reason, sizeof reason);
    json_str_or_null(j, "cause", reason);
    json_key(j, "measured_verdict");
    json_string(j, timer_verdict_name(s->measured_verdict));
    json_end_object(j);
    json_end_object(j);
}

void timer_json_write(FILE *out, const struct timer_run *run, const struct timer_summary *s,
                      const struct pr_error *err, bool pretty)
{
    struct json_out j;
    json_init(&j, out, pretty);
    json_begin_object(&j);
    json_key(&j, "portready");
    json_int(&j, 1);
    json_key(&j, "timestamp");
    json_wall_time(&j, run != NULL ? run->start_wall_ns : pr_wall_now_ns(), 3);
    json_key(&j, "time");
    if (run != NULL)
        json_run(&j, run, s);
    else
        json_null(&j);
    json_key(&j, "error");
    json_error(&j, err);
    json_end_object(&j);
    json_finish(&j);
}
