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
 * blackout 0). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/survey.h"

static int survey(const char *file, struct pr_switch *sw)
{
    struct pr_snmp_options opts;
    pr_snmp_options_defaults(&opts);
    char path[512];
    snprintf(path, sizeof path, "%s/generic/%s", PR_TEST_DATA, file);
    struct survey_spec spec = {
        .name = file,
        .walk_path = path,
        .snmp = &opts,
        .driver = "generic-snmp",
        .all_ports = true,
        .expect_vlan = -1,
    };
    struct pr_error err = {0};
    return survey_switch(&spec, sw, &err);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stp_table_keyed_by_ifindex),
        cmocka_unit_test(test_stp_off_switch_wide),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
