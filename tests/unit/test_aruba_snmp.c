/* SPDX-License-Identifier: BSD-3-Clause */
/* The aruba driver over SNMP: chosen by sysObjectID (HP 11, Aruba 47196),
 * HP-ICF-BRIDGE read where the standard MIBs say nothing (a recording
 * written for it, tests/data/aruba/hpicf-bridge.snmprec), and the real
 * ProCurve and AOS-CX recordings of ../shared/fixtures, which hold no
 * HP-ICF-BRIDGE object: the standard MIBs' facts, nothing invented. */
#include <stdio.h>

#include "cisco_test_util.h"

#include "aruba/aruba_snmp.h"
#include "driver.h"

static void test_chosen_by_object_id(void **state)
{
    (void)state;
    assert_ptr_equal(pr_driver_choose("1.3.6.1.4.1.11.2.3.7.11.84", NULL, NULL, 0),
                     &pr_driver_aruba);
    assert_ptr_equal(pr_driver_choose("1.3.6.1.4.1.47196.4.1.1.1.303", NULL, NULL, 0),
                     &pr_driver_aruba);
    assert_ptr_equal(pr_driver_choose("1.3.6.1.4.1.9.1.617", NULL, NULL, 0), &pr_driver_cisco);
    assert_ptr_equal(pr_driver_choose("1.3.6.1.4.1.99999.1", NULL, NULL, 0),
                     &pr_driver_generic_snmp);
    assert_false(aruba_snmp_object_id("1.3.6.1.4.1.111.1"));
}

static void expect(const struct pr_fact *f, int64_t value, const char *in_evidence)
{
    if (!f->known || f->value != value)
        fail_msg("fact %s %lld (%s), expected %lld", f->known ? "=" : "unknown",
                 (long long)f->value, f->evidence, (long long)value);
    if (in_evidence != NULL && strstr(f->evidence, in_evidence) == NULL)
        fail_msg("evidence \"%s\" lacks \"%s\"", f->evidence, in_evidence);
}

static void test_hpicf_bridge(void **state)
{
    (void)state;
    struct pr_switch sw;
    void *st;
    ct_survey(&st, &sw, "hp", PR_TEST_DATA "/aruba/hpicf-bridge.snmprec");
    assert_string_equal(sw.driver_name, "aruba");
    /* ...12.1.4.1.0|2|2 rstpOperation, ...12.1.4.3.0|2|3 ieee8021s. */
    expect(&sw.stp.mode, PR_MODE_RSTP, "hpicfBridgeRstpForceVersion.0 = rstpOperation(2)");
    /* 1: ...5.1.2.1|2|1 admin edge enable: edge, ready. */
    const struct pr_port *p = ct_port(&sw, "1");
    expect(&p->facts.edge, PR_EDGE_YES, "hpicfBridgeRstpAdminEdgePort.1 = enable(1)");
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    /* 2: admin edge disable(2), auto edge true(1), oper edge disable:
     * left to auto-detection. */
    p = ct_port(&sw, "2");
    expect(&p->facts.edge, PR_EDGE_AUTO, "hpicfBridgeRstpAutoEdgePort.2 = true(1)");
    assert_true(ct_has(p, PR_F_STP_EDGE_AUTO, PR_SEV_WARNING));
    /* 3: admin edge disable, auto edge false(2): not edge, 2 x 15 s. */
    p = ct_port(&sw, "3");
    expect(&p->facts.edge, PR_EDGE_NO, "hpicfBridgeRstpAdminEdgePort.3 = disable(2)");
    expect(&p->expected_blackout_s, 30, NULL);
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    /* 4: ...5.1.9.4|2|1 BPDU filtering: outside spanning tree. */
    p = ct_port(&sw, "4");
    expect(&p->facts.stp_enabled, 0, "hpicfBridgeRstpPortBpduFiltering.4 = true(1)");
    /* Port 3's fix is ArubaOS-Switch syntax. */
    p = ct_port(&sw, "3");
    const char *fix = NULL;
    for (size_t i = 0; i < p->n_findings; i++) {
        if (p->findings[i].id == PR_F_STP_NOT_EDGE)
            fix = p->findings[i].fix;
    }
    assert_non_null(fix);
    assert_string_equal(fix, "spanning-tree 3 admin-edge-port");
    pr_switch_free(&sw);

    ct_survey(&st, &sw, "hp", PR_TEST_DATA "/aruba/hpicf-bridge-off.snmprec");
    /* ...12.1.4.4.0|2|2: spanning tree disabled on the switch. */
    expect(&sw.stp.mode, PR_MODE_OFF, "hpicfBridgeRstpAdminStatus.0 = disable(2)");
    assert_int_equal(ct_port(&sw, "3")->verdict, PR_VERDICT_READY);
    pr_switch_free(&sw);
}

static void test_real_recordings(void **state)
{
    (void)state;
    static const char *const files[] = {
        PR_FIXTURES "/snmprec/librenms__procurve_e2910.snmprec",
        PR_FIXTURES "/snmprec/librenms__arubaos-cx_10.07.snmprec",
    };
    for (size_t i = 0; i < 2; i++) {
        FILE *f = fopen(files[i], "r");
        if (f == NULL) {
            print_message("%s absent (../shared not here): skipped\n", files[i]);
            skip();
        }
        fclose(f);
        struct pr_switch aruba, generic;
        void *st;
        ct_survey(&st, &aruba, "sw", files[i]);
        assert_string_equal(aruba.driver_name, "aruba");
        /* The same recording through the generic driver: no HP-ICF-BRIDGE
         * row was recorded (nothing under 1.3.6.1.4.1.11.2.14.11.5.1.12),
         * so every port's facts and verdict are the standard MIBs'. */
        struct pr_snmp_options opts;
        pr_snmp_options_defaults(&opts);
        struct survey_spec spec = {.name = "sw",
                                   .walk_path = files[i],
                                   .snmp = &opts,
                                   .driver = "generic-snmp",
                                   .expect_vlan = -1};
        struct pr_error err = {0};
        assert_int_equal(survey_switch(&spec, &generic, &err), 0);
        assert_int_equal(aruba.n_ports, generic.n_ports);
        for (size_t k = 0; k < aruba.n_ports; k++) {
            const struct pr_port *a = &aruba.ports[k], *g = &generic.ports[k];
            assert_string_equal(a->name, g->name);
            assert_int_equal(a->verdict, g->verdict);
            assert_int_equal(a->facts.edge.known, g->facts.edge.known);
            assert_int_equal(a->facts.stp_enabled.known, g->facts.stp_enabled.known);
        }
        assert_int_equal(aruba.stp.mode.known, generic.stp.mode.known);
        pr_switch_free(&aruba);
        pr_switch_free(&generic);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chosen_by_object_id),
        cmocka_unit_test(test_hpicf_bridge),
        cmocka_unit_test(test_real_recordings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
