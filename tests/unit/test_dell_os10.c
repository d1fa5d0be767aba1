/* SPDX-License-Identifier: BSD-3-Clause */
/* The dell driver on OS10 running-configurations: the real file in the
 * fixtures (napalm-dellos10's show_running_configuration.txt, OS10
 * 10.3.9999E) and small texts written for this test; every fix applied to
 * the text, the text read again and the port judged again. Expectations
 * are derived by hand from the statements, beside each assertion, with the
 * OS10 defaults docs/dell.md cites. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dell/dell.h"
#include "driver.h"
#include "rules/rules.h"
#include "util/fileutil.h"

static void read_text(struct pr_switch *sw, const char *text, size_t len, int64_t expect_vlan)
{
    pr_switch_init(sw, "os10", "os10");
    struct pr_error err = {0};
    if (dell_config_read(text, len, "test.cfg", sw, &err) != 0)
        fail_msg("%s", err.msg);
    for (size_t i = 0; i < sw->n_ports; i++)
        sw->ports[i].expect_vlan = expect_vlan;
    rules_judge_switch(sw);
}

static struct pr_port *port(struct pr_switch *sw, const char *name)
{
    struct pr_port *p = pr_switch_find_name(sw, name);
    if (p == NULL)
        fail_msg("no port %s", name);
    return p;
}

static bool has(const struct pr_port *p, enum pr_finding_id id)
{
    for (size_t i = 0; i < p->n_findings; i++)
        if (p->findings[i].id == id)
            return true;
    return false;
}

static void fact(const struct pr_fact *f, int64_t value)
{
    if (!f->known || f->value != value)
        fail_msg("fact %s %lld (%s), expected %lld", f->known ? "=" : "unknown",
                 (long long)f->value, f->evidence, (long long)value);
}

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
    read_text(&sw, lab, strlen(lab), -1);
    /* Ethernet interfaces only: 1/1/5-1/1/9 (mgmt1/1/1 and the
     * port-channels are not ports). */
    assert_int_equal(sw.n_ports, 5);
    fact(&sw.stp.mode, PR_MODE_RSTP);
    fact(&sw.stp.forward_delay_s, 10);
    fact(&sw.stp.max_age_s, 20); /* not configured: 20 s */

    /* 1/1/5: member of port-channel10, which is edge, VLAN 20, LACP fallback
     * after 20 s: edge from the channel, the blackout the 20 s wait. */
    struct pr_port *p = port(&sw, "ethernet1/1/5");
    fact(&p->facts.lacp_member, 1);
    fact(&p->facts.lacp_fallback, 1);
    fact(&p->facts.lacp_fallback_timeout_s, 20);
    fact(&p->facts.edge, PR_EDGE_YES);
    fact(&p->facts.access_vlan, 20);
    assert_string_equal(p->lag_name, "port-channel10");
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    fact(&p->expected_blackout_s, 20);

    /* 1/1/6: member of port-channel11, no lacp fallback enable (off by
     * default), no edge on the channel (auto edge): not ready. */
    p = port(&sw, "ethernet1/1/6");
    fact(&p->facts.lacp_fallback, 0);
    assert_true(has(p, PR_F_LACP_NO_FALLBACK));
    fact(&p->facts.edge, PR_EDGE_AUTO);
    assert_true(has(p, PR_F_STP_EDGE_AUTO));

    /* 1/1/7: shutdown. */
    p = port(&sw, "ethernet1/1/7");
    fact(&p->facts.admin_status, PR_IF_DOWN);
    assert_true(has(p, PR_F_ADMIN_DOWN));

    /* 1/1/8: edge, BPDU guard, VLAN 20: ready, blackout 0. */
    p = port(&sw, "ethernet1/1/8");
    fact(&p->facts.edge, PR_EDGE_YES);
    fact(&p->facts.bpdu_guard, 1);
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    fact(&p->expected_blackout_s, 0);

    /* 1/1/9: a trunk whose untagged VLAN is 30; no edge statement. */
    p = port(&sw, "ethernet1/1/9");
    fact(&p->facts.trunk, 1);
    fact(&p->facts.access_vlan, 30);
    fact(&p->facts.edge, PR_EDGE_AUTO);
    pr_switch_free(&sw);

    /* Without a mode: Rapid-PVST (the OS10 default); spanning-tree disable:
     * off; an unknown mode: refused, naming the line. */
    const char *pvst = "! Version 10.5.2.3\ninterface ethernet1/1/1\n no shutdown\n";
    read_text(&sw, pvst, strlen(pvst), -1);
    fact(&sw.stp.mode, PR_MODE_RAPID_PVST);
    fact(&sw.stp.forward_delay_s, 15);
    pr_switch_free(&sw);
    const char *off = "! Version 10.5.2.3\nspanning-tree disable\ninterface ethernet1/1/1\n"
                      " no shutdown\n";
    read_text(&sw, off, strlen(off), -1);
    fact(&sw.stp.mode, PR_MODE_OFF);
    assert_int_equal(port(&sw, "ethernet1/1/1")->verdict, PR_VERDICT_READY);
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

struct counts {
    unsigned ports, findings, proven;
};

/* Applies each finding's fix to the text, reads it again and judges the
 * same port: the finding must be gone. */
static void rejudge_all(const char *text, size_t len, int64_t expect_vlan, struct counts *c)
{
    struct pr_switch sw;
    read_text(&sw, text, len, expect_vlan);
    c->ports += (unsigned)sw.n_ports;
    for (size_t i = 0; i < sw.n_ports; i++) {
        struct pr_port *p = &sw.ports[i];
        for (size_t k = 0; k < p->n_findings; k++) {
            const struct pr_finding *f = &p->findings[k];
            c->findings++;
            char fix[PR_FIX_MAX];
            dell_snippet(&sw, p, f, fix, sizeof fix);
            if (fix[0] == '\0' || fix[0] == '!')
                continue; /* nothing configuration can do (link down, blocking now) */
            char *applied;
            size_t applied_len;
            struct pr_error err = {0};
            assert_int_equal(dell_config_apply(text, len, fix, &applied, &applied_len, &err), 0);
            struct pr_switch again;
            read_text(&again, applied, applied_len, expect_vlan);
            const struct pr_port *q = port(&again, p->name);
            if (has(q, f->id))
                fail_msg("%s: %s is still there after\n%s", p->name, pr_finding_id_name(f->id),
                         fix);
            c->proven++;
            pr_switch_free(&again);
            free(applied);
        }
    }
    pr_switch_free(&sw);
}

static void test_apply_and_rejudge(void **state)
{
    (void)state;
    struct counts c = {0};
    /* The lab text: 1/1/6 edge-auto and no fallback, 1/1/7 admin-down,
     * 1/1/9 edge-auto; asked for VLAN 100, every port's VLAN is wrong too. */
    rejudge_all(lab, strlen(lab), -1, &c);
    rejudge_all(lab, strlen(lab), 100, &c);
    assert_int_equal(c.ports, 10);
    assert_true(c.proven >= 4 + 5);

    /* The whole block of the switch, applied at once, closes every finding
     * a fix can close. */
    struct pr_switch sw;
    read_text(&sw, lab, strlen(lab), 100);
    struct pr_fix_block block = {0};
    for (size_t i = 0; i < sw.n_ports; i++)
        for (size_t k = 0; k < sw.ports[i].n_findings; k++)
            dell_snippet(&sw, &sw.ports[i], &sw.ports[i].findings[k], sw.ports[i].findings[k].fix,
                         sizeof sw.ports[i].findings[k].fix);
    assert_int_equal(pr_driver_dell.merge_fixes(&sw, &block), 0);
    assert_non_null(block.text);
    assert_true(block.paste);
    char *applied;
    size_t applied_len;
    struct pr_error err = {0};
    assert_int_equal(dell_config_apply(lab, strlen(lab), block.text, &applied, &applied_len, &err),
                     0);
    struct pr_switch again;
    read_text(&again, applied, applied_len, 100);
    /* Info findings (BPDU guard off on an edge port) are optional and
     * not in the block. */
    for (size_t i = 0; i < again.n_ports; i++)
        for (size_t k = 0; k < again.ports[i].n_findings; k++)
            if (again.ports[i].findings[k].severity != PR_SEV_INFO)
                fail_msg("%s: %s after the block\n%s", again.ports[i].name,
                         pr_finding_id_name(again.ports[i].findings[k].id), block.text);
    pr_switch_free(&again);
    free(applied);
    pr_fix_block_free(&block);
    pr_switch_free(&sw);
}

static void test_fixture_napalm_os10(void **state)
{
    (void)state;
    const char *path = PR_FIXTURES "/configs/napalm-dellos10__show_running_configuration.txt";
    char *text;
    size_t len;
    struct pr_error err = {0};
    if (pr_read_file(path, 1 << 24, &text, &len, &err) != 0) {
        print_message("fixture %s absent (../shared not here): skipped\n", path);
        return;
    }
    struct pr_switch sw;
    read_text(&sw, text, len, -1);
    /* 32 `interface ethernet1/1/N` (the breakout lines are not interfaces);
     * no spanning-tree line: Rapid-PVST. */
    assert_int_equal(sw.n_ports, 32);
    fact(&sw.stp.mode, PR_MODE_RAPID_PVST);
    /* ethernet1/1/1: "no switchport" and an IP address: routed, no
     * spanning tree, ready. */
    struct pr_port *p = port(&sw, "ethernet1/1/1");
    fact(&p->facts.stp_enabled, 0);
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    /* ethernet1/1/2-32: no shutdown, switchport access vlan 1, no
     * spanning-tree port type edge: auto edge, a 3 s wait: warning. */
    unsigned warned = 0;
    for (size_t i = 0; i < sw.n_ports; i++) {
        if (strcmp(sw.ports[i].name, "ethernet1/1/1") == 0)
            continue;
        fact(&sw.ports[i].facts.admin_status, PR_IF_UP);
        fact(&sw.ports[i].facts.access_vlan, 1);
        fact(&sw.ports[i].facts.edge, PR_EDGE_AUTO);
        warned +=
            sw.ports[i].verdict == PR_VERDICT_WARNING && has(&sw.ports[i], PR_F_STP_EDGE_AUTO);
    }
    assert_int_equal(warned, 31);
    assert_string_equal(port(&sw, "ethernet1/1/31")->alias,
                        "This is test descriptiopaosdpo kjbdsob oibdso qwba");
    pr_switch_free(&sw);
    struct counts c = {0};
    rejudge_all(text, len, 100, &c);
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
