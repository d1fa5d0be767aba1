/* SPDX-License-Identifier: BSD-3-Clause */
/* The IOS-XE native model reader, one construct per test, on the small XML
 * documents of tests/data/iosxe/. Each expectation follows from the XML
 * quoted beside it; the statements it stands for are those a Catalyst
 * 9000 prints in `show running-config`. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cisco/ios.h"
#include "cisco/iosxe_xml.h"
#include "driver.h"
#include "rules/rules.h"

#define DATA PR_TEST_DATA "/iosxe/"

static char *slurp(const char *name, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, DATA "%s", name);
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static void read_xml(const char *name, struct pr_switch *sw)
{
    size_t len;
    char *xml = slurp(name, &len);
    pr_switch_init(sw, "sw", name);
    struct pr_error err = {0};
    if (iosxe_xml_read(xml, len, name, sw, &err) != 0)
        fail_msg("iosxe_xml_read %s: %s", name, err.msg);
    free(xml);
}

static char *cli_of(const char *name)
{
    size_t len, text_len;
    char *xml = slurp(name, &len);
    char *text;
    struct pr_error err = {0};
    if (iosxe_xml_to_cli(xml, len, name, &text, &text_len, &err) != 0)
        fail_msg("iosxe_xml_to_cli %s: %s", name, err.msg);
    assert_int_equal(strlen(text), text_len);
    free(xml);
    return text;
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

static void assert_evidence(const struct pr_fact *f, const char *expected)
{
    if (strcmp(f->evidence, expected) != 0)
        fail_msg("evidence \"%s\", expected \"%s\"", f->evidence, expected);
}

/* ---- spanning tree on the port ---- */

static void test_portfast(void **state)
{
    (void)state;
    char *text = cli_of("portfast.xml");
    /* Each <portfast> shape becomes its statement; 1/0/9 has only a
     * <link-type>, which the model does not read. */
    assert_string_equal(text, "interface GigabitEthernet1/0/1\n"
                              " spanning-tree portfast\n"
                              "!\n"
                              "interface GigabitEthernet1/0/2\n"
                              " spanning-tree portfast edge\n"
                              "!\n"
                              "interface GigabitEthernet1/0/3\n"
                              " switchport mode trunk\n"
                              " spanning-tree portfast edge trunk\n"
                              "!\n"
                              "interface GigabitEthernet1/0/4\n"
                              " switchport mode trunk\n"
                              " spanning-tree portfast trunk\n"
                              "!\n"
                              "interface GigabitEthernet1/0/5\n"
                              " spanning-tree portfast disable\n"
                              "!\n"
                              "interface GigabitEthernet1/0/6\n"
                              " switchport mode trunk\n"
                              " spanning-tree portfast edge trunk\n"
                              "!\n"
                              "interface GigabitEthernet1/0/7\n"
                              " spanning-tree portfast network\n"
                              "!\n"
                              "interface GigabitEthernet1/0/8\n"
                              " spanning-tree portfast edge\n"
                              "!\n"
                              "interface GigabitEthernet1/0/9\n"
                              "!\n"
                              "interface GigabitEthernet1/0/10\n"
                              " switchport mode trunk\n"
                              " spanning-tree portfast edge\n"
                              "!\n"
                              "end\n");
    free(text);

    struct pr_switch sw;
    read_xml("portfast.xml", &sw);
    assert_int_equal(sw.n_ports, 10);
    /* <portfast/>: edge on access ports only. */
    struct pr_port *p = port(&sw, "GigabitEthernet1/0/1");
    assert_fact(&p->facts.edge, PR_EDGE_YES);
    assert_fact(&p->facts.edge_applies_on_trunk, 0);
    assert_evidence(&p->facts.edge, "interface GigabitEthernet1/0/1: spanning-tree portfast");
    /* <portfast><edge/></portfast> */
    p = port(&sw, "GigabitEthernet1/0/2");
    assert_fact(&p->facts.edge, PR_EDGE_YES);
    assert_fact(&p->facts.edge_applies_on_trunk, 0);
    /* <portfast><edge/><trunk/></portfast> on <mode><trunk/>: acts on the trunk. */
    p = port(&sw, "GigabitEthernet1/0/3");
    assert_fact(&p->facts.trunk, 1);
    assert_fact(&p->facts.edge, PR_EDGE_YES);
    assert_fact(&p->facts.edge_applies_on_trunk, 1);
    /* <portfast><trunk/></portfast> */
    p = port(&sw, "GigabitEthernet1/0/4");
    assert_fact(&p->facts.edge_applies_on_trunk, 1);
    /* <portfast><disable/></portfast> */
    p = port(&sw, "GigabitEthernet1/0/5");
    assert_fact(&p->facts.edge, PR_EDGE_NO);
    /* <portfast-v2><edge-trunk/> (17.15) */
    p = port(&sw, "GigabitEthernet1/0/6");
    assert_fact(&p->facts.edge, PR_EDGE_YES);
    assert_fact(&p->facts.edge_applies_on_trunk, 1);
    /* <portfast-v2><network/>: not edge. */
    p = port(&sw, "GigabitEthernet1/0/7");
    assert_fact(&p->facts.edge, PR_EDGE_NO);
    /* <portfast-v2><edge/> */
    p = port(&sw, "GigabitEthernet1/0/8");
    assert_fact(&p->facts.edge, PR_EDGE_YES);
    assert_fact(&p->facts.edge_applies_on_trunk, 0);
    /* No portfast and no global default. */
    p = port(&sw, "GigabitEthernet1/0/9");
    assert_fact(&p->facts.edge, PR_EDGE_NO);
    rules_judge_port(&sw, p);
    assert_true(has_finding(p, PR_F_STP_NOT_EDGE));
    /* <portfast><edge/> on a trunk: PortFast that does not act there. */
    p = port(&sw, "GigabitEthernet1/0/10");
    rules_judge_port(&sw, p);
    assert_true(has_finding(p, PR_F_PORTFAST_TRUNK_MISSING));
    pr_switch_free(&sw);
}

static void test_bpduguard(void **state)
{
    (void)state;
    struct pr_switch sw;
    read_xml("bpduguard.xml", &sw);
    /* <bpduguard><enable/></bpduguard> */
    struct pr_port *p = port(&sw, "GigabitEthernet1/0/1");
    assert_fact(&p->facts.bpdu_guard, 1);
    assert_evidence(&p->facts.bpdu_guard,
                    "interface GigabitEthernet1/0/1: spanning-tree bpduguard enable");
    /* <bpduguard><disable/></bpduguard> */
    p = port(&sw, "GigabitEthernet1/0/2");
    assert_fact(&p->facts.bpdu_guard, 0);
    rules_judge_port(&sw, p);
    assert_true(has_finding(p, PR_F_BPDU_GUARD_OFF));
    /* No <bpduguard>, no global default. */
    p = port(&sw, "GigabitEthernet1/0/3");
    assert_fact(&p->facts.bpdu_guard, 0);
    pr_switch_free(&sw);
}

/* ---- global spanning tree ---- */

static void test_global_pvst_defaults_timers(void **state)
{
    (void)state;
    char *text = cli_of("global.xml");
    const char *globals = "spanning-tree mode pvst\n"
                          "spanning-tree portfast default\n"
                          "spanning-tree portfast bpduguard default\n"
                          "spanning-tree vlan 1 forward-time 10\n"
                          "spanning-tree vlan 1 max-age 12\n"
                          "spanning-tree vlan 20-30 forward-time 8\n";
    if (strncmp(text, globals, strlen(globals)) != 0)
        fail_msg("globals:\n%s", text);
    free(text);

    struct pr_switch sw;
    read_xml("global.xml", &sw);
    /* <mode>pvst</mode> */
    assert_fact(&sw.stp.mode, PR_MODE_PVST);
    assert_evidence(&sw.stp.mode, "spanning-tree mode pvst");
    /* <vlan><id>1</id><forward-time>10</forward-time><max-age>12</max-age> */
    assert_fact(&sw.stp.forward_delay_s, 10);
    assert_fact(&sw.stp.max_age_s, 12);
    if (strstr(sw.stp.forward_delay_s.evidence, "VLAN 20: 8 s") == NULL)
        fail_msg("forward delay evidence: %s", sw.stp.forward_delay_s.evidence);
    /* 1/0/1: an access port without statements: <portfast><default/> makes
     * it edge, <bpduguard><default/> guards it. */
    struct pr_port *p = port(&sw, "GigabitEthernet1/0/1");
    assert_fact(&p->facts.edge, PR_EDGE_YES);
    assert_fact(&p->facts.bpdu_guard, 1);
    rules_judge_port(&sw, p);
    assert_true(has_finding(p, PR_F_STP_LEGACY_MODE));
    assert_false(has_finding(p, PR_F_STP_NOT_EDGE));
    /* 1/0/2: a trunk; the default acts on access ports only. */
    p = port(&sw, "GigabitEthernet1/0/2");
    assert_fact(&p->facts.edge_applies_on_trunk, 0);
    assert_fact(&p->facts.bpdu_guard, 0);
    rules_judge_port(&sw, p);
    assert_true(has_finding(p, PR_F_PORTFAST_TRUNK_MISSING));
    pr_switch_free(&sw);
}

static void test_global_mst_in_data(void **state)
{
    (void)state;
    struct pr_switch sw;
    /* <data><native>...<mode>mst</mode><mst><forward-time>20</forward-time>
     * <max-age>30</max-age></mst> */
    read_xml("global-mst.xml", &sw);
    assert_fact(&sw.stp.mode, PR_MODE_MSTP);
    assert_fact(&sw.stp.forward_delay_s, 20);
    assert_evidence(&sw.stp.forward_delay_s, "spanning-tree mst forward-time 20");
    assert_fact(&sw.stp.max_age_s, 30);
    assert_int_equal(sw.n_ports, 1);
    assert_string_equal(sw.ports[0].name, "TenGigabitEthernet1/1/1");
    pr_switch_free(&sw);
}

/* ---- switchport ---- */

static void test_switchport(void **state)
{
    (void)state;
    char *text = cli_of("switchport.xml");
    assert_string_equal(text, "interface GigabitEthernet1/0/1\n"
                              " switchport mode access\n"
                              " switchport access vlan 100\n"
                              "!\n"
                              "interface GigabitEthernet1/0/2\n"
                              " switchport mode trunk\n"
                              " switchport trunk native vlan 30\n"
                              "!\n"
                              "interface GigabitEthernet1/0/3\n"
                              " switchport mode trunk\n"
                              " switchport trunk native vlan 40\n"
                              "!\n"
                              "interface GigabitEthernet1/0/4\n"
                              " switchport mode trunk\n"
                              " switchport trunk native vlan 50\n"
                              "!\n"
                              "interface GigabitEthernet1/0/5\n"
                              " no switchport\n"
                              "!\n"
                              "interface GigabitEthernet1/0/6\n"
                              " switchport mode dynamic desirable\n"
                              "!\n"
                              "interface GigabitEthernet1/0/7\n"
                              " switchport mode access\n"
                              " switchport access vlan 200\n"
                              "!\n"
                              "end\n");
    free(text);

    struct pr_switch sw;
    read_xml("switchport.xml", &sw);
    /* 17.x <switchport-config><switchport>: <mode><access/>, <access><vlan><vlan>100 */
    struct pr_port *p = port(&sw, "GigabitEthernet1/0/1");
    assert_fact(&p->facts.trunk, 0);
    assert_fact(&p->facts.access_vlan, 100);
    assert_evidence(&p->facts.access_vlan,
                    "interface GigabitEthernet1/0/1: switchport access vlan 100");
    /* <trunk><native><vlan><tag>true</tag><vlan-id>30</vlan-id> */
    p = port(&sw, "GigabitEthernet1/0/2");
    assert_fact(&p->facts.trunk, 1);
    assert_fact(&p->facts.access_vlan, 30);
    /* 16.x <switchport>: <trunk><native><vlan>40</vlan> */
    assert_fact(&port(&sw, "GigabitEthernet1/0/3")->facts.access_vlan, 40);
    /* <trunk><native><vlan-config><vlan-id>50 */
    assert_fact(&port(&sw, "GigabitEthernet1/0/4")->facts.access_vlan, 50);
    /* <switchport-conf><switchport>false: routed, no spanning tree. */
    p = port(&sw, "GigabitEthernet1/0/5");
    assert_fact(&p->facts.stp_enabled, 0);
    /* <mode><dynamic>desirable: towards a server, an access port in VLAN 1. */
    p = port(&sw, "GigabitEthernet1/0/6");
    assert_fact(&p->facts.trunk, 0);
    assert_fact(&p->facts.access_vlan, 1);
    /* Children in the native namespace (early 16.x): read too. */
    assert_fact(&port(&sw, "GigabitEthernet1/0/7")->facts.access_vlan, 200);
    pr_switch_free(&sw);
}

/* ---- port channels ---- */

static void test_channel_group_and_standalone(void **state)
{
    (void)state;
    struct pr_switch sw;
    read_xml("channel.xml", &sw);
    /* Port-channels are not ports. */
    assert_int_equal(sw.n_ports, 4);
    /* channel-group 1 mode active; Port-channel1 <port-channel>
     * <standalone-disable/>: members without a partner are suspended. */
    struct pr_port *p = port(&sw, "GigabitEthernet1/0/1");
    assert_fact(&p->facts.lacp_member, 1);
    assert_fact(&p->facts.lacp_fallback, 0);
    assert_evidence(&p->facts.lacp_fallback,
                    "interface Port-channel1: port-channel standalone-disable");
    rules_judge_port(&sw, p);
    assert_true(has_finding(p, PR_F_LACP_NO_FALLBACK));
    /* mode passive; Port-channel2 without the leaf: the `no` form. */
    p = port(&sw, "GigabitEthernet1/0/2");
    assert_fact(&p->facts.lacp_member, 1);
    assert_fact(&p->facts.lacp_fallback, 1);
    assert_evidence(&p->facts.lacp_fallback,
                    "interface Port-channel2: no port-channel standalone-disable");
    /* mode on: a static bundle, no LACP. */
    p = port(&sw, "GigabitEthernet1/0/3");
    assert_fact(&p->facts.lacp_member, 0);
    /* channel-group 4 with no Port-channel4 in the document: the IOS-XE
     * default (standalone-disable on). */
    p = port(&sw, "GigabitEthernet1/0/4");
    assert_fact(&p->facts.lacp_fallback, 0);
    if (strstr(p->facts.lacp_fallback.evidence, "IOS-XE default") == NULL)
        fail_msg("evidence: %s", p->facts.lacp_fallback.evidence);
    pr_switch_free(&sw);
}

/* ---- speed, duplex, negotiation ---- */

static void test_speed_duplex_negotiation(void **state)
{
    (void)state;
    struct pr_switch sw;
    read_xml("speed.xml", &sw);
    /* <speed><value-1000/></speed><duplex>full</duplex>: fixed. */
    struct pr_port *p = port(&sw, "GigabitEthernet1/0/1");
    assert_fact(&p->facts.speed_mbps, 1000);
    assert_fact(&p->facts.autoneg, 0);
    assert_evidence(&p->facts.autoneg, "interface GigabitEthernet1/0/1: speed 1000, duplex full");
    /* <value-100/> without a duplex: still negotiated. */
    p = port(&sw, "GigabitEthernet1/0/2");
    assert_fact(&p->facts.speed_mbps, 100);
    assert_fact(&p->facts.autoneg, 1);
    /* <auto/> */
    assert_fact(&port(&sw, "GigabitEthernet1/0/3")->facts.autoneg, 1);
    /* <nonegotiate/> */
    assert_fact(&port(&sw, "GigabitEthernet1/0/4")->facts.autoneg, 0);
    /* Older releases: <speed>1000</speed> */
    p = port(&sw, "GigabitEthernet1/0/5");
    assert_fact(&p->facts.speed_mbps, 1000);
    assert_fact(&p->facts.autoneg, 0);
    /* <negotiation><auto>false</auto> / true */
    assert_fact(&port(&sw, "TenGigabitEthernet1/1/1")->facts.autoneg, 0);
    p = port(&sw, "TenGigabitEthernet1/1/2");
    assert_fact(&p->facts.autoneg, 1);
    assert_evidence(&p->facts.autoneg, "interface TenGigabitEthernet1/1/2: negotiation auto");
    /* <value-25000/>: fixed from 10G on. */
    p = port(&sw, "TwentyFiveGigE1/0/1");
    assert_fact(&p->facts.speed_mbps, 25000);
    assert_fact(&p->facts.autoneg, 0);
    assert_fact(&p->facts.speed_capability_mbps, 25000);
    pr_switch_free(&sw);
}

/* ---- interface types, admin state, version ---- */

static void test_interfaces_types_shutdown_version(void **state)
{
    (void)state;
    struct pr_switch sw;
    read_xml("interfaces.xml", &sw);
    /* Front-panel ports only: not AppGigabitEthernet1/0/1 (app hosting),
     * Loopback0, Vlan100, Port-channel7, nor the <GigabitEthernet> in
     * another namespace. */
    static const char *const names[] = {
        "GigabitEthernet0/0",        "GigabitEthernet1/0/1",    "TwoGigabitEthernet1/0/2",
        "FiveGigabitEthernet1/0/3",  "TenGigabitEthernet1/1/1", "TwentyFiveGigE1/1/2",
        "FortyGigabitEthernet1/1/3", "HundredGigE1/1/4",
    };
    assert_int_equal(sw.n_ports, sizeof names / sizeof names[0]);
    for (size_t i = 0; i < sw.n_ports; i++)
        assert_string_equal(sw.ports[i].name, names[i]);
    /* <shutdown/> */
    struct pr_port *p = port(&sw, "GigabitEthernet0/0");
    assert_fact(&p->facts.admin_status, PR_IF_DOWN);
    assert_evidence(&p->facts.admin_status, "interface GigabitEthernet0/0: shutdown");
    /* No <shutdown/>: enabled; <mtu>, <load-interval> are ignored. */
    p = port(&sw, "GigabitEthernet1/0/1");
    assert_fact(&p->facts.admin_status, PR_IF_UP);
    assert_fact(&port(&sw, "HundredGigE1/1/4")->facts.speed_capability_mbps, 100000);
    /* <version>17.9</version>, no <mode>: the IOS-XE default, Rapid PVST+. */
    assert_fact(&sw.stp.mode, PR_MODE_RAPID_PVST);
    assert_evidence(&sw.stp.mode, "no spanning-tree mode statement: Rapid PVST+ is the IOS-XE "
                                  "17.9 default (Catalyst 9000)");
    assert_int_equal(ios_switch_platform(&sw), IOS_PLATFORM_IOS_XE);
    /* The description is the port's, as ifAlias would be. */
    assert_string_equal(port(&sw, "GigabitEthernet1/0/1")->alias, "srv12-01 & its  BMC");
    assert_string_equal(port(&sw, "TwoGigabitEthernet1/0/2")->alias, "");
    pr_switch_free(&sw);

    /* The description (with its escaped '&' and a newline) stays on one
     * line of the text. */
    char *text = cli_of("interfaces.xml");
    assert_non_null(strstr(text, "version 17.9\n"));
    assert_non_null(strstr(text, "interface GigabitEthernet1/0/1\n"
                                 " description srv12-01 & its  BMC\n!\n"));
    assert_null(strstr(text, "Loopback"));
    assert_null(strstr(text, "9/9/9"));
    free(text);
}

static void test_namespaces(void **state)
{
    (void)state;
    struct pr_switch sw;
    read_xml("namespaces.xml", &sw);
    /* Global <spanning-tree><mode>mst</mode> with the child in the native
     * namespace: read. */
    assert_fact(&sw.stp.mode, PR_MODE_MSTP);
    /* 1/0/1: <spanning-tree> and <channel-group> in foreign namespaces:
     * ignored, so not edge and not a member. */
    struct pr_port *p = port(&sw, "GigabitEthernet1/0/1");
    assert_fact(&p->facts.edge, PR_EDGE_NO);
    assert_fact(&p->facts.lacp_member, 0);
    /* 1/0/2: the same in the native namespace: read. */
    p = port(&sw, "GigabitEthernet1/0/2");
    assert_fact(&p->facts.edge, PR_EDGE_YES);
    assert_fact(&p->facts.lacp_member, 1);
    /* 1/0/3: <portfast> itself in a foreign namespace: ignored. */
    assert_fact(&port(&sw, "GigabitEthernet1/0/3")->facts.edge, PR_EDGE_NO);
    pr_switch_free(&sw);
}

/* ---- errors ---- */

static void xml_error(const char *xml, enum pr_error_code code, const char *expect_in_msg)
{
    struct pr_switch sw;
    pr_switch_init(&sw, "sw", "bad.xml");
    struct pr_error err = {0};
    assert_int_equal(iosxe_xml_read(xml, strlen(xml), "bad.xml", &sw, &err), -1);
    assert_int_equal(err.code, code);
    if (strstr(err.msg, expect_in_msg) == NULL)
        fail_msg("error \"%s\" lacks \"%s\"", err.msg, expect_in_msg);
    assert_int_equal(sw.n_ports, 0);
    pr_switch_free(&sw);
}

#define NATIVE   "<native xmlns=\"" IOSXE_NS_NATIVE "\">"
#define GI(body) NATIVE "<interface>\n<GigabitEthernet><name>1/0/1</name>" body

static void test_errors(void **state)
{
    (void)state;
    xml_error(GI("<switchport-config><switchport><access xmlns=\"" IOSXE_NS_SWITCH "\"><vlan>\n"
                 "<vlan>5000</vlan></vlan></access></switchport></switchport-config>"
                 "</GigabitEthernet></interface></native>"),
              PR_ERR_INPUT,
              "bad.xml:3: interface GigabitEthernet1/0/1: <vlan> \"5000\": not a VLAN number "
              "(1-4094)");
    xml_error(NATIVE "<spanning-tree><mode xmlns=\"" IOSXE_NS_STP "\">stp</mode>"
                     "</spanning-tree></native>",
              PR_ERR_INPUT,
              "spanning-tree: <mode> \"stp\": not a spanning-tree mode (pvst, rapid-pvst, mst)");
    xml_error(GI("<channel-group xmlns=\"" IOSXE_NS_ETHERNET "\"><number>1</number>"
                 "<mode>lacp</mode></channel-group></GigabitEthernet></interface></native>"),
              PR_ERR_INPUT, "<mode> \"lacp\": not a channel-group mode");
    xml_error(GI("<channel-group xmlns=\"" IOSXE_NS_ETHERNET "\"><mode>active</mode>"
                 "</channel-group></GigabitEthernet></interface></native>"),
              PR_ERR_INPUT, "a channel-group without a <number>");
    xml_error(GI("<negotiation xmlns=\"" IOSXE_NS_ETHERNET "\"><auto>yes</auto>"
                 "</negotiation></GigabitEthernet></interface></native>"),
              PR_ERR_INPUT, "<auto> \"yes\": not a boolean");
    xml_error(GI("<speed xmlns=\"" IOSXE_NS_ETHERNET "\"><value-fast/></speed>"
                 "</GigabitEthernet></interface></native>"),
              PR_ERR_INPUT, "<speed> \"value-fast\": not a speed");
    /* A name that would break the statement's line. */
    xml_error(NATIVE "<interface><GigabitEthernet><name>1/0/1\n shutdown</name>"
                     "</GigabitEthernet></interface></native>",
              PR_ERR_INPUT,
              "interface GigabitEthernet: <name> \"1/0/1  shutdown\": not an "
              "interface number");
    xml_error("<configuration xmlns=\"http://xml.juniper.net/xnm/1.1/xnm\"/>", PR_ERR_UNSUPPORTED,
              "bad.xml: not an IOS-XE native configuration (root "
              "<configuration>");
    xml_error("<data xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"/>", PR_ERR_UNSUPPORTED,
              "not an IOS-XE native configuration");
    xml_error(NATIVE "<interface>", PR_ERR_INPUT, "bad.xml: XML: line 1");
    xml_error("<!DOCTYPE native [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" NATIVE
              "<hostname>&x;</hostname></native>",
              PR_ERR_INPUT, "DOCTYPE");
}

/* ---- one configuration, two forms ---- */

static void strip_line_refs(char *s)
{
    char *p;
    while ((p = strstr(s, " (line ")) != NULL) {
        char *close = strchr(p, ')');
        if (close == NULL)
            return;
        memmove(p, close + 1, strlen(close + 1) + 1);
    }
}

static void assert_same_fact(const char *where, const struct pr_fact *a, const struct pr_fact *b)
{
    char ea[PR_EVIDENCE_MAX], eb[PR_EVIDENCE_MAX];
    memcpy(ea, a->evidence, sizeof ea);
    memcpy(eb, b->evidence, sizeof eb);
    strip_line_refs(eb);
    if (a->known != b->known || a->value != b->value || strcmp(ea, eb) != 0)
        fail_msg("%s: XML %d/%lld \"%s\" vs CLI %d/%lld \"%s\"", where, a->known,
                 (long long)a->value, ea, b->known, (long long)b->value, eb);
}

static const size_t fact_offsets[] = {
    offsetof(struct pr_port_facts, admin_status),
    offsetof(struct pr_port_facts, oper_status),
    offsetof(struct pr_port_facts, stp_state),
    offsetof(struct pr_port_facts, edge),
    offsetof(struct pr_port_facts, lacp_member),
    offsetof(struct pr_port_facts, lacp_fallback),
    offsetof(struct pr_port_facts, autoneg),
    offsetof(struct pr_port_facts, speed_mbps),
    offsetof(struct pr_port_facts, access_vlan),
    offsetof(struct pr_port_facts, err_disabled),
    offsetof(struct pr_port_facts, bpdu_guard),
    offsetof(struct pr_port_facts, stp_enabled),
    offsetof(struct pr_port_facts, oper_edge),
    offsetof(struct pr_port_facts, trunk),
    offsetof(struct pr_port_facts, edge_applies_on_trunk),
    offsetof(struct pr_port_facts, speed_capability_mbps),
    offsetof(struct pr_port_facts, stp_mode),
};

static const struct pr_fact *fact_at(const struct pr_port *p, size_t offset)
{
    return (const struct pr_fact *)((const char *)&p->facts + offset);
}

static void read_cli(const char *name, struct pr_switch *sw)
{
    size_t len;
    char *text = slurp(name, &len);
    pr_switch_init(sw, "sw", name);
    struct pr_error err = {0};
    if (ios_config_read(text, len, name, sw, &err) != 0)
        fail_msg("ios_config_read %s: %s", name, err.msg);
    free(text);
}

/* rack.xml and rack.cli hold one configuration: every fact of every port
 * and of the switch is the same, evidence included (but for the CLI's
 * line numbers); so are the verdicts and findings. */
static void test_same_model(void **state)
{
    (void)state;
    struct pr_switch x, c;
    read_xml("rack.xml", &x);
    read_cli("rack.cli", &c);
    assert_int_equal(x.n_ports, 10);
    assert_int_equal(x.n_ports, c.n_ports);
    assert_same_fact("stp mode", &x.stp.mode, &c.stp.mode);
    assert_same_fact("forward delay", &x.stp.forward_delay_s, &c.stp.forward_delay_s);
    assert_same_fact("max age", &x.stp.max_age_s, &c.stp.max_age_s);
    for (size_t i = 0; i < x.n_ports; i++) {
        struct pr_port *a = &x.ports[i], *b = &c.ports[i];
        assert_string_equal(a->name, b->name);
        for (size_t k = 0; k < sizeof fact_offsets / sizeof fact_offsets[0]; k++) {
            char where[128];
            snprintf(where, sizeof where, "%s fact #%zu", a->name, k);
            assert_same_fact(where, fact_at(a, fact_offsets[k]), fact_at(b, fact_offsets[k]));
        }
        a->expect_vlan = b->expect_vlan = 100;
        rules_judge_port(&x, a);
        rules_judge_port(&c, b);
        assert_int_equal(a->verdict, b->verdict);
        assert_int_equal(a->n_findings, b->n_findings);
        for (size_t k = 0; k < a->n_findings; k++) {
            assert_int_equal(a->findings[k].id, b->findings[k].id);
            char fa[PR_FIX_MAX], fb[PR_FIX_MAX];
            ios_snippet(&x, a, &a->findings[k], fa, sizeof fa);
            ios_snippet(&c, b, &b->findings[k], fb, sizeof fb);
            assert_string_equal(fa, fb);
        }
    }
    pr_switch_free(&x);
    pr_switch_free(&c);
}

/* ---- merge and re-judge ---- */

/* Each finding of each port read from rack.xml, its snippet merged into
 * cli (the same configuration as text) and read again: the finding is
 * gone. Returns how many findings were proven. */
static unsigned rejudge(const char *cli, size_t cli_len, unsigned *per_id)
{
    struct pr_switch sw;
    read_xml("rack.xml", &sw);
    unsigned proven = 0;
    for (size_t i = 0; i < sw.n_ports; i++) {
        struct pr_port *p = &sw.ports[i];
        p->expect_vlan = 100;
        rules_judge_port(&sw, p);
        for (size_t k = 0; k < p->n_findings; k++) {
            const struct pr_finding *f = &p->findings[k];
            char fix[PR_FIX_MAX];
            ios_snippet(&sw, p, f, fix, sizeof fix);
            if (fix[0] == '\0' || fix[0] == '!')
                fail_msg("%s %s: no configuration fix", p->name, pr_finding_id_name(f->id));
            char *merged;
            size_t merged_len;
            struct pr_error err = {0};
            if (ios_config_merge(cli, cli_len, fix, &merged, &merged_len, &err) != 0)
                fail_msg("merge: %s", err.msg);
            struct pr_switch again;
            pr_switch_init(&again, "sw", "merged");
            if (ios_config_read(merged, merged_len, "merged", &again, &err) != 0)
                fail_msg("after merging \"%s\": %s", fix, err.msg);
            struct pr_port *q = pr_switch_find_name(&again, p->name);
            assert_non_null(q);
            q->expect_vlan = 100;
            rules_judge_port(&again, q);
            if (has_finding(q, f->id))
                fail_msg("%s: %s still there after merging\n%s", p->name, pr_finding_id_name(f->id),
                         fix);
            proven++;
            per_id[f->id]++;
            pr_switch_free(&again);
            free(merged);
        }
    }
    pr_switch_free(&sw);
    return proven;
}

static void test_merge_and_rejudge(void **state)
{
    (void)state;
    unsigned per_id[PR_F_COUNT] = {0};
    /* Into the hand-written twin. */
    size_t len;
    char *cli = slurp("rack.cli", &len);
    unsigned proven = rejudge(cli, len, per_id);
    free(cli);
    /* Into the text the reader makes of the XML itself. */
    size_t xml_len, text_len;
    char *xml = slurp("rack.xml", &xml_len);
    char *text;
    struct pr_error err = {0};
    assert_int_equal(iosxe_xml_to_cli(xml, xml_len, "rack.xml", &text, &text_len, &err), 0);
    assert_int_equal(rejudge(text, text_len, per_id), proven);
    free(text);
    free(xml);
    /* rack.xml, by hand: Gi1/0/2 no portfast (stp-not-edge), Gi1/0/3
     * portfast edge on a trunk (portfast-trunk-missing), Gi1/0/5 shutdown
     * (admin-down), Gi1/0/6 in Port-channel10 with <standalone-disable/>
     * (lacp-no-fallback), Gi1/0/6 and Gi1/0/7 not edge from their
     * Port-channel10 and 11, which have no portfast (their own portfast
     * edge does not act in a channel; stp-not-edge, fixed on the channel),
     * Gi1/0/8 VLAN 200 (vlan-mismatch), Gi1/0/9 no bpduguard
     * (bpdu-guard-off), and the nine Gigabit ports without a speed
     * (autoneg-on): 17 findings, twice. */
    assert_int_equal(proven, 17);
    assert_int_equal(per_id[PR_F_STP_NOT_EDGE], 6);
    assert_int_equal(per_id[PR_F_PORTFAST_TRUNK_MISSING], 2);
    assert_int_equal(per_id[PR_F_ADMIN_DOWN], 2);
    assert_int_equal(per_id[PR_F_LACP_NO_FALLBACK], 2);
    assert_int_equal(per_id[PR_F_VLAN_MISMATCH], 2);
    assert_int_equal(per_id[PR_F_BPDU_GUARD_OFF], 2);
    assert_int_equal(per_id[PR_F_AUTONEG_ON], 18);
}

/* ---- the driver ---- */

static void test_driver_takes_native_xml(void **state)
{
    (void)state;
    size_t len;
    char *xml = slurp("rack.xml", &len);
    /* Chosen from the text alone (no SNMP), as after a NETCONF fetch. */
    const struct pr_driver *drv = pr_driver_choose(NULL, NULL, xml, len);
    assert_string_equal(drv->name, "cisco");
    struct pr_switch sw;
    pr_switch_init(&sw, "sw", "127.0.0.1");
    struct pr_config_text config = {
        .text = xml, .len = len, .origin = "netconf 127.0.0.1", .kind = "netconf"};
    struct pr_error err = {0};
    assert_int_equal(drv->read_config(&config, &sw, &err), 0);
    assert_int_equal(sw.n_ports, 10);
    assert_int_equal(sw.n_sources, 1);
    assert_string_equal(sw.sources[0], "netconf");
    /* The snippet comes from the model left in the switch: IOS-XE syntax. */
    struct pr_port *p = port(&sw, "GigabitEthernet1/0/6");
    rules_judge_port(&sw, p);
    assert_true(has_finding(p, PR_F_LACP_NO_FALLBACK));
    char fix[PR_FIX_MAX];
    for (size_t k = 0; k < p->n_findings; k++) {
        if (p->findings[k].id == PR_F_LACP_NO_FALLBACK)
            drv->snippet(&sw, p, &p->findings[k], fix, sizeof fix);
    }
    assert_string_equal(fix, "interface Port-channel10\n no port-channel standalone-disable");
    pr_switch_free(&sw);
    free(xml);

    /* XML that is not the native model is not Cisco's. */
    const char *junos = "<configuration xmlns=\"http://xml.juniper.net/xnm/1.1/xnm\"/>";
    assert_int_equal(pr_driver_cisco.match(NULL, NULL, junos, strlen(junos)), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_portfast),
        cmocka_unit_test(test_bpduguard),
        cmocka_unit_test(test_global_pvst_defaults_timers),
        cmocka_unit_test(test_global_mst_in_data),
        cmocka_unit_test(test_switchport),
        cmocka_unit_test(test_channel_group_and_standalone),
        cmocka_unit_test(test_speed_duplex_negotiation),
        cmocka_unit_test(test_interfaces_types_shutdown_version),
        cmocka_unit_test(test_namespaces),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_same_model),
        cmocka_unit_test(test_merge_and_rejudge),
        cmocka_unit_test(test_driver_takes_native_xml),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
