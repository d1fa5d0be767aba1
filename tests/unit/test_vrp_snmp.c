/* SPDX-License-Identifier: BSD-3-Clause */
/* The huawei and comware drivers over SNMP: chosen by sysObjectID (Huawei
 * 2011, H3C 25506, HP 11 when sysDescr says Comware), and the vendor MSTP
 * MIBs read on the real recordings of ../shared/fixtures (lextudio's
 * S5720-36C-EI and H3C S-E528), each expectation derived from the raw
 * lines quoted beside it. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cisco_test_util.h"

#include "comware/comware_snmp.h"
#include "driver.h"
#include "huawei/huawei_snmp.h"

static void test_chosen_by_object_id(void **state)
{
    (void)state;
    assert_ptr_equal(pr_driver_choose("1.3.6.1.4.1.2011.2.23.276", NULL, NULL, 0),
                     &pr_driver_huawei);
    assert_ptr_equal(pr_driver_choose("1.3.6.1.4.1.25506.1.578", NULL, NULL, 0),
                     &pr_driver_comware);
    /* An HP A-series (H3C-built) agent says Comware in its sysDescr. */
    assert_ptr_equal(pr_driver_choose("1.3.6.1.4.1.11.2.3.7.11.152",
                                      "HP A5120-48G EI Switch Software Version 5.20, Comware "
                                      "Platform Software",
                                      NULL, 0),
                     &pr_driver_comware);
    /* ... while an ArubaOS-Switch one stays Aruba's. */
    assert_ptr_equal(
        pr_driver_choose("1.3.6.1.4.1.11.2.3.7.11.84", "HP J9148A 2910al-48G Switch", NULL, 0),
        &pr_driver_aruba);
    assert_false(huawei_snmp_object_id("1.3.6.1.4.1.20110.1"));
    assert_int_equal(comware_snmp_match("1.3.6.1.4.1.255060.1", NULL), 0);
}

static void expect(const struct pr_fact *f, int64_t value, const char *in_evidence)
{
    if (!f->known || f->value != value)
        fail_msg("fact %s %lld (%s), expected %lld", f->known ? "=" : "unknown",
                 (long long)f->value, f->evidence, (long long)value);
    if (in_evidence != NULL && strstr(f->evidence, in_evidence) == NULL)
        fail_msg("evidence \"%s\" lacks \"%s\"", f->evidence, in_evidence);
}

static bool present(const char *path)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return false;
    fclose(f);
    return true;
}

static void survey_as(const char *path, const char *driver, struct pr_switch *sw)
{
    struct pr_snmp_options opts;
    pr_snmp_options_defaults(&opts);
    struct survey_spec spec = {
        .name = "sw", .walk_path = path, .snmp = &opts, .driver = driver, .expect_vlan = -1};
    struct pr_error err = {0};
    if (survey_switch(&spec, sw, &err) != 0)
        fail_msg("%s: %s", path, err.msg);
}

#define S5720 PR_FIXTURES "/snmprec/lextudio__huawei-s5720.snmprec"
#define E528  PR_FIXTURES "/snmprec/lextudio__h3c-e528-2.snmprec"

static void test_huawei_s5720(void **state)
{
    (void)state;
    if (!present(S5720)) {
        print_message("%s absent (../shared not here): skipped\n", S5720);
        skip();
    }
    struct pr_switch sw, generic;
    survey_as(S5720, "auto", &sw);
    /* 1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.2011.2.23.276 */
    assert_string_equal(sw.driver_name, "huawei");
    /* ...2011.5.25.42.4.1.1.0|2|1 hwMstpStatus enabled; ...4.1.2.0|2|3
     * hwMstpForceVersion mstp; 1.3.6.1.2.1.17.2.1.0|2|1 says nothing. */
    expect(&sw.stp.mode, PR_MODE_MSTP, "hwMstpForceVersion.0 = mstp(3)");
    /* GigabitEthernet0/0/1: ifName.6; dot1dBasePortIfIndex.1|2|6;
     * ...42.4.1.20.1.9.0.1|2|3 hwMstpiStpPortEdgeport undo: not configured,
     * left to VRP's edge detection (edge after 2 x hello + 1 s without
     * BPDUs); ifOperStatus.6|2|1 up, dot1dStpPortState.1|2|5 forwarding:
     * a warning, stp-edge-auto. */
    const struct pr_port *p = ct_port(&sw, "GigabitEthernet0/0/1");
    expect(&p->facts.edge, PR_EDGE_AUTO, "hwMstpiStpPortEdgeport.0.1 = undo");
    assert_int_equal(p->verdict, PR_VERDICT_WARNING);
    assert_true(ct_has(p, PR_F_STP_EDGE_AUTO, PR_SEV_WARNING));
    /* ...42.4.1.20.1.23.0.1|2|1 hwMstpiStpStatus enabled: nothing changed. */
    assert_false(pr_fact_is(&p->facts.stp_enabled, 0));

    /* The same recording through the generic driver: no RSTP-MIB
     * (nothing under 1.3.6.1.2.1.17.2.19), so no edge anywhere, and the 9
     * ports up and forwarding are unknown; HUAWEI-MSTP-MIB makes every
     * bridge port's edge definite and those 9 ports warnings. */
    survey_as(S5720, "generic-snmp", &generic);
    unsigned edge_gained = 0, verdict_gained = 0;
    assert_int_equal(sw.n_ports, generic.n_ports);
    for (size_t k = 0; k < sw.n_ports; k++) {
        const struct pr_port *a = &sw.ports[k], *g = &generic.ports[k];
        assert_string_equal(a->name, g->name);
        assert_false(g->facts.edge.known);
        edge_gained += a->facts.edge.known;
        verdict_gained += g->verdict == PR_VERDICT_UNKNOWN && a->verdict != PR_VERDICT_UNKNOWN;
    }
    /* 32 hwMstpiStpPortEdgeport rows, 32 dot1dBasePortIfIndex rows; one
     * bridge port is XGigabitEthernet0/0/1, the uplink (dot1dStpRootPort.0
     * = 29) left out of the ports: 31 ports. */
    assert_int_equal(edge_gained, 31);
    assert_int_equal(verdict_gained, 9);
    pr_switch_free(&generic);
    pr_switch_free(&sw);
}

/* The S5720 recording with one line changed (written to a temporary
 * file), read as the huawei driver reads it: from, to. */
static void survey_changed(const char *from, const char *to, struct pr_switch *sw)
{
    FILE *in = fopen(S5720, "r");
    char path[] = "/tmp/pr-vrp-snmp-XXXXXX";
    int fd = mkstemp(path);
    assert_true(in != NULL && fd >= 0);
    FILE *out = fdopen(fd, "w");
    char line[4096];
    unsigned changed = 0;
    while (fgets(line, sizeof line, in) != NULL) {
        if (strcmp(line, from) == 0) {
            fputs(to, out);
            changed++;
        } else {
            fputs(line, out);
        }
    }
    fclose(in);
    fclose(out);
    assert_int_equal(changed, 1);
    survey_as(path, "auto", sw);
    unlink(path);
}

/* VRP's edge-detection wait follows the agent's hello time, and under
 * STP there is no edge detection. */
static void test_huawei_hello_and_stp(void **state)
{
    (void)state;
    if (!present(S5720)) {
        print_message("%s absent (../shared not here): skipped\n", S5720);
        skip();
    }
    struct pr_switch sw;
    /* dot1dStpBridgeHelloTime.0 = 400 (4 s): 2 x 4 + 1 = 9 s. */
    survey_changed("1.3.6.1.2.1.17.2.13.0|2|200\n", "1.3.6.1.2.1.17.2.13.0|2|400\n", &sw);
    expect(&sw.stp.auto_edge_wait_s, 9, "dot1dStpBridgeHelloTime.0 = 400");
    const struct pr_port *p = ct_port(&sw, "GigabitEthernet0/0/1");
    expect(&p->facts.edge, PR_EDGE_AUTO, "hwMstpiStpPortEdgeport.0.1 = undo");
    expect(&p->expected_blackout_s, 9, "2 x hello + 1 s = 9 s");
    pr_switch_free(&sw);
    /* hwMstpForceVersion.0 = stp(0): the same undo(3) port is not edge,
     * 2 x dot1dStpForwardDelay 15 s. */
    survey_changed("1.3.6.1.4.1.2011.5.25.42.4.1.2.0|2|3\n",
                   "1.3.6.1.4.1.2011.5.25.42.4.1.2.0|2|0\n", &sw);
    expect(&sw.stp.mode, PR_MODE_STP, "hwMstpForceVersion.0 = stp(0)");
    p = ct_port(&sw, "GigabitEthernet0/0/1");
    expect(&p->facts.edge, PR_EDGE_NO, "VRP detects no edge port");
    assert_true(ct_has(p, PR_F_STP_NOT_EDGE, PR_SEV_CRITICAL));
    expect(&p->expected_blackout_s, 30, NULL);
    pr_switch_free(&sw);
}

static void test_h3c_e528(void **state)
{
    (void)state;
    if (!present(E528)) {
        print_message("%s absent (../shared not here): skipped\n", E528);
        skip();
    }
    struct pr_switch sw, generic;
    survey_as(E528, "auto", &sw);
    /* 1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.25506.1.578 */
    assert_string_equal(sw.driver_name, "comware");
    /* 1.3.6.1.4.1.25506.8.35.14.1.0|2|2 hh3cdot1sStpStatus disabled: the
     * whole switch runs no spanning tree, though every dot1dStpPortEnable
     * says enabled(1) and every dot1dStpPortState forwarding(5). */
    expect(&sw.stp.mode, PR_MODE_OFF, "hh3cdot1sStpStatus.0 = disabled(2)");
    /* GigabitEthernet1/0/1: ifOperStatus.1|2|2 down: link-down, but no
     * spanning-tree finding and a blackout of 0. */
    const struct pr_port *p = ct_port(&sw, "GigabitEthernet1/0/1");
    expect(&p->expected_blackout_s, 0, "spanning tree off");
    assert_true(ct_has(p, PR_F_LINK_DOWN, PR_SEV_CRITICAL));
    assert_false(ct_has(p, PR_F_STP_NOT_EDGE, PR_SEV_CRITICAL));

    /* Through the generic driver the mode (dot1dStpProtocolSpecification.0
     * |2|1 unknown) and so every port's blackout stay unknown: 27 ports
     * gain a definite one. */
    survey_as(E528, "generic-snmp", &generic);
    assert_false(generic.stp.mode.known);
    unsigned gained = 0;
    for (size_t k = 0; k < sw.n_ports; k++)
        gained +=
            sw.ports[k].expected_blackout_s.known && !generic.ports[k].expected_blackout_s.known;
    assert_int_equal(sw.n_ports, 27);
    assert_int_equal(gained, 27);
    pr_switch_free(&generic);
    pr_switch_free(&sw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chosen_by_object_id),
        cmocka_unit_test(test_huawei_s5720),
        cmocka_unit_test(test_huawei_hello_and_stp),
        cmocka_unit_test(test_h3c_e528),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
