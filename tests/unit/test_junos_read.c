/* SPDX-License-Identifier: BSD-3-Clause */
/* The Junos interpreter, one construct at a time, on small configurations
 * written for the test (in all three formats where the reader differs). */
#include "junos_test_util.h"

#include "driver.h"
#include "juniper/junos_read.h"
#include "juniper/junos_snippet.h"

#define XML_HEAD "<rpc-reply><configuration xmlns=\"http://xml.juniper.net/xnm/1.1/xnm\">"
#define XML_TAIL "</configuration></rpc-reply>"

typedef void (*check_fn)(struct pr_switch *sw);

/* Runs check on the same configuration given in each form. */
static void three(const char *curly, const char *set, const char *xml, check_fn check)
{
    const char *texts[] = {curly, set, xml};
    for (size_t i = 0; i < 3; i++) {
        if (texts[i] == NULL)
            continue;
        struct pr_switch sw;
        jt_load(&sw, texts[i]);
        check(&sw);
        pr_switch_free(&sw);
    }
}

/* --- edge ---------------------------------------------------------------- */

static void check_edge(struct pr_switch *sw)
{
    jt_fact(&sw->stp.mode, PR_MODE_RSTP);
    jt_fact(&jt_port(sw, "ge-0/0/1")->facts.edge, PR_EDGE_YES);
    jt_evidence(&jt_port(sw, "ge-0/0/1")->facts.edge, "protocols rstp interface ge-0/0/1 edge");
    /* ge-0/0/2 is named in rstp without edge: not edge. */
    jt_fact(&jt_port(sw, "ge-0/0/2")->facts.edge, PR_EDGE_NO);
    /* ge-0/0/3 is named with .0, as older configurations do. */
    jt_fact(&jt_port(sw, "ge-0/0/3")->facts.edge, PR_EDGE_YES);
    jt_fact(&jt_port(sw, "ge-0/0/3")->facts.stp_enabled, 1);
}

static void test_edge(void **state)
{
    (void)state;
    three("interfaces { ge-0/0/1 { unit 0 { family ethernet-switching; } }\n"
          " ge-0/0/2 { unit 0 { family ethernet-switching; } }\n"
          " ge-0/0/3 { unit 0 { family ethernet-switching; } } }\n"
          "protocols { rstp { interface ge-0/0/1 { edge; } interface ge-0/0/2;\n"
          "  interface ge-0/0/3.0 { edge; } } }\n",
          "set interfaces ge-0/0/1 unit 0 family ethernet-switching\n"
          "set interfaces ge-0/0/2 unit 0 family ethernet-switching\n"
          "set interfaces ge-0/0/3 unit 0 family ethernet-switching\n"
          "set protocols rstp interface ge-0/0/1 edge\n"
          "set protocols rstp interface ge-0/0/2\n"
          "set protocols rstp interface ge-0/0/3.0 edge\n",
          XML_HEAD
          "<interfaces>"
          "<interface><name>ge-0/0/1</name><unit><name>0</name><family>"
          "<ethernet-switching/></family></unit></interface>"
          "<interface><name>ge-0/0/2</name><unit><name>0</name><family>"
          "<ethernet-switching/></family></unit></interface>"
          "<interface><name>ge-0/0/3</name><unit><name>0</name><family>"
          "<ethernet-switching/></family></unit></interface></interfaces>"
          "<protocols><rstp><interface><name>ge-0/0/1</name><edge/></interface>"
          "<interface><name>ge-0/0/2</name></interface>"
          "<interface><name>ge-0/0/3.0</name><edge/></interface></rstp></protocols>" XML_TAIL,
          check_edge);
}

static void check_all_edge(struct pr_switch *sw)
{
    jt_fact(&sw->stp.mode, PR_MODE_MSTP);
    /* interface all edge covers ge-0/0/1... */
    jt_fact(&jt_port(sw, "ge-0/0/1")->facts.edge, PR_EDGE_YES);
    jt_evidence(&jt_port(sw, "ge-0/0/1")->facts.edge, "interface all edge");
    /* ...but ge-0/0/2's own statement (no edge) is more specific. */
    jt_fact(&jt_port(sw, "ge-0/0/2")->facts.edge, PR_EDGE_NO);
    /* ge-0/0/4: interface ... disable takes it out of spanning tree. */
    jt_fact(&jt_port(sw, "ge-0/0/4")->facts.stp_enabled, 0);
}

static void test_interface_all_mstp(void **state)
{
    (void)state;
    three("interfaces { ge-0/0/1 { unit 0 { family ethernet-switching; } }\n"
          " ge-0/0/2 { unit 0 { family ethernet-switching; } }\n"
          " ge-0/0/4 { unit 0 { family ethernet-switching; } } }\n"
          "protocols { mstp { interface all { edge; } interface ge-0/0/2 { cost 100; }\n"
          "  interface ge-0/0/4 { disable; } } }\n",
          "set interfaces ge-0/0/1 unit 0 family ethernet-switching\n"
          "set interfaces ge-0/0/2 unit 0 family ethernet-switching\n"
          "set interfaces ge-0/0/4 unit 0 family ethernet-switching\n"
          "set protocols mstp interface all edge\n"
          "set protocols mstp interface ge-0/0/2 cost 100\n"
          "set protocols mstp interface ge-0/0/4 disable\n",
          NULL, check_all_edge);
}

static void test_vstp_vlan_edge(void **state)
{
    (void)state;
    struct pr_switch sw;
    jt_load(&sw, "set interfaces ge-0/0/1 unit 0 family ethernet-switching vlan members 10\n"
                 "set protocols vstp vlan 10 interface ge-0/0/1 edge\n");
    jt_fact(&sw.stp.mode, PR_MODE_VSTP);
    jt_fact(&jt_port(&sw, "ge-0/0/1")->facts.edge, PR_EDGE_YES);
    pr_switch_free(&sw);
}

/* --- legacy STP and defaults ---------------------------------------------- */

static void check_legacy(struct pr_switch *sw)
{
    jt_fact(&sw->stp.mode, PR_MODE_STP);
    struct pr_port *p = jt_port(sw, "ge-0/0/1");
    /* edge is configured, but Junos ignores it under legacy STP. */
    jt_fact(&p->facts.edge, PR_EDGE_NO);
    jt_evidence(&p->facts.edge, "ignores edge");
    rules_judge_port(sw, p);
    assert_true(jt_has_finding(p, PR_F_STP_NOT_EDGE));
    assert_true(jt_has_finding(p, PR_F_STP_LEGACY_MODE));
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
}

static void test_legacy_stp(void **state)
{
    (void)state;
    three("interfaces { ge-0/0/1 { unit 0 { family ethernet-switching; } } }\n"
          "protocols { stp { interface ge-0/0/1 { edge; } } }\n",
          "set interfaces ge-0/0/1 unit 0 family ethernet-switching\n"
          "set protocols stp interface ge-0/0/1 edge\n",
          XML_HEAD "<interfaces><interface><name>ge-0/0/1</name><unit><name>0</name><family>"
                   "<ethernet-switching/></family></unit></interface></interfaces>"
                   "<protocols><stp><interface><name>ge-0/0/1</name><edge/></interface>"
                   "</stp></protocols>" XML_TAIL,
          check_legacy);
    three("interfaces { ge-0/0/1 { unit 0 { family ethernet-switching; } } }\n"
          "protocols { rstp { force-version stp; interface ge-0/0/1 { edge; } } }\n",
          "set interfaces ge-0/0/1 unit 0 family ethernet-switching\n"
          "set protocols rstp force-version stp\n"
          "set protocols rstp interface ge-0/0/1 edge\n",
          NULL, check_legacy);
}

static void test_default_rstp_non_els(void **state)
{
    (void)state;
    struct pr_switch sw;
    /* port-mode marks the older (non-ELS) EX style; no protocols at all. */
    jt_load(&sw, "interfaces { ge-0/0/1 { unit 0 { family ethernet-switching { port-mode access; "
                 "} } } }\n");
    jt_fact(&sw.stp.mode, PR_MODE_RSTP);
    jt_evidence(&sw.stp.mode, "(default) EX switches run RSTP");
    jt_fact(&sw.stp.forward_delay_s, 15);
    jt_fact(&jt_port(&sw, "ge-0/0/1")->facts.edge, PR_EDGE_NO);
    jt_evidence(&jt_port(&sw, "ge-0/0/1")->facts.edge, "(default)");
    pr_switch_free(&sw);
}

static void test_no_stp_els_unknown(void **state)
{
    (void)state;
    struct pr_switch sw;
    /* interface-mode marks ELS: without a spanning-tree statement the mode
     * stays unknown and so does the verdict. */
    jt_load(&sw, "interfaces { ge-0/0/1 { unit 0 { family ethernet-switching { interface-mode "
                 "access; } } } }\n");
    jt_unknown(&sw.stp.mode);
    struct pr_port *p = jt_port(&sw, "ge-0/0/1");
    jt_unknown(&p->facts.edge);
    rules_judge_port(&sw, p);
    assert_int_equal(p->verdict, PR_VERDICT_UNKNOWN);
    pr_switch_free(&sw);
}

static void test_rstp_disable_and_timers(void **state)
{
    (void)state;
    struct pr_switch sw;
    jt_load(&sw, "set interfaces ge-0/0/1 unit 0 family ethernet-switching\n"
                 "set protocols rstp forward-delay 10\n"
                 "set protocols rstp max-age 12\n"
                 "set protocols rstp bridge-priority 8k\n");
    jt_fact(&sw.stp.forward_delay_s, 10);
    jt_fact(&sw.stp.max_age_s, 12);
    pr_switch_free(&sw);
    jt_load(&sw, "set interfaces ge-0/0/1 unit 0 family ethernet-switching\n"
                 "set protocols rstp disable\n");
    jt_fact(&sw.stp.mode, PR_MODE_OFF);
    jt_fact(&jt_port(&sw, "ge-0/0/1")->facts.stp_enabled, 0);
    pr_switch_free(&sw);
}

/* --- interface ranges and groups ----------------------------------------- */

static void check_ranges(struct pr_switch *sw)
{
    /* member-range ge-0/0/0 to ge-0/0/3 creates the four ports. */
    for (int i = 0; i < 4; i++) {
        char name[16];
        snprintf(name, sizeof name, "ge-0/0/%d", i);
        jt_fact(&jt_port(sw, name)->facts.edge, PR_EDGE_YES);
        jt_fact(&jt_port(sw, name)->facts.access_vlan, 100);
    }
    /* member ge-0/0/9 of range down: disabled. */
    jt_fact(&jt_port(sw, "ge-0/0/9")->facts.admin_status, PR_IF_DOWN);
    /* ge-0/0/6 is matched by the wildcard member "ge-0/0/[5-7]" and
     * configured itself: the range adds edge through rstp... */
    jt_fact(&jt_port(sw, "ge-0/0/6")->facts.edge, PR_EDGE_YES);
    /* ...and its own vlan members 200 wins over the range's. */
    jt_fact(&jt_port(sw, "ge-0/0/6")->facts.access_vlan, 200);
    /* ge-0/0/8 is in no range: not edge. */
    jt_fact(&jt_port(sw, "ge-0/0/8")->facts.edge, PR_EDGE_NO);
    assert_null(pr_switch_find_name(sw, "ge-0/0/4"));
}

static void test_interface_range(void **state)
{
    (void)state;
    three(
        "interfaces {\n"
        "  interface-range servers { member-range ge-0/0/0 to ge-0/0/3; member \"ge-0/0/[5-7]\";\n"
        "    unit 0 { family ethernet-switching { interface-mode access; vlan { members v100; } "
        "} } }\n"
        "  interface-range down { member ge-0/0/9; disable; }\n"
        "  ge-0/0/6 { unit 0 { family ethernet-switching { vlan { members v200; } } } }\n"
        "  ge-0/0/8 { unit 0 { family ethernet-switching; } }\n"
        "}\n"
        "protocols { rstp { interface servers { edge; } } }\n"
        "vlans { v100 { vlan-id 100; } v200 { vlan-id 200; } }\n",
        "set interfaces interface-range servers member-range ge-0/0/0 to ge-0/0/3\n"
        "set interfaces interface-range servers member \"ge-0/0/[5-7]\"\n"
        "set interfaces interface-range servers unit 0 family ethernet-switching "
        "interface-mode access\n"
        "set interfaces interface-range servers unit 0 family ethernet-switching vlan "
        "members v100\n"
        "set interfaces interface-range down member ge-0/0/9\n"
        "set interfaces interface-range down disable\n"
        "set interfaces ge-0/0/6 unit 0 family ethernet-switching vlan members v200\n"
        "set interfaces ge-0/0/8 unit 0 family ethernet-switching\n"
        "set protocols rstp interface servers edge\n"
        "set vlans v100 vlan-id 100\n"
        "set vlans v200 vlan-id 200\n",
        XML_HEAD "<interfaces><interface-range><name>servers</name><member-range>"
                 "<name>ge-0/0/0</name><end-range>ge-0/0/3</end-range></member-range>"
                 "<member><name>ge-0/0/[5-7]</name></member><unit><name>0</name><family>"
                 "<ethernet-switching><interface-mode>access</interface-mode><vlan>"
                 "<members>v100</members></vlan></ethernet-switching></family></unit>"
                 "</interface-range><interface-range><name>down</name><member>"
                 "<name>ge-0/0/9</name></member><disable/></interface-range>"
                 "<interface><name>ge-0/0/6</name><unit><name>0</name><family>"
                 "<ethernet-switching><vlan><members>v200</members></vlan>"
                 "</ethernet-switching></family></unit></interface>"
                 "<interface><name>ge-0/0/8</name><unit><name>0</name><family>"
                 "<ethernet-switching/></family></unit></interface></interfaces>"
                 "<protocols><rstp><interface><name>servers</name><edge/></interface></rstp>"
                 "</protocols><vlans><vlan><name>v100</name><vlan-id>100</vlan-id></vlan>"
                 "<vlan><name>v200</name><vlan-id>200</vlan-id></vlan></vlans>" XML_TAIL,
        check_ranges);
}

static void check_groups(struct pr_switch *sw)
{
    /* <ge-*> in group ACCESS gives every ge port its access VLAN 10... */
    jt_fact(&jt_port(sw, "ge-0/0/1")->facts.access_vlan, 10);
    /* ...but ge-0/0/2's own vlan members 20 wins. */
    jt_fact(&jt_port(sw, "ge-0/0/2")->facts.access_vlan, 20);
    /* ge-0/0/3 says apply-groups-except ACCESS: family only, default VLAN 1. */
    jt_fact(&jt_port(sw, "ge-0/0/3")->facts.access_vlan, 1);
    /* the top-level group EDGE puts rstp interface all edge. */
    jt_fact(&jt_port(sw, "ge-0/0/1")->facts.edge, PR_EDGE_YES);
    /* <ae*> gives ae0 lacp active: xe-0/0/0 is an LACP member. */
    jt_fact(&jt_port(sw, "xe-0/0/0")->facts.lacp_member, 1);
}

static void test_groups(void **state)
{
    (void)state;
    three("groups {\n"
          "  ACCESS { interfaces { <ge-*> { unit 0 { family ethernet-switching { vlan { members "
          "ten; } } } } } }\n"
          "  EDGE { protocols { rstp { interface all { edge; } } } }\n"
          "  AE { interfaces { <ae*> { aggregated-ether-options { lacp { active; } } } } }\n"
          "}\n"
          "apply-groups EDGE;\n"
          "interfaces {\n"
          "  apply-groups [ ACCESS AE ];\n"
          "  ge-0/0/1 { unit 0 { family ethernet-switching; } }\n"
          "  ge-0/0/2 { unit 0 { family ethernet-switching { vlan { members twenty; } } } }\n"
          "  ge-0/0/3 { apply-groups-except ACCESS; unit 0 { family ethernet-switching; } }\n"
          "  xe-0/0/0 { ether-options { 802.3ad ae0; } }\n"
          "  ae0 { unit 0 { family ethernet-switching; } }\n"
          "}\n"
          "protocols { rstp; }\n"
          "vlans { ten { vlan-id 10; } twenty { vlan-id 20; } }\n",
          "set groups ACCESS interfaces <ge-*> unit 0 family ethernet-switching vlan members ten\n"
          "set groups EDGE protocols rstp interface all edge\n"
          "set groups AE interfaces <ae*> aggregated-ether-options lacp active\n"
          "set apply-groups EDGE\n"
          "set interfaces apply-groups [ ACCESS AE ]\n"
          "set interfaces ge-0/0/1 unit 0 family ethernet-switching\n"
          "set interfaces ge-0/0/2 unit 0 family ethernet-switching vlan members twenty\n"
          "set interfaces ge-0/0/3 apply-groups-except ACCESS\n"
          "set interfaces ge-0/0/3 unit 0 family ethernet-switching\n"
          "set interfaces xe-0/0/0 ether-options 802.3ad ae0\n"
          "set interfaces ae0 unit 0 family ethernet-switching\n"
          "set protocols rstp\n"
          "set vlans ten vlan-id 10\n"
          "set vlans twenty vlan-id 20\n",
          NULL, check_groups);
}

static void test_group_wildcard_star(void **state)
{
    (void)state;
    struct pr_switch sw;
    jt_load(&sw, "set groups ALL interfaces <*> ether-options no-auto-negotiation\n"
                 "set interfaces apply-groups ALL\n"
                 "set interfaces ge-0/0/1 ether-options auto-negotiation\n"
                 "set interfaces ge-0/0/2 unit 0 family ethernet-switching\n");
    /* explicit auto-negotiation wins over the group's counterpart. */
    jt_fact(&jt_port(&sw, "ge-0/0/1")->facts.autoneg, 1);
    jt_fact(&jt_port(&sw, "ge-0/0/2")->facts.autoneg, 0);
    pr_switch_free(&sw);
}

/* --- inactive ------------------------------------------------------------ */

static void check_inactive(struct pr_switch *sw)
{
    /* the inactive edge statement reads as absent. */
    jt_fact(&jt_port(sw, "ge-0/0/1")->facts.edge, PR_EDGE_NO);
    /* the inactive 802.3ad leaves ge-0/0/2 outside the bundle. */
    jt_fact(&jt_port(sw, "ge-0/0/2")->facts.lacp_member, 0);
    /* the inactive disable leaves ge-0/0/3 up. */
    jt_fact(&jt_port(sw, "ge-0/0/3")->facts.admin_status, PR_IF_UP);
}

static void test_inactive(void **state)
{
    (void)state;
    three("interfaces {\n"
          "  ge-0/0/1 { unit 0 { family ethernet-switching; } }\n"
          "  ge-0/0/2 { inactive: ether-options { 802.3ad ae0; } unit 0 { family "
          "ethernet-switching; } }\n"
          "  ge-0/0/3 { inactive: disable; unit 0 { family ethernet-switching; } }\n"
          "  ae0 { aggregated-ether-options { lacp { active; } } }\n"
          "}\n"
          "protocols { rstp { interface ge-0/0/1 { inactive: edge; } } }\n",
          "set interfaces ge-0/0/1 unit 0 family ethernet-switching\n"
          "set interfaces ge-0/0/2 ether-options 802.3ad ae0\n"
          "set interfaces ge-0/0/2 unit 0 family ethernet-switching\n"
          "deactivate interfaces ge-0/0/2 ether-options\n"
          "set interfaces ge-0/0/3 disable\n"
          "set interfaces ge-0/0/3 unit 0 family ethernet-switching\n"
          "deactivate interfaces ge-0/0/3 disable\n"
          "set interfaces ae0 aggregated-ether-options lacp active\n"
          "set protocols rstp interface ge-0/0/1 edge\n"
          "deactivate protocols rstp interface ge-0/0/1 edge\n",
          XML_HEAD "<interfaces><interface><name>ge-0/0/1</name><unit><name>0</name><family>"
                   "<ethernet-switching/></family></unit></interface>"
                   "<interface><name>ge-0/0/2</name><ether-options inactive=\"inactive\">"
                   "<ieee-802.3ad><bundle>ae0</bundle></ieee-802.3ad></ether-options>"
                   "<unit><name>0</name><family><ethernet-switching/></family></unit></interface>"
                   "<interface><name>ge-0/0/3</name><disable inactive=\"inactive\"/>"
                   "<unit><name>0</name><family><ethernet-switching/></family></unit></interface>"
                   "<interface><name>ae0</name><aggregated-ether-options><lacp><active/></lacp>"
                   "</aggregated-ether-options></interface></interfaces>"
                   "<protocols><rstp><interface><name>ge-0/0/1</name>"
                   "<edge inactive=\"inactive\"/></interface></rstp></protocols>" XML_TAIL,
          check_inactive);
}

static void test_activate_and_delete_in_order(void **state)
{
    (void)state;
    struct pr_switch sw;
    jt_load(&sw, "set interfaces ge-0/0/1 unit 0 family ethernet-switching\n"
                 "set interfaces ge-0/0/1 disable\n"
                 "deactivate interfaces ge-0/0/1 disable\n"
                 "activate interfaces ge-0/0/1 disable\n"
                 "set protocols rstp interface ge-0/0/1 edge\n"
                 "delete protocols rstp interface ge-0/0/1\n"
                 "set protocols rstp\n");
    /* activate brought disable back; delete removed the edge statement. */
    jt_fact(&jt_port(&sw, "ge-0/0/1")->facts.admin_status, PR_IF_DOWN);
    jt_fact(&jt_port(&sw, "ge-0/0/1")->facts.edge, PR_EDGE_NO);
    pr_switch_free(&sw);
}

/* --- LACP ---------------------------------------------------------------- */

static void check_lacp(struct pr_switch *sw)
{
    /* ae0 has lacp active, ge-0/0/1 no force-up. */
    jt_fact(&jt_port(sw, "ge-0/0/1")->facts.lacp_member, 1);
    jt_fact(&jt_port(sw, "ge-0/0/1")->facts.lacp_fallback, 0);
    /* ge-0/0/2 has lacp force-up. */
    jt_fact(&jt_port(sw, "ge-0/0/2")->facts.lacp_member, 1);
    jt_fact(&jt_port(sw, "ge-0/0/2")->facts.lacp_fallback, 1);
    /* ae1 has no lacp: a static bundle. */
    jt_fact(&jt_port(sw, "ge-0/0/3")->facts.lacp_member, 0);
    jt_evidence(&jt_port(sw, "ge-0/0/3")->facts.lacp_member, "static bundle");
    /* STP runs on the ae: edge comes from ae0's statement. */
    jt_fact(&jt_port(sw, "ge-0/0/2")->facts.edge, PR_EDGE_YES);
}

static void test_lacp(void **state)
{
    (void)state;
    three("interfaces {\n"
          "  ge-0/0/1 { ether-options { 802.3ad ae0; } }\n"
          "  ge-0/0/2 { ether-options { 802.3ad { lacp { force-up; } bundle ae0; } } }\n"
          "  ge-0/0/3 { ether-options { 802.3ad ae1; } }\n"
          "  ae0 { aggregated-ether-options { lacp { active; } } unit 0 { family "
          "ethernet-switching; } }\n"
          "  ae1 { unit 0 { family ethernet-switching; } }\n"
          "}\n"
          "protocols { rstp { interface ae0 { edge; } } }\n",
          "set interfaces ge-0/0/1 ether-options 802.3ad ae0\n"
          "set interfaces ge-0/0/2 ether-options 802.3ad ae0\n"
          "set interfaces ge-0/0/2 ether-options 802.3ad lacp force-up\n"
          "set interfaces ge-0/0/3 ether-options 802.3ad ae1\n"
          "set interfaces ae0 aggregated-ether-options lacp active\n"
          "set interfaces ae0 unit 0 family ethernet-switching\n"
          "set interfaces ae1 unit 0 family ethernet-switching\n"
          "set protocols rstp interface ae0 edge\n",
          XML_HEAD "<interfaces><interface><name>ge-0/0/1</name><ether-options><ieee-802.3ad>"
                   "<bundle>ae0</bundle></ieee-802.3ad></ether-options></interface>"
                   "<interface><name>ge-0/0/2</name><ether-options><ieee-802.3ad><lacp>"
                   "<force-up/></lacp><bundle>ae0</bundle></ieee-802.3ad></ether-options>"
                   "</interface><interface><name>ge-0/0/3</name><ether-options><ieee-802.3ad>"
                   "<bundle>ae1</bundle></ieee-802.3ad></ether-options></interface>"
                   "<interface><name>ae0</name><aggregated-ether-options><lacp><active/></lacp>"
                   "</aggregated-ether-options><unit><name>0</name><family><ethernet-switching/>"
                   "</family></unit></interface><interface><name>ae1</name><unit><name>0</name>"
                   "<family><ethernet-switching/></family></unit></interface></interfaces>"
                   "<protocols><rstp><interface><name>ae0</name><edge/></interface></rstp>"
                   "</protocols>" XML_TAIL,
          check_lacp);
}

/* --- speed, negotiation, admin ------------------------------------------- */

static void check_phys(struct pr_switch *sw)
{
    struct pr_port *p1 = jt_port(sw, "ge-0/0/1");
    jt_fact(&p1->facts.autoneg, 0);
    jt_fact(&p1->facts.speed_mbps, 100);
    jt_evidence(&p1->facts.speed_mbps, "link-mode full-duplex");
    /* ELS interface-level speed 1g; auto-negotiation explicit. */
    struct pr_port *p2 = jt_port(sw, "ge-0/0/2");
    jt_fact(&p2->facts.speed_mbps, 1000);
    jt_fact(&p2->facts.autoneg, 1);
    jt_fact(&jt_port(sw, "ge-0/0/3")->facts.admin_status, PR_IF_DOWN);
    jt_fact(&jt_port(sw, "ge-0/0/2")->facts.admin_status, PR_IF_UP);
}

static void test_speed_autoneg_disable(void **state)
{
    (void)state;
    three("interfaces {\n"
          "  ge-0/0/1 { link-mode full-duplex; ether-options { no-auto-negotiation; speed { "
          "100m; } } }\n"
          "  ge-0/0/2 { speed 1g; ether-options { auto-negotiation; } }\n"
          "  ge-0/0/3 { disable; }\n"
          "}\n",
          "set interfaces ge-0/0/1 link-mode full-duplex\n"
          "set interfaces ge-0/0/1 ether-options no-auto-negotiation\n"
          "set interfaces ge-0/0/1 ether-options speed 100m\n"
          "set interfaces ge-0/0/2 speed 1g\n"
          "set interfaces ge-0/0/2 ether-options auto-negotiation\n"
          "set interfaces ge-0/0/3 disable\n",
          XML_HEAD "<interfaces><interface><name>ge-0/0/1</name><link-mode>full-duplex"
                   "</link-mode><ether-options><no-auto-negotiation/><speed><ethernet-100m/>"
                   "</speed></ether-options></interface><interface><name>ge-0/0/2</name>"
                   "<speed>1g</speed><ether-options><auto-negotiation/></ether-options>"
                   "</interface><interface><name>ge-0/0/3</name><disable/></interface>"
                   "</interfaces>" XML_TAIL,
          check_phys);
}

/* --- VLANs --------------------------------------------------------------- */

static void check_vlans(struct pr_switch *sw)
{
    /* ELS interface-mode access, vlan members by name. */
    jt_fact(&jt_port(sw, "ge-0/0/1")->facts.access_vlan, 100);
    jt_fact(&jt_port(sw, "ge-0/0/1")->facts.trunk, 0);
    /* members by number. */
    jt_fact(&jt_port(sw, "ge-0/0/2")->facts.access_vlan, 300);
    /* trunk with interface-level native-vlan-id (ELS). */
    jt_fact(&jt_port(sw, "ge-0/0/3")->facts.trunk, 1);
    jt_fact(&jt_port(sw, "ge-0/0/3")->facts.access_vlan, 200);
    /* trunk without native VLAN: unknown, untagged frames dropped. */
    jt_unknown(&jt_port(sw, "ge-0/0/4")->facts.access_vlan);
    /* a name with no vlan-id: unknown. */
    jt_unknown(&jt_port(sw, "ge-0/0/5")->facts.access_vlan);
}

static void test_vlans_els(void **state)
{
    (void)state;
    three("interfaces {\n"
          "  ge-0/0/1 { unit 0 { family ethernet-switching { interface-mode access; vlan { "
          "members servers; } } } }\n"
          "  ge-0/0/2 { unit 0 { family ethernet-switching { vlan { members 300; } } } }\n"
          "  ge-0/0/3 { native-vlan-id 200; unit 0 { family ethernet-switching { interface-mode "
          "trunk; vlan { members [ servers mgmt ]; } } } }\n"
          "  ge-0/0/4 { unit 0 { family ethernet-switching { interface-mode trunk; vlan { members "
          "servers; } } } }\n"
          "  ge-0/0/5 { unit 0 { family ethernet-switching { vlan { members nowhere; } } } }\n"
          "}\n"
          "vlans { servers { vlan-id 100; } mgmt { vlan-id 200; } nowhere; }\n",
          "set interfaces ge-0/0/1 unit 0 family ethernet-switching interface-mode access\n"
          "set interfaces ge-0/0/1 unit 0 family ethernet-switching vlan members servers\n"
          "set interfaces ge-0/0/2 unit 0 family ethernet-switching vlan members 300\n"
          "set interfaces ge-0/0/3 native-vlan-id 200\n"
          "set interfaces ge-0/0/3 unit 0 family ethernet-switching interface-mode trunk\n"
          "set interfaces ge-0/0/3 unit 0 family ethernet-switching vlan members [ servers mgmt "
          "]\n"
          "set interfaces ge-0/0/4 unit 0 family ethernet-switching interface-mode trunk\n"
          "set interfaces ge-0/0/4 unit 0 family ethernet-switching vlan members servers\n"
          "set interfaces ge-0/0/5 unit 0 family ethernet-switching vlan members nowhere\n"
          "set vlans servers vlan-id 100\n"
          "set vlans mgmt vlan-id 200\n"
          "set vlans nowhere\n",
          NULL, check_vlans);
}

static void test_vlans_non_els(void **state)
{
    (void)state;
    struct pr_switch sw;
    jt_load(&sw, "interfaces {\n"
                 "  interface-range cams { member ge-0/0/5; unit 0 { family ethernet-switching; } "
                 "}\n"
                 "  ge-0/0/1 { unit 0 { family ethernet-switching { port-mode access; vlan { "
                 "members office; } } } }\n"
                 "  ge-0/0/2 { unit 0 { family ethernet-switching { port-mode trunk; "
                 "native-vlan-id office; } } }\n"
                 "  ge-0/0/3 { unit 0 { family ethernet-switching; } }\n"
                 "  ge-0/0/4 { unit 0 { family ethernet-switching; } }\n"
                 "}\n"
                 "vlans { office { vlan-id 30; } cameras { vlan-id 40; interface { ge-0/0/3.0; "
                 "cams; } } default { vlan-id 1; } }\n");
    jt_fact(&jt_port(&sw, "ge-0/0/1")->facts.access_vlan, 30);
    /* non-ELS native-vlan-id under family ethernet-switching, by name. */
    jt_fact(&jt_port(&sw, "ge-0/0/2")->facts.access_vlan, 30);
    /* vlans cameras interface ge-0/0/3.0. */
    jt_fact(&jt_port(&sw, "ge-0/0/3")->facts.access_vlan, 40);
    jt_evidence(&jt_port(&sw, "ge-0/0/3")->facts.access_vlan, "vlans cameras interface");
    /* vlans cameras interface cams (an interface-range). */
    jt_fact(&jt_port(&sw, "ge-0/0/5")->facts.access_vlan, 40);
    /* no VLAN anywhere: the default VLAN. */
    jt_fact(&jt_port(&sw, "ge-0/0/4")->facts.access_vlan, 1);
    jt_evidence(&jt_port(&sw, "ge-0/0/4")->facts.access_vlan, "(default)");
    pr_switch_free(&sw);
}

/* --- BPDU protection ----------------------------------------------------- */

static void test_bpdu(void **state)
{
    (void)state;
    struct pr_switch sw;
    jt_load(&sw, "set interfaces ge-0/0/1 unit 0 family ethernet-switching\n"
                 "set interfaces ge-0/0/2 unit 0 family ethernet-switching\n"
                 "set interfaces ge-0/0/3 unit 0 family ethernet-switching\n"
                 "set protocols rstp interface all edge\n"
                 "set protocols rstp bpdu-block-on-edge\n");
    jt_fact(&jt_port(&sw, "ge-0/0/1")->facts.bpdu_guard, 1);
    pr_switch_free(&sw);
    jt_load(&sw, "set interfaces ge-0/0/1 unit 0 family ethernet-switching\n"
                 "set interfaces ge-0/0/2 unit 0 family ethernet-switching\n"
                 "set protocols rstp interface all edge\n"
                 "set protocols layer2-control bpdu-block interface ge-0/0/1\n");
    jt_fact(&jt_port(&sw, "ge-0/0/1")->facts.bpdu_guard, 1);
    jt_fact(&jt_port(&sw, "ge-0/0/2")->facts.bpdu_guard, 0);
    struct pr_port *p = jt_port(&sw, "ge-0/0/2");
    rules_judge_port(&sw, p);
    assert_true(jt_has_finding(p, PR_F_BPDU_GUARD_OFF));
    pr_switch_free(&sw);
}

/* --- text syntax --------------------------------------------------------- */

static void test_curly_syntax(void **state)
{
    (void)state;
    struct pr_switch sw;
    jt_load(&sw, "## Last commit: 2023-04-05 by tech\n"
                 "version 15.1R6.7;\n"
                 "system {\n"
                 "    root-authentication {\n"
                 "        encrypted-password \"<removed>\"; ## SECRET-DATA\n"
                 "    }\n"
                 "}\n"
                 "/* a comment\n spanning lines */\n"
                 "interfaces {\n"
                 "    replace: ge-0/0/1 {\n"
                 "        description \"a ; { quoted } string\";\n"
                 "        unit 0 { family ethernet-switching { vlan { members [ a\n"
                 "            b ]; } } }\n"
                 "    }\n"
                 "    protect: ge-0/0/2 { disable; }\n"
                 "}\n"
                 "vlans { a { vlan-id 5; } b { vlan-id 6; } }\n");
    struct pr_port *p = jt_port(&sw, "ge-0/0/1");
    assert_string_equal(p->alias, "a ; { quoted } string");
    jt_fact(&p->facts.access_vlan, 5);
    jt_fact(&jt_port(&sw, "ge-0/0/2")->facts.admin_status, PR_IF_DOWN);
    pr_switch_free(&sw);
}

static void test_ports_are_physical_only(void **state)
{
    (void)state;
    struct pr_switch sw;
    jt_load(&sw, "set interfaces ae0 unit 0 family ethernet-switching\n"
                 "set interfaces irb unit 10 family inet address 10.0.0.1/24\n"
                 "set interfaces vlan unit 0\n"
                 "set interfaces lo0 unit 0\n"
                 "set interfaces me0 unit 0\n"
                 "set interfaces em0 unit 0\n"
                 "set interfaces vme unit 0\n"
                 "set interfaces xe-0/0/10 unit 0\n"
                 "set interfaces ge-0/0/2 unit 0\n"
                 "set interfaces mge-0/0/1 unit 0\n"
                 "set interfaces et-0/0/48:1 unit 0\n");
    assert_int_equal(sw.n_ports, 4);
    /* natural order: type, then FPC/PIC/port numerically */
    assert_string_equal(sw.ports[0].name, "et-0/0/48:1");
    assert_string_equal(sw.ports[1].name, "ge-0/0/2");
    assert_string_equal(sw.ports[2].name, "mge-0/0/1");
    assert_string_equal(sw.ports[3].name, "xe-0/0/10");
    pr_switch_free(&sw);
}

/* --- errors -------------------------------------------------------------- */

static void expect_error(const char *text, const char *needle)
{
    struct pr_switch sw;
    struct pr_error err = {0};
    pr_switch_init(&sw, "sw", "test");
    assert_int_equal(junos_config_read(text, strlen(text), "cfg.conf", &sw, &err), -1);
    if (strstr(err.msg, needle) == NULL)
        fail_msg("error \"%s\" lacks \"%s\"", err.msg, needle);
    assert_int_equal(err.code, PR_ERR_INPUT);
    pr_switch_free(&sw);
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("interfaces {\n  ge-0/0/1 {\n    disable;\n}\n", "cfg.conf:1: '{' never closed");
    expect_error("interfaces {\n  ge-0/0/1 { disable }\n}\n", "cfg.conf:2: statement not ended");
    expect_error("interfaces { }\n}\n", "cfg.conf:2: '}' without '{'");
    expect_error("interfaces { description \"open\n", "cfg.conf:1: quoted string never closed");
    expect_error("set interfaces ge-0/0/1 disable\nedit interfaces\n",
                 "cfg.conf:2: 'edit' is not a set");
    expect_error("set interfaces ge-0/0/1 disable\nset interfaces {\n",
                 "cfg.conf:2: unexpected brace");
    expect_error("<rpc-reply><configuration>\n<interfaces>\n</configuration>",
                 "cfg.conf: XML: line 3");
    expect_error("<rpc-reply><data/></rpc-reply>", "without a <configuration>");
    expect_error("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "
                 "\"file:///etc/passwd\">]>\n<rpc-reply><configuration><interfaces><interface>"
                 "<name>&x;</name></interface></interfaces></configuration></rpc-reply>",
                 "DOCTYPE; refused");
    expect_error("  \n\n", "empty configuration");
}

/* Elements in a namespace of their own are not Junos configuration: a
 * <disable> and an <edge> of another namespace (before: port down, edge
 * yes), a whole <interfaces> of another namespace (before: a port
 * ge-0/0/9), and a <configuration> of another namespace (before: read). */
static void test_foreign_namespace(void **state)
{
    (void)state;
    struct pr_switch sw;
    jt_load(
        &sw, XML_HEAD
        "<interfaces><interface><name>ge-0/0/1</name>"
        "<disable xmlns=\"urn:example:other\"/>"
        "<unit><name>0</name><family><ethernet-switching/></family></unit></interface>"
        "</interfaces>"
        "<interfaces xmlns=\"urn:example:other\"><interface><name>ge-0/0/9</name>"
        "<unit><name>0</name><family><ethernet-switching/></family></unit></interface>"
        "</interfaces>"
        "<protocols><rstp><interface><name>ge-0/0/1</name>"
        "<edge xmlns=\"http://example.com/ns/other\"/></interface></rstp></protocols>" XML_TAIL);
    assert_int_equal(sw.n_ports, 1);
    jt_fact(&jt_port(&sw, "ge-0/0/1")->facts.admin_status, PR_IF_UP);
    jt_fact(&jt_port(&sw, "ge-0/0/1")->facts.edge, PR_EDGE_NO);
    pr_switch_free(&sw);
    /* The same statements in the NETCONF base namespace <rpc-reply> hands
     * down, and in no namespace, are read. */
    jt_load(&sw, "<rpc-reply xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><data>"
                 "<configuration><interfaces><interface><name>ge-0/0/1</name><disable/>"
                 "<unit><name>0</name><family><ethernet-switching/></family></unit>"
                 "</interface></interfaces></configuration></data></rpc-reply>");
    jt_fact(&jt_port(&sw, "ge-0/0/1")->facts.admin_status, PR_IF_DOWN);
    pr_switch_free(&sw);
    expect_error("<rpc-reply><configuration xmlns=\"urn:example:other\"><interfaces><interface>"
                 "<name>ge-0/0/1</name></interface></interfaces></configuration></rpc-reply>",
                 "without a <configuration>");
}

static void test_detect_format(void **state)
{
    (void)state;
    const char *xml = "\n <rpc-reply/>";
    const char *set = "# comment\nset system host-name a\n";
    const char *curly = "## header\nversion 1;\n";
    assert_int_equal(junos_detect_format(xml, strlen(xml)), JUNOS_FORMAT_XML);
    assert_int_equal(junos_detect_format(set, strlen(set)), JUNOS_FORMAT_SET);
    assert_int_equal(junos_detect_format(curly, strlen(curly)), JUNOS_FORMAT_CURLY);
}

static void test_driver_match(void **state)
{
    (void)state;
    const char *curly = "version 12.3;\ninterfaces {\n}\n";
    const char *set = "set interfaces ge-0/0/1 disable\n";
    const char *cisco = "hostname sw1\ninterface GigabitEthernet1/0/1\n spanning-tree portfast\n";
    assert_true(pr_driver_juniper.match(NULL, NULL, curly, strlen(curly)) >= 80);
    assert_true(pr_driver_juniper.match(NULL, NULL, set, strlen(set)) >= 80);
    assert_int_equal(pr_driver_juniper.match(NULL, NULL, cisco, strlen(cisco)), 0);
    /* an agent under Juniper's enterprise (2636), or JUNOS in sysDescr, scores below a
     * Junos configuration */
    int by_oid = pr_driver_juniper.match("1.3.6.1.4.1.2636.1.1.1.2.31", NULL, NULL, 0);
    assert_true(by_oid > 0 && by_oid < pr_driver_juniper.match(NULL, NULL, set, strlen(set)));
    assert_int_equal(pr_driver_juniper.match("1.3.6.1.4.1.26360", NULL, NULL, 0), 0);
    assert_true(pr_driver_juniper.match(NULL, "Juniper Networks, Inc. ex2200 JUNOS 12.3", NULL, 0) >
                0);
    assert_ptr_equal(pr_driver_choose(NULL, NULL, curly, strlen(curly)), &pr_driver_juniper);
}

static void test_read_config(void **state)
{
    (void)state;
    const char *text = "set interfaces ge-0/0/1 unit 0 family ethernet-switching\n";
    struct pr_switch sw;
    pr_switch_init(&sw, "sw", "f");
    struct pr_config_text config = {
        .text = text, .len = strlen(text), .origin = "f", .kind = "config"};
    struct pr_error err = {0};
    assert_int_equal(pr_driver_juniper.read_config(&config, &sw, &err), 0);
    assert_int_equal(sw.n_ports, 1);
    assert_string_equal(sw.sources[0], "config");
    pr_switch_free(&sw);
    pr_switch_init(&sw, "sw", "f");
    struct pr_config_text nothing = {0};
    assert_int_equal(pr_driver_juniper.read_config(&nothing, &sw, &err), -1);
    assert_int_equal(err.code, PR_ERR_USAGE);
    pr_switch_free(&sw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_edge),
        cmocka_unit_test(test_interface_all_mstp),
        cmocka_unit_test(test_vstp_vlan_edge),
        cmocka_unit_test(test_legacy_stp),
        cmocka_unit_test(test_default_rstp_non_els),
        cmocka_unit_test(test_no_stp_els_unknown),
        cmocka_unit_test(test_rstp_disable_and_timers),
        cmocka_unit_test(test_interface_range),
        cmocka_unit_test(test_groups),
        cmocka_unit_test(test_group_wildcard_star),
        cmocka_unit_test(test_inactive),
        cmocka_unit_test(test_activate_and_delete_in_order),
        cmocka_unit_test(test_lacp),
        cmocka_unit_test(test_speed_autoneg_disable),
        cmocka_unit_test(test_vlans_els),
        cmocka_unit_test(test_vlans_non_els),
        cmocka_unit_test(test_bpdu),
        cmocka_unit_test(test_curly_syntax),
        cmocka_unit_test(test_ports_are_physical_only),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_foreign_namespace),
        cmocka_unit_test(test_detect_format),
        cmocka_unit_test(test_driver_match),
        cmocka_unit_test(test_read_config),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
