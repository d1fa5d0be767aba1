/* SPDX-License-Identifier: BSD-3-Clause */
/* Matching configuration interface names to SNMP names (the cisco
 * driver's names_match), and which source wins for which fact. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/merge.h"

static void test_names(void **state)
{
    (void)state;
    assert_true(pr_driver_cisco.names_match("GigabitEthernet1/0/1", "Gi1/0/1"));
    assert_true(pr_driver_cisco.names_match("Ethernet5", "Et5"));
    assert_true(pr_driver_cisco.names_match("Ethernet1/1", "Eth1/1"));
    assert_true(pr_driver_cisco.names_match("TenGigabitEthernet1/1/2", "Te1/1/2"));
    assert_true(pr_driver_cisco.names_match("ge-0/0/1", "ge-0/0/1"));
    assert_true(pr_driver_cisco.names_match("Port-channel1", "Po1"));
    assert_false(pr_driver_cisco.names_match("GigabitEthernet1/0/1", "Gi1/0/11"));
    assert_false(pr_driver_cisco.names_match("GigabitEthernet1/0/1", "Te1/0/1"));
    assert_false(pr_driver_cisco.names_match("ge-0/0/1", "xe-0/0/1"));
    assert_false(pr_driver_cisco.names_match("Ethernet", "Et"));
}

static void test_config_wins_for_configuration_agent_for_state(void **state)
{
    (void)state;
    struct pr_switch live, config;
    pr_switch_init(&live, "sw", "h");
    pr_switch_init(&config, "sw", "f");
    struct pr_port *lp = pr_switch_add_port(&live, "Gi1/0/1", NULL);
    pr_fact_set(&lp->facts.oper_status, PR_IF_UP, "ifOperStatus = up(1)");
    pr_fact_set(&lp->facts.edge, PR_EDGE_NO, "stpxFastStartPortMode = disable(2)");
    pr_fact_set(&lp->facts.lacp_member, 1, "AttachedAggID = 5001");
    struct pr_port *cp = pr_switch_add_port(&config, "GigabitEthernet1/0/1", NULL);
    pr_fact_set(&cp->facts.oper_status, PR_IF_DOWN, "never from a config, but if it were");
    pr_fact_set(&cp->facts.edge, PR_EDGE_YES, "spanning-tree portfast edge");
    pr_fact_set(&cp->facts.lacp_fallback, 0, "port-channel standalone-disable");
    pr_fact_set(&config.stp.mode, PR_MODE_RAPID_PVST, "spanning-tree mode rapid-pvst");
    assert_int_equal(merge_config_into_live(&live, &config, &pr_driver_cisco), 1);
    /* State stays the agent's. */
    assert_int_equal(lp->facts.oper_status.value, PR_IF_UP);
    assert_int_equal(lp->facts.lacp_member.value, 1);
    /* Configuration from the config, with both pieces of evidence. */
    assert_int_equal(lp->facts.edge.value, PR_EDGE_YES);
    assert_non_null(strstr(lp->facts.edge.evidence, "spanning-tree portfast edge"));
    assert_non_null(strstr(lp->facts.edge.evidence, "disable(2)"));
    assert_int_equal(lp->facts.lacp_fallback.value, 0);
    /* The mode the agent did not show comes from the config. */
    assert_int_equal(live.stp.mode.value, PR_MODE_RAPID_PVST);
    pr_switch_free(&live);
    pr_switch_free(&config);
}

/* The description: the agent's ifAlias, else the configuration's. */
static void test_description(void **state)
{
    (void)state;
    struct pr_switch live, config;
    pr_switch_init(&live, "sw", "h");
    pr_switch_init(&config, "sw", "f");
    struct pr_port *l1 = pr_switch_add_port(&live, "Gi1/0/1", NULL);
    strcpy(l1->alias, "srv12-01 (ifAlias)");
    struct pr_port *l2 = pr_switch_add_port(&live, "Gi1/0/2", NULL);
    strcpy(pr_switch_add_port(&config, "GigabitEthernet1/0/1", NULL)->alias, "srv12-01 (config)");
    strcpy(pr_switch_add_port(&config, "GigabitEthernet1/0/2", NULL)->alias, "srv12-02 (config)");
    l1 = &live.ports[0];
    l2 = &live.ports[1];
    assert_int_equal(merge_config_into_live(&live, &config, &pr_driver_cisco), 2);
    assert_string_equal(l1->alias, "srv12-01 (ifAlias)");
    assert_string_equal(l2->alias, "srv12-02 (config)");
    pr_switch_free(&live);
    pr_switch_free(&config);
}

/* Names that differ (a software switch's configuration written in another
 * switch's dialect): the port whose ifAlias is the configuration's
 * description, when it is that one port's on both sides and no name
 * claims the agent port. */
static void test_matched_by_description(void **state)
{
    (void)state;
    struct pr_switch live, config;
    pr_switch_init(&live, "sw", "h");
    pr_switch_init(&config, "sw", "f");
    strcpy(pr_switch_add_port(&live, "tap0", NULL)->alias, "client");
    strcpy(pr_switch_add_port(&live, "tap1", NULL)->alias, "idle");
    strcpy(pr_switch_add_port(&live, "tap2", NULL)->alias, "twice");
    strcpy(pr_switch_add_port(&live, "tap3", NULL)->alias, "twice");
    strcpy(pr_switch_add_port(&live, "Ethernet9", NULL)->alias, "claimed");
    struct pr_port *c1 = pr_switch_add_port(&config, "Ethernet1", NULL);
    strcpy(c1->alias, "client");
    pr_fact_set(&c1->facts.lacp_fallback, 1, "port-channel lacp fallback individual");
    struct pr_port *c2 = pr_switch_add_port(&config, "Ethernet2", NULL);
    strcpy(c2->alias, "idle");
    pr_fact_set(&c2->facts.lacp_fallback, 0, "no fallback");
    /* The same description twice among the agent's ports: neither. */
    struct pr_port *c3 = pr_switch_add_port(&config, "Ethernet3", NULL);
    strcpy(c3->alias, "twice");
    pr_fact_set(&c3->facts.bpdu_guard, 1, "spanning-tree bpduguard enable");
    /* An agent port a configuration name matches is that port's only. */
    struct pr_port *c4 = pr_switch_add_port(&config, "Ethernet4", NULL);
    strcpy(c4->alias, "claimed");
    pr_fact_set(&c4->facts.bpdu_guard, 1, "spanning-tree bpduguard enable");
    pr_switch_add_port(&config, "Ethernet9", NULL);
    /* The same description twice in the configuration: neither. */
    strcpy(pr_switch_add_port(&live, "tap5", NULL)->alias, "dup");
    struct pr_port *c6 = pr_switch_add_port(&config, "Ethernet6", NULL);
    strcpy(c6->alias, "dup");
    pr_fact_set(&c6->facts.bpdu_guard, 1, "spanning-tree bpduguard enable");
    strcpy(pr_switch_add_port(&config, "Ethernet7", NULL)->alias, "dup");
    /* Matched: Ethernet1 -> tap0, Ethernet2 -> tap1, Ethernet9 by name. */
    assert_int_equal(merge_config_into_live(&live, &config, &pr_driver_cisco), 3);
    assert_true(pr_fact_is(&live.ports[0].facts.lacp_fallback, 1));
    assert_true(pr_fact_is(&live.ports[1].facts.lacp_fallback, 0));
    assert_false(live.ports[2].facts.bpdu_guard.known);
    assert_false(live.ports[3].facts.bpdu_guard.known);
    assert_false(live.ports[4].facts.bpdu_guard.known);
    assert_false(live.ports[5].facts.bpdu_guard.known);
    pr_switch_free(&live);
    pr_switch_free(&config);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_config_wins_for_configuration_agent_for_state),
        cmocka_unit_test(test_description),
        cmocka_unit_test(test_matched_by_description),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
