/* SPDX-License-Identifier: BSD-3-Clause */
#include "rules/rules.h"

#include <stdio.h>
#include <string.h>

#include "rules/clients.h"
#include "util/strutil.h"

/* Seconds a non-edge port waits when the switch does not say its forward
 * delay: the 802.1D default. */
#define DEFAULT_FORWARD_DELAY_S 15
/* RSTP's edge auto-detection waits for the migrate timer with no BPDU
 * before it treats a port as edge: 802.1D-2004 17.20.4 EdgeDelay() is
 * Migrate Time on a point-to-point link, 3 s (Table 17-1). A driver that
 * knows its vendor waits otherwise sets sw->stp.auto_edge_wait_s. */
#define AUTO_EDGE_BLACKOUT_S 3

static bool mode_is_legacy(int64_t mode)
{
    return mode == PR_MODE_STP || mode == PR_MODE_PVST;
}

/* The spanning-tree mode that governs the port. */
static const struct pr_fact *effective_mode(const struct pr_switch *sw, const struct pr_port *port)
{
    return port->facts.stp_mode.known ? &port->facts.stp_mode : &sw->stp.mode;
}

static struct pr_finding *add(struct pr_port *port, enum pr_finding_id id, enum pr_severity sev,
                              const char *evidence)
{
    struct pr_finding *f = pr_port_add_finding(port, id, sev);
    if (f != NULL && evidence != NULL)
        pr_strlcpy(f->evidence, evidence, sizeof f->evidence);
    return f;
}

static void judge_link(struct pr_port *port)
{
    const struct pr_port_facts *facts = &port->facts;
    if (facts->admin_status.known && facts->admin_status.value != PR_IF_UP) {
        struct pr_finding *f =
            add(port, PR_F_ADMIN_DOWN, PR_SEV_CRITICAL, facts->admin_status.evidence);
        if (f != NULL)
            snprintf(f->message, sizeof f->message,
                     "the port is administratively %s (shut): no link, no PXE",
                     pr_if_status_name(facts->admin_status.value));
        return;
    }
    if (pr_fact_is(&facts->err_disabled, 1)) {
        struct pr_finding *f =
            add(port, PR_F_ERR_DISABLED, PR_SEV_CRITICAL, facts->err_disabled.evidence);
        if (f != NULL)
            snprintf(f->message, sizeof f->message,
                     "the port is err-disabled%s%s: it stays down until recovered",
                     facts->err_disabled_cause[0] ? " by " : "", facts->err_disabled_cause);
        return;
    }
    if (facts->oper_status.known && facts->oper_status.value != PR_IF_UP) {
        struct pr_finding *f =
            add(port, PR_F_LINK_DOWN, PR_SEV_CRITICAL, facts->oper_status.evidence);
        if (f != NULL)
            snprintf(f->message, sizeof f->message,
                     "admin up but the link is %s: no carrier (cable, optic, server NIC off or "
                     "\"Media test failure\")",
                     pr_if_status_name(facts->oper_status.value));
    }
}

static void forward_delay(const struct pr_switch *sw, int64_t *seconds, char *why, size_t why_len)
{
    if (sw->stp.forward_delay_s.known && sw->stp.forward_delay_s.value > 0) {
        *seconds = sw->stp.forward_delay_s.value;
        snprintf(why, why_len, "%s", sw->stp.forward_delay_s.evidence);
    } else {
        *seconds = DEFAULT_FORWARD_DELAY_S;
        snprintf(why, why_len, "forward delay not readable; the 802.1D default of %d s assumed",
                 DEFAULT_FORWARD_DELAY_S);
    }
}

static void set_blocking_blackout(const struct pr_switch *sw, struct pr_port *port,
                                  const char *what)
{
    int64_t fd;
    char why[PR_EVIDENCE_MAX];
    forward_delay(sw, &fd, why, sizeof why);
    char extra[96] = "";
    if (mode_is_legacy(effective_mode(sw, port)->value) && sw->stp.max_age_s.known)
        snprintf(extra, sizeof extra,
                 "; under legacy STP an indirect topology change adds max age (%lld s)",
                 (long long)sw->stp.max_age_s.value);
    pr_fact_set(&port->expected_blackout_s, 2 * fd, "%s: listening + learning = 2 x %lld s (%s)%s",
                what, (long long)fd, why, extra);
}

/* The wait of an auto-edge port before it becomes edge: the vendor's
 * figure where the driver set one (the port's, else the switch's), else
 * 802.1D's. */
static int64_t auto_edge_wait(const struct pr_switch *sw, const struct pr_port *port, char *why,
                              size_t why_len)
{
    const struct pr_fact *w = port->facts.auto_edge_wait_s.known ? &port->facts.auto_edge_wait_s
                                                                 : &sw->stp.auto_edge_wait_s;
    if (w->known && w->value >= 0) {
        snprintf(why, why_len, "%s", w->evidence);
        return w->value;
    }
    snprintf(why, why_len, "802.1D-2004 17.20.4: edge delay = migrate time, %d s",
             AUTO_EDGE_BLACKOUT_S);
    return AUTO_EDGE_BLACKOUT_S;
}

static void judge_edge(const struct pr_switch *sw, struct pr_port *port, bool legacy,
                       const struct pr_fact *mode)
{
    const struct pr_port_facts *facts = &port->facts;
    const struct pr_fact *edge = &facts->edge;
    char ev[PR_FINDING_EVIDENCE_MAX];

    if (pr_fact_is(edge, PR_EDGE_YES)) {
        if (pr_fact_is(&facts->trunk, 1) && pr_fact_is(&facts->edge_applies_on_trunk, 0)) {
            snprintf(ev, sizeof ev, "%s; %s", edge->evidence, facts->trunk.evidence);
            struct pr_finding *f = add(port, PR_F_PORTFAST_TRUNK_MISSING, PR_SEV_CRITICAL, ev);
            if (f != NULL)
                snprintf(
                    f->message, sizeof f->message,
                    "PortFast is set but the port is a trunk, where plain PortFast does not act: "
                    "it blocks after link-up like a non-edge port");
            set_blocking_blackout(sw, port, "trunk without trunk PortFast");
        } else {
            pr_fact_set(&port->expected_blackout_s, 0, "edge port: forwards at link-up (%s)",
                        edge->evidence);
        }
        if (legacy) {
            snprintf(ev, sizeof ev, "%s", mode->evidence);
            struct pr_finding *f = add(port, PR_F_STP_LEGACY_MODE, PR_SEV_WARNING, ev);
            if (f != NULL)
                snprintf(f->message, sizeof f->message,
                         "the switch runs legacy %s; the port is edge, but rapid spanning tree "
                         "(RSTP/MSTP/Rapid-PVST) converges in seconds where legacy takes 30-50 s",
                         pr_stp_mode_name(mode->value));
        }
        if (pr_fact_is(&facts->bpdu_guard, 0)) {
            struct pr_finding *f =
                add(port, PR_F_BPDU_GUARD_OFF, PR_SEV_INFO, facts->bpdu_guard.evidence);
            if (f != NULL)
                snprintf(f->message, sizeof f->message,
                         "edge port without BPDU guard: a switch plugged in here could loop the "
                         "network (hygiene, not a PXE blocker)");
        }
        return;
    }
    if (pr_fact_is(edge, PR_EDGE_AUTO)) {
        char why[PR_EVIDENCE_MAX];
        int64_t wait = auto_edge_wait(sw, port, why, sizeof why);
        snprintf(ev, sizeof ev, "%s; the wait: %s", edge->evidence, why);
        struct pr_finding *f = add(port, PR_F_STP_EDGE_AUTO, PR_SEV_WARNING, ev);
        if (f != NULL)
            snprintf(f->message, sizeof f->message,
                     "edge status is left to auto-detection: the port waits about %lld s for BPDUs "
                     "after link-up before it forwards",
                     (long long)wait);
        pr_fact_set(&port->expected_blackout_s, wait,
                    "auto-edge: about %lld s without BPDUs before the port becomes edge (%s; %s)",
                    (long long)wait, why, edge->evidence);
        if (legacy) {
            struct pr_finding *g = add(port, PR_F_STP_LEGACY_MODE, PR_SEV_WARNING, mode->evidence);
            if (g != NULL)
                snprintf(g->message, sizeof g->message,
                         "the switch runs legacy %s instead of a rapid protocol",
                         pr_stp_mode_name(mode->value));
        }
        return;
    }
    if (pr_fact_is(edge, PR_EDGE_NO)) {
        set_blocking_blackout(sw, port, "non-edge port");
        struct pr_finding *f = add(port, PR_F_STP_NOT_EDGE, PR_SEV_CRITICAL, edge->evidence);
        if (f != NULL)
            snprintf(f->message, sizeof f->message,
                     "not an edge (PortFast) port: after link-up it blocks about %lld s before "
                     "forwarding%s",
                     (long long)port->expected_blackout_s.value,
                     legacy ? "" : " (RSTP/MSTP too, since a server sends no BPDUs)");
        if (legacy) {
            struct pr_finding *g = add(port, PR_F_STP_LEGACY_MODE, PR_SEV_CRITICAL, mode->evidence);
            if (g != NULL)
                snprintf(
                    g->message, sizeof g->message,
                    "the switch runs legacy %s and the port is not edge: listening and learning "
                    "take 2 x forward delay, up to 50 s after a topology change",
                    pr_stp_mode_name(mode->value));
        }
        return;
    }
    /* Edge unknown. */
    pr_fact_unknown(&port->expected_blackout_s, "edge status unknown: %s",
                    edge->evidence[0] ? edge->evidence : "no source exposes it");
    if (legacy) {
        struct pr_finding *g = add(port, PR_F_STP_LEGACY_MODE, PR_SEV_WARNING, mode->evidence);
        if (g != NULL)
            snprintf(
                g->message, sizeof g->message,
                "the switch runs legacy %s: a port that is not edge blocks 30-50 s after link-up",
                pr_stp_mode_name(mode->value));
    }
}

static bool state_blocks(int64_t state)
{
    return state == PR_STP_BLOCKING || state == PR_STP_LISTENING || state == PR_STP_LEARNING ||
           state == PR_STP_DISCARDING || state == PR_STP_BROKEN;
}

/* Returns true when spanning tree is known to be off for the port. */
static bool judge_stp(const struct pr_switch *sw, struct pr_port *port)
{
    const struct pr_port_facts *facts = &port->facts;
    const struct pr_fact *mode = effective_mode(sw, port);

    if (pr_fact_is(mode, PR_MODE_OFF) || pr_fact_is(&facts->stp_enabled, 0)) {
        pr_fact_set(&port->expected_blackout_s, 0, "spanning tree off: %s",
                    pr_fact_is(mode, PR_MODE_OFF) ? mode->evidence : facts->stp_enabled.evidence);
        return true;
    }
    bool legacy = mode->known && mode_is_legacy(mode->value);
    judge_edge(sw, port, legacy, mode);

    if (pr_fact_is(&facts->oper_status, PR_IF_UP) && facts->stp_state.known &&
        state_blocks(facts->stp_state.value)) {
        struct pr_finding *f =
            add(port, PR_F_STP_NOT_FORWARDING, PR_SEV_CRITICAL, facts->stp_state.evidence);
        if (f != NULL)
            snprintf(f->message, sizeof f->message,
                     "the link is up but spanning tree holds the port %s: no traffic passes now",
                     pr_stp_state_name(facts->stp_state.value));
    }
    return false;
}

static void judge_lacp(struct pr_port *port)
{
    const struct pr_port_facts *facts = &port->facts;
    if (!pr_fact_is(&facts->lacp_member, 1))
        return;
    char ev[PR_FINDING_EVIDENCE_MAX];
    if (pr_fact_is(&facts->lacp_fallback, 0)) {
        snprintf(ev, sizeof ev, "%s; %s", facts->lacp_member.evidence,
                 facts->lacp_fallback.evidence);
        struct pr_finding *f = add(port, PR_F_LACP_NO_FALLBACK, PR_SEV_CRITICAL, ev);
        if (f != NULL)
            snprintf(f->message, sizeof f->message,
                     "LACP bundle member without fallback: PXE firmware sends no LACPDUs, so the "
                     "port never forwards during the install");
    } else if (!facts->lacp_fallback.known) {
        snprintf(ev, sizeof ev, "%s; %s", facts->lacp_member.evidence,
                 facts->lacp_fallback.evidence[0] ? facts->lacp_fallback.evidence
                                                  : "no MIB exposes LACP fallback");
        struct pr_finding *f = add(port, PR_F_LACP_FALLBACK_UNKNOWN, PR_SEV_WARNING, ev);
        if (f != NULL)
            snprintf(
                f->message, sizeof f->message,
                "LACP bundle member: PXE works only if LACP fallback (force-up, standalone, "
                "lacp fallback) is on, and this source cannot show it; check the configuration");
    }
}

/* A member with LACP fallback forwards only after the fallback timeout
 * (no LACPDUs from PXE firmware): the wait adds to the blackout. */
static void add_fallback_wait(struct pr_port *port)
{
    const struct pr_port_facts *facts = &port->facts;
    struct pr_fact *blackout = &port->expected_blackout_s;
    if (!pr_fact_is(&facts->lacp_member, 1) || !pr_fact_is(&facts->lacp_fallback, 1) ||
        !facts->lacp_fallback_timeout_s.known || facts->lacp_fallback_timeout_s.value <= 0 ||
        !blackout->known)
        return;
    char before[PR_EVIDENCE_MAX];
    memcpy(before, blackout->evidence, sizeof before);
    pr_fact_set(blackout, blackout->value + facts->lacp_fallback_timeout_s.value,
                "%lld s of LACP fallback timeout (%s), then %s",
                (long long)facts->lacp_fallback_timeout_s.value,
                facts->lacp_fallback_timeout_s.evidence, before);
}

static void judge_speed_vlan(struct pr_port *port)
{
    const struct pr_port_facts *facts = &port->facts;
    char ev[PR_FINDING_EVIDENCE_MAX];
    if (pr_fact_is(&facts->autoneg, 1)) {
        struct pr_finding *f = add(port, PR_F_AUTONEG_ON, PR_SEV_INFO, facts->autoneg.evidence);
        if (f != NULL)
            snprintf(
                f->message, sizeof f->message,
                "speed auto-negotiation is on; fix the speed only if the link is slow to come up");
    }
    if (pr_fact_is(&facts->oper_status, PR_IF_UP) && facts->speed_mbps.known &&
        facts->speed_capability_mbps.known && facts->speed_mbps.value > 0 &&
        facts->speed_mbps.value < facts->speed_capability_mbps.value) {
        snprintf(ev, sizeof ev, "%s; %s", facts->speed_mbps.evidence,
                 facts->speed_capability_mbps.evidence);
        struct pr_finding *f = add(port, PR_F_SPEED_DEGRADED, PR_SEV_WARNING, ev);
        if (f != NULL)
            snprintf(f->message, sizeof f->message,
                     "the link runs at %lld Mb/s on a %lld Mb/s port: check the cable or optic",
                     (long long)facts->speed_mbps.value,
                     (long long)facts->speed_capability_mbps.value);
    }
    if (port->expect_vlan >= 0 && facts->access_vlan.known &&
        facts->access_vlan.value != port->expect_vlan) {
        struct pr_finding *f =
            add(port, PR_F_VLAN_MISMATCH, PR_SEV_CRITICAL, facts->access_vlan.evidence);
        if (f != NULL)
            snprintf(
                f->message, sizeof f->message,
                "the port's %s VLAN is %lld, the provisioning VLAN is %lld: DHCP never reaches "
                "the PXE server",
                pr_fact_is(&facts->trunk, 1) ? "native" : "access",
                (long long)facts->access_vlan.value, (long long)port->expect_vlan);
    }
}

/* A port whose role is uplink is judged only when asked for by name (or
 * with every port): say so, and why no edge or VLAN fix comes with it. */
static void judge_role(struct pr_port *port)
{
    if (port->role.role != PR_ROLE_UPLINK)
        return;
    struct pr_finding *f = add(port, PR_F_PORT_IS_UPLINK, PR_SEV_WARNING, port->role.evidence);
    if (f != NULL)
        snprintf(f->message, sizeof f->message,
                 "the port faces another switch or router (%s): no edge, PortFast, BPDU-guard, "
                 "VLAN or LACP-fallback change is proposed for it",
                 port->role.reason);
}

/* not-ready > unknown > warning > ready: a warning never hides an unknown
 * blocker (a port whose edge cannot be read may block for 30 s whatever
 * else it warns of). */
static enum pr_verdict verdict_of(const struct pr_port *port, bool stp_off)
{
    bool warning = false;
    for (size_t i = 0; i < port->n_findings; i++) {
        if (port->findings[i].severity == PR_SEV_CRITICAL)
            return PR_VERDICT_NOT_READY;
        if (port->findings[i].severity == PR_SEV_WARNING)
            warning = true;
    }
    const struct pr_port_facts *facts = &port->facts;
    if (!facts->oper_status.known && !facts->admin_status.known)
        return PR_VERDICT_UNKNOWN;
    /* A configuration never shows link state, but an agent that sent an
     * impossible ifOperStatus leaves it unknown: no confident verdict. */
    if (facts->oper_status.impossible)
        return PR_VERDICT_UNKNOWN;
    if (!stp_off && !facts->edge.known)
        return PR_VERDICT_UNKNOWN;
    return warning ? PR_VERDICT_WARNING : PR_VERDICT_READY;
}

/* Most severe first, keeping the catalogue's order within a severity
 * (insertion sort: a port has a handful of findings). */
static void sort_by_severity(struct pr_port *port)
{
    for (size_t i = 1; i < port->n_findings; i++) {
        struct pr_finding moving = port->findings[i];
        size_t k = i;
        while (k > 0 && port->findings[k - 1].severity < moving.severity) {
            port->findings[k] = port->findings[k - 1];
            k--;
        }
        port->findings[k] = moving;
    }
}

/* One client-fails finding per named client that gives up on the port,
 * with the client-side workaround beside the switch fix. */
static void judge_named_clients(struct pr_port *port)
{
    for (size_t i = 0; i < port->n_clients; i++) {
        const struct pr_client_result *r = &port->clients[i];
        const struct rules_client *c = rules_client_at(i);
        if (!(port->clients_named & (1u << i)) || r->outcome != PR_CLIENT_FAILS || c == NULL)
            continue;
        char ev[PR_FINDING_EVIDENCE_MAX];
        snprintf(ev, sizeof ev, "%s gives up %lld s after link-up (docs/clients.md); %s", c->name,
                 (long long)r->budget_s, port->expected_blackout_s.evidence);
        struct pr_finding *f = add(port, PR_F_CLIENT_FAILS, PR_SEV_CRITICAL, ev);
        if (f == NULL)
            continue;
        if (rules_port_never_forwards(port))
            snprintf(f->message, sizeof f->message,
                     "%s (%s) never gets an address: the port never forwards", c->name, c->stage);
        else
            snprintf(f->message, sizeof f->message,
                     "%s (%s) gives up before the port forwards (%lld s after each link-up); "
                     "client-side workaround: %s; the switch fix stays the real fix",
                     c->name, c->stage, (long long)port->expected_blackout_s.value,
                     c->workaround != NULL ? c->workaround : "none");
    }
}

/* The stp-not-edge message ends with who gives up: the boot stages whose
 * DHCP budget the blackout exceeds, or, when each one known waits longer,
 * that every link-up of the boot still pays the wait. */
static void say_who_gives_up(struct pr_port *port)
{
    struct pr_finding *f = NULL;
    for (size_t i = 0; i < port->n_findings && f == NULL; i++) {
        if (port->findings[i].id == PR_F_STP_NOT_EDGE)
            f = &port->findings[i];
    }
    if (f == NULL)
        return;
    size_t n_fail = 0, n_known = 0;
    for (size_t i = 0; i < port->n_clients; i++) {
        n_fail += port->clients[i].outcome == PR_CLIENT_FAILS;
        n_known += port->clients[i].outcome != PR_CLIENT_UNKNOWN;
    }
    if (n_fail > 0) {
        pr_strlcatf(f->message, sizeof f->message, "; these clients give up first:");
        const char *sep = " ";
        for (size_t i = 0; i < port->n_clients; i++) {
            if (port->clients[i].outcome != PR_CLIENT_FAILS)
                continue;
            pr_strlcatf(f->message, sizeof f->message, "%s%s", sep, port->clients[i].name);
            sep = ", ";
        }
    } else if (n_known > 0) {
        pr_strlcatf(f->message, sizeof f->message,
                    "; the clients whose budget is known wait longer, but every link-up of the "
                    "boot pays it again");
    }
}

/* With clients named, they decide: not-ready when one fails, ready when
 * every one survives, unknown otherwise. */
static enum pr_verdict named_verdict(const struct pr_port *port)
{
    bool unknown = false;
    for (size_t i = 0; i < port->n_clients; i++) {
        if (!(port->clients_named & (1u << i)))
            continue;
        if (port->clients[i].outcome == PR_CLIENT_FAILS)
            return PR_VERDICT_NOT_READY;
        if (port->clients[i].outcome == PR_CLIENT_UNKNOWN)
            unknown = true;
    }
    return unknown ? PR_VERDICT_UNKNOWN : PR_VERDICT_READY;
}

void rules_judge_port(const struct pr_switch *sw, struct pr_port *port)
{
    pr_port_clear_findings(port);
    pr_fact_unknown(&port->expected_blackout_s, NULL);
    judge_link(port);
    bool stp_off = judge_stp(sw, port);
    judge_lacp(port);
    add_fallback_wait(port);
    judge_speed_vlan(port);
    judge_role(port);
    rules_judge_clients(sw, port);
    say_who_gives_up(port);
    judge_named_clients(port);
    sort_by_severity(port);
    port->verdict = port->clients_named ? named_verdict(port) : verdict_of(port, stp_off);
}

void rules_judge_switch(struct pr_switch *sw)
{
    for (size_t i = 0; i < sw->n_ports; i++)
        rules_judge_port(sw, &sw->ports[i]);
}
