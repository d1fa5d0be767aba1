/* SPDX-License-Identifier: BSD-3-Clause */
/* The real FS.com FSOS and TP-Link configurations in ../shared/fixtures
 * (Oxidized captures) and one written TP-Link configuration for what the
 * real one lacks: ports asserted against verdicts derived by hand from
 * the statements quoted beside each assertion, every fix applied to the
 * text and the port judged again, the whole --fix block applied at once
 * with uplinks untouched. */
#include "dialect_test_util.h"

#include "cli/cli_text.h"
#include "fsos/fsos.h"
#include "tplink/tplink.h"

#define FIXTURES PR_FIXTURES "/configs/"
#define FS3400   "oxidized__fsos_S3400-48T4SP_2.0.2J-120538_output.txt"
#define DSP7001  "oxidized__tplink_DS-P7001-08_1.0.0_output.txt"

static const struct dt_dialect fsos = {
    .driver = &pr_driver_fsos,
    .read = fsos_config_read,
    .apply = cli_text_append,
    .comment = '!',
};

static const struct dt_dialect tplink = {
    .driver = &pr_driver_tplink,
    .read = tplink_config_read,
    .apply = cli_text_append,
    .comment = '!',
    /* No LACP fallback is known for this CLI: advice only. */
    .advice_ok = {PR_F_LACP_FALLBACK_UNKNOWN},
    .n_advice_ok = 1,
};

static void test_fs_s3400(void **state)
{
    (void)state;
    struct pr_switch sw;
    size_t len = 0;
    char *text = dt_load(&fsos, FIXTURES, FS3400, true, &sw, &len);
    /* "spanning-tree mode mstp". */
    dt_fact(&sw.stp.mode, PR_MODE_MSTP);
    /* interface GigaEthernet0/1-0/48 and TGigaEthernet0/1-0/4 (VLAN1101
     * and Null0 are not ports). */
    assert_int_equal(sw.n_ports, 52);
    /* GigaEthernet0/1: "spanning-tree bpdufilter enable", "spanning-tree
     * bpduguard enable", no switchport pvid: outside spanning tree, VLAN
     * 1: ready. */
    struct pr_port *p = dt_port(&sw, "GigaEthernet0/1");
    dt_fact(&p->facts.stp_enabled, 0);
    dt_fact(&p->facts.bpdu_guard, 1);
    dt_fact(&p->facts.access_vlan, 1);
    assert_string_equal(p->alias, "USER");
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    /* GigaEthernet0/41: "switchport mode trunk", "switchport pvid 1201". */
    p = dt_port(&sw, "GigaEthernet0/41");
    dt_fact(&p->facts.trunk, 1);
    dt_fact(&p->facts.access_vlan, 1201);
    /* TGigaEthernet0/1: "shutdown": not ready. */
    p = dt_port(&sw, "TGigaEthernet0/1");
    dt_fact(&p->facts.admin_status, PR_IF_DOWN);
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    assert_string_equal(dt_fix(&fsos, &sw, "TGigaEthernet0/1", PR_F_ADMIN_DOWN),
                        "interface TGigaEthernet0/1\n no shutdown");
    /* TGigaEthernet0/2 "UPLINK": no bpdufilter, no portfast: edge unknown. */
    p = dt_port(&sw, "TGigaEthernet0/2");
    dt_unknown(&p->facts.edge);
    assert_int_equal(p->verdict, PR_VERDICT_UNKNOWN);
    pr_switch_free(&sw);
    free(text);
}

static void test_tp_ds_p7001(void **state)
{
    (void)state;
    struct pr_switch sw;
    size_t len = 0;
    char *text = dt_load(&tplink, FIXTURES, DSP7001, true, &sw, &len);
    /* "spanning-tree", "spanning-tree mode rstp". */
    dt_fact(&sw.stp.mode, PR_MODE_RSTP);
    /* ten-gigabitEthernet 1/0/1-1/0/2 and gigabitEthernet 1/0/3 (the gpon
     * interfaces and port-channel 1 are not Ethernet ports). */
    assert_int_equal(sw.n_ports, 3);
    /* ten-gigabitEthernet 1/0/1: "speed 1000", "channel-group 1 mode
     * active"; port-channel 1: "switchport general allowed vlan 1921
     * tagged", "spanning-tree", no portfast: an LACP member whose fallback
     * is unknown, a trunk with no untagged VLAN, edge unknown. */
    struct pr_port *p = dt_port(&sw, "ten-gigabitEthernet 1/0/1");
    dt_fact(&p->facts.lacp_member, 1);
    dt_unknown(&p->facts.lacp_fallback);
    dt_fact(&p->facts.speed_mbps, 1000);
    dt_fact(&p->facts.trunk, 1);
    dt_unknown(&p->facts.access_vlan);
    dt_fact(&p->facts.stp_enabled, 1);
    dt_unknown(&p->facts.edge);
    assert_string_equal(p->lag_name, "port-channel 1");
    assert_true(dt_has(p, PR_F_LACP_FALLBACK_UNKNOWN));
    assert_int_equal(p->verdict, PR_VERDICT_UNKNOWN);
    pr_switch_free(&sw);
    free(text);
}

static const char tp_written[] = "!TEST\n"
                                 "user name admin privilege admin secret 5 X\n"
                                 "system-time ntp UTC+01:00 192.0.2.1 12\n"
                                 "spanning-tree\n"
                                 "spanning-tree mode stp\n"
                                 "interface gigabitEthernet 1/0/1\n"
                                 "  switchport general allowed vlan 20 untagged\n"
                                 "  spanning-tree\n"
                                 "interface gigabitEthernet 1/0/2\n"
                                 "  shutdown\n"
                                 "  switchport pvid 30\n"
                                 "  spanning-tree\n"
                                 "  spanning-tree common-config portfast enable\n"
                                 "interface gigabitEthernet 1/0/3\n"
                                 "  switchport pvid 20\n"
                                 "end\n";

static void test_tp_written(void **state)
{
    (void)state;
    struct pr_switch sw;
    dt_read(&tplink, &sw, tp_written, strlen(tp_written), "tp.cfg");
    dt_fact(&sw.stp.mode, PR_MODE_STP);
    /* 1/0/1: "switchport general allowed vlan 20 untagged", "spanning-tree",
     * no portfast: VLAN 20, edge unknown. */
    struct pr_port *p = dt_port(&sw, "gigabitEthernet 1/0/1");
    dt_fact(&p->facts.access_vlan, 20);
    dt_unknown(&p->facts.edge);
    /* 1/0/2: "shutdown", "spanning-tree common-config portfast enable":
     * down, edge; legacy STP. */
    p = dt_port(&sw, "gigabitEthernet 1/0/2");
    dt_fact(&p->facts.admin_status, PR_IF_DOWN);
    dt_fact(&p->facts.edge, PR_EDGE_YES);
    assert_true(dt_has(p, PR_F_STP_LEGACY_MODE));
    /* 1/0/3: no spanning-tree line on the port: it does not run it. */
    dt_fact(&dt_port(&sw, "gigabitEthernet 1/0/3")->facts.stp_enabled, 0);
    pr_switch_free(&sw);
    struct dt_count c;
    memset(&c, 0, sizeof c);
    dt_rejudge_all(&tplink, "tp.cfg", tp_written, strlen(tp_written), 40, &c);
    assert_true(c.proven >= 4);
}

static void test_apply_and_rejudge_real(void **state)
{
    (void)state;
    static const struct dt_dialect *const d[] = {&fsos, &tplink};
    static const char *const dirs[] = {FIXTURES, FIXTURES};
    static const char *const names[] = {FS3400, DSP7001};
    dt_prove_files(d, dirs, names, 2, 20, "FSOS and TP-Link");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fs_s3400),
        cmocka_unit_test(test_tp_ds_p7001),
        cmocka_unit_test(test_tp_written),
        cmocka_unit_test(test_apply_and_rejudge_real),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
