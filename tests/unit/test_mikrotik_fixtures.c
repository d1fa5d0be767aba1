/* SPDX-License-Identifier: BSD-3-Clause */
/* Real MikroTik RouterOS exports (tests/data/mikrotik, see its README) and
 * one written for the statements they lack: each is read, ports are
 * asserted against verdicts derived by hand from the lines quoted beside
 * each assertion, every fix of every finding of every port is applied to
 * the export and the port judged again, and the whole --fix block is
 * applied at once with the uplinks left as they were. */
#include "dialect_test_util.h"

#include "mikrotik/mikrotik.h"

#define DATA PR_TEST_DATA "/mikrotik/"

static const struct dt_dialect routeros = {
    .driver = &pr_driver_mikrotik,
    .read = mikrotik_config_read,
    .apply = mikrotik_config_apply,
    .comment = '#',
    /* RouterOS bonding has no LACP fallback: advice only. */
    .advice_ok = {PR_F_LACP_NO_FALLBACK},
    .n_advice_ok = 1,
};

static const char *const files[] = {
    "oxidized__routeros_L009UiGS_7.15.2.txt",
    "oxidized__routeros_RB5009UPr+S+_7.18.2.txt",
    "oxidized__routeros_CHR_7.10.1.txt",
};

static void test_l009(void **state)
{
    (void)state;
    struct pr_switch sw;
    size_t len = 0;
    char *text = dt_load(&routeros, DATA, files[0], false, &sw, &len);
    /* "/interface bridge" / "add admin-mac=... comment=defconf name=bridge
     * port-cost-mode=short": no protocol-mode, so RSTP (the default). */
    dt_fact(&sw.stp.mode, PR_MODE_RSTP);
    dt_fact(&sw.stp.forward_delay_s, 15);
    /* "/interface bridge port": ether2-ether8 and sfp1; no /interface
     * ethernet menu, so ether1 (the WAN) is not named as a port. */
    assert_int_equal(sw.n_ports, 8);
    /* "add bridge=bridge comment=defconf interface=ether2
     * internal-path-cost=10 path-cost=10": no edge, so edge=auto: made
     * edge only when no BPDU arrives, about 3 s: warning. */
    struct pr_port *p = dt_port(&sw, "ether2");
    dt_fact(&p->facts.edge, PR_EDGE_AUTO);
    dt_fact(&p->facts.stp_enabled, 1);
    dt_fact(&p->facts.bpdu_guard, 0);
    dt_fact(&p->expected_blackout_s, 3);
    /* No vlan-filtering on the bridge: no access VLAN to compare. */
    dt_unknown(&p->facts.access_vlan);
    assert_int_equal(p->verdict, PR_VERDICT_WARNING);
    assert_string_equal(dt_fix(&routeros, &sw, "ether2", PR_F_STP_EDGE_AUTO),
                        "/interface bridge port set [ find interface=ether2 ] edge=yes");
    dt_fact(&dt_port(&sw, "sfp1")->facts.edge, PR_EDGE_AUTO);
    pr_switch_free(&sw);
    free(text);
}

static void test_rb5009_and_chr(void **state)
{
    (void)state;
    struct pr_switch sw;
    size_t len = 0;
    char *text = dt_load(&routeros, DATA, files[1], false, &sw, &len);
    /* 8 bridge ports ether2-ether8, sfp-sfpplus1; "set [ find
     * default-name=ether2 ] mtu=1514" names no other interface. */
    assert_int_equal(sw.n_ports, 8);
    struct pr_port *p = dt_port(&sw, "sfp-sfpplus1");
    dt_fact(&p->facts.edge, PR_EDGE_AUTO);
    dt_fact(&p->facts.admin_status, PR_IF_UP);
    assert_int_equal(p->verdict, PR_VERDICT_WARNING);
    pr_switch_free(&sw);
    free(text);

    text = dt_load(&routeros, DATA, files[2], false, &sw, &len);
    /* No /interface bridge: "set [ find default-name=ether1 ]
     * disable-running-check=no" ... ether8: 8 routed interfaces, no
     * spanning tree: ready. */
    dt_fact(&sw.stp.mode, PR_MODE_OFF);
    assert_int_equal(sw.n_ports, 8);
    p = dt_port(&sw, "ether1");
    dt_fact(&p->facts.stp_enabled, 0);
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    pr_switch_free(&sw);
    free(text);
}

/* What the real exports lack: edge values, a bond in 802.3ad, VLAN
 * filtering, legacy STP, a disabled port, renames, continuation lines. */
static const char written[] =
    "# 2025-01-01 10:00:00 by RouterOS 7.16\n"
    "# software id = TEST-0000\n"
    "/interface bridge\n"
    "add name=br0 protocol-mode=stp vlan-filtering=yes \\\n"
    "    forward-delay=10s\n"
    "add name=br1 protocol-mode=none\n"
    "/interface ethernet\n"
    "set [ find default-name=ether1 ] name=uplink\n"
    "set [ find default-name=ether5 ] comment=\"srv \\\"5\\\"\" disabled=yes\n"
    "set [ find default-name=ether6 ] auto-negotiation=no speed=1G-baseT-full\n"
    "/interface bonding\n"
    "add mode=802.3ad name=bond1 slaves=ether3,ether4\n"
    "/interface bridge port\n"
    "add bridge=br0 interface=uplink edge=no\n"
    "add bridge=br0 interface=ether2 edge=yes-discover bpdu-guard=yes pvid=20\n"
    "add bridge=br0 interface=bond1 pvid=20\n"
    "add bridge=br0 interface=ether5 edge=no-discover\n"
    "add bridge=br1 interface=ether6\n"
    "/interface bridge vlan\n"
    "add bridge=br0 tagged=br0,uplink vlan-ids=20\n";

static void test_written(void **state)
{
    (void)state;
    struct pr_switch sw;
    dt_read(&routeros, &sw, written, strlen(written), "written.rsc");
    /* br0 (the first bridge): protocol-mode=stp, forward-delay=10s. */
    dt_fact(&sw.stp.mode, PR_MODE_STP);
    dt_fact(&sw.stp.forward_delay_s, 10);
    /* uplink (ether1 renamed): edge=no, tagged in VLAN 20: 2 x 10 s. */
    struct pr_port *p = dt_port(&sw, "uplink");
    dt_fact(&p->facts.edge, PR_EDGE_NO);
    dt_fact(&p->facts.trunk, 1);
    dt_fact(&p->expected_blackout_s, 20);
    /* ether2: edge=yes-discover, bpdu-guard=yes, pvid=20: edge; legacy
     * STP still warns. */
    p = dt_port(&sw, "ether2");
    dt_fact(&p->facts.edge, PR_EDGE_YES);
    dt_fact(&p->facts.bpdu_guard, 1);
    dt_fact(&p->facts.access_vlan, 20);
    assert_true(dt_has(p, PR_F_STP_LEGACY_MODE));
    /* ether3, ether4: slaves of bond1 (mode=802.3ad), whose bridge port
     * has pvid=20 and no edge: LACP without fallback: not ready. */
    p = dt_port(&sw, "ether3");
    dt_fact(&p->facts.lacp_member, 1);
    dt_fact(&p->facts.lacp_fallback, 0);
    dt_fact(&p->facts.access_vlan, 20);
    assert_string_equal(p->lag_name, "bond1");
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    /* Its edge fix goes on the bond's bridge port. */
    assert_string_equal(dt_fix(&routeros, &sw, "ether4", PR_F_STP_EDGE_AUTO),
                        "/interface bridge port set [ find interface=bond1 ] edge=yes");
    /* ether5: disabled=yes (its comment, quoted with escapes, kept). */
    p = dt_port(&sw, "ether5");
    dt_fact(&p->facts.admin_status, PR_IF_DOWN);
    assert_string_equal(p->alias, "srv \"5\"");
    /* ether6: in br1, protocol-mode=none: no spanning tree; a fixed
     * 1 Gb/s. */
    p = dt_port(&sw, "ether6");
    dt_fact(&p->facts.stp_enabled, 0);
    dt_fact(&p->facts.autoneg, 0);
    dt_fact(&p->facts.speed_mbps, 1000);
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    pr_switch_free(&sw);

    /* Each fix applied and judged again (with VLAN 30 asked for too). */
    struct dt_count c;
    memset(&c, 0, sizeof c);
    dt_rejudge_all(&routeros, "written.rsc", written, strlen(written), -1, &c);
    dt_rejudge_all(&routeros, "written.rsc", written, strlen(written), 30, &c);
    assert_true(c.proven >= 6);
}

static void test_bad_input(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "# by RouterOS 7.1\n/interface bridge\nadd name=x \\\n",
        "# by RouterOS 7.1\n/interface bridge port\nadd bridge=b comment=\"open\n",
        "# by RouterOS 7.1\n/interface bridge port\nadd bridge=b\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct pr_switch sw;
        pr_switch_init(&sw, "bad", "bad");
        struct pr_error err = {0};
        assert_int_equal(mikrotik_config_read_as(bad[i], strlen(bad[i]), "bad.rsc", &sw, &err), -1);
        /* The error names the file and the line. */
        assert_non_null(strstr(err.msg, "bad.rsc:"));
        pr_switch_free(&sw);
    }
}

static void test_apply_and_rejudge_real(void **state)
{
    (void)state;
    static const struct dt_dialect *const d[] = {&routeros, &routeros, &routeros};
    static const char *const dirs[] = {DATA, DATA, DATA};
    dt_prove_files(d, dirs, files, 3, 20, "RouterOS");
    /* The written export under MSTP (its STP bridge's switch-wide fix
     * would reconverge the uplinks too, as the block says). */
    char rapid[sizeof written];
    memcpy(rapid, written, sizeof written);
    char *mode = strstr(rapid, "protocol-mode=stp ");
    memcpy(mode, "protocol-mode=mstp", 18);
    unsigned uplinks = 0;
    assert_true(dt_block_and_uplinks(&routeros, "written.rsc", rapid, strlen(rapid), 20, &uplinks) >
                0);
    assert_true(uplinks > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_l009),
        cmocka_unit_test(test_rb5009_and_chr),
        cmocka_unit_test(test_written),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_apply_and_rejudge_real),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
