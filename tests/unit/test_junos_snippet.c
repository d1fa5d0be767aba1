/* SPDX-License-Identifier: BSD-3-Clause */
/* Junos fix snippets: the text for each situation, and that applying it
 * closes the finding. */
#include "junos_test_util.h"

#include "juniper/junos_snippet.h"
#include "util/strutil.h"

/* Judges port of sw, returns the fix of its finding id (fails when the
 * finding is absent). */
static const char *fix_for(struct pr_switch *sw, const char *port_name, enum pr_finding_id id)
{
    static char fix[PR_FIX_MAX];
    struct pr_port *port = jt_port(sw, port_name);
    rules_judge_port(sw, port);
    for (size_t i = 0; i < port->n_findings; i++) {
        if (port->findings[i].id == id) {
            junos_snippet(sw, port, &port->findings[i], fix, sizeof fix);
            return fix;
        }
    }
    fail_msg("%s has no %s finding", port_name, pr_finding_id_name(id));
    return NULL;
}

static void expect_text(const char *fix, const char *needle)
{
    if (strstr(fix, needle) == NULL)
        fail_msg("fix \"%s\" lacks \"%s\"", fix, needle);
}

/* Applies fix and checks the finding is gone from the port. */
static void apply_and_check(struct pr_switch *sw, const char *port_name, const char *fix,
                            enum pr_finding_id id)
{
    struct pr_error err = {0};
    if (junos_config_apply_set(sw, fix, strlen(fix), &err) != 0)
        fail_msg("apply: %s", err.msg);
    struct pr_port *port = jt_port(sw, port_name);
    rules_judge_port(sw, port);
    assert_false(jt_has_finding(port, id));
}

static void test_edge_plain_and_dot0(void **state)
{
    (void)state;
    struct pr_switch sw;
    jt_load(&sw, "set interfaces ge-0/0/1 unit 0 family ethernet-switching\n"
                 "set interfaces ge-0/0/2 unit 0 family ethernet-switching\n"
                 "set protocols rstp interface ge-0/0/2.0 cost 20\n");
    const char *fix = fix_for(&sw, "ge-0/0/1", PR_F_STP_NOT_EDGE);
    assert_string_equal(fix, "set protocols rstp interface ge-0/0/1 edge");
    apply_and_check(&sw, "ge-0/0/1", fix, PR_F_STP_NOT_EDGE);
    /* the existing .0 statement is reused, not doubled */
    fix = fix_for(&sw, "ge-0/0/2", PR_F_STP_NOT_EDGE);
    assert_string_equal(fix, "set protocols rstp interface ge-0/0/2.0 edge");
    apply_and_check(&sw, "ge-0/0/2", fix, PR_F_STP_NOT_EDGE);
    pr_switch_free(&sw);
}

static void test_edge_range_and_ae(void **state)
{
    (void)state;
    struct pr_switch sw;
    jt_load(&sw, "set interfaces interface-range srv member-range ge-0/0/0 to ge-0/0/9\n"
                 "set interfaces interface-range srv unit 0 family ethernet-switching\n"
                 "set interfaces ge-0/0/20 ether-options 802.3ad ae3\n"
                 "set interfaces ae3 aggregated-ether-options lacp active\n"
                 "set interfaces ae3 unit 0 family ethernet-switching\n"
                 "set protocols mstp interface srv no-root-port\n");
    const char *fix = fix_for(&sw, "ge-0/0/4", PR_F_STP_NOT_EDGE);
    expect_text(fix, "# edge on interface-range srv");
    expect_text(fix, "\nset protocols mstp interface srv edge");
    apply_and_check(&sw, "ge-0/0/4", fix, PR_F_STP_NOT_EDGE);
    /* the whole range is edge now */
    jt_fact(&jt_port(&sw, "ge-0/0/9")->facts.edge, PR_EDGE_YES);
    fix = fix_for(&sw, "ge-0/0/20", PR_F_STP_NOT_EDGE);
    expect_text(fix, "set protocols mstp interface ae3 edge");
    apply_and_check(&sw, "ge-0/0/20", fix, PR_F_STP_NOT_EDGE);
    /* force-up goes on the member */
    fix = fix_for(&sw, "ge-0/0/20", PR_F_LACP_NO_FALLBACK);
    assert_string_equal(fix, "set interfaces ge-0/0/20 ether-options 802.3ad lacp force-up");
    apply_and_check(&sw, "ge-0/0/20", fix, PR_F_LACP_NO_FALLBACK);
    pr_switch_free(&sw);
}

/* Edge on a range that also holds an uplink would make the uplink edge:
 * advice only, no set line. */
static void test_edge_range_with_uplink(void **state)
{
    (void)state;
    struct pr_switch sw;
    jt_load(&sw, "set interfaces interface-range srv member-range ge-0/0/0 to ge-0/0/9\n"
                 "set interfaces interface-range srv unit 0 family ethernet-switching\n"
                 "set protocols mstp interface srv no-root-port\n");
    jt_port(&sw, "ge-0/0/9")->role.role = PR_ROLE_UPLINK;
    const char *fix = fix_for(&sw, "ge-0/0/4", PR_F_STP_NOT_EDGE);
    assert_string_equal(fix, "# ge-0/0/4 takes its spanning tree from interface-range srv, which "
                             "also holds uplink ge-0/0/9: edge on the range would make ge-0/0/9 "
                             "an edge port; take ge-0/0/4 out of the range first");
    pr_switch_free(&sw);
}

static void test_legacy_to_rstp(void **state)
{
    (void)state;
    struct pr_switch sw;
    jt_load(&sw, "protocols { stp { bridge-priority 8k; forward-delay 10; interface ge-0/0/2 { "
                 "edge; } } }\n"
                 "interfaces { ge-0/0/1 { unit 0 { family ethernet-switching; } }\n"
                 "  ge-0/0/2 { unit 0 { family ethernet-switching; } } }\n");
    const char *fix = fix_for(&sw, "ge-0/0/1", PR_F_STP_LEGACY_MODE);
    assert_string_equal(fix, "delete protocols stp\n"
                             "set protocols rstp\n"
                             "set protocols rstp bridge-priority 8k\n"
                             "set protocols rstp forward-delay 10\n"
                             "set protocols rstp interface ge-0/0/2 edge");
    char legacy_fix[PR_FIX_MAX];
    pr_strlcpy(legacy_fix, fix, sizeof legacy_fix);
    /* the edge fix includes the move, since edge means nothing under stp */
    fix = fix_for(&sw, "ge-0/0/1", PR_F_STP_NOT_EDGE);
    expect_text(fix, "delete protocols stp\n");
    expect_text(fix, "set protocols rstp interface ge-0/0/1 edge");
    apply_and_check(&sw, "ge-0/0/2", legacy_fix, PR_F_STP_LEGACY_MODE);
    jt_fact(&sw.stp.mode, PR_MODE_RSTP);
    jt_fact(&sw.stp.forward_delay_s, 10);
    /* ge-0/0/2's edge, ignored under stp, now acts */
    jt_fact(&jt_port(&sw, "ge-0/0/2")->facts.edge, PR_EDGE_YES);
    pr_switch_free(&sw);

    jt_load(&sw, "set interfaces ge-0/0/1 unit 0 family ethernet-switching\n"
                 "set protocols rstp force-version stp\n");
    fix = fix_for(&sw, "ge-0/0/1", PR_F_STP_LEGACY_MODE);
    assert_string_equal(fix, "delete protocols rstp force-version");
    apply_and_check(&sw, "ge-0/0/1", fix, PR_F_STP_LEGACY_MODE);
    pr_switch_free(&sw);
}

static void test_autoneg_and_vlan(void **state)
{
    (void)state;
    struct pr_switch sw;
    jt_load(&sw, "set interfaces ge-0/0/1 ether-options auto-negotiation\n"
                 "set interfaces ge-0/0/1 unit 0 family ethernet-switching port-mode access\n"
                 "set interfaces ge-0/0/1 unit 0 family ethernet-switching vlan members old\n"
                 "set vlans old vlan-id 10\n"
                 "set vlans prov vlan-id 100\n");
    const char *fix = fix_for(&sw, "ge-0/0/1", PR_F_AUTONEG_ON);
    assert_string_equal(fix, "delete interfaces ge-0/0/1 ether-options auto-negotiation\n"
                             "set interfaces ge-0/0/1 ether-options no-auto-negotiation\n"
                             "set interfaces ge-0/0/1 ether-options speed 1g");
    apply_and_check(&sw, "ge-0/0/1", fix, PR_F_AUTONEG_ON);
    jt_fact(&jt_port(&sw, "ge-0/0/1")->facts.speed_mbps, 1000);
    jt_port(&sw, "ge-0/0/1")->expect_vlan = 100;
    fix = fix_for(&sw, "ge-0/0/1", PR_F_VLAN_MISMATCH);
    assert_string_equal(fix,
                        "delete interfaces ge-0/0/1 unit 0 family ethernet-switching vlan members\n"
                        "set interfaces ge-0/0/1 unit 0 family ethernet-switching vlan members "
                        "prov");
    apply_and_check(&sw, "ge-0/0/1", fix, PR_F_VLAN_MISMATCH);
    /* a VLAN id no VLAN has yet gets one */
    jt_port(&sw, "ge-0/0/1")->expect_vlan = 300;
    fix = fix_for(&sw, "ge-0/0/1", PR_F_VLAN_MISMATCH);
    expect_text(fix, "set vlans v300 vlan-id 300\n");
    apply_and_check(&sw, "ge-0/0/1", fix, PR_F_VLAN_MISMATCH);
    jt_fact(&jt_port(&sw, "ge-0/0/1")->facts.access_vlan, 300);
    pr_switch_free(&sw);
}

static void test_admin_down_and_advice(void **state)
{
    (void)state;
    struct pr_switch sw;
    jt_load(&sw, "set interfaces ge-0/0/1 disable\n"
                 "set interfaces interface-range off member-range ge-0/0/10 to ge-0/0/12\n"
                 "set interfaces interface-range off disable\n");
    const char *fix = fix_for(&sw, "ge-0/0/1", PR_F_ADMIN_DOWN);
    assert_string_equal(fix, "delete interfaces ge-0/0/1 disable");
    apply_and_check(&sw, "ge-0/0/1", fix, PR_F_ADMIN_DOWN);
    /* through a member-range: advice only, no guess at how to split it */
    fix = fix_for(&sw, "ge-0/0/11", PR_F_ADMIN_DOWN);
    expect_text(fix, "# ge-0/0/11 is disabled by interface-range off (member-range");
    assert_null(strstr(fix, "\nset "));
    assert_null(strstr(fix, "delete"));
    pr_switch_free(&sw);
}

static void test_not_read_by_junos(void **state)
{
    (void)state;
    /* a switch not read from a Junos configuration gets no snippet */
    struct pr_switch sw;
    pr_switch_init(&sw, "sw", "h");
    struct pr_error err = {0};
    struct pr_port *port = pr_switch_add_port(&sw, "ge-0/0/1", &err);
    struct pr_finding finding = {.id = PR_F_STP_NOT_EDGE};
    char fix[64] = "x";
    junos_snippet(&sw, port, &finding, fix, sizeof fix);
    assert_string_equal(fix, "");
    pr_switch_free(&sw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_edge_plain_and_dot0),    cmocka_unit_test(test_edge_range_and_ae),
        cmocka_unit_test(test_edge_range_with_uplink), cmocka_unit_test(test_legacy_to_rstp),
        cmocka_unit_test(test_autoneg_and_vlan),       cmocka_unit_test(test_admin_down_and_advice),
        cmocka_unit_test(test_not_read_by_junos),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
