/* SPDX-License-Identifier: BSD-3-Clause */
/* The cumulus driver on ifupdown2 and NVUE configurations: small texts
 * written for this test and the real files of tests/data/cumulus/ (see its
 * README: ifupdown2's own test interfaces files, Oxidized's `nv config
 * show` of an MSN2010 on Cumulus Linux 5.9.2); every fix applied to the
 * text, the text read again and the port judged again. Expectations are
 * derived by hand from the statements, beside each assertion, with the
 * Cumulus defaults docs/cumulus.md cites. */
#include "config_test_util.h"
#include "cumulus/cumulus.h"

#define DATA PR_TEST_DATA "/cumulus/"

static const struct ct_dialect cumulus = {cumulus_config_read, cumulus_snippet,
                                          cumulus_config_apply, &pr_driver_cumulus, '#'};

static const char eni_lab[] = "auto lo\n"
                              "iface lo inet loopback\n"
                              "\n"
                              "auto swp1\n"
                              "iface swp1\n"
                              "    bridge-access 20\n"
                              "    mstpctl-portadminedge yes\n"
                              "    mstpctl-bpduguard yes\n"
                              "\n"
                              "auto swp2\n"
                              "iface swp2\n"
                              "    link-down yes\n"
                              "\n"
                              "iface swp3\n"
                              "\tbridge-access 20\n"
                              "\n"
                              "auto swp4\n"
                              "iface swp4\n"
                              "    mstpctl-portautoedge no\n"
                              "\n"
                              "auto bond1\n"
                              "iface bond1\n"
                              "    bond-slaves glob swp5-6\n"
                              "    bond-lacp-bypass-allow yes\n"
                              "    mstpctl-portadminedge yes\n"
                              "    bridge-access 30\n"
                              "\n"
                              "auto bond2\n"
                              "iface bond2\n"
                              "    bond-slaves swp7\n"
                              "    bond-mode balance-xor\n"
                              "\n"
                              "auto bond3\n"
                              "iface bond3\n"
                              "    bond-slaves swp8\n"
                              "\n"
                              "auto swp9\n"
                              "iface swp9\n"
                              "    link-speed 1000\n"
                              "\n"
                              "auto bridge\n"
                              "iface bridge\n"
                              "    bridge-vlan-aware yes\n"
                              "    bridge-ports swp1 swp2 swp3 swp4 bond1 bond2 bond3\n"
                              "    bridge-vids 20 30\n"
                              "    bridge-pvid 10\n"
                              "    mstpctl-fwddelay 10\n";

static void test_eni_statements_and_defaults(void **state)
{
    (void)state;
    struct pr_switch sw;
    ct_read(&cumulus, &sw, eni_lab, strlen(eni_lab), -1);
    /* swp1-swp9: front-panel ports; lo, the bonds and the bridge are not. */
    assert_int_equal(sw.n_ports, 9);
    /* bridge-vlan-aware yes, no bridge-stp: RSTP; mstpctl-fwddelay 10; max
     * age not written: 20 s. */
    ct_fact(&sw.stp.mode, PR_MODE_RSTP);
    ct_fact(&sw.stp.forward_delay_s, 10);
    ct_fact(&sw.stp.max_age_s, 20);

    /* swp1: auto, bridge-access 20, admin edge, BPDU guard: ready. */
    struct pr_port *p = ct_port(&sw, "swp1");
    ct_fact(&p->facts.admin_status, PR_IF_UP);
    ct_fact(&p->facts.trunk, 0);
    ct_fact(&p->facts.access_vlan, 20);
    ct_fact(&p->facts.edge, PR_EDGE_YES);
    ct_fact(&p->facts.bpdu_guard, 1);
    assert_int_equal(p->verdict, PR_VERDICT_READY);

    /* swp2: link-down yes. */
    p = ct_port(&sw, "swp2");
    ct_fact(&p->facts.admin_status, PR_IF_DOWN);
    assert_true(ct_has(p, PR_F_ADMIN_DOWN));

    /* swp3: no `auto swp3`, but a port of bridge, which is auto: up; no
     * admin edge, auto edge on by default. */
    p = ct_port(&sw, "swp3");
    ct_fact(&p->facts.admin_status, PR_IF_UP);
    ct_fact(&p->facts.edge, PR_EDGE_AUTO);
    assert_true(ct_has(p, PR_F_STP_EDGE_AUTO));

    /* swp4: mstpctl-portautoedge no: never edge; no bridge-access: a trunk
     * untagged in the bridge's PVID 10. */
    p = ct_port(&sw, "swp4");
    ct_fact(&p->facts.edge, PR_EDGE_NO);
    ct_fact(&p->facts.trunk, 1);
    ct_fact(&p->facts.access_vlan, 10);
    assert_true(ct_has(p, PR_F_STP_NOT_EDGE));

    /* swp5, swp6: `bond-slaves glob swp5-6` of bond1 (no bond-mode:
     * 802.3ad), LACP bypass, admin edge and VLAN 30 on the bond: ready. */
    for (int i = 5; i <= 6; i++) {
        char name[8];
        snprintf(name, sizeof name, "swp%d", i);
        p = ct_port(&sw, name);
        assert_string_equal(p->lag_name, "bond1");
        ct_fact(&p->facts.admin_status, PR_IF_UP); /* up with its bond */
        ct_fact(&p->facts.lacp_member, 1);
        ct_fact(&p->facts.lacp_fallback, 1);
        ct_fact(&p->facts.edge, PR_EDGE_YES);
        ct_fact(&p->facts.access_vlan, 30);
        assert_int_equal(p->verdict, PR_VERDICT_READY);
    }

    /* swp7: bond2 is balance-xor: a static bond, no LACP. */
    p = ct_port(&sw, "swp7");
    ct_fact(&p->facts.lacp_member, 0);

    /* swp8: bond3, 802.3ad by default, no bypass: no fallback. */
    p = ct_port(&sw, "swp8");
    ct_fact(&p->facts.lacp_member, 1);
    ct_fact(&p->facts.lacp_fallback, 0);
    assert_true(ct_has(p, PR_F_LACP_NO_FALLBACK));

    /* swp9: in no bridge: routed, no spanning tree; link-speed 1000. */
    p = ct_port(&sw, "swp9");
    ct_fact(&p->facts.stp_enabled, 0);
    ct_fact(&p->facts.speed_mbps, 1000);
    ct_fact(&p->facts.autoneg, 0);
    pr_switch_free(&sw);
}

static void test_eni_bridges(void **state)
{
    (void)state;
    struct pr_switch sw;
    /* bridge-stp off: no spanning tree on the bridge or its ports. */
    const char *off = "auto bridge\niface bridge\n    bridge-ports swp1\n    bridge-stp off\n";
    ct_read(&cumulus, &sw, off, strlen(off), -1);
    ct_fact(&sw.stp.mode, PR_MODE_OFF);
    ct_fact(&ct_port(&sw, "swp1")->facts.stp_enabled, 0);
    pr_switch_free(&sw);

    /* The per-port form on the bridge's stanza: swp1=yes is admin edge,
     * swp2=no leaves it to auto edge. */
    const char *pairs = "auto br0\niface br0\n    bridge-ports swp1 swp2\n"
                        "    bridge-vlan-aware yes\n    mstpctl-portadminedge swp1=yes swp2=no\n";
    ct_read(&cumulus, &sw, pairs, strlen(pairs), -1);
    ct_fact(&ct_port(&sw, "swp1")->facts.edge, PR_EDGE_YES);
    ct_fact(&ct_port(&sw, "swp2")->facts.edge, PR_EDGE_AUTO);
    pr_switch_free(&sw);

    /* A traditional bridge (no bridge-vlan-aware): PVRST, untagged ports;
     * swp1.10 is a VLAN subinterface, not a port. */
    const char *trad = "auto br10\niface br10\n    bridge-ports swp1.10 swp2\n"
                       "    mstpctl-portbpdufilter swp2=no\n";
    ct_read(&cumulus, &sw, trad, strlen(trad), -1);
    assert_int_equal(sw.n_ports, 1);
    ct_fact(&sw.stp.mode, PR_MODE_RAPID_PVST);
    ct_fact(&ct_port(&sw, "swp2")->facts.trunk, 0);
    pr_switch_free(&sw);

    /* mstpctl-forcevers stp (the guide's Force Version Setting; RSTP by
     * default): mstpd speaks 802.1D, so legacy STP; swp1 is admin edge and
     * forwards at once, swp2 is not, and auto edge cannot act without RSTP
     * BPDUs (802.1D-2004 17.25): non-edge, 2 x 15 s. */
    const char *forced = "auto br0\niface br0\n    bridge-ports swp1 swp2\n"
                         "    bridge-vlan-aware yes\n    mstpctl-forcevers stp\n"
                         "auto swp1\niface swp1\n    mstpctl-portadminedge yes\n";
    ct_read(&cumulus, &sw, forced, strlen(forced), -1);
    ct_fact(&sw.stp.mode, PR_MODE_STP);
    ct_fact(&ct_port(&sw, "swp1")->facts.edge, PR_EDGE_YES);
    ct_fact(&ct_port(&sw, "swp1")->expected_blackout_s, 0);
    struct pr_port *p = ct_port(&sw, "swp2");
    ct_fact(&p->facts.edge, PR_EDGE_NO);
    assert_non_null(strstr(p->facts.edge.evidence, "mstpctl-forcevers stp"));
    assert_true(ct_has(p, PR_F_STP_NOT_EDGE));
    assert_true(ct_has(p, PR_F_STP_LEGACY_MODE));
    ct_fact(&p->expected_blackout_s, 30);
    pr_switch_free(&sw);
    /* Its fixes (admin edge on swp2, `mstpctl-forcevers rstp` on br0),
     * each applied and the port judged again, and the block at once. */
    struct ct_counts c = {0};
    ct_rejudge_all(&cumulus, forced, strlen(forced), -1, &c);
    /* swp1: stp-legacy-mode, bpdu-guard-off; swp2: stp-not-edge,
     * stp-legacy-mode: four findings, every fix a configuration line. */
    assert_int_equal(c.findings, 4);
    assert_int_equal(c.proven, 4);
    ct_block_closes(&cumulus, forced, strlen(forced), -1);
    /* Bridge br0 (VLAN-aware, port swp1) with one more line, or an NVUE
     * text: the switch's mode and swp1's edge. */
    static const struct {
        const char *text, *why;
        int64_t mode, edge;
    } forms[] = {
        {"    mstpctl-pvrst-mode yes\n    mstpctl-forcevers stp\n", "with PVRST: legacy per VLAN",
         PR_MODE_PVST, PR_EDGE_NO},
        {"    mstpctl-forcevers rstp\n", "the default", PR_MODE_RSTP, PR_EDGE_AUTO},
        {"    mstpctl-forcevers mstp\n", "ifupdown2 takes mstp too: rapid", PR_MODE_MSTP,
         PR_EDGE_AUTO},
        {"nv set interface swp1 bridge domain br_default\n"
         "nv set bridge domain br_default stp force-protocol-version stp\n",
         "NVUE's form", PR_MODE_STP, PR_EDGE_NO},
    };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        char text[512];
        snprintf(text, sizeof text, "%s%s",
                 forms[i].text[0] == 'n' ? ""
                                         : "auto br0\niface br0\n    bridge-ports swp1\n"
                                           "    bridge-vlan-aware yes\n",
                 forms[i].text);
        ct_read(&cumulus, &sw, text, strlen(text), -1);
        print_message("%s\n", forms[i].why);
        ct_fact(&sw.stp.mode, forms[i].mode);
        ct_fact(&ct_port(&sw, "swp1")->facts.edge, forms[i].edge);
        pr_switch_free(&sw);
    }

    /* Values that cannot be: refused, naming the file and line. */
    const char *bad[] = {
        "auto bond1\niface bond1\n    bond-slaves swp1\n    bond-lacp-bypass-allow maybe\n",
        "auto br0\niface br0\n    bridge-ports swp1\n    bridge-pvid 5000\n",
        "auto br0\niface br0\n    bridge-ports swp9-1\n    bridge-vlan-aware yes\n",
        "auto br0\niface br0\n    bridge-ports swp1\n    mstpctl-forcevers fast\n",
    };
    const char *where[] = {"bad.cfg:4:", "bad.cfg:4:", "bad.cfg:3:", "bad.cfg:4:"};
    for (size_t i = 0; i < 4; i++) {
        pr_switch_init(&sw, "bad", "bad");
        struct pr_error err = {0};
        assert_int_equal(cumulus_config_read(bad[i], strlen(bad[i]), "bad.cfg", &sw, &err), -1);
        assert_int_equal(err.code, PR_ERR_INPUT);
        if (strstr(err.msg, where[i]) == NULL)
            fail_msg("%s", err.msg);
        pr_switch_free(&sw);
    }
}

static const char nvue_lab[] = "- header:\n"
                               "    model: VX\n"
                               "    version: Cumulus Linux 5.9.2\n"
                               "- set:\n"
                               "    bridge:\n"
                               "      domain:\n"
                               "        br_default:\n"
                               "          untagged: 1\n"
                               "    interface:\n"
                               "      bond1:\n"
                               "        bond:\n"
                               "          lacp-bypass: on\n"
                               "          member:\n"
                               "            swp1: {}\n"
                               "        bridge:\n"
                               "          domain:\n"
                               "            br_default:\n"
                               "              access: 10\n"
                               "              stp:\n"
                               "                admin-edge: on\n"
                               "                bpdu-guard: on\n"
                               "        type: bond\n"
                               "      bond2:\n"
                               "        bond:\n"
                               "          member:\n"
                               "            swp2: {}\n"
                               "          mode: static\n"
                               "        bridge:\n"
                               "          domain:\n"
                               "            br_default: {}\n"
                               "      swp1-3:\n"
                               "        type: swp\n"
                               "      swp3:\n"
                               "        bridge:\n"
                               "          domain:\n"
                               "            br_default:\n"
                               "              stp:\n"
                               "                auto-edge: off\n"
                               "      swp4:\n"
                               "        description: 'to a host'\n"
                               "        link:\n"
                               "          state:\n"
                               "            down: {}\n"
                               "        type: swp\n"
                               "    system:\n"
                               "      config:\n"
                               "        snippet:\n"
                               "          motd: |\n"
                               "            interface: swp9:\n"
                               "      hostname: leaf01\n";

static void test_nvue(void **state)
{
    (void)state;
    struct pr_switch sw;
    ct_read(&cumulus, &sw, nvue_lab, strlen(nvue_lab), -1);
    /* swp1-3 (a range), swp4; the `|` block's "swp9" is text, not a key. */
    assert_int_equal(sw.n_ports, 4);
    /* br_default: NVUE's bridge is VLAN-aware, RSTP by default. */
    ct_fact(&sw.stp.mode, PR_MODE_RSTP);

    /* swp1: member of bond1 (mode lacp by default), lacp-bypass on, the
     * bond admin edge, BPDU guard, access 10: ready. */
    struct pr_port *p = ct_port(&sw, "swp1");
    assert_string_equal(p->lag_name, "bond1");
    ct_fact(&p->facts.lacp_member, 1);
    ct_fact(&p->facts.lacp_fallback, 1);
    ct_fact(&p->facts.edge, PR_EDGE_YES);
    ct_fact(&p->facts.bpdu_guard, 1);
    ct_fact(&p->facts.access_vlan, 10);
    assert_int_equal(p->verdict, PR_VERDICT_READY);

    /* swp2: bond2, mode static: no LACP; in br_default without access: a
     * trunk untagged in the domain's VLAN 1; auto edge. */
    p = ct_port(&sw, "swp2");
    ct_fact(&p->facts.lacp_member, 0);
    ct_fact(&p->facts.trunk, 1);
    ct_fact(&p->facts.access_vlan, 1);
    ct_fact(&p->facts.edge, PR_EDGE_AUTO);

    /* swp3: stp auto-edge off: never edge. */
    p = ct_port(&sw, "swp3");
    ct_fact(&p->facts.edge, PR_EDGE_NO);
    assert_true(ct_has(p, PR_F_STP_NOT_EDGE));

    /* swp4: link state down, in no bridge: routed. */
    p = ct_port(&sw, "swp4");
    ct_fact(&p->facts.admin_status, PR_IF_DOWN);
    ct_fact(&p->facts.stp_enabled, 0);
    assert_string_equal(p->alias, "to a host");
    pr_switch_free(&sw);

    /* The YAML and commands after it: what the switch holds once they are
     * applied (set adds, unset takes away). */
    char text[4096];
    snprintf(text, sizeof text,
             "%snv set interface swp3 bridge domain br_default stp admin-edge on\n"
             "nv unset interface bond1 bond lacp-bypass\nnv config apply\n",
             nvue_lab);
    ct_read(&cumulus, &sw, text, strlen(text), -1);
    ct_fact(&ct_port(&sw, "swp3")->facts.edge, PR_EDGE_YES);
    ct_fact(&ct_port(&sw, "swp1")->facts.lacp_fallback, 0);
    pr_switch_free(&sw);

    /* `nv config show -o commands` alone; stp state down: no spanning
     * tree. */
    const char *cmds = "nv set interface swp1 bridge domain br_default access 20\n"
                       "nv set interface swp2 link state down\n"
                       "nv set bridge domain br_default stp state down\n"
                       "nv config apply\n";
    ct_read(&cumulus, &sw, cmds, strlen(cmds), -1);
    assert_int_equal(sw.n_ports, 2);
    ct_fact(&sw.stp.mode, PR_MODE_OFF);
    ct_fact(&ct_port(&sw, "swp1")->facts.stp_enabled, 0);
    ct_fact(&ct_port(&sw, "swp2")->facts.admin_status, PR_IF_DOWN);
    pr_switch_free(&sw);

    const char *bad = "nv set interface swp1 bridge domain br_default stp admin-edge perhaps\n";
    pr_switch_init(&sw, "bad", "bad");
    struct pr_error err = {0};
    assert_int_equal(cumulus_config_read(bad, strlen(bad), "bad.cfg", &sw, &err), -1);
    assert_int_equal(err.code, PR_ERR_INPUT);
    assert_non_null(strstr(err.msg, "bad.cfg:1:"));
    pr_switch_free(&sw);
}

static void test_driver_choice(void **state)
{
    (void)state;
    /* Both dialects choose the cumulus driver; so does the enterprise 40310
     * and a sysDescr naming Cumulus Linux. */
    assert_string_equal(pr_driver_choose(NULL, NULL, eni_lab, strlen(eni_lab))->name, "cumulus");
    assert_string_equal(pr_driver_choose(NULL, NULL, nvue_lab, strlen(nvue_lab))->name, "cumulus");
    assert_string_equal(pr_driver_choose("1.3.6.1.4.1.40310.1.1", "", NULL, 0)->name, "cumulus");
    assert_string_equal(
        pr_driver_choose("", "Cumulus Linux version 5.9.2 running on Mellanox", NULL, 0)->name,
        "cumulus");
    /* An IOS text does not; a Debian host's interfaces file (no swp, no
     * bridge or bond attribute) does not either. */
    const char *ios = "hostname sw1\ninterface GigabitEthernet1/0/1\n spanning-tree portfast\n";
    assert_string_not_equal(pr_driver_choose(NULL, NULL, ios, strlen(ios))->name, "cumulus");
    const char *host = "auto eth0\niface eth0 inet dhcp\n";
    assert_string_not_equal(pr_driver_choose(NULL, NULL, host, strlen(host))->name, "cumulus");
}

static void test_fixes(void **state)
{
    (void)state;
    struct pr_switch sw;
    ct_read(&cumulus, &sw, eni_lab, strlen(eni_lab), -1);
    char fix[PR_FIX_MAX];
    struct pr_port *p = ct_port(&sw, "swp8");
    struct pr_finding f = {.id = PR_F_LACP_NO_FALLBACK};
    cumulus_snippet(&sw, p, &f, fix, sizeof fix);
    assert_string_equal(fix, "iface bond3\n    bond-lacp-bypass-allow yes");
    f.id = PR_F_STP_EDGE_AUTO;
    cumulus_snippet(&sw, p, &f, fix, sizeof fix);
    assert_string_equal(fix, "iface bond3\n    mstpctl-portadminedge yes");
    f.id = PR_F_ADMIN_DOWN;
    cumulus_snippet(&sw, ct_port(&sw, "swp2"), &f, fix, sizeof fix);
    assert_string_equal(fix, "auto swp2\niface swp2\n    link-down no");
    pr_switch_free(&sw);

    ct_read(&cumulus, &sw, nvue_lab, strlen(nvue_lab), -1);
    f.id = PR_F_STP_NOT_EDGE;
    cumulus_snippet(&sw, ct_port(&sw, "swp3"), &f, fix, sizeof fix);
    assert_string_equal(fix, "nv set interface swp3 bridge domain br_default stp admin-edge on");
    f.id = PR_F_LACP_NO_FALLBACK;
    cumulus_snippet(&sw, ct_port(&sw, "swp1"), &f, fix, sizeof fix);
    assert_string_equal(fix, "nv set interface bond1 bond lacp-bypass on");
    f.id = PR_F_ADMIN_DOWN;
    cumulus_snippet(&sw, ct_port(&sw, "swp4"), &f, fix, sizeof fix);
    assert_string_equal(fix, "nv set interface swp4 link state up");
    pr_switch_free(&sw);
}

static void test_apply_and_rejudge(void **state)
{
    (void)state;
    struct ct_counts c = {0};
    /* ifupdown2: swp2 admin-down, swp3 edge-auto, swp4 not-edge, swp7
     * edge-auto, swp8 edge-auto and no fallback; asked for VLAN 100, every
     * bridged port's VLAN too. NVUE likewise. */
    ct_rejudge_all(&cumulus, eni_lab, strlen(eni_lab), -1, &c);
    ct_rejudge_all(&cumulus, eni_lab, strlen(eni_lab), 100, &c);
    ct_rejudge_all(&cumulus, nvue_lab, strlen(nvue_lab), -1, &c);
    ct_rejudge_all(&cumulus, nvue_lab, strlen(nvue_lab), 100, &c);
    assert_int_equal(c.ports, 2 * 9 + 2 * 4);
    assert_true(c.proven >= 6 + 6 + 8 + 3);
    ct_block_closes(&cumulus, eni_lab, strlen(eni_lab), 100);
    ct_block_closes(&cumulus, nvue_lab, strlen(nvue_lab), 100);
}

static char *data_file(const char *name, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, DATA "%s", name);
    char *text;
    struct pr_error err = {0};
    if (pr_read_file(path, 1 << 24, &text, len, &err) != 0)
        fail_msg("%s", err.msg);
    return text;
}

static void test_real_ifupdown2_files(void **state)
{
    (void)state;
    size_t len;
    struct pr_switch sw;
    struct ct_counts c = {0};

    /* bond_lacp.eni: bond4 (swp_EE_, bypass yes), bond7 (swp_HH_, no), bond8
     * (swp_II_, 0), bond9 (swp_JJ_, 1), each 802.3ad and auto; no bridge:
     * spanning tree off, the members routed. */
    char *text = data_file("ifupdown2__bond_lacp.eni", &len);
    ct_read(&cumulus, &sw, text, len, -1);
    assert_int_equal(sw.n_ports, 4);
    ct_fact(&sw.stp.mode, PR_MODE_OFF);
    const char *ports[] = {"swp_EE_", "swp_HH_", "swp_II_", "swp_JJ_"};
    const int bypass[] = {1, 0, 0, 1};
    for (size_t i = 0; i < 4; i++) {
        struct pr_port *p = ct_port(&sw, ports[i]);
        ct_fact(&p->facts.admin_status, PR_IF_UP);
        ct_fact(&p->facts.lacp_member, 1);
        ct_fact(&p->facts.lacp_fallback, bypass[i]);
        assert_int_equal(ct_has(p, PR_F_LACP_NO_FALLBACK), !bypass[i]);
    }
    pr_switch_free(&sw);
    ct_rejudge_all(&cumulus, text, len, -1, &c);
    free(text);

    /* bridge6: `bridge-ports swp_AA_ swp_BB_` and `bridge-ports swp_CC_
     * swp_DD_` on two lines of one VLAN-aware bridge with bridge-stp on, no
     * PVID, no mstpctl line: four trunks in VLAN 1, auto edge (warning). */
    text = data_file("ifupdown2__bridge6_multiple_bridge_ports_lines.eni", &len);
    ct_read(&cumulus, &sw, text, len, -1);
    assert_int_equal(sw.n_ports, 4);
    ct_fact(&sw.stp.mode, PR_MODE_RSTP);
    for (size_t i = 0; i < sw.n_ports; i++) {
        ct_fact(&sw.ports[i].facts.admin_status, PR_IF_UP); /* with the auto bridge */
        ct_fact(&sw.ports[i].facts.trunk, 1);
        ct_fact(&sw.ports[i].facts.access_vlan, 1);
        ct_fact(&sw.ports[i].facts.edge, PR_EDGE_AUTO);
        assert_int_equal(sw.ports[i].verdict, PR_VERDICT_WARNING);
    }
    pr_switch_free(&sw);
    ct_rejudge_all(&cumulus, text, len, 100, &c);
    free(text);

    /* tors2: uplink (swp_AA_, swp_BB_, 802.3ad) in no bridge: routed, no
     * bypass; hostbond3 (swp_CC_, swp_DD_, 802.3ad, bridge-pvid 1000) in
     * the VLAN-aware bridge: a trunk untagged in 1000, auto edge, no
     * bypass. */
    text = data_file("ifupdown2__evpn_vab_clag_riot_flood_sup_off_config_tors2.eni", &len);
    ct_read(&cumulus, &sw, text, len, -1);
    assert_int_equal(sw.n_ports, 4);
    ct_fact(&sw.stp.mode, PR_MODE_RSTP);
    struct pr_port *p = ct_port(&sw, "swp_AA_");
    assert_string_equal(p->lag_name, "uplink");
    ct_fact(&p->facts.stp_enabled, 0);
    ct_fact(&p->facts.lacp_fallback, 0);
    p = ct_port(&sw, "swp_DD_");
    assert_string_equal(p->lag_name, "hostbond3");
    ct_fact(&p->facts.access_vlan, 1000);
    ct_fact(&p->facts.edge, PR_EDGE_AUTO);
    ct_fact(&p->facts.lacp_fallback, 0);
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    pr_switch_free(&sw);
    ct_rejudge_all(&cumulus, text, len, -1, &c);
    free(text);

    /* vxlandev_sanity: swp_AA_ and swp_BB_ with two VXLAN devices in a
     * VLAN-aware bridge, bridge-pvid 1: two trunks in VLAN 1. */
    text = data_file("ifupdown2__vxlandev_sanity.eni", &len);
    ct_read(&cumulus, &sw, text, len, -1);
    assert_int_equal(sw.n_ports, 2);
    ct_fact(&ct_port(&sw, "swp_BB_")->facts.access_vlan, 1);
    pr_switch_free(&sw);
    ct_rejudge_all(&cumulus, text, len, 100, &c);
    free(text);
    print_message("ifupdown2 files: %u ports judged, %u findings, %u fixes proven\n", c.ports,
                  c.findings, c.proven);
    assert_int_equal(c.ports, 14);
}

static void test_real_nvue_file(void **state)
{
    (void)state;
    size_t len;
    char *text = data_file("oxidized__cumulus_MSN2010_5.9.2_nvue.yaml", &len);
    struct pr_switch sw;
    ct_read(&cumulus, &sw, text, len, -1);
    /* `swp1-22: type: swp`: 22 ports; no bridge domain anywhere: spanning
     * tree off, every port routed (BGP unnumbered on swp19-22). */
    assert_int_equal(sw.n_ports, 22);
    ct_fact(&sw.stp.mode, PR_MODE_OFF);
    unsigned down = 0, ready = 0;
    for (size_t i = 0; i < sw.n_ports; i++) {
        struct pr_port *p = &sw.ports[i];
        ct_fact(&p->facts.stp_enabled, 0);
        down += pr_fact_is(&p->facts.admin_status, PR_IF_DOWN);
        ready += p->verdict == PR_VERDICT_READY;
    }
    /* `swp1-18: link: state: down`, `eth0,swp19-22: link: state: up`. */
    assert_int_equal(down, 18);
    assert_int_equal(ready, 4);
    assert_string_equal(ct_port(&sw, "swp7")->alias, "UNUSED 25G PORTS");
    assert_string_equal(ct_port(&sw, "swp21")->alias, "100G Link to leaf1");
    pr_switch_free(&sw);
    struct ct_counts c = {0};
    ct_rejudge_all(&cumulus, text, len, -1, &c);
    /* Each down port: `nv set interface swpN link state up`. */
    assert_int_equal(c.proven, 18);
    ct_block_closes(&cumulus, text, len, -1);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_eni_statements_and_defaults),
        cmocka_unit_test(test_eni_bridges),
        cmocka_unit_test(test_nvue),
        cmocka_unit_test(test_driver_choice),
        cmocka_unit_test(test_fixes),
        cmocka_unit_test(test_apply_and_rejudge),
        cmocka_unit_test(test_real_ifupdown2_files),
        cmocka_unit_test(test_real_nvue_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
