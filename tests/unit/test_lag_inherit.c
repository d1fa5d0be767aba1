/* SPDX-License-Identifier: BSD-3-Clause */
/* The hand-over of an aggregate's spanning-tree facts to its members
 * (pr_switch_lag_inherit_stp, model/lag_inherit.c) on switches built here;
 * test_generic_stp.c runs it through the core on a recording whose
 * aggregates' edge only a vendor MIB gives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "model/switch.h"

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
        cmocka_unit_test(test_idempotent),
        cmocka_unit_test(test_member_keeps_what_aggregate_lacks),
        cmocka_unit_test(test_no_bridge_port_no_inheritance),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
