/* SPDX-License-Identifier: BSD-3-Clause */
/* The dell driver on OS10 running-configurations: the real file in the
 * fixtures (napalm-dellos10's show_running_configuration.txt, OS10
 * 10.3.9999E) and small texts written for this test; every fix applied to
 * the text, the text read again and the port judged again. Expectations
 * are derived by hand from the statements, beside each assertion, with the
 * OS10 defaults docs/dell.md cites. */
#include "config_test_util.h"
#include "dell/dell.h"

static const struct ct_dialect os10 = {dell_config_read, dell_snippet, dell_config_apply,
                                       &pr_driver_dell, '!'};

static const char lab[] = "! Version 10.5.2.3\n"
                          "! Last configuration change at Jan  1 00:00:00 2024\n"
                          "!\n"
                          "spanning-tree mode rstp\n"
                          "spanning-tree rstp forward-time 10\n"
                          "!\n"
                          "interface port-channel10\n"
                          " no shutdown\n"
                          " switchport access vlan 20\n"
                          " spanning-tree port type edge\n"
                          " lacp fallback enable\n"
                          " lacp fallback timeout 20\n"
                          "!\n"
                          "interface port-channel11\n"
                          " no shutdown\n"
                          "!\n"
                          "interface ethernet1/1/5\n"
                          " no shutdown\n"
                          " channel-group 10 mode active\n"
                          "!\n"
                          "interface ethernet1/1/6\n"
                          " no shutdown\n"
                          " channel-group 11 mode active\n"
                          "!\n"
                          "interface ethernet1/1/7\n"
                          " shutdown\n"
                          " spanning-tree port type edge\n"
                          "!\n"
                          "interface ethernet1/1/8\n"
                          " no shutdown\n"
                          " switchport access vlan 20\n"
                          " spanning-tree port type edge\n"
                          " spanning-tree bpduguard enable\n"
                          "!\n"
                          "interface ethernet1/1/9\n"
                          " no shutdown\n"
                          " switchport mode trunk\n"
                          " switchport access vlan 30\n"
                          "!\n"
                          "interface mgmt1/1/1\n"
                          " no shutdown\n"
                          " ip address dhcp\n";

static void test_statements_and_defaults(void **state)
{
    (void)state;
    struct pr_switch sw;
    ct_read(&os10, &sw, lab, strlen(lab), -1);
    /* Ethernet interfaces only: 1/1/5-1/1/9 (mgmt1/1/1 and the
     * port-channels are not ports). */
    assert_int_equal(sw.n_ports, 5);
    ct_fact(&sw.stp.mode, PR_MODE_RSTP);
    ct_fact(&sw.stp.forward_delay_s, 10);
    ct_fact(&sw.stp.max_age_s, 20); /* not configured: 20 s */

    /* 1/1/5: member of port-channel10, which is edge, VLAN 20, LACP fallback
     * after 20 s: edge from the channel, the blackout the 20 s wait. */
    struct pr_port *p = ct_port(&sw, "ethernet1/1/5");
    ct_fact(&p->facts.lacp_member, 1);
    ct_fact(&p->facts.lacp_fallback, 1);
    ct_fact(&p->facts.lacp_fallback_timeout_s, 20);
    ct_fact(&p->facts.edge, PR_EDGE_YES);
    ct_fact(&p->facts.access_vlan, 20);
    assert_string_equal(p->lag_name, "port-channel10");
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    ct_fact(&p->expected_blackout_s, 20);

    /* 1/1/6: member of port-channel11, no lacp fallback enable (off by
     * default), no edge on the channel (auto edge): not ready. */
    p = ct_port(&sw, "ethernet1/1/6");
    ct_fact(&p->facts.lacp_fallback, 0);
    assert_true(ct_has(p, PR_F_LACP_NO_FALLBACK));
    ct_fact(&p->facts.edge, PR_EDGE_AUTO);
    assert_true(ct_has(p, PR_F_STP_EDGE_AUTO));

    /* 1/1/7: shutdown. */
    p = ct_port(&sw, "ethernet1/1/7");
    ct_fact(&p->facts.admin_status, PR_IF_DOWN);
    assert_true(ct_has(p, PR_F_ADMIN_DOWN));

    /* 1/1/8: edge, BPDU guard, VLAN 20: ready, blackout 0. */
    p = ct_port(&sw, "ethernet1/1/8");
    ct_fact(&p->facts.edge, PR_EDGE_YES);
    ct_fact(&p->facts.bpdu_guard, 1);
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    ct_fact(&p->expected_blackout_s, 0);

    /* 1/1/9: a trunk whose untagged VLAN is 30; no edge statement. */
    p = ct_port(&sw, "ethernet1/1/9");
    ct_fact(&p->facts.trunk, 1);
    ct_fact(&p->facts.access_vlan, 30);
    ct_fact(&p->facts.edge, PR_EDGE_AUTO);
    pr_switch_free(&sw);

    /* Without a mode: Rapid-PVST (the OS10 default); spanning-tree disable:
     * off; an unknown mode: refused, naming the line. */
    const char *pvst = "! Version 10.5.2.3\ninterface ethernet1/1/1\n no shutdown\n";
    ct_read(&os10, &sw, pvst, strlen(pvst), -1);
    ct_fact(&sw.stp.mode, PR_MODE_RAPID_PVST);
    ct_fact(&sw.stp.forward_delay_s, 15);
    pr_switch_free(&sw);
    const char *off = "! Version 10.5.2.3\nspanning-tree disable\ninterface ethernet1/1/1\n"
                      " no shutdown\n";
    ct_read(&os10, &sw, off, strlen(off), -1);
    ct_fact(&sw.stp.mode, PR_MODE_OFF);
    assert_int_equal(ct_port(&sw, "ethernet1/1/1")->verdict, PR_VERDICT_READY);
    pr_switch_free(&sw);
    const char *bad = "! Version 10.5.2.3\nspanning-tree mode pvst\n";
    pr_switch_init(&sw, "os10", "os10");
    struct pr_error err = {0};
    assert_int_equal(dell_config_read(bad, strlen(bad), "bad.cfg", &sw, &err), -1);
    assert_int_equal(err.code, PR_ERR_INPUT);
    assert_non_null(strstr(err.msg, "bad.cfg:2:"));
    pr_switch_free(&sw);
}

static void test_driver_choice(void **state)
{
    (void)state;
    /* The OS10 text chooses the dell driver; so do Dell's enterprises. */
    assert_string_equal(pr_driver_choose(NULL, NULL, lab, strlen(lab))->name, "dell");
    assert_string_equal(pr_driver_choose("1.3.6.1.4.1.674.10895.3028", "", NULL, 0)->name, "dell");
    assert_string_equal(pr_driver_choose("1.3.6.1.4.1.6027.1.3.23", "", NULL, 0)->name, "dell");
    /* An IOS text does not. */
    const char *ios = "hostname sw1\ninterface GigabitEthernet1/0/1\n spanning-tree portfast\n";
    assert_string_not_equal(pr_driver_choose(NULL, NULL, ios, strlen(ios))->name, "dell");
}

static void test_apply_and_rejudge(void **state)
{
    (void)state;
    struct ct_counts c = {0};
    /* The lab text: 1/1/6 edge-auto and no fallback, 1/1/7 admin-down,
     * 1/1/9 edge-auto; asked for VLAN 100, every port's VLAN is wrong too. */
    ct_rejudge_all(&os10, lab, strlen(lab), -1, &c);
    ct_rejudge_all(&os10, lab, strlen(lab), 100, &c);
    assert_int_equal(c.ports, 10);
    assert_true(c.proven >= 4 + 5);

    /* The whole block of the switch, applied at once, closes every finding
     * a fix can close. */
    ct_block_closes(&os10, lab, strlen(lab), 100);
}

static void test_fixture_napalm_os10(void **state)
{
    (void)state;
    size_t len;
    char *text = ct_fixture("napalm-dellos10__show_running_configuration.txt", &len);
    if (text == NULL)
        return;
    struct pr_switch sw;
    ct_read(&os10, &sw, text, len, -1);
    /* 32 `interface ethernet1/1/N` (the breakout lines are not interfaces);
     * no spanning-tree line: Rapid-PVST. */
    assert_int_equal(sw.n_ports, 32);
    ct_fact(&sw.stp.mode, PR_MODE_RAPID_PVST);
    /* ethernet1/1/1: "no switchport" and an IP address: routed, no
     * spanning tree, ready. */
    struct pr_port *p = ct_port(&sw, "ethernet1/1/1");
    ct_fact(&p->facts.stp_enabled, 0);
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    /* ethernet1/1/2-32: no shutdown, switchport access vlan 1, no
     * spanning-tree port type edge: auto edge, a 3 s wait: warning. */
    unsigned warned = 0;
    for (size_t i = 0; i < sw.n_ports; i++) {
        if (strcmp(sw.ports[i].name, "ethernet1/1/1") == 0)
            continue;
        ct_fact(&sw.ports[i].facts.admin_status, PR_IF_UP);
        ct_fact(&sw.ports[i].facts.access_vlan, 1);
        ct_fact(&sw.ports[i].facts.edge, PR_EDGE_AUTO);
        warned +=
            sw.ports[i].verdict == PR_VERDICT_WARNING && ct_has(&sw.ports[i], PR_F_STP_EDGE_AUTO);
    }
    assert_int_equal(warned, 31);
    assert_string_equal(ct_port(&sw, "ethernet1/1/31")->alias,
                        "This is test descriptiopaosdpo kjbdsob oibdso qwba");
    pr_switch_free(&sw);
    struct ct_counts c = {0};
    ct_rejudge_all(&os10, text, len, 100, &c);
    /* Each of the 31 switched ports: stp-edge-auto and vlan-mismatch (VLAN 1
     * is not 100), both fixed by a snippet. */
    assert_int_equal(c.proven, 62);
    print_message("napalm-dellos10: 32 ports judged, %u fixes proven\n", c.proven);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_statements_and_defaults),
        cmocka_unit_test(test_driver_choice),
        cmocka_unit_test(test_apply_and_rejudge),
        cmocka_unit_test(test_fixture_napalm_os10),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
