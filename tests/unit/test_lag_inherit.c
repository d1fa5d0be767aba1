/* SPDX-License-Identifier: BSD-3-Clause */
/* A LAG member takes its aggregate's spanning-tree facts after the driver
 * has read its vendor objects (pr_switch_lag_inherit_stp, run by the core
 * after every agent's read).
 *
 * tests/data/generic/lag-vendor-edge.snmprec, written for this test as a
 * Huawei agent answers: sysObjectID 1.3.6.1.4.1.2011.2.23.276 (the huawei
 * driver). Interfaces 6-9 GigabitEthernet0/0/1-4 (ifType 6), 50 Eth-Trunk1
 * and 51 Eth-Trunk2 (ifType 161), all up. dot3adAggPortAttachedAggID.6 =
 * 50, .7 = 50, .9 = 51: GE0/0/1 and GE0/0/2 in Eth-Trunk1, GE0/0/4 in
 * Eth-Trunk2. dot1dBasePortIfIndex.1 = 8, .2 = 50, .3 = 51: the members are
 * no bridge ports. dot1dStpPortState.1-3 = forwarding(5). No RSTP-MIB edge
 * row at all: only HUAWEI-MSTP-MIB says edge, hwMstpiStpPortEdgeport.0.1 =
 * enable(2) (GE0/0/3), .0.2 = enable(2) (Eth-Trunk1), .0.3 = disable(1)
 * (Eth-Trunk2); hwMstpForceVersion.0 = mstp(3), dot1dStpForwardDelay.0 =
 * 1500 cs.
 *
 * So GE0/0/1 and GE0/0/2 are edge from Eth-Trunk1 (blackout 0; warning for
 * lacp-fallback-unknown alone, as no MIB shows fallback), GE0/0/4 is not
 * edge from Eth-Trunk2 (stp-not-edge, 2 x 15 s = 30 s), GE0/0/3 ready on
 * its own row. With the members' facts handed over before the vendor MIB
 * is read, the three members' edge was unknown, and so their verdict. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/survey.h"

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

static void test_vendor_edge_reaches_members(void **state)
{
    (void)state;
    struct pr_snmp_options opts;
    pr_snmp_options_defaults(&opts);
    struct survey_spec spec = {
        .name = "lag",
        .walk_path = PR_TEST_DATA "/generic/lag-vendor-edge.snmprec",
        .snmp = &opts,
        .driver = "auto",
        .all_ports = true,
        .expect_vlan = -1,
    };
    struct pr_switch sw;
    struct pr_error err = {0};
    assert_int_equal(survey_switch(&spec, &sw, &err), 0);
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

/* A switch of one aggregate (ifIndex 100, bridge port 1) and its member
 * (ifIndex 1): the model step alone. */
static void two_ports(struct pr_switch *sw)
{
    struct pr_error err = {0};
    pr_switch_init(sw, "sw", "sw");
    struct pr_port *agg = pr_switch_add_port(sw, "lag1", &err);
    assert_non_null(agg);
    agg->ifindex = 100;
    agg->bridge_port = 1;
    pr_fact_set(&agg->facts.stp_state, PR_STP_FORWARDING, "state of lag1");
    struct pr_port *m = pr_switch_add_port(sw, "eth1", &err);
    assert_non_null(m);
    m->ifindex = 1;
    m->lag_ifindex = 100;
}

/* Taken twice, a member's facts are what they were after once. */
static void test_idempotent(void **state)
{
    (void)state;
    struct pr_switch sw;
    two_ports(&sw);
    pr_fact_set(&sw.ports[0].facts.edge, PR_EDGE_AUTO, "edge of lag1");
    pr_fact_set(&sw.ports[0].facts.auto_edge_wait_s, 4, "wait of lag1");
    pr_switch_lag_inherit_stp(&sw);
    struct pr_port_facts once = sw.ports[1].facts;
    pr_switch_lag_inherit_stp(&sw);
    assert_memory_equal(&once, &sw.ports[1].facts, sizeof once);
    assert_true(pr_fact_is(&once.edge, PR_EDGE_AUTO));
    assert_string_equal(once.edge.evidence, "from its aggregate lag1: edge of lag1");
    assert_true(pr_fact_is(&once.auto_edge_wait_s, 4));
    pr_switch_free(&sw);
}

/* What the aggregate does not say, the member keeps (a vendor row of its
 * own); what it says wins over the member's own, as spanning tree runs on
 * the aggregate. */
static void test_member_keeps_what_aggregate_lacks(void **state)
{
    (void)state;
    struct pr_switch sw;
    two_ports(&sw);
    struct pr_port_facts *m = &sw.ports[1].facts;
    pr_fact_set(&m->edge, PR_EDGE_YES, "eth1's own vendor row");
    pr_fact_set(&m->stp_state, PR_STP_BLOCKING, "eth1's own state");
    pr_switch_lag_inherit_stp(&sw);
    assert_true(pr_fact_is(&m->edge, PR_EDGE_YES));
    assert_string_equal(m->edge.evidence, "eth1's own vendor row");
    assert_true(pr_fact_is(&m->stp_state, PR_STP_FORWARDING));
    assert_non_null(strstr(m->stp_state.evidence, "from its aggregate lag1"));

    pr_fact_set(&sw.ports[0].facts.edge, PR_EDGE_NO, "edge of lag1");
    pr_switch_lag_inherit_stp(&sw);
    assert_true(pr_fact_is(&m->edge, PR_EDGE_NO));
    pr_switch_free(&sw);
}

/* An aggregate that is no bridge port, or has no spanning-tree fact, hands
 * nothing over. */
static void test_no_bridge_port_no_inheritance(void **state)
{
    (void)state;
    struct pr_switch sw;
    two_ports(&sw);
    sw.ports[0].bridge_port = 0;
    pr_fact_set(&sw.ports[0].facts.edge, PR_EDGE_YES, "edge of lag1");
    pr_switch_lag_inherit_stp(&sw);
    assert_false(sw.ports[1].facts.edge.known);
    assert_false(sw.ports[1].facts.stp_state.known);
    pr_switch_free(&sw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vendor_edge_reaches_members),
        cmocka_unit_test(test_idempotent),
        cmocka_unit_test(test_member_keeps_what_aggregate_lacks),
        cmocka_unit_test(test_no_bridge_port_no_inheritance),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
