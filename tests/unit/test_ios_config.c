/* SPDX-License-Identifier: BSD-3-Clause */
/* The IOS-style configuration reader and interpreters, one construct per
 * test, on small configurations written here. Each expectation follows from
 * the statements quoted beside it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cisco/ios.h"
#include "driver.h"
#include "rules/rules.h"

static void read_ok(const char *text, struct pr_switch *sw)
{
    pr_switch_init(sw, "sw", "test.cfg");
    struct pr_error err = {0};
    int rc = ios_config_read(text, strlen(text), "test.cfg", sw, &err);
    if (rc != 0)
        fail_msg("ios_config_read: %s", err.msg);
}

static struct pr_port *port(struct pr_switch *sw, const char *name)
{
    struct pr_port *p = pr_switch_find_name(sw, name);
    if (p == NULL)
        fail_msg("no port %s", name);
    return p;
}

static bool has_finding(const struct pr_port *p, enum pr_finding_id id)
{
    for (size_t i = 0; i < p->n_findings; i++) {
        if (p->findings[i].id == id)
            return true;
    }
    return false;
}

static void assert_fact(const struct pr_fact *f, int64_t value)
{
    if (!f->known)
        fail_msg("fact unknown (%s), expected %lld", f->evidence, (long long)value);
    if (f->value != value)
        fail_msg("fact = %lld (%s), expected %lld", (long long)f->value, f->evidence,
                 (long long)value);
}

static void read_error(const char *text, enum pr_error_code code, const char *expect_in_msg)
{
    struct pr_switch sw;
    pr_switch_init(&sw, "sw", "bad.cfg");
    struct pr_error err = {0};
    assert_int_equal(ios_config_read(text, strlen(text), "bad.cfg", &sw, &err), -1);
    assert_int_equal(err.code, code);
    if (strstr(err.msg, expect_in_msg) == NULL)
        fail_msg("error \"%s\" lacks \"%s\"", err.msg, expect_in_msg);
    pr_switch_free(&sw);
}

/* ---- the reader ---- */

static void test_reader_blocks_comments_banners(void **state)
{
    (void)state;
    const char *text = "!RANCID-CONTENT-TYPE: cisco\r\n"
                       "# oxidized header\n"
                       "version 15.2\n"
                       "banner motd ^C\n"
                       "interface GigabitEthernet9/9/9\n"
                       "^C\n"
                       "banner login #one line#\n"
                       "macro name SRV\n"
                       "interface GigabitEthernet8/8/8\n"
                       "@\n"
                       "!\n"
                       "interface GigabitEthernet1/0/1\r\n"
                       " description srv1\n"
                       " ! a comment inside\n"
                       "\n"
                       " shutdown\n"
                       "!\n"
                       "end\n"
                       "interface GigabitEthernet7/7/7\n";
    struct ios_config *cfg;
    struct pr_error err = {0};
    assert_int_equal(ios_config_parse(text, strlen(text), "t", &cfg, &err), 0);
    /* Blocks: "version 15.2" and "interface GigabitEthernet1/0/1" only; the
     * banner, macro body and what follows `end` are skipped. */
    assert_int_equal(cfg->n_blocks, 2);
    assert_string_equal(cfg->lines[cfg->blocks[1].first].text, "interface GigabitEthernet1/0/1");
    assert_int_equal(cfg->blocks[1].n, 3); /* head, description, shutdown */
    assert_int_equal(cfg->lines[cfg->blocks[1].first + 2].lineno, 16);
    assert_int_equal(cfg->end_lineno, 18);
    assert_int_equal(cfg->platform.platform, IOS_PLATFORM_IOS);
    ios_config_free(cfg);
}

static void test_reader_eos_banner(void **state)
{
    (void)state;
    const char *text = "! device: sw1 (DCS-7050SX3-48YC8, EOS-4.29.2F)\n"
                       "banner login\n"
                       "interface Ethernet9\n"
                       "EOF\n"
                       "interface Ethernet1\n"
                       "   shutdown\n";
    struct pr_switch sw;
    read_ok(text, &sw);
    assert_int_equal(sw.n_ports, 1); /* Ethernet9 is banner text */
    assert_string_equal(sw.ports[0].name, "Ethernet1");
    pr_switch_free(&sw);
}

static void test_reader_errors_name_the_line(void **state)
{
    (void)state;
    read_error("version 15.2\nbanner motd ^C\nno end\n", PR_ERR_INPUT,
               "bad.cfg:2: banner motd is never closed");
    const char nul[] = "version 15.2\ninterface Gi\0\n";
    struct pr_switch sw;
    pr_switch_init(&sw, "sw", "x");
    struct pr_error err = {0};
    assert_int_equal(ios_config_read(nul, sizeof nul - 1, "bad.cfg", &sw, &err), -1);
    assert_string_equal(err.msg, "bad.cfg:2: NUL byte: not a text configuration");
    read_error("version 15.2\ninterface GigabitEthernet1/0/1\n switchport access vlan 5000\n",
               PR_ERR_INPUT,
               "bad.cfg:3: interface GigabitEthernet1/0/1: \"switchport access vlan "
               "5000\": not a VLAN number");
    read_error("version 15.2\nspanning-tree mode fast\n", PR_ERR_INPUT,
               "bad.cfg:2: \"spanning-tree mode fast\": unknown spanning-tree mode");
    read_error("version 15.2\ninterface GigabitEthernet1/0/1\n channel-group x mode active\n",
               PR_ERR_INPUT, "bad.cfg:3:");
    read_error("#\n sysname hp\n#\ninterface GigabitEthernet1/0/1\n stp edged-port enable\n#\n",
               PR_ERR_UNSUPPORTED, "not an IOS, IOS-XE, NX-OS or EOS configuration");
}

/* ---- platform detection ---- */

static void test_detect_platforms(void **state)
{
    (void)state;
    struct ios_platform_info info;
    const char *ios = "version 15.2\nhostname a\n";
    ios_detect_platform(ios, strlen(ios), &info);
    assert_int_equal(info.platform, IOS_PLATFORM_IOS);
    assert_int_equal(info.version_major, 15);
    assert_int_equal(info.version_minor, 2);

    const char *xe = "Building configuration...\nCurrent configuration : 9 bytes\nversion 17.3\n";
    ios_detect_platform(xe, strlen(xe), &info);
    assert_int_equal(info.platform, IOS_PLATFORM_IOS_XE);

    const char *nx = "!Command: show running-config\nversion 9.3(5) Bios:version 05.40\n"
                     "feature lacp\n";
    ios_detect_platform(nx, strlen(nx), &info);
    assert_int_equal(info.platform, IOS_PLATFORM_NXOS);
    assert_string_equal(info.version, "9.3(5)");

    const char *eos = "! device: leaf1 (DCS-7280SR-48C6, EOS-4.22.3M)\nhostname leaf1\n";
    ios_detect_platform(eos, strlen(eos), &info);
    assert_int_equal(info.platform, IOS_PLATFORM_EOS);
    assert_int_equal(info.version_major, 4);
    assert_int_equal(info.version_minor, 22);

    /* Interface names alone say IOS; Junos braces and set lines say no. */
    const char *bare = "interface GigabitEthernet1/0/1\n spanning-tree portfast\n";
    ios_detect_platform(bare, strlen(bare), &info);
    assert_int_equal(info.platform, IOS_PLATFORM_IOS);
    const char *junos = "system {\n    host-name a;\n}\ninterfaces {\n}\n";
    ios_detect_platform(junos, strlen(junos), &info);
    assert_int_equal(info.platform, IOS_PLATFORM_UNKNOWN);
    const char *set = "set system host-name a\nset interfaces ge-0/0/1 unit 0\n";
    ios_detect_platform(set, strlen(set), &info);
    assert_int_equal(info.platform, IOS_PLATFORM_UNKNOWN);
}

/* ---- IOS / IOS-XE ---- */

static void test_ios_mode_default_and_explicit(void **state)
{
    (void)state;
    struct pr_switch sw;
    /* No `spanning-tree mode` on IOS 15.2: PVST+, said in the evidence. */
    read_ok("version 15.2\ninterface GigabitEthernet1/0/1\n", &sw);
    assert_fact(&sw.stp.mode, PR_MODE_PVST);
    assert_non_null(strstr(sw.stp.mode.evidence, "PVST+ is the Catalyst IOS default"));
    assert_fact(&sw.stp.forward_delay_s, 15);
    pr_switch_free(&sw);
    /* IOS-XE 17.3 (Catalyst 9000): Rapid PVST+ by default. */
    read_ok("version 17.3\ninterface GigabitEthernet1/0/1\n", &sw);
    assert_fact(&sw.stp.mode, PR_MODE_RAPID_PVST);
    pr_switch_free(&sw);
    read_ok("version 15.2\nspanning-tree mode mst\nspanning-tree mst forward-time 10\n"
            "interface GigabitEthernet1/0/1\n",
            &sw);
    assert_fact(&sw.stp.mode, PR_MODE_MSTP);
    assert_string_equal(sw.stp.mode.evidence, "spanning-tree mode mst (line 2)");
    assert_fact(&sw.stp.forward_delay_s, 10);
    pr_switch_free(&sw);
}

static void test_ios_portfast_forms(void **state)
{
    (void)state;
    struct pr_switch sw;
    read_ok(
        "version 15.2\nspanning-tree mode rapid-pvst\n"
        "interface GigabitEthernet1/0/1\n switchport mode access\n spanning-tree portfast edge\n"
        "interface GigabitEthernet1/0/2\n switchport mode trunk\n spanning-tree portfast\n"
        "interface GigabitEthernet1/0/3\n switchport mode trunk\n"
        " spanning-tree portfast edge trunk\n"
        "interface GigabitEthernet1/0/4\n switchport mode access\n"
        "interface GigabitEthernet1/0/5\n spanning-tree portfast disable\n",
        &sw);
    struct pr_port *p1 = port(&sw, "GigabitEthernet1/0/1");
    assert_fact(&p1->facts.edge, PR_EDGE_YES);
    assert_string_equal(p1->facts.edge.evidence,
                        "interface GigabitEthernet1/0/1: spanning-tree portfast edge (line 5)");
    assert_fact(&p1->facts.edge_applies_on_trunk, 0);
    rules_judge_port(&sw, p1);
    assert_int_equal(p1->verdict, PR_VERDICT_READY); /* bpdu-guard-off is info */

    /* Plain portfast on a trunk acts only on access ports. */
    struct pr_port *p2 = port(&sw, "GigabitEthernet1/0/2");
    assert_fact(&p2->facts.trunk, 1);
    rules_judge_port(&sw, p2);
    assert_true(has_finding(p2, PR_F_PORTFAST_TRUNK_MISSING));

    struct pr_port *p3 = port(&sw, "GigabitEthernet1/0/3");
    assert_fact(&p3->facts.edge_applies_on_trunk, 1);
    rules_judge_port(&sw, p3);
    assert_false(has_finding(p3, PR_F_PORTFAST_TRUNK_MISSING));

    struct pr_port *p4 = port(&sw, "GigabitEthernet1/0/4");
    assert_fact(&p4->facts.edge, PR_EDGE_NO);
    rules_judge_port(&sw, p4);
    assert_int_equal(p4->verdict, PR_VERDICT_NOT_READY);
    assert_int_equal(p4->expected_blackout_s.value, 30);

    assert_fact(&port(&sw, "GigabitEthernet1/0/5")->facts.edge, PR_EDGE_NO);
    pr_switch_free(&sw);
}

static void test_ios_portfast_default(void **state)
{
    (void)state;
    struct pr_switch sw;
    read_ok("version 15.2\nspanning-tree mode rapid-pvst\nspanning-tree portfast edge default\n"
            "spanning-tree portfast edge bpduguard default\n"
            "interface GigabitEthernet1/0/1\n switchport mode access\n"
            "interface GigabitEthernet1/0/2\n switchport mode trunk\n"
            "interface GigabitEthernet1/0/3\n spanning-tree portfast disable\n",
            &sw);
    /* Access port: edge from the global default, BPDU guard too. */
    struct pr_port *p1 = port(&sw, "GigabitEthernet1/0/1");
    assert_fact(&p1->facts.edge, PR_EDGE_YES);
    assert_non_null(
        strstr(p1->facts.edge.evidence, "spanning-tree portfast edge default (line 3)"));
    assert_fact(&p1->facts.bpdu_guard, 1);
    /* Trunk: the default does not act there. */
    struct pr_port *p2 = port(&sw, "GigabitEthernet1/0/2");
    rules_judge_port(&sw, p2);
    assert_true(has_finding(p2, PR_F_PORTFAST_TRUNK_MISSING));
    assert_fact(&p2->facts.bpdu_guard, 0);
    /* The interface statement wins over the default. */
    assert_fact(&port(&sw, "GigabitEthernet1/0/3")->facts.edge, PR_EDGE_NO);
    pr_switch_free(&sw);
}

static void test_ios_bpduguard(void **state)
{
    (void)state;
    struct pr_switch sw;
    read_ok("version 15.2\ninterface GigabitEthernet1/0/1\n spanning-tree bpduguard enable\n"
            "interface GigabitEthernet1/0/2\n spanning-tree bpduguard disable\n"
            "interface GigabitEthernet1/0/3\n",
            &sw);
    assert_fact(&port(&sw, "GigabitEthernet1/0/1")->facts.bpdu_guard, 1);
    assert_fact(&port(&sw, "GigabitEthernet1/0/2")->facts.bpdu_guard, 0);
    assert_fact(&port(&sw, "GigabitEthernet1/0/3")->facts.bpdu_guard, 0);
    pr_switch_free(&sw);
}

static void test_ios_channel_group_and_standalone(void **state)
{
    (void)state;
    struct pr_switch sw;
    const char *members = "interface GigabitEthernet1/0/1\n channel-group 1 mode active\n"
                          "interface GigabitEthernet1/0/2\n channel-group 2 mode on\n"
                          "interface GigabitEthernet1/0/3\n channel-group 3 mode desirable\n"
                          "interface GigabitEthernet1/0/4\n channel-group 4 mode passive\n"
                          "interface Port-channel4\n no port-channel standalone-disable\n";
    char text[1024];
    /* IOS-XE 17: standalone-disable on by default -> fallback 0 for Po1;
     * `no port-channel standalone-disable` on Po4 -> 1. */
    snprintf(text, sizeof text, "version 17.6\n%s", members);
    read_ok(text, &sw);
    struct pr_port *p1 = port(&sw, "GigabitEthernet1/0/1");
    assert_fact(&p1->facts.lacp_member, 1);
    assert_fact(&p1->facts.lacp_fallback, 0);
    assert_non_null(strstr(p1->facts.lacp_fallback.evidence, "IOS-XE 17.6 default"));
    assert_fact(&port(&sw, "GigabitEthernet1/0/2")->facts.lacp_member, 0); /* static */
    assert_fact(&port(&sw, "GigabitEthernet1/0/3")->facts.lacp_member, 0); /* PAgP */
    struct pr_port *p4 = port(&sw, "GigabitEthernet1/0/4");
    assert_fact(&p4->facts.lacp_member, 1);
    assert_fact(&p4->facts.lacp_fallback, 1);
    assert_string_equal(p4->facts.lacp_fallback.evidence,
                        "interface Port-channel4: no port-channel standalone-disable (line 11)");
    assert_int_equal(sw.n_ports, 4); /* Port-channel4 is not a port */
    pr_switch_free(&sw);
    /* IOS 15: members without a partner stay stand-alone. */
    snprintf(text, sizeof text, "version 15.2\n%s", members);
    read_ok(text, &sw);
    assert_fact(&port(&sw, "GigabitEthernet1/0/1")->facts.lacp_fallback, 1);
    pr_switch_free(&sw);
    /* No version line: the default is not known. */
    read_ok(members, &sw);
    assert_false(port(&sw, "GigabitEthernet1/0/1")->facts.lacp_fallback.known);
    pr_switch_free(&sw);
}

static void test_ios_vlans_and_shutdown(void **state)
{
    (void)state;
    struct pr_switch sw;
    read_ok("version 15.2\ninterface GigabitEthernet1/0/1\n switchport access vlan 100\n"
            " switchport mode access\n shutdown\n"
            "interface GigabitEthernet1/0/2\n switchport trunk native vlan 200\n"
            " switchport mode trunk\n"
            "interface GigabitEthernet1/0/3\n",
            &sw);
    struct pr_port *p1 = port(&sw, "GigabitEthernet1/0/1");
    assert_fact(&p1->facts.access_vlan, 100);
    assert_fact(&p1->facts.admin_status, PR_IF_DOWN);
    assert_fact(&port(&sw, "GigabitEthernet1/0/2")->facts.access_vlan, 200);
    struct pr_port *p3 = port(&sw, "GigabitEthernet1/0/3");
    assert_fact(&p3->facts.access_vlan, 1); /* default VLAN */
    assert_fact(&p3->facts.admin_status, PR_IF_UP);
    assert_fact(&p3->facts.trunk, 0); /* dynamic auto towards a server */
    pr_switch_free(&sw);
}

static void test_ios_speed_duplex_negotiation(void **state)
{
    (void)state;
    struct pr_switch sw;
    read_ok("version 15.2\n"
            "interface GigabitEthernet1/0/1\n speed 1000\n duplex full\n"
            "interface GigabitEthernet1/0/2\n speed auto\n"
            "interface GigabitEthernet1/0/3\n speed 100\n"
            "interface GigabitEthernet1/0/4\n no negotiation auto\n"
            "interface GigabitEthernet1/0/5\n negotiation auto\n"
            "interface TenGigabitEthernet1/1/1\n",
            &sw);
    struct pr_port *p1 = port(&sw, "GigabitEthernet1/0/1");
    assert_fact(&p1->facts.autoneg, 0);
    assert_fact(&p1->facts.speed_mbps, 1000);
    assert_fact(&port(&sw, "GigabitEthernet1/0/2")->facts.autoneg, 1);
    /* speed 100 without duplex: duplex still negotiated. */
    assert_fact(&port(&sw, "GigabitEthernet1/0/3")->facts.autoneg, 1);
    assert_fact(&port(&sw, "GigabitEthernet1/0/4")->facts.autoneg, 0);
    assert_fact(&port(&sw, "GigabitEthernet1/0/5")->facts.autoneg, 1);
    /* SFP+ port, no speed statement: the default depends on the optic. */
    assert_false(port(&sw, "TenGigabitEthernet1/1/1")->facts.autoneg.known);
    pr_switch_free(&sw);
}

static void test_ios_stp_off_per_vlan(void **state)
{
    (void)state;
    struct pr_switch sw;
    read_ok("version 15.2\nspanning-tree mode pvst\nno spanning-tree vlan 10,20-30\n"
            "spanning-tree vlan 1 forward-time 20\n"
            "interface GigabitEthernet1/0/1\n switchport access vlan 25\n"
            "interface GigabitEthernet1/0/2\n switchport access vlan 31\n",
            &sw);
    struct pr_port *p1 = port(&sw, "GigabitEthernet1/0/1");
    assert_fact(&p1->facts.stp_enabled, 0);
    assert_non_null(strstr(p1->facts.stp_enabled.evidence, "no spanning-tree vlan 10,20-30"));
    rules_judge_port(&sw, p1);
    assert_int_equal(p1->verdict, PR_VERDICT_READY);
    struct pr_port *p2 = port(&sw, "GigabitEthernet1/0/2");
    assert_fact(&p2->facts.stp_enabled, 1);
    assert_fact(&sw.stp.forward_delay_s, 20);
    rules_judge_port(&sw, p2);
    /* Not edge under PVST+: 2 x 20 s. */
    assert_int_equal(p2->expected_blackout_s.value, 40);
    assert_true(has_finding(p2, PR_F_STP_LEGACY_MODE));
    pr_switch_free(&sw);
}

static void test_ios_routed_and_logical_interfaces(void **state)
{
    (void)state;
    struct pr_switch sw;
    read_ok("version 15.2\ninterface GigabitEthernet0/0\n no switchport\n ip address 10.0.0.1 "
            "255.255.255.0\ninterface Vlan10\ninterface Loopback0\ninterface Port-channel1\n"
            "interface GigabitEthernet0/1.100\ninterface Tunnel1\n",
            &sw);
    assert_int_equal(sw.n_ports, 1);
    assert_fact(&sw.ports[0].facts.stp_enabled, 0);
    pr_switch_free(&sw);
}

/* ---- NX-OS ---- */

static void test_nxos_port_types(void **state)
{
    (void)state;
    struct pr_switch sw;
    read_ok("version 9.3(5)\nfeature lacp\nspanning-tree port type edge bpduguard default\n"
            "interface Ethernet1/1\n  switchport\n  spanning-tree port type edge\n"
            "  no shutdown\n"
            "interface Ethernet1/2\n  switchport\n  switchport mode trunk\n"
            "  spanning-tree port type edge trunk\n  no shutdown\n"
            "interface Ethernet1/3\n  switchport\n  spanning-tree port type network\n"
            "interface Ethernet1/4\n  switchport\n  switchport mode trunk\n"
            "  spanning-tree port type edge\n  no shutdown\n",
            &sw);
    /* NX-OS default mode: Rapid PVST+. */
    assert_fact(&sw.stp.mode, PR_MODE_RAPID_PVST);
    struct pr_port *p1 = port(&sw, "Ethernet1/1");
    assert_fact(&p1->facts.edge, PR_EDGE_YES);
    assert_fact(&p1->facts.bpdu_guard, 1); /* the global edge bpduguard default */
    rules_judge_port(&sw, p1);
    assert_int_equal(p1->verdict, PR_VERDICT_READY);
    assert_fact(&port(&sw, "Ethernet1/2")->facts.edge_applies_on_trunk, 1);
    assert_fact(&port(&sw, "Ethernet1/3")->facts.edge, PR_EDGE_NO);
    /* Ethernet1/3 has no `no shutdown` where others need one: shut. */
    assert_fact(&port(&sw, "Ethernet1/3")->facts.admin_status, PR_IF_DOWN);
    struct pr_port *p4 = port(&sw, "Ethernet1/4");
    rules_judge_port(&sw, p4);
    assert_true(has_finding(p4, PR_F_PORTFAST_TRUNK_MISSING));
    pr_switch_free(&sw);
}

static void test_nxos_edge_default_and_lacp(void **state)
{
    (void)state;
    struct pr_switch sw;
    read_ok("version 7.0(3)I7(8)\nspanning-tree mode mst\nspanning-tree port type edge default\n"
            "no system default switchport shutdown\nsystem default switchport\n"
            "interface port-channel10\n  no lacp suspend-individual\n"
            "interface port-channel11\n"
            "interface Ethernet1/1\n  channel-group 10 mode active\n"
            "interface Ethernet1/2\n  channel-group 11 mode active\n"
            "interface Ethernet1/3\n  channel-group 12\n",
            &sw);
    assert_fact(&sw.stp.mode, PR_MODE_MSTP);
    struct pr_port *p1 = port(&sw, "Ethernet1/1");
    assert_fact(&p1->facts.edge, PR_EDGE_YES);      /* port type edge default, access port */
    assert_fact(&p1->facts.admin_status, PR_IF_UP); /* no system default switchport shutdown */
    assert_fact(&p1->facts.lacp_member, 1);
    assert_fact(&p1->facts.lacp_fallback, 1);
    struct pr_port *p2 = port(&sw, "Ethernet1/2");
    assert_fact(&p2->facts.lacp_fallback, 0); /* suspend-individual is the NX-OS default */
    rules_judge_port(&sw, p2);
    assert_true(has_finding(p2, PR_F_LACP_NO_FALLBACK));
    /* `channel-group N` without a mode is a static bundle. */
    assert_fact(&port(&sw, "Ethernet1/3")->facts.lacp_member, 0);
    pr_switch_free(&sw);
}

/* ---- EOS ---- */

static void test_eos_portfast_forms(void **state)
{
    (void)state;
    struct pr_switch sw;
    read_ok("! device: leaf1 (DCS-7050SX3-48YC8, EOS-4.29.2F)\n"
            "interface Ethernet1\n   spanning-tree portfast\n   spanning-tree bpduguard enable\n"
            "interface Ethernet2\n   spanning-tree portfast auto\n"
            "interface Ethernet3\n   no spanning-tree portfast auto\n"
            "interface Ethernet4\n"
            "interface Ethernet5\n   switchport mode trunk\n   spanning-tree portfast\n",
            &sw);
    assert_fact(&sw.stp.mode, PR_MODE_MSTP); /* EOS default */
    struct pr_port *p1 = port(&sw, "Ethernet1");
    assert_fact(&p1->facts.edge, PR_EDGE_YES);
    rules_judge_port(&sw, p1);
    assert_int_equal(p1->verdict, PR_VERDICT_READY);
    assert_int_equal(p1->n_findings, 0);
    assert_fact(&port(&sw, "Ethernet2")->facts.edge, PR_EDGE_AUTO);
    assert_fact(&port(&sw, "Ethernet3")->facts.edge, PR_EDGE_NO);
    struct pr_port *p4 = port(&sw, "Ethernet4");
    assert_fact(&p4->facts.edge, PR_EDGE_AUTO); /* portfast auto is the default */
    rules_judge_port(&sw, p4);
    assert_int_equal(p4->verdict, PR_VERDICT_WARNING);
    /* EOS portfast acts on trunks too. */
    struct pr_port *p5 = port(&sw, "Ethernet5");
    rules_judge_port(&sw, p5);
    assert_false(has_finding(p5, PR_F_PORTFAST_TRUNK_MISSING));
    pr_switch_free(&sw);
}

static void test_eos_mode_and_fallback(void **state)
{
    (void)state;
    struct pr_switch sw;
    read_ok("! device: leaf1 (DCS-7050SX3-48YC8, EOS-4.29.2F)\nspanning-tree mode rstp\n"
            "spanning-tree forward-time 10\n"
            "interface Port-Channel10\n   port-channel lacp fallback individual\n"
            "   port-channel lacp fallback timeout 5\n"
            "interface Port-Channel11\n"
            "interface Ethernet1\n   channel-group 10 mode active\n"
            "interface Ethernet2\n   channel-group 11 mode active\n",
            &sw);
    assert_fact(&sw.stp.mode, PR_MODE_RSTP);
    assert_fact(&sw.stp.forward_delay_s, 10);
    struct pr_port *p1 = port(&sw, "Ethernet1");
    assert_fact(&p1->facts.lacp_fallback, 1);
    assert_string_equal(p1->facts.lacp_fallback.evidence,
                        "interface Port-Channel10: port-channel lacp fallback individual (line 5), "
                        "after 5 s");
    assert_fact(&port(&sw, "Ethernet2")->facts.lacp_fallback, 0);
    pr_switch_free(&sw);
    read_ok("! device: leaf1 (DCS-7050SX3-48YC8, EOS-4.29.2F)\nspanning-tree mode none\n"
            "interface Ethernet1\n",
            &sw);
    assert_fact(&sw.stp.mode, PR_MODE_OFF);
    assert_fact(&port(&sw, "Ethernet1")->facts.stp_enabled, 0);
    pr_switch_free(&sw);
}

/* Spanning tree runs on the port-channel: a member of a channel with
 * spanning-tree portfast is edge (from the channel), not the EOS default
 * portfast auto its own interface would give; a member of a channel that
 * says nothing keeps its own (auto). */
static void test_lag_member_edge_from_channel(void **state)
{
    (void)state;
    struct pr_switch sw;
    read_ok("! device: leaf1 (DCS-7050SX3-48YC8, EOS-4.29.2F)\n"
            "interface Port-Channel10\n   spanning-tree portfast\n"
            "interface Port-Channel11\n"
            "interface Ethernet1\n   channel-group 10 mode active\n"
            "interface Ethernet2\n   channel-group 11 mode active\n",
            &sw);
    struct pr_port *p1 = port(&sw, "Ethernet1");
    assert_fact(&p1->facts.edge, PR_EDGE_YES);
    assert_string_equal(p1->facts.edge.evidence, "from its aggregate Port-Channel10: interface "
                                                 "Port-Channel10: spanning-tree portfast (line 3)");
    /* Port-Channel11 has no spanning-tree portfast: EOS's default, portfast
     * auto, on the channel. */
    struct pr_port *p2 = port(&sw, "Ethernet2");
    assert_fact(&p2->facts.edge, PR_EDGE_AUTO);
    assert_non_null(strstr(p2->facts.edge.evidence, "from its aggregate Port-Channel11"));
    pr_switch_free(&sw);
    /* IOS likewise; a member's own portfast does not act in a channel
     * whose interface has none (and no global default): not edge, and the
     * fix goes on the channel. */
    read_ok("hostname sw1\ninterface Port-channel5\n spanning-tree portfast\n"
            "interface Port-channel6\n"
            "interface GigabitEthernet1/0/1\n channel-group 5 mode active\n"
            "interface GigabitEthernet1/0/2\n channel-group 6 mode active\n"
            " spanning-tree portfast edge\n",
            &sw);
    assert_fact(&port(&sw, "GigabitEthernet1/0/1")->facts.edge, PR_EDGE_YES);
    struct pr_port *g2 = port(&sw, "GigabitEthernet1/0/2");
    assert_fact(&g2->facts.edge, PR_EDGE_NO);
    assert_string_equal(g2->facts.edge.evidence,
                        "from its aggregate Port-channel6: interface "
                        "Port-channel6: no spanning-tree portfast statement and no global "
                        "spanning-tree portfast default");
    char buf[PR_FIX_MAX];
    struct pr_finding f = {.id = PR_F_STP_NOT_EDGE};
    ios_snippet(&sw, g2, &f, buf, sizeof buf);
    assert_string_equal(buf, "interface Port-channel6\n spanning-tree portfast edge");
    pr_switch_free(&sw);
}

/* ---- snippets ---- */

static void snippet_for(struct pr_switch *sw, const char *name, enum pr_finding_id id, char *buf,
                        size_t len)
{
    struct pr_finding f = {.id = id};
    ios_snippet(sw, port(sw, name), &f, buf, len);
}

static void test_snippets_per_platform(void **state)
{
    (void)state;
    char buf[PR_FIX_MAX];
    struct pr_switch sw;
    read_ok("version 15.2\ninterface GigabitEthernet1/0/1\n switchport mode access\n"
            " channel-group 3 mode active\n"
            "interface GigabitEthernet1/0/2\n switchport mode trunk\n",
            &sw);
    snippet_for(&sw, "GigabitEthernet1/0/1", PR_F_STP_NOT_EDGE, buf, sizeof buf);
    assert_string_equal(buf, "interface GigabitEthernet1/0/1\n spanning-tree portfast edge");
    snippet_for(&sw, "GigabitEthernet1/0/2", PR_F_PORTFAST_TRUNK_MISSING, buf, sizeof buf);
    assert_string_equal(buf, "interface GigabitEthernet1/0/2\n spanning-tree portfast edge trunk");
    snippet_for(&sw, "GigabitEthernet1/0/1", PR_F_STP_LEGACY_MODE, buf, sizeof buf);
    assert_string_equal(buf, "spanning-tree mode rapid-pvst");
    snippet_for(&sw, "GigabitEthernet1/0/1", PR_F_LACP_NO_FALLBACK, buf, sizeof buf);
    assert_string_equal(buf, "interface Port-channel3\n no port-channel standalone-disable");
    snippet_for(&sw, "GigabitEthernet1/0/1", PR_F_AUTONEG_ON, buf, sizeof buf);
    assert_string_equal(buf, "interface GigabitEthernet1/0/1\n speed 1000\n duplex full");
    snippet_for(&sw, "GigabitEthernet1/0/1", PR_F_BPDU_GUARD_OFF, buf, sizeof buf);
    assert_string_equal(buf, "interface GigabitEthernet1/0/1\n spanning-tree bpduguard enable");
    snippet_for(&sw, "GigabitEthernet1/0/1", PR_F_ADMIN_DOWN, buf, sizeof buf);
    assert_string_equal(buf, "interface GigabitEthernet1/0/1\n no shutdown");
    port(&sw, "GigabitEthernet1/0/1")->expect_vlan = 100;
    snippet_for(&sw, "GigabitEthernet1/0/1", PR_F_VLAN_MISMATCH, buf, sizeof buf);
    assert_string_equal(buf, "interface GigabitEthernet1/0/1\n switchport access vlan 100");
    snippet_for(&sw, "GigabitEthernet1/0/1", PR_F_LINK_DOWN, buf, sizeof buf);
    assert_string_equal(buf, "");
    pr_switch_free(&sw);

    read_ok("version 9.3(5)\ninterface Ethernet1/1\n  switchport\n  switchport mode trunk\n"
            "  channel-group 7 mode active\n",
            &sw);
    snippet_for(&sw, "Ethernet1/1", PR_F_STP_NOT_EDGE, buf, sizeof buf);
    assert_string_equal(buf, "interface Ethernet1/1\n  spanning-tree port type edge trunk");
    snippet_for(&sw, "Ethernet1/1", PR_F_LACP_NO_FALLBACK, buf, sizeof buf);
    assert_string_equal(buf, "interface port-channel7\n  no lacp suspend-individual");
    pr_switch_free(&sw);

    read_ok("! device: leaf1 (DCS-7050SX3-48YC8, EOS-4.29.2F)\ninterface Ethernet1\n"
            "   channel-group 7 mode active\n   speed auto 25gfull\n",
            &sw);
    snippet_for(&sw, "Ethernet1", PR_F_STP_EDGE_AUTO, buf, sizeof buf);
    assert_string_equal(buf, "interface Ethernet1\n   spanning-tree portfast");
    snippet_for(&sw, "Ethernet1", PR_F_LACP_NO_FALLBACK, buf, sizeof buf);
    assert_string_equal(buf, "interface Port-Channel7\n   port-channel lacp fallback individual\n"
                             "   port-channel lacp fallback timeout 30");
    snippet_for(&sw, "Ethernet1", PR_F_AUTONEG_ON, buf, sizeof buf);
    assert_string_equal(buf, "interface Ethernet1\n   speed forced 25gfull");
    pr_switch_free(&sw);

    /* IOS 12.2 has no `edge` keyword. */
    read_ok("version 12.2\ninterface FastEthernet0/1\n", &sw);
    snippet_for(&sw, "FastEthernet0/1", PR_F_STP_NOT_EDGE, buf, sizeof buf);
    assert_string_equal(buf, "interface FastEthernet0/1\n spanning-tree portfast");
    pr_switch_free(&sw);
}

/* ---- merge ---- */

static void test_merge_into_blocks(void **state)
{
    (void)state;
    const char *text = "version 15.2\n!\ninterface GigabitEthernet1/0/1\n description a\n!\n"
                       "interface GigabitEthernet1/0/2\n!\nend\n";
    char *out;
    size_t out_len;
    struct pr_error err = {0};
    assert_int_equal(ios_config_merge(text, strlen(text),
                                      "interface GigabitEthernet1/0/1\n spanning-tree portfast "
                                      "edge\nspanning-tree mode rapid-pvst\n"
                                      "interface Port-channel9\n no port-channel "
                                      "standalone-disable",
                                      &out, &out_len, &err),
                     0);
    assert_string_equal(out, "version 15.2\n!\ninterface GigabitEthernet1/0/1\n description a\n"
                             " spanning-tree portfast edge\n!\n"
                             "interface GigabitEthernet1/0/2\n!\n"
                             "spanning-tree mode rapid-pvst\n"
                             "interface Port-channel9\n no port-channel standalone-disable\n"
                             "end\n");
    assert_int_equal(out_len, strlen(out));
    free(out);
}

/* ---- the driver ---- */

static void test_driver_match_and_read_config(void **state)
{
    (void)state;
    const char *cfg = "version 15.2\ninterface GigabitEthernet1/0/1\n";
    assert_true(pr_driver_cisco.match(NULL, NULL, cfg, strlen(cfg)) > 50);
    const char *junos = "system {\n host-name a;\n}\n";
    assert_int_equal(pr_driver_cisco.match("", "", junos, strlen(junos)), 0);
    assert_true(pr_driver_cisco.match("1.3.6.1.4.1.9.1.617", "", NULL, 0) > 1);
    assert_true(pr_driver_cisco.match("1.3.6.1.4.1.30065.1.3011", "", NULL, 0) > 1);
    assert_int_equal(pr_driver_cisco.match("1.3.6.1.4.1.99", "", NULL, 0), 0);
    assert_int_equal(pr_driver_cisco.match("1.3.6.1.4.1.2636.1", "", NULL, 0), 0);

    struct pr_switch sw;
    pr_switch_init(&sw, "sw", "x");
    struct pr_config_text config = {
        .text = cfg, .len = strlen(cfg), .origin = "x.cfg", .kind = "config"};
    struct pr_error err = {0};
    assert_int_equal(pr_driver_cisco.read_config(&config, &sw, &err), 0);
    assert_int_equal(sw.n_ports, 1);
    assert_string_equal(sw.sources[0], "config");
    pr_switch_free(&sw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reader_blocks_comments_banners),
        cmocka_unit_test(test_reader_eos_banner),
        cmocka_unit_test(test_reader_errors_name_the_line),
        cmocka_unit_test(test_detect_platforms),
        cmocka_unit_test(test_ios_mode_default_and_explicit),
        cmocka_unit_test(test_ios_portfast_forms),
        cmocka_unit_test(test_ios_portfast_default),
        cmocka_unit_test(test_ios_bpduguard),
        cmocka_unit_test(test_ios_channel_group_and_standalone),
        cmocka_unit_test(test_ios_vlans_and_shutdown),
        cmocka_unit_test(test_ios_speed_duplex_negotiation),
        cmocka_unit_test(test_ios_stp_off_per_vlan),
        cmocka_unit_test(test_ios_routed_and_logical_interfaces),
        cmocka_unit_test(test_nxos_port_types),
        cmocka_unit_test(test_nxos_edge_default_and_lacp),
        cmocka_unit_test(test_eos_portfast_forms),
        cmocka_unit_test(test_eos_mode_and_fallback),
        cmocka_unit_test(test_snippets_per_platform),
        cmocka_unit_test(test_merge_into_blocks),
        cmocka_unit_test(test_lag_member_edge_from_channel),
        cmocka_unit_test(test_driver_match_and_read_config),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
