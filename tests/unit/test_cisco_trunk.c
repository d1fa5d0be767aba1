/* SPDX-License-Identifier: BSD-3-Clause */
/* Trunking from CISCO-VTP-MIB when vlanTrunkPortDynamicStatus is absent (as
 * on the 2960-X and 2960-S recordings), on a recording written for this test
 * (tests/data/cisco/encap-trunk.snmprec). Expectations, from the raw values:
 *
 *   stpxSpanningTreeType.0 = 5 (rapidPvstPlus); the default context is VLAN 1.
 *   Gi1/0/3 (10103, bp 3): vlanTrunkPortEncapsulationOperType.10103 = 4 (dot1Q),
 *       vlanTrunkPortNativeVlan.10103 = 534, no vmVlan row -> trunk, native VLAN 534;
 *       dot1dStpPortState.3 = forwarding is VLAN 1's, which says nothing of VLAN 534
 *       -> stp_state unknown (VLAN 534's context is not recorded).
 *   Gi1/0/4 (10104, bp 4): EncapsulationOperType = 6 (notApplicable), vmVlan 1 -> not a
 *       trunk, access VLAN 1, state forwarding from the default context. */
#include "cisco_test_util.h"

static struct pr_switch sw;

static int setup(void **state)
{
    return ct_survey(state, &sw, "encap", PR_TEST_DATA "/cisco/encap-trunk.snmprec");
}

static void test_dot1q_encapsulation_is_a_trunk(void **state)
{
    (void)state;
    assert_string_equal(sw.driver_name, "cisco");
    const struct pr_port *p = ct_port(&sw, "Gi1/0/3");
    assert_true(p->facts.trunk.known);
    assert_int_equal(p->facts.trunk.value, 1);
    assert_non_null(strstr(p->facts.trunk.evidence, "vlanTrunkPortEncapsulationOperType"));
    assert_int_equal(p->facts.access_vlan.value, 534);
    assert_false(p->facts.stp_state.known);
}

static void test_not_applicable_is_an_access_port(void **state)
{
    (void)state;
    const struct pr_port *p = ct_port(&sw, "Gi1/0/4");
    assert_true(p->facts.trunk.known);
    assert_int_equal(p->facts.trunk.value, 0);
    assert_int_equal(p->facts.access_vlan.value, 1);
    assert_int_equal(p->facts.stp_state.value, PR_STP_FORWARDING);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dot1q_encapsulation_is_a_trunk),
        cmocka_unit_test(test_not_applicable_is_an_access_port),
    };
    return cmocka_run_group_tests(tests, setup, ct_teardown);
}
