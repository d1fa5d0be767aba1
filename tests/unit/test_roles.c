/* SPDX-License-Identifier: BSD-3-Clause */
/* Port roles end to end on a recording written for this test
 * (tests/data/generic/roles.snmprec, made by a few lines of Python so its
 * OIDs are sorted), and the pieces on their own: the capability bits as
 * agents and recordings spell them, the signals, the LAG rule, the
 * selection that leaves uplinks out. Expectations, from the raw values:
 *
 *   own bridge: dot1dBaseBridgeAddress.0 = 02 00 00 00 00 01, priority 32768;
 *     dot1dStpRootPort.0 = 12.
 *   p1  (ifIndex 101, bridge port 1): lldpRemSysCapEnabled.0.1.1 = 20
 *       (bridge); no ifIndex 1, so local port 1 is bridge port 1 -> uplink.
 *   p2  (102, bp 2): .0.2.2 = 01 (stationOnly) -> server.
 *   p3  (103, bp 3): dot1dStpPortState.3 = blocking(2), designated bridge
 *       70 00 52 54 00 00 00 03 (not this one) -> uplink.
 *   p4  (104, bp 4): forwarding, designated bridge another's: not a sign
 *       (a forwarding port other than the root port is designated) -> unknown.
 *   p5  (105, bp 5): ieee8021MstpCistPortRole.1.5 = alternate(2) -> uplink.
 *   p6, p7 (106, 107): dot3adAggPortAttachedAggID = 200 (lag1); p6's
 *       neighbour is on local port 66, lldpLocPortId.66 = "p6", 01 -> p6
 *       server, p7 server as a member of lag1.
 *   p8, p9 (108, 109): in lag2 (201); LLDP-V2-MIB
 *       lldpV2RemSysCapEnabled.0.108.1.1 = 08 (router) -> both uplinks.
 *   p10 (110, bp 7) and x7 (ifIndex 7, bp 11): the neighbour on local port 7
 *       (20, bridge) could be either -> both unknown, saying so.
 *   p11 (111, bp 12): the root port -> uplink.
 *   p12 (112, bp 13): a neighbour with no capability enabled (00) -> unknown.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/roles.h"
#include "core/survey.h"
#include "generic-snmp/generic_snmp.h"
#include "rules/rules.h"
#include "rules/summary.h"

static int survey(struct pr_switch *sw, const struct survey_port *ports, size_t n_ports,
                  bool all_ports)
{
    struct pr_snmp_options opts;
    pr_snmp_options_defaults(&opts);
    struct survey_spec spec = {
        .name = "roles",
        .walk_path = PR_TEST_DATA "/generic/roles.snmprec",
        .snmp = &opts,
        .driver = "generic-snmp",
        .ports = ports,
        .n_ports = n_ports,
        .all_ports = all_ports,
        .expect_vlan = 100,
    };
    struct pr_error err = {0};
    return survey_switch(&spec, sw, &err);
}

static const struct pr_port *port(struct pr_switch *sw, const char *name)
{
    const struct pr_port *p = pr_switch_find_name(sw, name);
    if (p == NULL)
        fail_msg("no port %s", name);
    return p;
}

static void expect_role(struct pr_switch *sw, const char *name, enum pr_role role,
                        const char *evidence)
{
    const struct pr_port *p = port(sw, name);
    if (p->role.role != role)
        fail_msg("%s: role %s, expected %s (%s)", name, pr_role_name(p->role.role),
                 pr_role_name(role), p->role.evidence);
    if (evidence != NULL && strstr(p->role.evidence, evidence) == NULL)
        fail_msg("%s: evidence \"%s\" lacks \"%s\"", name, p->role.evidence, evidence);
}

static void test_roles_from_the_recording(void **state)
{
    (void)state;
    struct pr_switch sw;
    assert_int_equal(survey(&sw, NULL, 0, true), 0);
    expect_role(&sw, "p1", PR_ROLE_UPLINK,
                "LLDP-MIB lldpRemSysCapEnabled.0.1.1 = 20 (bridge); neighbour sw-up; local port 1 "
                "= bridge port 1");
    expect_role(&sw, "p2", PR_ROLE_SERVER, "= 01 (stationOnly); neighbour srv-2");
    expect_role(&sw, "p3", PR_ROLE_UPLINK,
                "dot1dStpPortDesignatedBridge.3 = 70 00 52 54 00 00 00 03 (priority 28672, "
                "52:54:00:00:00:03): not this bridge (dot1dBaseBridgeAddress.0 = "
                "02:00:00:00:00:01, dot1dStpPriority.0 = 32768)");
    expect_role(&sw, "p4", PR_ROLE_UNKNOWN, "nothing says what the port faces");
    expect_role(&sw, "p5", PR_ROLE_UPLINK,
                "IEEE8021-MSTP-MIB ieee8021MstpCistPortRole.1.5 = alternate(2)");
    expect_role(&sw, "p6", PR_ROLE_SERVER, "lldpLocPortId.66 = \"p6\"");
    expect_role(&sw, "p7", PR_ROLE_SERVER, "member of lag1 (server): member p6 (server)");
    expect_role(&sw, "p8", PR_ROLE_UPLINK,
                "LLDP-V2-MIB lldpV2RemSysCapEnabled.0.108.1.1 = 08 (router); neighbour rt-8");
    expect_role(&sw, "p9", PR_ROLE_UPLINK, "member of lag2 (uplink): member p8 (uplink)");
    expect_role(&sw, "p10", PR_ROLE_UNKNOWN,
                "local port 7 is bridge port 7 (p10) and ifIndex 7 (x7), which one the agent "
                "means cannot be told");
    expect_role(&sw, "x7", PR_ROLE_UNKNOWN, "cannot be told");
    expect_role(&sw, "p11", PR_ROLE_UPLINK, "BRIDGE-MIB dot1dStpRootPort.0 = 12");
    expect_role(&sw, "p12", PR_ROLE_UNKNOWN, "= 00 (none)");
    assert_string_equal(port(&sw, "p9")->role.reason,
                        "member of lag2: member p8: LLDP neighbour rt-8, router");
    /* --all-ports: uplinks judged, each with port-is-uplink, none left out. */
    assert_int_equal(sw.n_uplinks, 0);
    const struct pr_port *p1 = port(&sw, "p1");
    bool flagged = false;
    for (size_t i = 0; i < p1->n_findings; i++)
        flagged |=
            p1->findings[i].id == PR_F_PORT_IS_UPLINK && p1->findings[i].severity == PR_SEV_WARNING;
    assert_true(flagged);
    pr_switch_free(&sw);
}

static void test_every_port_leaves_uplinks_out(void **state)
{
    (void)state;
    struct pr_switch sw;
    assert_int_equal(survey(&sw, NULL, 0, false), 0);
    static const char *const left_out[] = {"p1", "p3", "p5", "p8", "p9", "p11"};
    assert_int_equal(sw.n_uplinks, 6);
    for (size_t i = 0; i < 6; i++) {
        assert_string_equal(sw.uplinks[i].name, left_out[i]);
        assert_null(pr_switch_find_name(&sw, left_out[i]));
    }
    assert_int_equal(sw.uplinks[0].ifindex, 101);
    assert_string_equal(sw.uplinks[0].reason, "LLDP neighbour sw-up, bridge");
    /* 15 interfaces, 2 LAGs (not physical), 6 uplinks: 7 judged. */
    assert_int_equal(sw.n_ports, 7);
    struct pr_summary sum;
    rules_summarize(&sw, 1, &sum);
    assert_int_equal(sum.uplinks, 6);
    assert_int_equal(sum.ports, 7);
    pr_switch_free(&sw);
}

/* A named uplink is judged, flagged, and gets no edge or VLAN fix; the
 * block never names it. */
static void test_named_uplink_gets_no_edge_or_vlan_fix(void **state)
{
    (void)state;
    const struct survey_port ports[] = {{"p1", NULL, -1, 0}, {"p2", NULL, -1, 0}};
    struct pr_switch sw;
    assert_int_equal(survey(&sw, ports, 2, false), 0);
    assert_int_equal(sw.n_uplinks, 0);
    const struct pr_port *p1 = port(&sw, "p1");
    /* No edge object, no PVID: the findings are port-is-uplink alone. */
    assert_int_equal(p1->n_findings, 1);
    assert_int_equal(p1->findings[0].id, PR_F_PORT_IS_UPLINK);
    assert_string_equal(p1->findings[0].fix, "");
    assert_non_null(strstr(p1->findings[0].message, "(LLDP neighbour sw-up, bridge)"));
    if (sw.fix.text != NULL)
        assert_null(strstr(sw.fix.text, "p1"));
    pr_switch_free(&sw);
}

/* The fixes withheld from an uplink, whatever its findings. */
static void test_withheld_fixes(void **state)
{
    (void)state;
    struct pr_switch sw;
    pr_switch_init(&sw, "sw", "h");
    struct pr_port *up = pr_switch_add_port(&sw, "Gi1/0/1", NULL);
    up->if_type = 6;
    pr_role_add_signal(&up->role, PR_ROLE_UPLINK, "root port", "BRIDGE-MIB dot1dStpRootPort.0 = 1");
    struct pr_port_facts *f = &up->facts;
    pr_fact_set(&f->admin_status, PR_IF_DOWN, "x");
    pr_fact_set(&f->edge, PR_EDGE_NO, "x");
    pr_fact_set(&f->access_vlan, 1, "x");
    pr_fact_set(&f->lacp_member, 1, "x");
    pr_fact_set(&f->lacp_fallback, 0, "x");
    up->expect_vlan = 100;
    roles_assign(&sw);
    rules_judge_switch(&sw);
    survey_write_fixes(&pr_driver_cisco, &sw);
    for (size_t i = 0; i < up->n_findings; i++) {
        const struct pr_finding *x = &up->findings[i];
        bool withheld = roles_fix_withheld(x->id);
        if (withheld && x->fix[0] != '\0')
            fail_msg("%s got a fix: %s", pr_finding_id_name(x->id), x->fix);
        if (x->id == PR_F_ADMIN_DOWN)
            assert_string_equal(x->fix, "interface Gi1/0/1\n no shutdown");
    }
    /* The uplink's own admin-down fix stays with the finding, never in the
     * block. */
    assert_null(sw.fix.text);
    assert_true(roles_fix_withheld(PR_F_STP_NOT_EDGE));
    assert_true(roles_fix_withheld(PR_F_VLAN_MISMATCH));
    assert_true(roles_fix_withheld(PR_F_BPDU_GUARD_OFF));
    assert_true(roles_fix_withheld(PR_F_LACP_NO_FALLBACK));
    assert_false(roles_fix_withheld(PR_F_ADMIN_DOWN));
    assert_false(roles_fix_withheld(PR_F_STP_LEGACY_MODE));
    pr_switch_free(&sw);
}

static void caps_of(const char *bytes, size_t len, unsigned expect, bool expect_text)
{
    struct pr_snmp_value v = {.type = PR_SNMP_T_OCTETS, .bytes = (uint8_t *)bytes, .len = len};
    unsigned caps;
    bool text;
    assert_true(generic_lldp_caps(&v, &caps, &text));
    if (caps != expect || text != expect_text)
        fail_msg("\"%.*s\": caps 0x%x text %d, expected 0x%x %d", (int)len, bytes, caps, text,
                 expect, expect_text);
}

/* Bit N is capability N, the high bit of the first byte bit 0. */
static void test_capability_bits(void **state)
{
    (void)state;
    const unsigned bridge = 1u << 2, router = 1u << 4, station = 1u << 7, ap = 1u << 3;
    caps_of("\x28", 1, bridge | router, false);
    caps_of("\x20\x00", 2, bridge, false);
    caps_of("\x01", 1, station, false);
    caps_of("\x28\x00\x00\x00", 4, bridge | router, false); /* NX-OS sends 4 bytes */
    caps_of("", 0, 0, false);
    /* net-snmp's text of BITS, as LibreNMS's recordings keep it */
    caps_of("28 2 4", 6, bridge | router, true);
    caps_of("28 00 2 4", 9, bridge | router, true);
    caps_of("20 2", 4, bridge, true);
    caps_of("10 3", 4, ap, true);
    caps_of("00 00", 5, 0, true);
    caps_of("00", 2, 0, true);
    /* not that form (0x28 sets bits 2 and 4, not 2 alone): the bytes are
     * the bits, 0x32 0x38 of the first two */
    caps_of("28 2", 4, (1u << 2) | (1u << 3) | (1u << 6) | (1u << 10) | (1u << 11) | (1u << 12),
            false);
    struct pr_snmp_value n = {.type = PR_SNMP_T_INTEGER, .num = 32};
    unsigned caps;
    bool text;
    assert_false(generic_lldp_caps(&n, &caps, &text));
    char names[128];
    generic_lldp_caps_names(bridge | router, names, sizeof names);
    assert_string_equal(names, "bridge, router");
    generic_lldp_caps_names(0, names, sizeof names);
    assert_string_equal(names, "none");
}

/* Uplink signals win over server ones; the same thing said twice is one
 * signal; when full, a stronger signal takes a weaker one's place. */
static void test_signals(void **state)
{
    (void)state;
    struct pr_switch sw;
    pr_switch_init(&sw, "sw", "h");
    pr_switch_add_source(&sw, "snmp");
    struct pr_port *p = pr_switch_add_port(&sw, "e1", NULL);
    pr_role_add_signal(&p->role, PR_ROLE_SERVER, "LLDP neighbour a, station only", "s1");
    pr_role_add_signal(&p->role, PR_ROLE_SERVER, "LLDP neighbour a, station only", "s1 again");
    assert_int_equal(p->role.n_signals, 1);
    pr_role_add_signal(&p->role, PR_ROLE_UNKNOWN, "LLDP neighbour b, telephone", "n1");
    pr_role_add_signal(&p->role, PR_ROLE_UNKNOWN, "LLDP neighbour c, telephone", "n2");
    pr_role_add_signal(&p->role, PR_ROLE_UNKNOWN, "LLDP neighbour d, telephone", "n3");
    assert_int_equal(p->role.n_signals, PR_ROLE_SIGNALS_MAX);
    pr_role_add_signal(&p->role, PR_ROLE_UPLINK, "root port", "r1");
    assert_int_equal(p->role.n_signals, PR_ROLE_SIGNALS_MAX);
    roles_assign(&sw);
    assert_int_equal(p->role.role, PR_ROLE_UPLINK);
    assert_string_equal(p->role.reason, "root port");
    assert_string_equal(p->role.evidence, "r1");
    /* a port with nothing: unknown, saying why */
    struct pr_port *q = pr_switch_add_port(&sw, "e2", NULL);
    roles_assign(&sw);
    assert_int_equal(q->role.role, PR_ROLE_UNKNOWN);
    assert_non_null(strstr(q->role.evidence, "nothing says what the port faces"));
    pr_switch_free(&sw);
    /* from a configuration alone */
    pr_switch_init(&sw, "sw", "h");
    pr_switch_add_source(&sw, "config");
    q = pr_switch_add_port(&sw, "ge-0/0/1", NULL);
    roles_assign(&sw);
    assert_int_equal(q->role.role, PR_ROLE_UNKNOWN);
    assert_non_null(strstr(q->role.evidence, "a configuration cannot show neighbours"));
    pr_switch_free(&sw);
}

/* Bundles named by the configuration (no ifIndex): an uplink member makes
 * every member an uplink, a LAG port of that name too. */
static void test_bundle_by_name(void **state)
{
    (void)state;
    struct pr_switch sw;
    pr_switch_init(&sw, "sw", "h");
    struct pr_port *a = pr_switch_add_port(&sw, "xe-0/0/1", NULL);
    strcpy(a->lag_name, "ae0");
    struct pr_port *b = pr_switch_add_port(&sw, "xe-0/0/2", NULL);
    strcpy(b->lag_name, "ae0");
    struct pr_port *c = pr_switch_add_port(&sw, "xe-0/0/3", NULL);
    strcpy(c->lag_name, "ae1");
    pr_switch_add_port(&sw, "ae0", NULL);
    pr_role_add_signal(&sw.ports[1].role, PR_ROLE_UPLINK, "LLDP neighbour spine1, bridge", "e");
    roles_assign(&sw);
    assert_int_equal(sw.ports[0].role.role, PR_ROLE_UPLINK);
    assert_string_equal(sw.ports[0].role.reason,
                        "member of ae0: member xe-0/0/2: LLDP neighbour spine1, bridge");
    assert_int_equal(sw.ports[1].role.role, PR_ROLE_UPLINK);
    assert_int_equal(sw.ports[3].role.role, PR_ROLE_UPLINK);
    assert_int_equal(sw.ports[2].role.role, PR_ROLE_UNKNOWN);
    pr_switch_free(&sw);
    /* no port for the bundle itself: the members share the role directly */
    pr_switch_init(&sw, "sw", "h");
    a = pr_switch_add_port(&sw, "Gi1/0/1", NULL);
    strcpy(a->lag_name, "Port-channel5");
    b = pr_switch_add_port(&sw, "Gi1/0/2", NULL);
    strcpy(b->lag_name, "Port-channel5");
    pr_role_add_signal(&a->role, PR_ROLE_UPLINK, "CDP neighbour core1, switch", "e");
    roles_assign(&sw);
    assert_int_equal(sw.ports[1].role.role, PR_ROLE_UPLINK);
    assert_string_equal(sw.ports[1].role.reason,
                        "in one bundle with Gi1/0/1: CDP neighbour core1, switch");
    pr_switch_free(&sw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roles_from_the_recording),
        cmocka_unit_test(test_every_port_leaves_uplinks_out),
        cmocka_unit_test(test_named_uplink_gets_no_edge_or_vlan_fix),
        cmocka_unit_test(test_withheld_fixes),
        cmocka_unit_test(test_capability_bits),
        cmocka_unit_test(test_signals),
        cmocka_unit_test(test_bundle_by_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
