/* SPDX-License-Identifier: BSD-3-Clause */
/* The real EFOS configuration in ../shared/fixtures (the NetApp/Broadcom
 * BES-53248 captured by Oxidized) and one written for what it lacks: ports
 * asserted against verdicts derived by hand from the statements quoted
 * beside each assertion, every fix applied to the text and the port judged
 * again, the whole --fix block applied at once with uplinks untouched. */
#include "dialect_test_util.h"

#include "fastpath/fastpath_read.h"

#define FIXTURES PR_FIXTURES "/configs/"
#define BES      "oxidized__efos_BES-53248_3.12.0.1_output.txt"

static const struct dt_dialect efos = {
    .driver = &pr_driver_fastpath,
    .read = fastpath_config_read,
    .apply = fastpath_config_apply,
    .comment = '!',
    /* No LACP fallback is known for FASTPATH: advice only. */
    .advice_ok = {PR_F_LACP_FALLBACK_UNKNOWN},
    .n_advice_ok = 1,
};

static void test_bes53248(void **state)
{
    (void)state;
    struct pr_switch sw;
    size_t len = 0;
    char *text = dt_load(&efos, FIXTURES, BES, true, &sw, &len);
    /* "spanning-tree mode pvst", no "no spanning-tree": PVST (legacy). */
    dt_fact(&sw.stp.mode, PR_MODE_PVST);
    /* interface 0/1-0/16, 0/55, 0/56 blocks (1/1 and 1/10 are the LAGs
     * "port-channel name 1/1 Cluster-ISL", "port-channel name 1/10 ..."). */
    assert_int_equal(sw.n_ports, 18);
    /* 0/9: "no shutdown", "spanning-tree edgeport", "switchport mode
     * trunk", "switchport trunk native vlan 103": edge, native VLAN 103,
     * global "spanning-tree bpduguard"; PVST warns as legacy. */
    struct pr_port *p = dt_port(&sw, "0/9");
    dt_fact(&p->facts.admin_status, PR_IF_UP);
    dt_fact(&p->facts.edge, PR_EDGE_YES);
    dt_fact(&p->facts.access_vlan, 103);
    dt_fact(&p->facts.trunk, 1);
    dt_fact(&p->facts.bpdu_guard, 1);
    assert_true(dt_has(p, PR_F_STP_LEGACY_MODE));
    assert_int_equal(p->verdict, PR_VERDICT_WARNING);
    assert_string_equal(dt_fix(&efos, &sw, "0/9", PR_F_STP_LEGACY_MODE),
                        "spanning-tree mode rapid-pvst");
    /* 0/1: "description \"Unused ports\"", "spanning-tree edgeport", no
     * shutdown statement: its admin state is not known: unknown. */
    p = dt_port(&sw, "0/1");
    dt_unknown(&p->facts.admin_status);
    assert_string_equal(p->alias, "Unused ports");
    assert_int_equal(p->verdict, PR_VERDICT_UNKNOWN);
    /* 0/55: "addport 1/1"; interface 1/1: "no port-channel static" (LACP),
     * no edgeport under PVST: not edge (2 x 15 s), LACP fallback unknown. */
    p = dt_port(&sw, "0/55");
    assert_string_equal(p->lag_name, "1/1");
    dt_fact(&p->facts.lacp_member, 1);
    dt_unknown(&p->facts.lacp_fallback);
    dt_fact(&p->facts.edge, PR_EDGE_NO);
    dt_fact(&p->expected_blackout_s, 30);
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    /* The member's edge fix goes on its LAG. */
    assert_string_equal(dt_fix(&efos, &sw, "0/55", PR_F_STP_NOT_EDGE),
                        "interface 1/1\nspanning-tree edgeport\nexit");
    pr_switch_free(&sw);
    free(text);
}

static const char written[] = "!Current Configuration:\n"
                              "!System Description \"EFOS, 3.4.3.5, Linux 4.14\"\n"
                              "vlan database\n"
                              "vlan 20,30\n"
                              "exit\n"
                              "configure\n"
                              "spanning-tree mode stp\n"
                              "spanning-tree forward-time 10\n"
                              "interface 0/1-0/3\n"
                              "no shutdown\n"
                              "vlan pvid 20\n"
                              "vlan participation include 20\n"
                              "exit\n"
                              "interface 0/2\n"
                              "shutdown\n"
                              "speed 1000 full-duplex\n"
                              "exit\n"
                              "interface 0/3\n"
                              "switchport mode access\n"
                              "switchport access vlan 30\n"
                              "exit\n";

static void test_written(void **state)
{
    (void)state;
    struct pr_switch sw;
    dt_read(&efos, &sw, written, strlen(written), "written.cfg");
    /* "spanning-tree mode stp", "spanning-tree forward-time 10". */
    dt_fact(&sw.stp.mode, PR_MODE_STP);
    dt_fact(&sw.stp.forward_delay_s, 10);
    assert_int_equal(sw.n_ports, 3);
    /* 0/1 (from the range): no edgeport under 802.1D: 2 x 10 s. */
    struct pr_port *p = dt_port(&sw, "0/1");
    dt_fact(&p->facts.access_vlan, 20);
    dt_fact(&p->expected_blackout_s, 20);
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    /* 0/2: "shutdown" after the range's "no shutdown"; a fixed 1 Gb/s. */
    p = dt_port(&sw, "0/2");
    dt_fact(&p->facts.admin_status, PR_IF_DOWN);
    dt_fact(&p->facts.speed_mbps, 1000);
    /* 0/3: "switchport access vlan 30" after the range's "vlan pvid 20". */
    dt_fact(&dt_port(&sw, "0/3")->facts.access_vlan, 30);
    pr_switch_free(&sw);
    struct dt_count c;
    memset(&c, 0, sizeof c);
    dt_rejudge_all(&efos, "written.cfg", written, strlen(written), 20, &c);
    assert_true(c.proven >= 5);
}

static void test_apply_and_rejudge_real(void **state)
{
    (void)state;
    static const struct dt_dialect *const d[] = {&efos};
    static const char *const dirs[] = {FIXTURES};
    static const char *const names[] = {BES};
    dt_prove_files(d, dirs, names, 1, 20, "EFOS");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bes53248),
        cmocka_unit_test(test_written),
        cmocka_unit_test(test_apply_and_rejudge_real),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
