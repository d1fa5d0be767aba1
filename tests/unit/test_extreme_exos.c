/* SPDX-License-Identifier: BSD-3-Clause */
/* The extreme driver on EXOS configurations: the three real files in the
 * fixtures (extremenetworks/Virtual_EXOS GNS3 labs) and a small text
 * written for this test; every fix applied to the text, the text read
 * again and the port judged again. Expectations are derived by hand from
 * the commands, beside each assertion, with the EXOS defaults
 * docs/extreme.md cites. */
#include "config_test_util.h"
#include "extreme/extreme.h"

static const struct ct_dialect exos = {extreme_config_read, extreme_snippet, extreme_config_apply,
                                       &pr_driver_extreme, '#'};

static const char lab[] = "#\n# Module vlan configuration.\n#\n"
                          "create vlan \"pxe\"\n"
                          "configure vlan pxe tag 20\n"
                          "configure vlan default delete ports all\n"
                          "configure vlan pxe add ports 1-6 untagged\n"
                          "enable sharing 3 grouping 3-4 algorithm address-based L2 lacp\n"
                          "configure sharing 3 lacp fallback enable\n"
                          "enable sharing 5 grouping 5-6 lacp\n"
                          "disable port 2\n"
                          "#\n# Module stp configuration.\n#\n"
                          "configure stpd s0 mode dot1w\n"
                          "configure stpd s0 ports link-type edge 1-3\n"
                          "enable stpd s0\n";

static void test_commands_and_defaults(void **state)
{
    (void)state;
    struct pr_switch sw;
    ct_read(&exos, &sw, lab, strlen(lab), -1);
    assert_int_equal(sw.n_ports, 6); /* 1-6, the ports the commands name */
    ct_fact(&sw.stp.mode, PR_MODE_RSTP);
    ct_fact(&sw.stp.forward_delay_s, 15);
    /* 1: edge, untagged in pxe (tag 20): ready, blackout 0. */
    struct pr_port *p = ct_port(&sw, "1");
    ct_fact(&p->facts.edge, PR_EDGE_YES);
    ct_fact(&p->facts.access_vlan, 20);
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    /* 2: disable port 2. */
    assert_true(ct_has(ct_port(&sw, "2"), PR_F_ADMIN_DOWN));
    /* 3, 4: LAG 3 with LACP and fallback (default timeout 60 s); 3, the
     * master, is edge, so 4 is too: blackout 60 s. */
    p = ct_port(&sw, "4");
    ct_fact(&p->facts.lacp_member, 1);
    ct_fact(&p->facts.lacp_fallback, 1);
    ct_fact(&p->facts.lacp_fallback_timeout_s, 60);
    ct_fact(&p->facts.edge, PR_EDGE_YES);
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    ct_fact(&p->expected_blackout_s, 60);
    /* 5, 6: LAG 5 with LACP, no fallback, not edge. */
    p = ct_port(&sw, "6");
    ct_fact(&p->facts.lacp_fallback, 0);
    assert_true(ct_has(p, PR_F_LACP_NO_FALLBACK));
    assert_true(ct_has(p, PR_F_STP_NOT_EDGE));
    pr_switch_free(&sw);

    /* enable stpd s0 without a mode: 802.1D, where link-type edge acts as
     * broadcast: not edge, legacy mode. */
    const char *dot1d = "# Module stp configuration.\nconfigure stpd s0 ports link-type edge 1\n"
                        "enable stpd s0\nconfigure vlan Default add ports 1 untagged\n";
    ct_read(&exos, &sw, dot1d, strlen(dot1d), -1);
    ct_fact(&sw.stp.mode, PR_MODE_STP);
    p = ct_port(&sw, "1");
    ct_fact(&p->facts.edge, PR_EDGE_NO);
    assert_true(ct_has(p, PR_F_STP_LEGACY_MODE));
    pr_switch_free(&sw);

    /* An unknown stpd mode is refused, naming the line. */
    const char *bad = "# Module stp configuration.\nconfigure stpd s0 mode pvst\n";
    pr_switch_init(&sw, "exos", "exos");
    struct pr_error err = {0};
    assert_int_equal(extreme_config_read(bad, strlen(bad), "bad.cfg", &sw, &err), -1);
    assert_non_null(strstr(err.msg, "bad.cfg:2:"));
    pr_switch_free(&sw);
}

static void test_driver_choice(void **state)
{
    (void)state;
    assert_string_equal(pr_driver_choose(NULL, NULL, lab, strlen(lab))->name, "extreme");
    assert_string_equal(pr_driver_choose("1.3.6.1.4.1.1916.2.1", "", NULL, 0)->name, "extreme");
}

static void test_fixtures_virtual_exos(void **state)
{
    (void)state;
    struct ct_counts c = {0};
    size_t len;
    struct pr_switch sw;
    /* Root_bridge: configure stpd s0 mode dot1w, enable stpd s0; VLAN
     * Default add ports 1-12 untagged; link-type point-to-point on 1-10, no
     * edge anywhere: 12 ports, all stp-not-edge with 2 x 15 s. */
    char *text = ct_fixture("virtual-exos__Root_bridge.txt", &len);
    if (text == NULL)
        return;
    ct_read(&exos, &sw, text, len, -1);
    assert_int_equal(sw.n_ports, 12);
    ct_fact(&sw.stp.mode, PR_MODE_RSTP);
    for (size_t i = 0; i < sw.n_ports; i++) {
        assert_true(ct_has(&sw.ports[i], PR_F_STP_NOT_EDGE));
        ct_fact(&sw.ports[i].expected_blackout_s, 30);
        ct_fact(&sw.ports[i].facts.access_vlan, 1);
    }
    pr_switch_free(&sw);
    ct_rejudge_all(&exos, text, len, 100, &c);
    free(text);

    /* Peer1.A: no stpd line (s0 disabled: off); enable sharing 1 grouping
     * 1-2 ... lacp, 3 grouping 3-4 ... lacp, 10 grouping 10 ... lacp, no
     * fallback: ports 1, 2, 3, 4, 10 lacp-no-fallback. */
    text = ct_fixture("virtual-exos__Peer1.A.txt", &len);
    ct_read(&exos, &sw, text, len, -1);
    assert_int_equal(sw.n_ports, 5);
    ct_fact(&sw.stp.mode, PR_MODE_OFF);
    for (size_t i = 0; i < sw.n_ports; i++) {
        assert_true(ct_has(&sw.ports[i], PR_F_LACP_NO_FALLBACK));
        assert_int_equal(sw.ports[i].n_findings, 1);
    }
    pr_switch_free(&sw);
    ct_rejudge_all(&exos, text, len, 100, &c);
    free(text);

    /* SW-B: ports 1-12 (configure vr VR-Default add ports 1-12); enable
     * sharing 1 grouping 1-2 (static: no LACP), 5 grouping 5-6 lacp (no
     * fallback); no stpd: off. 5 and 6 not ready, the 10 others ready. */
    text = ct_fixture("virtual-exos__SW-B.txt", &len);
    ct_read(&exos, &sw, text, len, -1);
    assert_int_equal(sw.n_ports, 12);
    unsigned ready = 0;
    for (size_t i = 0; i < sw.n_ports; i++)
        ready += sw.ports[i].verdict == PR_VERDICT_READY;
    assert_int_equal(ready, 10);
    ct_fact(&ct_port(&sw, "1")->facts.lacp_member, 0);
    assert_true(ct_has(ct_port(&sw, "5"), PR_F_LACP_NO_FALLBACK));
    assert_true(ct_has(ct_port(&sw, "6"), PR_F_LACP_NO_FALLBACK));
    pr_switch_free(&sw);
    ct_rejudge_all(&exos, text, len, 100, &c);
    free(text);

    /* Root: 12 stp-not-edge + 12 vlan-mismatch (VLAN 1, not 100); Peer1.A:
     * 5 lacp-no-fallback (VLANs unknown: tagged only); SW-B: 2. */
    assert_int_equal(c.ports, 29);
    assert_int_equal(c.proven, 12 + 12 + 5 + 2);
    print_message("virtual-exos: 3 files, 29 ports judged, %u fixes proven\n", c.proven);
}

static void test_lab_rejudge_and_block(void **state)
{
    (void)state;
    struct ct_counts c = {0};
    ct_rejudge_all(&exos, lab, strlen(lab), -1, &c);
    ct_rejudge_all(&exos, lab, strlen(lab), 100, &c);
    assert_true(c.proven >= 4);
    ct_block_closes(&exos, lab, strlen(lab), 100);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_commands_and_defaults),
        cmocka_unit_test(test_driver_choice),
        cmocka_unit_test(test_fixtures_virtual_exos),
        cmocka_unit_test(test_lab_rejudge_and_block),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
