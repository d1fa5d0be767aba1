/* SPDX-License-Identifier: BSD-3-Clause */
/* The ruckus driver over SNMP: chosen by sysObjectID (Foundry 1991), and
 * FOUNDRY-SN-SWITCH-GROUP-MIB's snSwIfInfoTable read where the standard
 * MIBs name no edge (802.1D): Fast Port Span, 802.1w admin edge, BPDU
 * guard, STP off per port (tests/data/ruckus/fdry-switch-group.snmprec,
 * written for it). */
#include <stdio.h>

#include "cisco_test_util.h"

#include "driver.h"
#include "ruckus/ruckus_snmp.h"

static void expect(const struct pr_fact *f, int64_t value, const char *in_evidence)
{
    if (!f->known || f->value != value)
        fail_msg("fact %s %lld (%s), expected %lld", f->known ? "=" : "unknown",
                 (long long)f->value, f->evidence, (long long)value);
    if (in_evidence != NULL && strstr(f->evidence, in_evidence) == NULL)
        fail_msg("evidence \"%s\" lacks \"%s\"", f->evidence, in_evidence);
}

static void test_chosen_by_object_id(void **state)
{
    (void)state;
    assert_ptr_equal(pr_driver_choose("1.3.6.1.4.1.1991.1.3.62.2.3.1.1", NULL, NULL, 0),
                     &pr_driver_ruckus);
    assert_ptr_equal(pr_driver_choose("1.3.6.1.4.1.99999.1", NULL, NULL, 0),
                     &pr_driver_generic_snmp);
    assert_false(ruckus_snmp_object_id("1.3.6.1.4.1.19910.1"));
    /* The agent's ifDescr names the configuration's port. */
    assert_true(pr_driver_ruckus.names_match("1/1/1", "GigabitEthernet1/1/1"));
    assert_true(pr_driver_ruckus.names_match("1/2/1", "10GigabitEthernet1/2/1"));
    assert_false(pr_driver_ruckus.names_match("1/1/1", "GigabitEthernet1/1/11"));
    assert_false(pr_driver_ruckus.names_match("1/1/1", "GigabitEthernet11/1/1"));
}

static void test_switch_group_mib(void **state)
{
    (void)state;
    struct pr_switch sw;
    void *st;
    ct_survey(&st, &sw, "icx", PR_TEST_DATA "/ruckus/fdry-switch-group.snmprec");
    assert_string_equal(sw.driver_name, "ruckus");
    /* ...17.2.1.0|2|3 ieee8021d and ...17.2.16.0|2|0 stpCompatible. */
    expect(&sw.stp.mode, PR_MODE_STP, NULL);
    /* 1/1/1: ...5.1.22.1|2|1 Fast Port Span enabled: forwards after about
     * 4 s, a warning (and the legacy protocol). */
    const struct pr_port *p = ct_port(&sw, "1/1/1");
    expect(&p->facts.edge, PR_EDGE_AUTO, "snSwIfFastSpanPortEnable.1 = enabled(1)");
    assert_true(ct_has(p, PR_F_STP_EDGE_AUTO, PR_SEV_WARNING));
    expect(&p->expected_blackout_s, 4, "Fast Port Span: forwarding in 4 s");
    /* 1/1/2: ...22.2|2|0 disabled: 2 x 15 s (dot1dStpForwardDelay 1500). */
    p = ct_port(&sw, "1/1/2");
    expect(&p->facts.edge, PR_EDGE_NO, "snSwIfFastSpanPortEnable.2 = disabled(0)");
    expect(&p->expected_blackout_s, 30, NULL);
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    /* 1/1/3: ...67.3|2|1 admin edge true, ...65.3|2|1 BPDU guard true. */
    p = ct_port(&sw, "1/1/3");
    expect(&p->facts.edge, PR_EDGE_YES, "snSwIfRstpAdminEdgePortMode.3 = true(1)");
    expect(&p->facts.bpdu_guard, 1, "snSwIfStpBPDUGuardMode.3");
    /* 1/1/4: ...15.4|2|0 STP disabled on the port: ready. */
    p = ct_port(&sw, "1/1/4");
    expect(&p->facts.stp_enabled, 0, "snSwIfStpPortEnable.4 = disabled(0)");
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    /* The fix of 1/1/2 is FastIron's. */
    p = ct_port(&sw, "1/1/2");
    const char *fix = NULL;
    for (size_t i = 0; i < p->n_findings; i++) {
        if (p->findings[i].id == PR_F_STP_NOT_EDGE)
            fix = p->findings[i].fix;
    }
    assert_non_null(fix);
    assert_non_null(strstr(fix, "interface ethernet 1/1/2\n spanning-tree 802-1w admin-edge-port"));
    pr_switch_free(&sw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chosen_by_object_id),
        cmocka_unit_test(test_switch_group_mib),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
