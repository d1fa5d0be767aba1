/* SPDX-License-Identifier: BSD-3-Clause */
#include "timer/timer_switch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/portsel.h"
#include "snmp/mib_objects.h"
#include "timer/timer_guard.h"
#include "timer/timer_loop.h"
#include "timer/timer_probe.h"
#include "timer/timer_wait.h"
#include "timer/timer_watch.h"
#include "util/strutil.h"

#define MS            INT64_C(1000000)
#define TICK          (100 * MS)
#define IF_ADMIN_UP   1
#define IF_ADMIN_DOWN 2

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* The text of column.ifindex in buf, or NULL when it is absent or no text
 * (not an octet string, a NUL inside, longer than any DisplayString): that
 * names no port. */
static const char *column_text(struct pr_snmp_store *store, const struct mib_object *column,
                               uint32_t ifindex, char *buf, size_t len)
{
    const struct pr_snmp_varbind *vb =
        pr_snmp_store_get_indexed(store, column->oid, column->len, ifindex);
    if (vb == NULL || vb->value.type != PR_SNMP_T_OCTETS || vb->value.len >= len ||
        memchr(vb->value.bytes, '\0', vb->value.len) != NULL)
        return NULL;
    memcpy(buf, vb->value.bytes, vb->value.len);
    buf[vb->value.len] = '\0';
    return buf;
}

/* How port names the interface ifindex (the rule of core/portsel.h). */
static enum portsel_match match_interface(struct pr_snmp_store *store, uint32_t ifindex,
                                          const char *port)
{
    char name[256], descr[256];
    return portsel_match_port(port, column_text(store, &MIB_IF_NAME, ifindex, name, sizeof name),
                              column_text(store, &MIB_IF_DESCR, ifindex, descr, sizeof descr),
                              ifindex);
}

/* The strongest match over every interface of column, the lowest ifIndex
 * first among equals. */
static void best_in_column(struct pr_snmp_store *store, const struct mib_object *column,
                           const char *port, enum portsel_match *best, long *found)
{
    size_t first, count;
    pr_snmp_store_subtree(store, column->oid, column->len, &first, &count);
    for (size_t i = first; i < first + count; i++) {
        const struct pr_snmp_varbind *vb = &store->vb[i];
        if (vb->name_len != column->len + 1)
            continue;
        uint32_t ifindex = vb->name[column->len];
        enum portsel_match m = match_interface(store, ifindex, port);
        if (m != PORTSEL_NO_MATCH &&
            (*best == PORTSEL_NO_MATCH || m < *best || (m == *best && ifindex < *found))) {
            *best = m;
            *found = (long)ifindex;
        }
    }
}

long timer_switch_find_port(struct pr_snmp_store *store, const char *port)
{
    enum portsel_match best = PORTSEL_NO_MATCH;
    long found = -1;
    best_in_column(store, &MIB_IF_NAME, port, &best, &found);
    best_in_column(store, &MIB_IF_DESCR, port, &best, &found);
    return found;
}

struct pr_snmp_source *timer_switch_open(const struct timer_switch_config *cfg,
                                         struct timer_run *run, struct pr_error *err)
{
    pr_strlcpy(run->sw, cfg->host, sizeof run->sw);
    pr_strlcpy(run->port, cfg->port, sizeof run->port);
    struct pr_snmp_source *src = pr_snmp_source_open_live(cfg->host, cfg->snmp, err);
    if (src == NULL)
        return NULL;
    const struct pr_snmp_request req[] = {
        {.oid = MIB_IF_NAME.oid, .len = MIB_IF_NAME.len},
        {.oid = MIB_IF_DESCR.oid, .len = MIB_IF_DESCR.len},
        {.oid = MIB_IF_ADMIN_STATUS.oid, .len = MIB_IF_ADMIN_STATUS.len},
    };
    struct pr_snmp_store store;
    pr_snmp_store_init(&store);
    if (pr_snmp_source_fetch(src, NULL, req, LEN(req), &store, err) < 0)
        goto fail;
    long ifindex = timer_switch_find_port(&store, cfg->port);
    if (ifindex < 0) {
        pr_error_set(err, PR_ERR_NOT_FOUND, "%s has no port '%s' (by ifName, ifDescr or ifIndex)",
                     cfg->host, cfg->port);
        goto fail;
    }
    run->port_ifindex = ifindex;
    int64_t admin = 0;
    const struct pr_snmp_varbind *vb = pr_snmp_store_get_indexed(
        &store, MIB_IF_ADMIN_STATUS.oid, MIB_IF_ADMIN_STATUS.len, (uint32_t)ifindex);
    if (vb == NULL || !pr_snmp_value_integer(&vb->value, &admin)) {
        pr_error_set(err, PR_ERR_UNSUPPORTED,
                     "%s does not show ifAdminStatus.%ld: cannot bounce port '%s'", cfg->host,
                     ifindex, cfg->port);
        goto fail;
    }
    if (admin != IF_ADMIN_UP) {
        pr_error_set(err, PR_ERR_USAGE,
                     "port '%s' (ifIndex %ld) of %s is administratively down already "
                     "(ifAdminStatus %lld): nothing to bounce",
                     cfg->port, ifindex, cfg->host, (long long)admin);
        goto fail;
    }
    pr_snmp_store_free(&store);
    return src;
fail:
    pr_snmp_store_free(&store);
    pr_snmp_source_close(src);
    return NULL;
}

static int set_admin(struct pr_snmp_source *src, long ifindex, int value, struct pr_error *err)
{
    uint32_t oid[PR_SNMP_OID_MAX];
    memcpy(oid, MIB_IF_ADMIN_STATUS.oid, MIB_IF_ADMIN_STATUS.len * sizeof *oid);
    oid[MIB_IF_ADMIN_STATUS.len] = (uint32_t)ifindex;
    if (pr_snmp_source_set_integer(src, oid, MIB_IF_ADMIN_STATUS.len + 1, value, err) < 0) {
        pr_error_prefix(err, "setting ifAdminStatus.%ld to %s", ifindex,
                        value == IF_ADMIN_UP ? "up" : "down");
        return -1;
    }
    return 0;
}

struct switch_guard {
    const struct timer_switch_config *cfg;
    const struct timer_hooks *hooks;
    long ifindex;
};

/* In the guardian: a session of its own, port up again. */
static int guardian_restore(void *ctx)
{
    struct switch_guard *g = ctx;
    struct pr_error err;
    struct pr_snmp_source *src = pr_snmp_source_open_live(g->cfg->host, g->cfg->snmp, &err);
    if (src == NULL)
        return -1;
    int rc = set_admin(src, g->ifindex, IF_ADMIN_UP, &err);
    pr_snmp_source_close(src);
    if (rc == 0 && g->hooks != NULL && g->hooks->guardian_note != NULL) {
        char note[300];
        snprintf(note, sizeof note,
                 "portready was stopped during the bounce: port %s of %s is enabled again",
                 g->cfg->port, g->cfg->host);
        g->hooks->guardian_note(g->hooks->ctx, note);
    }
    return rc;
}

/* One bounce; 1 interrupted (the port is up again), 0 done, -1 error, -2
 * refused before anything changed. */
static int bounce_once(const struct timer_switch_config *cfg, struct pr_snmp_source *src,
                       struct timer_loop *loop, const struct timer_hooks *hooks,
                       struct timer_run *run, struct pr_error *err)
{
    size_t index = run->n_bounces;
    struct timer_bounce *b = timer_run_add_bounce(run, err);
    if (b == NULL)
        return -1;
    struct timer_loop_events ev;
    b->down_ns = timer_now_ns();
    if (set_admin(src, run->port_ifindex, IF_ADMIN_DOWN, err) < 0)
        /* An agent that answered with an error changed nothing. */
        return (err->code == PR_ERR_PROTOCOL || err->code == PR_ERR_AUTH) ? -2 : -1;
    int64_t down_until = b->down_ns + (int64_t)(cfg->down_for_s * 1e9);
    bool interrupted = false;
    while (!interrupted && timer_now_ns() < down_until) {
        int64_t step = timer_now_ns() + TICK;
        if (timer_loop_wait(loop, step < down_until ? step : down_until, &ev, err) < 0)
            return -1;
        interrupted = ev.interrupted;
        if (hooks != NULL && hooks->progress != NULL)
            hooks->progress(hooks->ctx, index, "down", timer_now_ns() - b->down_ns);
    }
    b->up_ns = timer_now_ns();
    if (set_admin(src, run->port_ifindex, IF_ADMIN_UP, err) < 0)
        return -1;
    if (interrupted)
        return 1;
    timer_loop_start(loop, &b->probes);
    struct timer_wait_progress waiting = {
        .hooks = hooks, .index = index, .phase = "waiting", .since_ns = b->up_ns};
    struct timer_recovery seen;
    int got = timer_wait_recovery(loop, b->up_ns + (int64_t)cfg->timeout_s * 1000 * MS, &waiting,
                                  &seen, err);
    b->first_arp_reply_ns = seen.first_arp_reply_ns;
    b->first_reply_ns = seen.first_reply_ns;
    return got;
}

int timer_switch_run(const struct timer_switch_config *cfg, struct pr_snmp_source *src,
                     const struct timer_hooks *hooks, struct timer_run *run, struct pr_error *err)
{
    run->interval_ms = cfg->interval_ms;
    run->down_for_s = cfg->down_for_s;
    run->timeout_s = cfg->timeout_s;
    run->count = cfg->count;
    struct timer_prober prober;
    memset(&prober, 0, sizeof prober);
    prober.icmp_fd = prober.arp_fd = -1;
    struct timer_loop loop;
    struct timer_guard guard = {.pid = 0, .pipe_wr = -1};
    struct switch_guard ctx = {.cfg = cfg, .hooks = hooks, .ifindex = run->port_ifindex};
    int rc = -1;
    if (timer_probe_remote(cfg->target, &prober, run, err) < 0)
        goto out;
    timer_loop_init(&loop, &prober, cfg->interval_ms);
    loop.icmp_on_arp = true;
    if (timer_wait_first_reply(&loop, TIMER_PRECHECK_NS, run->target, err) < 0)
        goto out;
    if (timer_guard_start(&guard, guardian_restore, &ctx, err) < 0)
        goto out;
    rc = 0;
    bool leave_to_guardian = false;
    for (int i = 0; i < cfg->count; i++) {
        int got = bounce_once(cfg, src, &loop, hooks, run, err);
        if (got == -2) {
            rc = -1;
            break;
        }
        if (got != 0) {
            /* Make sure the port is up before leaving; if even that fails,
             * the guardian tries again with a session of its own. */
            struct pr_error up_err;
            if (set_admin(src, run->port_ifindex, IF_ADMIN_UP, &up_err) < 0)
                leave_to_guardian = true;
            if (got > 0)
                run->interrupted = true;
            else
                rc = -1;
            break;
        }
        if (hooks != NULL && hooks->done != NULL)
            hooks->done(hooks->ctx, run, run->n_bounces - 1);
        if (run->bounces[run->n_bounces - 1].first_reply_ns == TIMER_NONE)
            break;
        if (timer_signal_caught()) {
            run->interrupted = true;
            break;
        }
    }
    if (!leave_to_guardian)
        timer_guard_release(&guard);
out:
    timer_prober_close(&prober);
    pr_snmp_source_close(src);
    return rc;
}
