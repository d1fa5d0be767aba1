/* SPDX-License-Identifier: BSD-3-Clause */
#include "timer/timer_switch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/portsel.h"
#include "snmp/mib_objects.h"
#include "timer/timer_bounce.h"
#include "timer/timer_guard.h"
#include "timer/timer_loop.h"
#include "timer/timer_probe.h"
#include "timer/timer_wait.h"
#include "timer/timer_watch.h"
#include "util/strutil.h"

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

/* The bounce ops: SETs of ifAdminStatus over the run's session. */
struct switch_port {
    struct pr_snmp_source *src;
    long ifindex;
    bool down_refused; /* the agent refused the last down SET: the port is as it was */
};

static int switch_down(void *priv, struct pr_error *err)
{
    struct switch_port *sp = priv;
    sp->down_refused = false;
    if (set_admin(sp->src, sp->ifindex, IF_ADMIN_DOWN, err) < 0) {
        /* An agent that answered with an error changed nothing. */
        sp->down_refused = err->code == PR_ERR_PROTOCOL || err->code == PR_ERR_AUTH;
        return -1;
    }
    return 0;
}

static int switch_up(void *priv, struct timer_bounce *b, struct pr_error *err)
{
    struct switch_port *sp = priv;
    b->up_ns = timer_now_ns();
    return set_admin(sp->src, sp->ifindex, IF_ADMIN_UP, err);
}

/* The port up again; if even that fails, the guardian tries again with a
 * session of its own. */
static int switch_restore(void *priv, struct pr_error *err)
{
    struct switch_port *sp = priv;
    if (sp->down_refused)
        return 0;
    return set_admin(sp->src, sp->ifindex, IF_ADMIN_UP, err);
}

int timer_switch_run(const struct timer_switch_config *cfg, struct pr_snmp_source *src,
                     const struct timer_hooks *hooks, struct timer_run *run, struct pr_error *err)
{
    run->interval_ms = cfg->interval_ms;
    run->down_for_s = cfg->down_for_s;
    run->timeout_s = cfg->timeout_s;
    run->count = cfg->count;
    timer_run_mark_start(run);
    struct timer_prober prober;
    memset(&prober, 0, sizeof prober);
    prober.icmp_fd = prober.arp_fd = -1;
    struct timer_loop loop;
    struct timer_guard guard = {.pid = 0, .fd = -1};
    struct switch_guard ctx = {.cfg = cfg, .hooks = hooks, .ifindex = run->port_ifindex};
    int rc = -1;
    if (timer_probe_remote(cfg->target, &prober, run, err) < 0)
        goto out;
    timer_loop_init(&loop, &prober, cfg->interval_ms);
    loop.sched.adaptive = run->adaptive;
    loop.icmp_on_arp = true;
    if (timer_wait_first_reply(&loop, TIMER_PRECHECK_NS, run->target, err) < 0)
        goto out;
    if (timer_guard_start(&guard, guardian_restore, &ctx, err) < 0)
        goto out;
    loop.guard_fd = guard.fd;
    struct switch_port port = {.src = src, .ifindex = run->port_ifindex};
    const struct timer_bounce_ops ops = {
        .down = switch_down, .up = switch_up, .restore = switch_restore, .priv = &port};
    bool restored;
    rc = timer_bounce_run(&ops, &loop, hooks, run, &restored, err);
    if (restored)
        timer_guard_release(&guard);
out:
    timer_prober_close(&prober);
    pr_snmp_source_close(src);
    return rc;
}
