/* SPDX-License-Identifier: BSD-3-Clause */
/* Real FastIron (Ruckus/Brocade ICX) configurations from ../shared/fixtures:
 * each is read, a few ports per file are asserted against verdicts
 * derived by hand from the statements quoted beside each assertion, every
 * fix of every finding of every port is applied to the file and the port
 * judged again, and the switch's whole --fix block is applied at once with
 * the uplinks left as they were. */
#include "dialect_test_util.h"

#include "ruckus/ruckus.h"

#define FIXTURES PR_FIXTURES "/configs/"
#define ICX7250  "fastiron-icx__config.7250-24.txt"
#define ICX7150  "oxidized__ironware_ICX7150-48Z-HPOE_output.txt"

static const struct dt_dialect fastiron = {
    .driver = &pr_driver_ruckus,
    .read = ruckus_config_read,
    .apply = ruckus_config_apply,
    .comment = '!',
    /* A dynamic LAG has one force-up port: its other members get advice. */
    .advice_ok = {PR_F_LACP_NO_FALLBACK},
    .n_advice_ok = 1,
};

static void test_icx7250(void **state)
{
    (void)state;
    struct pr_switch sw;
    size_t len = 0;
    char *text = dt_load(&fastiron, FIXTURES, ICX7250, true, &sw, &len);
    /* vlan 1 name DEFAULT-VLAN by port / spanning-tree 802-1w: the default
     * VLAN runs 802.1w. */
    dt_fact(&sw.stp.mode, PR_MODE_RSTP);
    /* The VLAN member lists name 1/1/1-1/1/24 and 1/2/1-1/2/8. */
    assert_int_equal(sw.n_ports, 32);
    /* 1/1/21 "port-name nas-0": vlan 30 "untagged ethe 1/1/21 ethe 1/1/23
     * ethe 1/2/2", vlan 30 "spanning-tree 802-1w", no admin-edge-port:
     * edge auto-detected, about 3 s: warning. */
    struct pr_port *p = dt_port(&sw, "1/1/21");
    assert_string_equal(p->alias, "nas-0");
    dt_fact(&p->facts.access_vlan, 30);
    dt_fact(&p->facts.trunk, 0);
    dt_fact(&p->facts.stp_mode, PR_MODE_RSTP);
    dt_fact(&p->facts.edge, PR_EDGE_AUTO);
    dt_fact(&p->expected_blackout_s, 3);
    assert_true(dt_has(p, PR_F_STP_EDGE_AUTO));
    assert_int_equal(p->verdict, PR_VERDICT_WARNING);
    assert_string_equal(dt_fix(&fastiron, &sw, "1/1/21", PR_F_STP_EDGE_AUTO),
                        "interface ethernet 1/1/21\n spanning-tree 802-1w admin-edge-port");
    /* 1/1/22 "console-server": only in vlan 20's tagged list: a trunk whose
     * untagged frames go to the default VLAN 1. */
    p = dt_port(&sw, "1/1/22");
    dt_fact(&p->facts.trunk, 1);
    dt_fact(&p->facts.access_vlan, 1);
    /* 1/2/1 "uplink-router": untagged in vlan 20, tagged in 10, 30-70. */
    p = dt_port(&sw, "1/2/1");
    dt_fact(&p->facts.access_vlan, 20);
    dt_fact(&p->facts.trunk, 1);
    /* No speed-duplex anywhere: auto-negotiation (info). */
    dt_fact(&p->facts.autoneg, 1);
    /* Asked for VLAN 20, 1/1/21 (untagged in 30) is moved out of 30 first. */
    p = dt_port(&sw, "1/1/21");
    p->expect_vlan = 20;
    assert_string_equal(
        dt_fix(&fastiron, &sw, "1/1/21", PR_F_VLAN_MISMATCH),
        "vlan 30\n no untagged ethernet 1/1/21\nvlan 20\n untagged ethernet 1/1/21");
    pr_switch_free(&sw);
    free(text);
}

static void test_icx7150_oxidized(void **state)
{
    (void)state;
    struct pr_switch sw;
    size_t len = 0;
    char *text = dt_load(&fastiron, FIXTURES, ICX7150, true, &sw, &len);
    /* The `!` show-version preamble is comments. vlan 1 "no spanning-tree":
     * the default VLAN runs none. */
    dt_fact(&sw.stp.mode, PR_MODE_OFF);
    /* 32 ports untagged in the block whose vlan line the capture lost
     * ("untagged ethe 1/1/1 to 1/1/16 ethe 2/1/1 to 2/1/16"), 8 in the
     * LAG ("ports ethe 1/2/5 to 1/2/6 ethe 2/2/5 to 2/2/6 ..."). */
    assert_int_equal(sw.n_ports, 40);
    /* 1/1/1 "port-name hyd-wap-19", "no spanning-tree"; its VLAN block
     * says "no spanning-tree" too, but its vlan line is gone. */
    struct pr_port *p = dt_port(&sw, "1/1/1");
    assert_string_equal(p->alias, "hyd-wap-19");
    dt_unknown(&p->facts.access_vlan);
    dt_fact(&p->facts.stp_enabled, 0);
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    /* 1/1/9: no interface block; the headerless block's "no
     * spanning-tree" (line after its member lists) turns STP off. */
    p = dt_port(&sw, "1/1/9");
    dt_fact(&p->facts.stp_enabled, 0);
    /* "lag uplink-aggregate dynamic id 100", no force-up: each member is
     * an LACP member without fallback: not ready. */
    p = dt_port(&sw, "2/2/6");
    dt_fact(&p->facts.lacp_member, 1);
    dt_fact(&p->facts.lacp_fallback, 0);
    assert_string_equal(p->lag_name, "uplink-aggregate");
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    /* The first member gets the LAG's one force-up port; another, advice. */
    assert_string_equal(dt_fix(&fastiron, &sw, "1/2/5", PR_F_LACP_NO_FALLBACK),
                        "lag uplink-aggregate dynamic id 100\n force-up ethernet 1/2/5");
    const char *fix = dt_fix(&fastiron, &sw, "2/2/6", PR_F_LACP_NO_FALLBACK);
    assert_true(fix[0] == '!' && strstr(fix, "1/2/5") != NULL);
    assert_int_equal(sw.n_ports, 40);
    pr_switch_free(&sw);
    free(text);
}

/* Hand-written statements the fixtures lack: 802.1D per VLAN with Fast
 * Port Span, a tagged port (no Fast Port Span), a single 802.1w tree. */
static void test_fast_port_span_and_single(void **state)
{
    (void)state;
    static const char cfg[] = "ver 08.0.95jT211\n"
                              "!\n"
                              "vlan 10 name pxe by port\n"
                              " untagged ethe 1/1/1 to 1/1/2\n"
                              " tagged ethe 1/1/3\n"
                              " spanning-tree\n"
                              "!\n"
                              "fast port-span exclude ethe 1/1/2\n"
                              "interface ethernet 1/1/1\n"
                              " stp-bpdu-guard\n"
                              "!\n"
                              "end\n";
    struct pr_switch sw;
    dt_read(&fastiron, &sw, cfg, strlen(cfg), "fps.cfg");
    /* 1/1/1: untagged in VLAN 10 (802.1D), Fast Port Span on by default:
     * forwards after about 4 s of listening and learning, plus the legacy
     * protocol warning. */
    struct pr_port *p = dt_port(&sw, "1/1/1");
    dt_fact(&p->facts.stp_mode, PR_MODE_STP);
    dt_fact(&p->facts.edge, PR_EDGE_AUTO);
    dt_fact(&p->facts.bpdu_guard, 1);
    assert_true(dt_has(p, PR_F_STP_LEGACY_MODE));
    /* The wait is Fast Port Span's 4 s, not 802.1D's 3 s, named. */
    dt_fact(&p->facts.auto_edge_wait_s, 4);
    dt_fact(&p->expected_blackout_s, 4);
    assert_non_null(strstr(p->expected_blackout_s.evidence, "Fast Port Span: forwarding in 4 s"));
    /* 1/1/2: excluded from Fast Port Span: 2 x 15 s. */
    p = dt_port(&sw, "1/1/2");
    dt_fact(&p->facts.edge, PR_EDGE_NO);
    dt_fact(&p->expected_blackout_s, 30);
    assert_string_equal(dt_fix(&fastiron, &sw, "1/1/2", PR_F_STP_NOT_EDGE),
                        "vlan 10\n spanning-tree 802-1w\ninterface ethernet 1/1/2\n spanning-tree "
                        "802-1w admin-edge-port");
    /* 1/1/3: tagged in VLAN 10 only: the default VLAN 1 has no
     * spanning-tree statement and nothing names the image: unknown. */
    p = dt_port(&sw, "1/1/3");
    dt_unknown(&p->facts.edge);
    assert_int_equal(p->verdict, PR_VERDICT_UNKNOWN);
    pr_switch_free(&sw);
    /* Each of these fixes (802.1w for VLAN 10, admin-edge-port, the VLAN
     * move) applied and judged again. */
    struct dt_count c;
    memset(&c, 0, sizeof c);
    dt_rejudge_all(&fastiron, "fps.cfg", cfg, strlen(cfg), 20, &c);
    assert_true(c.proven >= 5);

    static const char single[] = "ver 08.0.95jT211\n"
                                 "spanning-tree single 802-1w\n"
                                 "vlan 20 by port\n"
                                 " untagged ethe 1/1/5\n"
                                 "interface ethernet 1/1/5\n"
                                 " spanning-tree 802-1w admin-edge-port\n"
                                 " speed-duplex 1000-full\n";
    dt_read(&fastiron, &sw, single, strlen(single), "single.cfg");
    dt_fact(&sw.stp.mode, PR_MODE_RSTP);
    p = dt_port(&sw, "1/1/5");
    dt_fact(&p->facts.edge, PR_EDGE_YES);
    dt_fact(&p->facts.autoneg, 0);
    dt_fact(&p->facts.speed_mbps, 1000);
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    pr_switch_free(&sw);
}

static void test_apply_and_rejudge_real(void **state)
{
    (void)state;
    static const struct dt_dialect *const d[] = {&fastiron, &fastiron};
    static const char *const dirs[] = {FIXTURES, FIXTURES};
    static const char *const names[] = {ICX7250, ICX7150};
    dt_prove_files(d, dirs, names, 2, 20, "FastIron");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_icx7250),
        cmocka_unit_test(test_icx7150_oxidized),
        cmocka_unit_test(test_fast_port_span_and_single),
        cmocka_unit_test(test_apply_and_rejudge_real),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
