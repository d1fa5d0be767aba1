/* SPDX-License-Identifier: BSD-3-Clause */
/* Fix snippets for Junos.
 *
 * Choices:
 *  - Edge goes where the port's STP statement already is: on the
 *    `protocols PROTO interface NAME` the port uses (its own name, the name
 *    with .0, or the interface-range that holds it, so that every member of
 *    the range gets it, as the range was meant to), else on the port itself.
 *    An aggregated-Ethernet member gets it on its aeN, where STP runs. A
 *    range member is not also named on its own, which would state the port
 *    twice in one protocol. A range that also holds an uplink gets no edge
 *    (it would make the uplink edge): advice only.
 *  - Legacy STP: `protocols stp` becomes `protocols rstp` carrying over its
 *    timers and interface edge/disable statements; `force-version stp` is
 *    deleted. The edge fix includes the move, since Junos ignores edge under
 *    legacy STP.
 *  - LACP fallback: `lacp force-up` on the member port (the port facing the
 *    server), never on the ae.
 *  - Access VLAN: the VLAN's name when `vlans` has one with that id (else a
 *    new VLAN v<ID>); the old membership is deleted first, since a `set`
 *    would add a second VLAN. A trunk gets its native-vlan-id.
 *  - A port disabled or given its VLAN through an interface-range it is a
 *    plain `member` of leaves the range; through a member-range or wildcard
 *    only advice is printed, as splitting the range is a design choice. */
#include "junos_snippet.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "junos_config.h"
#include "junos_range.h"
#include "util/strutil.h"

struct snip {
    char *buf;
    size_t len;
};

static void line(struct snip *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void line(struct snip *s, const char *fmt, ...)
{
    size_t used = strnlen(s->buf, s->len);
    if (used + 1 >= s->len)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->buf + used, s->len - used, fmt, ap);
    va_end(ap);
    pr_strlcatf(s->buf, s->len, "\n");
}

/* The range of interfaces/interface-range in raw whose plain `member`
 * names port and that has statement, or NULL. *plain tells whether the
 * port is a plain member (else a member-range or wildcard). */
static const struct junos_node *range_with(const struct junos_node *raw, const char *port,
                                           const char *statement, bool *plain)
{
    const struct junos_node *ranges = junos_node_path(raw, "interfaces", "interface-range", NULL);
    for (size_t i = 0; ranges != NULL && i < ranges->n_kids; i++) {
        const struct junos_node *r = ranges->kids[i];
        if (r->inactive || !junos_range_has_member(r, port))
            continue;
        if (statement != NULL && junos_node_child(r, statement) == NULL)
            continue;
        *plain = junos_node_path(r, "member", port, NULL) != NULL;
        return r;
    }
    return NULL;
}

static void fix_admin(struct snip *s, const struct junos_config *cfg, const char *port)
{
    if (junos_node_path(cfg->raw, "interfaces", port, "disable", NULL) != NULL)
        line(s, "delete interfaces %s disable", port);
    bool plain = false;
    const struct junos_node *r = range_with(cfg->raw, port, "disable", &plain);
    if (r == NULL)
        return;
    if (plain) {
        line(s, "# %s is disabled by interface-range %s: take it out of the range", port, r->name);
        line(s, "delete interfaces interface-range %s member %s", r->name, port);
    } else {
        line(s,
             "# %s is disabled by interface-range %s (member-range or wildcard): change the "
             "range so it leaves %s out",
             port, r->name, port);
    }
}

static const char *running_proto(const struct junos_config *cfg)
{
    const struct junos_stp_info *stp = &cfg->info.stp;
    if (stp->proto == NULL || strcmp(stp->proto, "stp") == 0)
        return "rstp";
    return stp->proto;
}

static void fix_legacy(struct snip *s, const struct junos_config *cfg)
{
    const struct junos_stp_info *stp = &cfg->info.stp;
    if (stp->force_version_stp) {
        line(s, "delete protocols %s force-version", stp->proto);
        return;
    }
    if (stp->proto == NULL || strcmp(stp->proto, "stp") != 0)
        return;
    line(s, "delete protocols stp");
    line(s, "set protocols rstp");
    const struct junos_node *old = junos_node_path(cfg->raw, "protocols", "stp", NULL);
    static const char *const timers[] = {"bridge-priority", "forward-delay", "max-age",
                                         "hello-time"};
    for (size_t i = 0; i < sizeof timers / sizeof timers[0]; i++) {
        const char *v = junos_node_value(junos_node_child(old, timers[i]));
        if (v != NULL)
            line(s, "set protocols rstp %s %s", timers[i], v);
    }
    const struct junos_node *ifs = junos_node_child(old, "interface");
    for (size_t i = 0; ifs != NULL && i < ifs->n_kids; i++) {
        const struct junos_node *e = ifs->kids[i];
        if (e->inactive)
            continue;
        if (junos_node_child(e, "edge") != NULL)
            line(s, "set protocols rstp interface %s edge", e->name);
        if (junos_node_child(e, "disable") != NULL)
            line(s, "set protocols rstp interface %s disable", e->name);
    }
}

/* An uplink of sw that interface-range name holds; NULL when none. */
static const struct pr_port *uplink_in_range(const struct pr_switch *sw,
                                             const struct junos_config *cfg, const char *name)
{
    const struct junos_node *range =
        junos_node_path(cfg->raw, "interfaces", "interface-range", name, NULL);
    for (size_t i = 0; range != NULL && i < sw->n_ports; i++) {
        const struct pr_port *q = &sw->ports[i];
        if (q->role.role == PR_ROLE_UPLINK && junos_range_has_member(range, q->name))
            return q;
    }
    return NULL;
}

static void fix_edge(struct snip *s, const struct pr_switch *sw, const struct junos_config *cfg,
                     const struct junos_port_info *p, bool legacy)
{
    const char *target = p->l2_if;
    if (p->stp_entry[0] != '\0' && strcmp(p->stp_entry, "all") != 0)
        target = p->stp_entry;
    const struct pr_port *uplink = p->stp_entry_is_range ? uplink_in_range(sw, cfg, target) : NULL;
    if (uplink != NULL) {
        line(s,
             "# %s takes its spanning tree from interface-range %s, which also holds uplink %s: "
             "edge on the range would make %s an edge port; take %s out of the range first",
             p->name, target, uplink->name, uplink->name, p->name);
        return;
    }
    if (legacy)
        fix_legacy(s, cfg);
    if (p->stp_entry_is_range)
        line(s, "# edge on interface-range %s: every member of the range becomes edge", target);
    else if (strcmp(p->l2_if, p->name) != 0)
        line(s, "# %s is a member of %s: spanning tree runs on %s", p->name, p->l2_if, p->l2_if);
    line(s, "set protocols %s interface %s edge", running_proto(cfg), target);
}

static void fix_autoneg(struct snip *s, const struct junos_config *cfg, const struct pr_port *port)
{
    const char *name = port->name;
    if (junos_node_path(cfg->raw, "interfaces", name, "ether-options", "auto-negotiation", NULL))
        line(s, "delete interfaces %s ether-options auto-negotiation", name);
    line(s, "set interfaces %s ether-options no-auto-negotiation", name);
    const char *speed = NULL;
    char buf[16];
    if (port->facts.speed_mbps.known) {
        long long m = port->facts.speed_mbps.value;
        if (m >= 1000 && m % 1000 == 0)
            snprintf(buf, sizeof buf, "%lldg", m / 1000);
        else
            snprintf(buf, sizeof buf, "%lldm", m);
        speed = buf;
    } else if (strncmp(name, "ge-", 3) == 0) {
        speed = "1g";
    } else if (strncmp(name, "xe-", 3) == 0) {
        speed = "10g";
    }
    const char *where = cfg->info.els ? "" : "ether-options ";
    if (speed != NULL)
        line(s, "set interfaces %s %sspeed %s", name, where, speed);
    else
        line(s, "# and fix the speed the server uses: set interfaces %s %sspeed <speed>", name,
             where);
}

/* The name of the VLAN with id, creating v<id> when none has it. */
static void vlan_name_for(struct snip *s, const struct junos_config *cfg, long long id, char *name,
                          size_t name_len)
{
    const struct junos_node *vlans = junos_node_child(cfg->tree, "vlans");
    char want[16];
    snprintf(want, sizeof want, "%lld", id);
    for (size_t i = 0; vlans != NULL && i < vlans->n_kids; i++) {
        const char *v = junos_node_value(junos_node_child(vlans->kids[i], "vlan-id"));
        if (!vlans->kids[i]->inactive && v != NULL && strcmp(v, want) == 0) {
            pr_strlcpy(name, vlans->kids[i]->name, name_len);
            return;
        }
    }
    snprintf(name, name_len, "v%lld", id);
    line(s, "set vlans %s vlan-id %lld", name, id);
}

static void fix_vlan(struct snip *s, const struct junos_config *cfg,
                     const struct junos_port_info *p, long long id)
{
    char vlan[PR_NAME_MAX];
    const char *l2 = p->l2_if;
    if (p->trunk) {
        vlan_name_for(s, cfg, id, vlan, sizeof vlan);
        if (cfg->info.els)
            line(s, "set interfaces %s native-vlan-id %lld", l2, id);
        else
            line(s, "set interfaces %s unit 0 family ethernet-switching native-vlan-id %lld", l2,
                 id);
        line(s, "set interfaces %s unit 0 family ethernet-switching vlan members %s", l2, vlan);
        return;
    }
    if (p->vlan_from_vlans) {
        if (p->vlan_range[0] != '\0') {
            bool plain = junos_node_path(cfg->raw, "interfaces", "interface-range", p->vlan_range,
                                         "member", l2, NULL) != NULL;
            if (!plain) {
                line(s,
                     "# %s takes VLAN %s through interface-range %s (member-range or "
                     "wildcard): change the range so it leaves %s out",
                     l2, p->vlan_name, p->vlan_range, l2);
                return;
            }
            line(s, "# %s takes VLAN %s through interface-range %s: take it out of the range", l2,
                 p->vlan_name, p->vlan_range);
            line(s, "delete interfaces interface-range %s member %s", p->vlan_range, l2);
        } else {
            line(s, "delete vlans %s interface %s", p->vlan_name, l2);
            line(s, "delete vlans %s interface %s.0", p->vlan_name, l2);
        }
    }
    vlan_name_for(s, cfg, id, vlan, sizeof vlan);
    line(s, "delete interfaces %s unit 0 family ethernet-switching vlan members", l2);
    line(s, "set interfaces %s unit 0 family ethernet-switching vlan members %s", l2, vlan);
}

void junos_snippet(const struct pr_switch *sw, const struct pr_port *port,
                   const struct pr_finding *finding, char *buf, size_t buf_len)
{
    if (buf_len == 0)
        return;
    buf[0] = '\0';
    const struct junos_config *cfg = junos_config_of(sw);
    const struct junos_port_info *p = junos_config_port(cfg, port->name);
    if (p == NULL)
        return;
    struct snip s = {buf, buf_len};
    bool legacy = sw->stp.mode.known && sw->stp.mode.value == PR_MODE_STP;
    switch (finding->id) {
    case PR_F_ADMIN_DOWN:
        fix_admin(&s, cfg, port->name);
        break;
    case PR_F_STP_NOT_EDGE:
        fix_edge(&s, sw, cfg, p, legacy);
        break;
    case PR_F_STP_LEGACY_MODE:
        fix_legacy(&s, cfg);
        break;
    case PR_F_BPDU_GUARD_OFF:
        line(&s, "set protocols %s bpdu-block-on-edge", running_proto(cfg));
        break;
    case PR_F_LACP_NO_FALLBACK:
    case PR_F_LACP_FALLBACK_UNKNOWN:
        line(&s, "set interfaces %s ether-options 802.3ad lacp force-up", port->name);
        break;
    case PR_F_AUTONEG_ON:
        fix_autoneg(&s, cfg, port);
        break;
    case PR_F_VLAN_MISMATCH:
        if (port->expect_vlan >= 1 && port->expect_vlan <= 4094)
            fix_vlan(&s, cfg, p, port->expect_vlan);
        break;
    default:
        break; /* link, err-disable, speed: nothing a configuration line fixes */
    }
    /* Drop the final newline. */
    size_t n = strlen(buf);
    if (n > 0 && buf[n - 1] == '\n')
        buf[n - 1] = '\0';
}
