/* SPDX-License-Identifier: BSD-3-Clause */
#include "timer/timer_local.h"

#include <arpa/inet.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "timer/timer_bounce.h"
#include "timer/timer_bpdu.h"
#include "timer/timer_guard.h"
#include "timer/timer_loop.h"
#include "timer/timer_netlink.h"
#include "timer/timer_priv.h"
#include "timer/timer_probe.h"
#include "timer/timer_wait.h"
#include "util/strutil.h"

struct local_state {
    const struct timer_local_config *cfg;
    const struct timer_hooks *hooks;
    struct timer_snapshot snap;
    struct timer_prober prober;
    struct timer_loop loop;
    int nl_fd;
    uint8_t mac[6];
};

static int guardian_restore(void *ctx)
{
    struct local_state *st = ctx;
    struct timer_restore_result res;
    struct pr_error err;
    if (timer_priv_restore(&st->snap, &res, &err) < 0)
        return -1;
    char missing[512];
    int n = timer_snapshot_verify(&st->snap, missing, sizeof missing, &err);
    if (st->hooks != NULL && st->hooks->guardian_note != NULL) {
        char note[1024];
        snprintf(note, sizeof note,
                 "portready was stopped during the bounce: %s is up again (%u addresses, %u "
                 "routes, %u nexthop objects and %u neighbours put back%s%s)",
                 st->snap.ifname, res.addresses, res.routes, res.nexthops, res.neighbours,
                 n > 0 ? "; could not be put back: " : "", n > 0 ? missing : "");
        st->hooks->guardian_note(st->hooks->ctx, note);
    }
    return res.failed == 0 && n == 0 ? 0 : -1;
}

/* Resolves the target (default: IF's IPv4 gateway), checks it is reached
 * through IF, and opens the probes. */
static int prepare(struct local_state *st, struct timer_run *run, struct pr_error *err)
{
    const struct timer_local_config *cfg = st->cfg;
    struct in_addr target;
    if (cfg->target != NULL) {
        if (inet_pton(AF_INET, cfg->target, &target) != 1)
            return pr_error_set(err, PR_ERR_USAGE, "--target '%s' is not an IPv4 address",
                                cfg->target);
    } else {
        struct timer_default_route *routes = NULL;
        size_t n = 0;
        if (timer_default_routes(&routes, &n, err) < 0)
            return -1;
        bool found = false;
        for (size_t i = 0; i < n && !found; i++) {
            uint32_t gw;
            memcpy(&gw, routes[i].gateway, 4);
            if (routes[i].family == AF_INET && routes[i].oif == st->snap.ifindex && gw != 0) {
                target.s_addr = gw;
                found = true;
            }
        }
        free(routes);
        if (!found)
            return pr_error_set(err, PR_ERR_USAGE,
                                "%s has no IPv4 default gateway to probe: name one with --target",
                                cfg->iface);
    }
    inet_ntop(AF_INET, &target, run->target, sizeof run->target);

    struct timer_route route;
    if (timer_route_get(AF_INET, &target, &route, err) < 0) {
        pr_error_prefix(err, "%s", run->target);
        return -1;
    }
    if (route.oif != st->snap.ifindex) {
        char other[IF_NAMESIZE + 8] = "another";
        if_indextoname((unsigned)route.oif, other);
        return pr_error_set(err, PR_ERR_USAGE,
                            "%s is reached through %s, not %s: taking %s down would not "
                            "interrupt it",
                            run->target, other, cfg->iface, cfg->iface);
    }
    if (timer_prober_open(&st->prober, target, err) < 0)
        return -1;
    run->icmp_socket = st->prober.icmp_raw ? "raw" : "datagram";
    if (route.has_prefsrc) {
        struct in_addr src, arp_target = target;
        memcpy(&src, route.prefsrc, 4);
        if (route.has_gateway)
            memcpy(&arp_target, route.gateway, 4);
        struct pr_error arp_err;
        if (timer_prober_enable_arp(&st->prober, st->snap.ifindex, st->mac, src, arp_target,
                                    &arp_err) == 0)
            run->arp = true;
    }
    return 0;
}

static int local_down(void *priv, struct pr_error *err)
{
    struct local_state *st = priv;
    return timer_priv_link_set(st->nl_fd, st->snap.ifindex, false, err);
}

/* Link up, addresses and routes back; records what was put back. */
static int local_up(void *priv, struct timer_bounce *b, struct pr_error *err)
{
    struct local_state *st = priv;
    struct timer_loop_events ev;
    timer_loop_events_clear(&ev);
    timer_loop_drain_link(&st->loop, &ev); /* events of the down phase */
    b->up_ns = timer_now_ns();
    if (timer_priv_link_set(st->nl_fd, st->snap.ifindex, true, err) < 0)
        return -1;
    timer_loop_events_clear(&ev);
    timer_loop_drain_link(&st->loop, &ev);
    if (ev.link_event && ev.lower_up)
        b->carrier_up_ns = ev.link_event_ns;
    struct timer_restore_result res;
    if (timer_priv_replay(st->nl_fd, &st->snap, &res, err) < 0)
        return -1;
    b->restored_addresses = res.addresses;
    b->restored_routes = res.routes;
    b->restored_nexthops = res.nexthops;
    b->restored_neighbours = res.neighbours;
    return 0;
}

/* What is missing now of what the interface had before the first bounce. */
static int local_verify(void *priv, struct timer_run *run, struct pr_error *err)
{
    struct local_state *st = priv;
    int n = timer_snapshot_verify(&st->snap, run->not_restored_what, sizeof run->not_restored_what,
                                  err);
    if (n < 0)
        return -1;
    run->not_restored = (unsigned)n;
    return n > 0 ? 1 : 0;
}

/* Link up, every recorded address and route back, over a socket of its own. */
static int local_restore(void *priv, struct pr_error *err)
{
    struct local_state *st = priv;
    struct timer_restore_result res;
    if (timer_priv_restore(&st->snap, &res, err) < 0)
        return -1;
    if (res.failed > 0)
        return pr_error_set(err, PR_ERR_IO, "%u addresses or routes of %s could not be put back",
                            res.failed, st->snap.ifname);
    return 0;
}

int timer_local_run(const struct timer_local_config *cfg, const struct timer_hooks *hooks,
                    struct timer_run *run, struct pr_error *err)
{
    struct local_state st;
    memset(&st, 0, sizeof st);
    st.cfg = cfg;
    st.hooks = hooks;
    st.nl_fd = -1;
    st.prober.icmp_fd = st.prober.arp_fd = -1;
    pr_strlcpy(run->iface, cfg->iface, sizeof run->iface);
    run->interval_ms = cfg->interval_ms;
    run->down_for_s = cfg->down_for_s;
    run->timeout_s = cfg->timeout_s;
    run->count = cfg->count;
    timer_run_mark_start(run);

    struct timer_guard guard = {.pid = 0, .fd = -1};
    int rc = -1;
    unsigned flags;
    if (timer_link_info(cfg->iface, &st.snap.ifindex, &flags, st.mac, err) < 0)
        return -1;
    if (timer_snapshot_take(cfg->iface, &st.snap, err) < 0)
        return -1;
    if (!st.snap.was_up) {
        pr_error_set(err, PR_ERR_USAGE, "%s is down already: nothing to bounce", cfg->iface);
        goto out;
    }
    if (prepare(&st, run, err) < 0)
        goto out;
    st.nl_fd = timer_nl_socket(0, err);
    if (st.nl_fd < 0)
        goto out;
    timer_loop_init(&st.loop, &st.prober, cfg->interval_ms);
    st.loop.sched.adaptive = run->adaptive;
    if (run->adaptive) {
        /* The switch's BPDUs tell when a blocked port will forward; without
         * them (no CAP_NET_RAW) the other predictions remain. */
        struct pr_error ignored;
        st.loop.bpdu_fd = timer_bpdu_socket(st.snap.ifindex, &ignored);
    }
    st.loop.link_fd = timer_nl_socket(RTMGRP_LINK, err);
    st.loop.ifindex = st.snap.ifindex;
    if (st.loop.link_fd < 0)
        goto out;
    if (timer_wait_first_reply(&st.loop, TIMER_PRECHECK_NS, run->target, err) < 0)
        goto out;
    if (timer_guard_start(&guard, guardian_restore, &st, err) < 0)
        goto out;
    st.loop.guard_fd = guard.fd;

    st.loop.icmp_on_arp = true; /* from the first bounce on */
    const struct timer_bounce_ops ops = {.down = local_down,
                                         .up = local_up,
                                         .restore = local_restore,
                                         .verify = local_verify,
                                         .priv = &st};
    bool restored;
    rc = timer_bounce_run(&ops, &st.loop, hooks, run, &restored, err);
    if (restored)
        timer_guard_release(&guard);
out:
    if (st.loop.link_fd >= 0)
        close(st.loop.link_fd);
    if (st.loop.bpdu_fd >= 0)
        close(st.loop.bpdu_fd);
    if (st.nl_fd >= 0)
        close(st.nl_fd);
    timer_prober_close(&st.prober);
    timer_snapshot_free(&st.snap);
    return rc;
}
