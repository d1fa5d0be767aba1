/* SPDX-License-Identifier: BSD-3-Clause */
/* From what a FastIron configuration says (fastiron_model.c) to port
 * facts, with FastIron's defaults where it says nothing (docs/ruckus.md
 * lists the sources):
 *  - STP is on by default on Layer 2 switch images, off on Layer 3 router
 *    images, and runs per VLAN (802.1D) unless `spanning-tree 802-1w` (in
 *    the VLAN) or `spanning-tree single [802-1w]` says otherwise;
 *  - under 802.1w an edge port is `spanning-tree 802-1w admin-edge-port`,
 *    and the bridge detection state machine auto-detects edge ports
 *    otherwise;
 *  - under 802.1D, Fast Port Span (on by default, system-wide) lets an
 *    untagged port in no trunk forward in 4 s (listening and learning of
 *    2 s each) instead of 2 x forward delay;
 *  - ports are enabled and auto-negotiate by default; a port untagged in no
 *    VLAN belongs to the default VLAN;
 *  - a member of a dynamic (LACP) LAG forwards without LACPDUs only as the
 *    LAG's `force-up` port (PXE boot support). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ruckus/fastiron.h"
#include "util/strutil.h"

#define L2G   "FastIron Layer 2 Switching Configuration Guide"
#define FPS_S 4
/* The wait, as the rules name it (docs/ruckus.md [3]). */
#define FPS_WAIT                                                                                   \
    "Fast Port Span: forwarding in %d s (Foundry FESX configuration guide, Fast Port Span)"

static void set_line(struct pr_fact *f, int64_t value, const struct cli_line *line)
{
    pr_fact_set(f, value, "%s (line %u)", line->text, line->lineno);
}

static void set_port(struct pr_fact *f, int64_t value, const struct fi_port *p,
                     const struct cli_line *line)
{
    if (line->indent > 0 && strncmp(line->text, "spanning-tree 802-1w e", 22) != 0)
        pr_fact_set(f, value, "interface ethernet %s: %s (line %u)", p->name, line->text,
                    line->lineno);
    else
        set_line(f, value, line);
}

static int64_t mode_of(int stp)
{
    return stp == FI_STP_OFF     ? PR_MODE_OFF
           : stp == FI_STP_8021W ? PR_MODE_RSTP
           : stp == FI_STP_8021D ? PR_MODE_STP
                                 : -1;
}

/* The switch's mode: the single tree's, else the default VLAN's (each VLAN
 * runs its own tree; a port whose VLAN runs another has its own stp_mode). */
static void fill_stp(const struct fastiron_model *m, struct pr_switch *sw)
{
    char why[PR_EVIDENCE_MAX];
    int dv = fastiron_default_vlan(m);
    int stp = fastiron_vlan_stp(m, m->single.line ? 0 : dv, why, sizeof why);
    int64_t mode = mode_of(stp);
    if (mode < 0)
        pr_fact_unknown(&sw->stp.mode, "%s", why);
    else if (m->single.line != NULL)
        pr_fact_set(&sw->stp.mode, mode, "%s: one spanning tree for every VLAN", why);
    else
        pr_fact_set(&sw->stp.mode, mode, "default VLAN %d: %s; each VLAN runs its own tree", dv,
                    why);
    pr_fact_unknown(&sw->stp.forward_delay_s, "no forward-delay statement is read");
}

static void fill_admin_speed(const struct fi_port *p, struct pr_port_facts *f)
{
    if (p->disable.line != NULL)
        set_port(&f->admin_status, p->disable.value ? PR_IF_DOWN : PR_IF_UP, p, p->disable.line);
    else
        pr_fact_set(&f->admin_status, PR_IF_UP,
                    "interface ethernet %s: no disable statement (ports are enabled by default)",
                    p->name);
    if (p->speed.line == NULL) {
        pr_fact_set(&f->autoneg, 1,
                    "interface ethernet %s: no speed-duplex statement: auto (default)", p->name);
        return;
    }
    set_port(&f->autoneg, p->speed.value == 0, p, p->speed.line);
    if (p->speed.value > 0)
        set_port(&f->speed_mbps, p->speed.value, p, p->speed.line);
}

static void fill_lacp(const struct fastiron_model *m, const struct fi_port *p,
                      struct pr_port_facts *f)
{
    const struct fi_lag *lag = fastiron_lag_of(m, p);
    if (lag == NULL) {
        pr_fact_set(&f->lacp_member, 0, "port %s: in no LAG", p->name);
        return;
    }
    bool lacp = lag->type == FI_LAG_DYNAMIC;
    pr_fact_set(&f->lacp_member, lacp, "%s (line %u): %s", lag->line->text, lag->line->lineno,
                lacp ? "an LACP (dynamic) LAG" : "a LAG without LACP negotiation");
    if (!lacp)
        return;
    if (p->force_up.line != NULL && (size_t)p->force_up.value == (size_t)p->lag.value)
        pr_fact_set(&f->lacp_fallback, 1,
                    "lag %s: %s (line %u): forwards without LACPDUs (PXE boot support, " L2G ")",
                    lag->name, p->force_up.line->text, p->force_up.line->lineno);
    else
        pr_fact_set(&f->lacp_fallback, 0,
                    "lag %s: no force-up ethernet %s: without LACPDUs a dynamic LAG member does "
                    "not forward (PXE boot support needs force-up, " L2G ")",
                    lag->name, p->name);
}

static int tagged_count(const struct fi_port *p)
{
    int n = 0;
    for (size_t w = 0; w < sizeof p->tagged / sizeof p->tagged[0]; w++)
        n += __builtin_popcountll(p->tagged[w]);
    return n;
}

static void fill_vlan(const struct fastiron_model *m, const struct fi_port *p,
                      struct pr_port_facts *f)
{
    int tagged = tagged_count(p);
    if (tagged > 0)
        pr_fact_set(&f->trunk, 1, "%s is tagged in %d VLAN%s (%s, line %u)", p->name, tagged,
                    tagged > 1 ? "s" : "", p->tagged_line->text, p->tagged_line->lineno);
    else
        pr_fact_set(&f->trunk, 0, "%s is tagged in no VLAN", p->name);
    pr_fact_set(&f->edge_applies_on_trunk, 1,
                "FastIron: admin-edge-port applies to tagged and untagged ports alike");
    if (p->untagged.line != NULL) {
        pr_fact_set(&f->access_vlan, p->untagged.value, "vlan %d: %s (line %u)", p->untagged.value,
                    p->untagged.line->text, p->untagged.line->lineno);
    } else if (p->headless.line != NULL) {
        pr_fact_unknown(&f->access_vlan,
                        "%s (line %u) stands in a VLAN block whose vlan line is missing from "
                        "the capture",
                        p->headless.line->text, p->headless.line->lineno);
    } else if (p->dual_mode.line != NULL) {
        set_port(&f->access_vlan, p->dual_mode.value, p, p->dual_mode.line);
    } else {
        int dv = fastiron_default_vlan(m);
        pr_fact_set(&f->access_vlan, dv,
                    "%s is untagged in no VLAN: it stays an untagged member of the default VLAN "
                    "%d",
                    p->name, dv);
    }
}

static void fill_stp_port(const struct fastiron_model *m, const struct pr_switch *sw,
                          const struct fi_port *p, struct pr_port_facts *f)
{
    if (p->bpdu_guard.line != NULL)
        set_port(&f->bpdu_guard, 1, p, p->bpdu_guard.line);
    else
        pr_fact_set(&f->bpdu_guard, 0, "interface ethernet %s: no stp-bpdu-guard", p->name);

    int vlan = fastiron_pvid(m, p);
    char why[PR_EVIDENCE_MAX];
    int stp = 0;
    if (vlan > 0 || m->single.line != NULL) {
        stp = fastiron_vlan_stp(m, vlan, why, sizeof why);
    } else if (p->headless_stp.line != NULL) {
        stp = p->headless_stp.value;
        snprintf(why, sizeof why, "%s (line %u), in the block that holds %s (line %u)",
                 p->headless_stp.line->text, p->headless_stp.line->lineno, p->name,
                 p->headless.line->lineno);
    } else {
        snprintf(why, sizeof why, "the VLAN of %s is not in the configuration", p->name);
    }
    int64_t mode = mode_of(stp);
    if (vlan > 0 && m->single.line == NULL && mode >= 0)
        pr_fact_set(&f->stp_mode, mode, "VLAN %d: %s", vlan, why);
    else if (mode < 0)
        pr_fact_unknown(&f->stp_mode, "%s", why);

    if (mode == PR_MODE_OFF) {
        pr_fact_set(&f->stp_enabled, 0, "%s", why);
    } else if (p->stp_off.line != NULL) {
        set_port(&f->stp_enabled, 0, p, p->stp_off.line);
        pr_strlcatf(f->stp_enabled.evidence, sizeof f->stp_enabled.evidence,
                    ": spanning tree off on the port");
    } else if (mode > 0) {
        pr_fact_set(&f->stp_enabled, 1, "VLAN %d: spanning tree on (%s)", vlan, why);
    }

    if (p->admin_edge.line != NULL) {
        set_port(&f->edge, PR_EDGE_YES, p, p->admin_edge.line);
        if (mode == PR_MODE_STP)
            pr_strlcatf(f->edge.evidence, sizeof f->edge.evidence,
                        "; it acts under 802.1w only, and VLAN %d runs 802.1D", vlan);
        else
            return;
    }
    if (mode == PR_MODE_RSTP) {
        pr_fact_set(&f->edge, PR_EDGE_AUTO,
                    "interface ethernet %s: no spanning-tree 802-1w admin-edge-port: 802.1w "
                    "auto-detects an edge port when no BPDU arrives (" L2G ")",
                    p->name);
    } else if (mode == PR_MODE_STP) {
        const char *no_fps = m->fast_span.line && m->fast_span.value == 0 ? m->fast_span.line->text
                             : p->fps_exclude.line ? p->fps_exclude.line->text
                             : p->lag.line         ? "member of a LAG"
                             : tagged_count(p) > 0 ? "802.1Q tagged"
                                                   : NULL;
        if (no_fps != NULL)
            pr_fact_set(&f->edge, PR_EDGE_NO,
                        "interface ethernet %s: 802.1D in VLAN %d and Fast Port Span does not "
                        "apply (%s): 2 x forward delay before forwarding",
                        p->name, vlan, no_fps);
        else {
            pr_fact_set(&f->edge, PR_EDGE_AUTO,
                        "interface ethernet %s: 802.1D in VLAN %d with Fast Port Span (on by "
                        "default): listening and learning take %d s in all, until a BPDU or a "
                        "second MAC address makes it a normal STP port (" L2G ")",
                        p->name, vlan, FPS_S);
            pr_fact_set(&f->auto_edge_wait_s, FPS_S, FPS_WAIT, FPS_S);
        }
    } else if (mode < 0 && f->edge.evidence[0] == '\0') {
        pr_fact_unknown(&f->edge, "%s", why);
    }
    (void)sw;
}

static int by_name(const void *a, const void *b)
{
    const struct fi_port *const *x = a, *const *y = b;
    return cli_name_cmp((*x)->name, (*y)->name);
}

int fastiron_fill_switch(const struct fastiron_model *m, struct pr_switch *sw, struct pr_error *err)
{
    fill_stp(m, sw);
    const struct fi_port **ports = calloc(m->n_ports ? m->n_ports : 1, sizeof *ports);
    if (ports == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    for (size_t i = 0; i < m->n_ports; i++)
        ports[i] = &m->ports[i];
    qsort(ports, m->n_ports, sizeof *ports, by_name);
    int rc = 0;
    for (size_t i = 0; i < m->n_ports && rc == 0; i++) {
        const struct fi_port *p = ports[i];
        struct pr_port *port = pr_switch_add_port(sw, p->name, err);
        if (port == NULL) {
            rc = -1;
            break;
        }
        port->if_type = 6; /* ethernetCsmacd: the configuration names Ethernet ports */
        pr_strlcpy(port->alias, p->alias, sizeof port->alias);
        const struct fi_lag *lag = fastiron_lag_of(m, p);
        if (lag != NULL)
            pr_strlcpy(port->lag_name, lag->name, sizeof port->lag_name);
        fill_admin_speed(p, &port->facts);
        fill_lacp(m, p, &port->facts);
        fill_vlan(m, p, &port->facts);
        fill_stp_port(m, sw, p, &port->facts);
    }
    free(ports);
    return rc;
}
