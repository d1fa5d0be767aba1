/* SPDX-License-Identifier: BSD-3-Clause */
/* The fastpath driver over SNMP: chosen by sysObjectID (Broadcom 4413,
 * Netgear 4526's switch branches), and the facts it reads from the recordings written from
 * the MIB files (tests/data/fastpath/, README there): the out-of-range
 * admin edge is an impossible fact, not a guess. The verdicts of every
 * port are in tests/integration/test_vendor_edge_reads.sh. */
#include <stdio.h>

#include "cisco_test_util.h"

#include "driver.h"
#include "fastpath/fastpath_snmp.h"

static void test_chosen_by_object_id(void **state)
{
    (void)state;
    assert_ptr_equal(pr_driver_choose("1.3.6.1.4.1.4413", NULL, NULL, 0), &pr_driver_fastpath);
    assert_ptr_equal(pr_driver_choose("1.3.6.1.4.1.4413.1.1", NULL, NULL, 0), &pr_driver_fastpath);
    assert_ptr_equal(pr_driver_choose("1.3.6.1.4.1.4526.100.1.1", NULL, NULL, 0),
                     &pr_driver_fastpath);
    /* Dell's PowerConnect / N-series (674) stay with the dell driver; a
     * number that merely starts with the same digits is not 4413. */
    assert_ptr_equal(pr_driver_choose("1.3.6.1.4.1.674.10895.3031", NULL, NULL, 0),
                     &pr_driver_dell);
    /* NETGEAR-REF-MIB: smartswitch 32 (gs724tv4, the LibreNMS recording's
     * 4526.100.4.32), l2Rswitch 22 (m4100-d12g), the ng700smartswitch
     * tree: switches. Router fvx538 (productID 5 . 1), access point
     * wg302 (wireless 2), the productID arc alone: no FASTPATH switch. */
    assert_true(fastpath_snmp_object_id("1.3.6.1.4.1.4526.100.4.32"));
    assert_true(fastpath_snmp_object_id("1.3.6.1.4.1.4526.100.11.22"));
    assert_true(fastpath_snmp_object_id("1.3.6.1.4.1.4526.11.1"));
    assert_false(fastpath_snmp_object_id("1.3.6.1.4.1.4526.100.5.1"));
    assert_false(fastpath_snmp_object_id("1.3.6.1.4.1.4526.4.2"));
    assert_false(fastpath_snmp_object_id("1.3.6.1.4.1.4526.100"));
    assert_false(fastpath_snmp_object_id("1.3.6.1.4.1.4526.100.4"));
    assert_false(fastpath_snmp_object_id("1.3.6.1.4.1.4526.1000.1"));
    assert_ptr_equal(pr_driver_choose("1.3.6.1.4.1.4526.100.5.1", NULL, NULL, 0),
                     &pr_driver_generic_snmp);
    assert_false(fastpath_snmp_object_id("1.3.6.1.4.1.44130.1"));
    assert_false(fastpath_snmp_object_id("1.3.6.1.4.1.45260"));
    assert_false(fastpath_snmp_object_id(NULL));
}

static void test_impossible_admin_edge(void **state)
{
    (void)state;
    struct pr_switch sw;
    void *st;
    ct_survey(&st, &sw, "es", PR_TEST_DATA "/fastpath/edgeswitch-group11.snmprec");
    assert_string_equal(sw.driver_name, "fastpath");
    /* ...2.15.11.1.4.5|2|7: neither enable(1) nor disable(2). */
    const struct pr_port *p = ct_port(&sw, "0/5");
    assert_false(p->facts.edge.known);
    assert_true(p->facts.edge.impossible);
    assert_non_null(strstr(p->facts.edge.evidence, "agentStpCstPortEdge.5 = 7"));
    /* ...2.15.5.0|2|2: dot1w. */
    assert_true(pr_fact_is(&sw.stp.mode, PR_MODE_RSTP));
    pr_switch_free(&sw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chosen_by_object_id),
        cmocka_unit_test(test_impossible_admin_edge),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
