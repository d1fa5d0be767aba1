/* SPDX-License-Identifier: BSD-3-Clause */
/* The cisco driver over SNMP, on a small Catalyst-like recording written
 * for this test (tests/data/cisco/pvst-switch.snmprec and its VLAN 100
 * context pvst-switch@100.snmprec). Expectations, from the raw values:
 *
 *   stpxSpanningTreeType.0 = 1 (pvstPlus): legacy PVST+.
 *   stpxFastStartGlobalDefaultMode.0 = 2 (disable); stpxFastStartBpduGuardEnable.0 = 1 (true).
 *   Gi1/0/1 bp 1: stpxFastStartPortMode.1 = enable(1), vmVlan 100, notTrunking,
 *           VLAN 100 context state forwarding(5) -> edge yes, warning (legacy mode), blackout 0,
 *           BPDU guard default(3) -> global true -> on.
 *   Gi1/0/2 bp 2: mode default(4) -> global disable -> edge no; VLAN 100 state learning(4), up
 *           -> stp-not-edge, stp-legacy-mode (critical), stp-not-forwarding; blackout 30.
 *   Gi1/0/3 bp 3: mode enable(1) but vlanTrunkPortDynamicStatus = trunking(1), native VLAN 1
 *           -> portfast-trunk-missing; access_vlan 1; state from the default context forwarding.
 *   Gi1/0/4 bp 4: oper down, cErrDisableIfStatusCause.10104.0 = bpduGuard(2) -> err-disabled
 *           (and no link-down on top), mode disable(2) -> stp-not-edge. */
#include "cisco_test_util.h"

static struct pr_switch sw;

static int setup(void **state)
{
    return ct_survey(state, &sw, "pvst", PR_TEST_DATA "/cisco/pvst-switch.snmprec");
}

static void test_driver_and_mode(void **state)
{
    (void)state;
    assert_string_equal(sw.driver_name, "cisco");
    assert_int_equal(sw.stp.mode.value, PR_MODE_PVST);
    assert_int_equal(sw.stp.forward_delay_s.value, 15);
    assert_int_equal(sw.n_ports, 4);
}

static void test_portfast_access_port(void **state)
{
    (void)state;
    const struct pr_port *p = ct_port(&sw, "Gi1/0/1");
    assert_int_equal(p->facts.edge.value, PR_EDGE_YES);
    assert_int_equal(p->facts.stp_state.value, PR_STP_FORWARDING);
    assert_non_null(strstr(p->facts.stp_state.evidence, "VLAN 100"));
    assert_int_equal(p->facts.bpdu_guard.value, 1);
    assert_int_equal(p->facts.access_vlan.value, 100);
    assert_true(ct_has(p, PR_F_STP_LEGACY_MODE, PR_SEV_WARNING));
    assert_int_equal(p->verdict, PR_VERDICT_WARNING);
    assert_int_equal(p->expected_blackout_s.value, 0);
}

static void test_default_mode_follows_global_disable(void **state)
{
    (void)state;
    const struct pr_port *p = ct_port(&sw, "Gi1/0/2");
    assert_int_equal(p->facts.edge.value, PR_EDGE_NO);
    assert_non_null(
        strstr(p->facts.edge.evidence, "stpxFastStartGlobalDefaultMode.0 = disable(2)"));
    assert_true(ct_has(p, PR_F_STP_NOT_EDGE, PR_SEV_CRITICAL));
    assert_true(ct_has(p, PR_F_STP_LEGACY_MODE, PR_SEV_CRITICAL));
    assert_true(ct_has(p, PR_F_STP_NOT_FORWARDING, PR_SEV_CRITICAL));
    assert_int_equal(p->expected_blackout_s.value, 30);
}

static void test_portfast_on_trunk(void **state)
{
    (void)state;
    const struct pr_port *p = ct_port(&sw, "Gi1/0/3");
    assert_int_equal(p->facts.trunk.value, 1);
    assert_int_equal(p->facts.access_vlan.value, 1);
    assert_true(ct_has(p, PR_F_PORTFAST_TRUNK_MISSING, PR_SEV_CRITICAL));
    assert_int_equal(p->facts.stp_state.value, PR_STP_FORWARDING);
}

static void test_err_disabled_by_bpdu_guard(void **state)
{
    (void)state;
    const struct pr_port *p = ct_port(&sw, "Gi1/0/4");
    assert_int_equal(p->facts.err_disabled.value, 1);
    assert_string_equal(p->facts.err_disabled_cause, "bpduGuard");
    assert_true(ct_has(p, PR_F_ERR_DISABLED, PR_SEV_CRITICAL));
    assert_false(ct_has(p, PR_F_LINK_DOWN, PR_SEV_CRITICAL));
    /* Gi1/0/1 has no row although the MIB is there: not err-disabled. */
    assert_true(ct_port(&sw, "Gi1/0/1")->facts.err_disabled.known);
    assert_int_equal(ct_port(&sw, "Gi1/0/1")->facts.err_disabled.value, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_driver_and_mode),
        cmocka_unit_test(test_portfast_access_port),
        cmocka_unit_test(test_default_mode_follows_global_disable),
        cmocka_unit_test(test_portfast_on_trunk),
        cmocka_unit_test(test_err_disabled_by_bpdu_guard),
    };
    return cmocka_run_group_tests(tests, setup, ct_teardown);
}
