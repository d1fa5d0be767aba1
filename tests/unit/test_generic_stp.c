/* SPDX-License-Identifier: BSD-3-Clause */
/* The generic-snmp driver on spanning-tree tables as some agents send
 * them, on small recordings written for this test (tests/data/generic).
 *
 * stp-ifindex.snmprec (as IP Infusion OcNOS answers): interfaces 5001
 * "xe1", 5002 "xe2", 5003 "xe3" (ifType 6) and 100001 "po1" (ifType 161),
 * all up; dot1dBasePortIfIndex maps bridge ports 1-4 to them, but the
 * dot1dStpPortTable and dot1dStpPortAdminEdgePort rows are indexed 5001,
 * 5003 and 100001: ifIndexes, none a bridge port. Edge: 5001 true(1), 5003
 * false(2), 100001 false(2). xe2 is a LAG member
 * (dot3adAggPortAttachedAggID.5002 = 100001) with no STP row of its own.
 * So: xe1 ready (edge, forwarding); xe3 stp-not-edge; xe2 takes po1's
 * facts: not edge, so stp-not-edge, plus lacp-fallback-unknown (no MIB
 * says). Read by bridge port, every port would be unknown.
 *
 * stp-off.snmprec (as a Zyxel recording shows): ports 1 (up) and 2 (admin
 * up, oper down), dot1dStpPortEnable disabled(2) on both, dot1dStpMaxAge
 * and dot1dStpForwardDelay 0: spanning tree is off on the switch. Port 1
 * ready with a blackout of 0; port 2 only link-down (no stp-not-edge,
 * blackout 0).
 *
 * lag-vendor-edge.snmprec (as a Huawei agent answers; the huawei driver, by
 * sysObjectID 1.3.6.1.4.1.2011.2.23.276): interfaces 6-9
 * GigabitEthernet0/0/1-4 (ifType 6), 50 Eth-Trunk1 and 51 Eth-Trunk2
 * (ifType 161), all up. dot3adAggPortAttachedAggID.6 = 50, .7 = 50, .9 =
 * 51: GE0/0/1 and GE0/0/2 in Eth-Trunk1, GE0/0/4 in Eth-Trunk2.
 * dot1dBasePortIfIndex.1 = 8, .2 = 50, .3 = 51: the members are no bridge
 * ports. dot1dStpPortState.1-3 = forwarding(5). No RSTP-MIB edge row: only
 * HUAWEI-MSTP-MIB says edge, hwMstpiStpPortEdgeport.0.1 = enable(2)
 * (GE0/0/3), .0.2 = enable(2) (Eth-Trunk1), .0.3 = disable(1)
 * (Eth-Trunk2); hwMstpForceVersion.0 = mstp(3), dot1dStpForwardDelay.0 =
 * 1500 cs. So GE0/0/1 and GE0/0/2 are edge from Eth-Trunk1 (blackout 0;
 * warning for lacp-fallback-unknown alone, as no MIB shows fallback),
 * GE0/0/4 is not edge from Eth-Trunk2 (stp-not-edge, 2 x 15 s = 30 s),
 * GE0/0/3 ready on its own row. Were the members' facts handed over
 * before the vendor MIB is read, the three members' edge would be
 * unknown, and so their verdict. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/survey.h"

static int survey_with(const char *file, const char *driver, struct pr_switch *sw)
{
    struct pr_snmp_options opts;
    pr_snmp_options_defaults(&opts);
    char path[512];
    snprintf(path, sizeof path, "%s/generic/%s", PR_TEST_DATA, file);
    struct survey_spec spec = {
        .name = file,
        .walk_path = path,
        .snmp = &opts,
        .driver = driver,
        .all_ports = true,
        .expect_vlan = -1,
    };
    struct pr_error err = {0};
    return survey_switch(&spec, sw, &err);
}

static int survey(const char *file, struct pr_switch *sw)
{
    return survey_with(file, "generic-snmp", sw);
}

static const struct pr_port *port(struct pr_switch *sw, const char *name)
{
    const struct pr_port *p = pr_switch_find_name(sw, name);
    assert_non_null(p);
    return p;
}

static bool has_finding(const struct pr_port *p, enum pr_finding_id id)
{
    for (size_t i = 0; i < p->n_findings; i++)
        if (p->findings[i].id == id)
            return true;
    return false;
}

static void test_stp_table_keyed_by_ifindex(void **state)
{
    (void)state;
    struct pr_switch sw;
    assert_int_equal(survey("stp-ifindex.snmprec", &sw), 0);
    assert_int_equal(sw.n_ports, 3); /* po1 is an aggregate, not a physical port */
    const struct pr_port *xe1 = port(&sw, "xe1");
    assert_int_equal(xe1->facts.stp_state.value, PR_STP_FORWARDING);
    assert_non_null(strstr(xe1->facts.stp_state.evidence, "indexes dot1dStpPortTable by ifIndex"));
    assert_int_equal(xe1->facts.edge.value, PR_EDGE_YES);
    assert_int_equal(xe1->verdict, PR_VERDICT_READY);
    const struct pr_port *xe3 = port(&sw, "xe3");
    assert_int_equal(xe3->facts.edge.value, PR_EDGE_NO);
    assert_true(has_finding(xe3, PR_F_STP_NOT_EDGE));
    const struct pr_port *xe2 = port(&sw, "xe2");
    assert_true(xe2->facts.edge.known);
    assert_int_equal(xe2->facts.edge.value, PR_EDGE_NO);
    assert_non_null(strstr(xe2->facts.edge.evidence, "from its aggregate po1"));
    assert_int_equal(xe2->facts.stp_state.value, PR_STP_FORWARDING);
    assert_true(has_finding(xe2, PR_F_STP_NOT_EDGE));
    assert_true(has_finding(xe2, PR_F_LACP_FALLBACK_UNKNOWN));
    assert_int_equal(xe2->verdict, PR_VERDICT_NOT_READY);
    pr_switch_free(&sw);
}

static void test_stp_off_switch_wide(void **state)
{
    (void)state;
    struct pr_switch sw;
    assert_int_equal(survey("stp-off.snmprec", &sw), 0);
    assert_true(sw.stp.mode.known);
    assert_int_equal(sw.stp.mode.value, PR_MODE_OFF);
    assert_non_null(strstr(sw.stp.mode.evidence, "disabled(2) on all 2 ports"));
    const struct pr_port *p1 = port(&sw, "port1");
    assert_int_equal(p1->verdict, PR_VERDICT_READY);
    assert_int_equal(p1->expected_blackout_s.value, 0);
    const struct pr_port *p2 = port(&sw, "port2");
    assert_int_equal(p2->n_findings, 1);
    assert_int_equal(p2->findings[0].id, PR_F_LINK_DOWN);
    assert_true(p2->expected_blackout_s.known);
    assert_int_equal(p2->expected_blackout_s.value, 0);
    pr_switch_free(&sw);
}

static void test_vendor_edge_reaches_members(void **state)
{
    (void)state;
    struct pr_switch sw;
    assert_int_equal(survey_with("lag-vendor-edge.snmprec", "auto", &sw), 0);
    assert_string_equal(sw.driver_name, "huawei");
    assert_int_equal(sw.n_ports, 4); /* the Eth-Trunks are aggregates, not physical */

    const char *names[] = {"GigabitEthernet0/0/1", "GigabitEthernet0/0/2"};
    for (size_t i = 0; i < 2; i++) {
        const struct pr_port *m = port(&sw, names[i]);
        assert_true(pr_fact_is(&m->facts.edge, PR_EDGE_YES));
        assert_non_null(strstr(m->facts.edge.evidence, "from its aggregate Eth-Trunk1"));
        assert_non_null(strstr(m->facts.edge.evidence, "hwMstpiStpPortEdgeport.0.2 = enable(2)"));
        assert_true(pr_fact_is(&m->facts.stp_state, PR_STP_FORWARDING));
        assert_int_equal(m->verdict, PR_VERDICT_WARNING);
        assert_true(has_finding(m, PR_F_LACP_FALLBACK_UNKNOWN));
        assert_false(has_finding(m, PR_F_STP_NOT_EDGE));
        assert_int_equal(m->expected_blackout_s.value, 0);
    }
    const struct pr_port *ge4 = port(&sw, "GigabitEthernet0/0/4");
    assert_true(pr_fact_is(&ge4->facts.edge, PR_EDGE_NO));
    assert_non_null(strstr(ge4->facts.edge.evidence, "from its aggregate Eth-Trunk2"));
    assert_non_null(strstr(ge4->facts.edge.evidence, "hwMstpiStpPortEdgeport.0.3 = disable(1)"));
    assert_int_equal(ge4->verdict, PR_VERDICT_NOT_READY);
    assert_true(has_finding(ge4, PR_F_STP_NOT_EDGE));
    assert_int_equal(ge4->expected_blackout_s.value, 30);

    const struct pr_port *ge3 = port(&sw, "GigabitEthernet0/0/3");
    assert_true(pr_fact_is(&ge3->facts.edge, PR_EDGE_YES));
    assert_null(strstr(ge3->facts.edge.evidence, "aggregate"));
    assert_int_equal(ge3->verdict, PR_VERDICT_READY);
    pr_switch_free(&sw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stp_table_keyed_by_ifindex),
        cmocka_unit_test(test_stp_off_switch_wide),
        cmocka_unit_test(test_vendor_edge_reaches_members),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
