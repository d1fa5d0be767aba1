/* SPDX-License-Identifier: BSD-3-Clause */
/* The AOS-CX and ArubaOS-Switch readers and interpreters, one construct
 * per test, on small configurations written here; each expectation
 * follows from the statements quoted beside it and the defaults
 * docs/aruba.md sources. Then the fixes: their text, and that applying
 * each to the configuration closes its finding. */
#include "aruba_test_util.h"

#include "cli/cli_text.h"
#include "driver.h"

static void read_error(const char *text, size_t len, enum pr_error_code code, const char *expect)
{
    struct pr_switch sw;
    pr_switch_init(&sw, "sw", "bad.cfg");
    struct pr_error err = {0};
    assert_int_equal(aruba_config_read(text, len, "bad.cfg", &sw, &err), -1);
    assert_int_equal(err.code, code);
    if (strstr(err.msg, expect) == NULL)
        fail_msg("error \"%s\" lacks \"%s\"", err.msg, expect);
    pr_switch_free(&sw);
}

#define CX_HEAD "!Version ArubaOS-CX FL.10.10.1100\n"
#define PC_HEAD "; J9148A Configuration Editor; Created on release #W.15.08.0012\n"

/* ---- reader and detection ---- */

static void test_reader_lines(void **state)
{
    (void)state;
    const char text[] = "\r\nRunning configuration:\r\n\r\n; comment\r\nhostname \"x\"\r\n"
                        "banner motd $\r\ninterface 9\r\n$\r\ninterface 1\r\n   disable\r\n"
                        "   exit\r\n\0\0";
    struct cli_text *t;
    struct pr_error err = {0};
    assert_int_equal(cli_text_read(text, sizeof text - 1, "t", ';', &t, &err), 0);
    /* hostname, interface 1, disable, exit: the header, comment, blank
     * lines and the banner's body are gone, and so are the trailing NULs. */
    assert_int_equal(t->n_lines, 4);
    assert_string_equal(t->lines[1].text, "interface 1");
    assert_int_equal(t->lines[1].lineno, 9);
    assert_int_equal(t->lines[2].indent, 3);
    assert_string_equal(t->lines[2].text, "disable");
    cli_text_free(t);

    const char nul[] = PC_HEAD "hostname x\ninterface 1\0\n   disable\n";
    read_error(nul, sizeof nul - 1, PR_ERR_INPUT, "bad.cfg:3: NUL byte");
    const char *banner = CX_HEAD "banner motd ^\nno end\n";
    read_error(banner, strlen(banner), PR_ERR_INPUT, "bad.cfg:2: banner is never closed");
}

static void test_detect(void **state)
{
    (void)state;
    int score;
    const char *cx = CX_HEAD "hostname a\n";
    assert_int_equal(aruba_detect(cx, strlen(cx), &score, NULL, 0), ARUBA_AOSCX);
    const char *pc = PC_HEAD "hostname \"a\"\n";
    assert_int_equal(aruba_detect(pc, strlen(pc), &score, NULL, 0), ARUBA_PROCURVE);
    /* No header: the statements only AOS-CX writes. */
    const char *cx2 = "interface 1/1/1\n    no routing\n    vlan access 4\n"
                      "    spanning-tree port-type admin-edge\n";
    assert_int_equal(aruba_detect(cx2, strlen(cx2), &score, NULL, 0), ARUBA_AOSCX);
    /* ... and those only ProVision writes. */
    const char *pc2 = "trunk 23-24 Trk1 LACP\nvlan 1\n   untagged 22,Trk1\n   exit\n";
    assert_int_equal(aruba_detect(pc2, strlen(pc2), &score, NULL, 0), ARUBA_PROCURVE);
    /* Others are declined: Cisco, Comware, FastIron, Junos. */
    static const char *const others[] = {
        "version 15.2\ninterface GigabitEthernet1/0/1\n switchport access vlan 10\n",
        "#\n sysname hp\n#\ninterface GigabitEthernet1/0/1\n stp edged-port\n#\n",
        "vlan 20 name IOT by port\n untagged ethe 1/1/14\n tagged ethe 1/1/21\n!\n",
        "interfaces {\n ge-0/0/0 {\n  unit 0;\n }\n}\n",
    };
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        assert_int_equal(aruba_detect(others[i], strlen(others[i]), &score, NULL, 0),
                         ARUBA_UNKNOWN);
        read_error(others[i], strlen(others[i]), PR_ERR_UNSUPPORTED,
                   "not an AOS-CX or ArubaOS-Switch configuration");
    }
    /* The driver table picks aruba for both dialects. */
    assert_ptr_equal(pr_driver_choose(NULL, NULL, cx, strlen(cx)), &pr_driver_aruba);
    assert_ptr_equal(pr_driver_choose(NULL, NULL, pc2, strlen(pc2)), &pr_driver_aruba);
}

/* ---- AOS-CX ---- */

static void test_cx_stp_and_edge(void **state)
{
    (void)state;
    struct pr_switch sw;
    at_load(&sw, CX_HEAD "spanning-tree\n"
                         "interface 1/1/1\n    no shutdown\n    vlan access 10\n"
                         "    spanning-tree port-type admin-edge\n    spanning-tree bpdu-guard\n"
                         "interface 1/1/2\n    no shutdown\n    vlan access 10\n"
                         "interface 1/1/3\n    no shutdown\n    no routing\n"
                         "    spanning-tree port-type admin-network\n"
                         "interface 1/1/4\n    vlan access 10\n");
    /* "spanning-tree", no mode: MSTP (default); timers 15 s / 20 s. */
    dt_fact(&sw.stp.mode, PR_MODE_MSTP);
    dt_fact(&sw.stp.forward_delay_s, 15);
    /* 1/1/1: "spanning-tree port-type admin-edge", bpdu-guard: ready. */
    struct pr_port *p1 = dt_port(&sw, "1/1/1");
    dt_fact(&p1->facts.edge, PR_EDGE_YES);
    dt_fact(&p1->facts.bpdu_guard, 1);
    dt_fact(&p1->facts.access_vlan, 10);
    assert_int_equal(p1->verdict, PR_VERDICT_READY);
    /* 1/1/2: no port-type: admin-network, edge after 3 s: warning. */
    struct pr_port *p2 = dt_port(&sw, "1/1/2");
    dt_fact(&p2->facts.edge, PR_EDGE_AUTO);
    assert_true(dt_has(p2, PR_F_STP_EDGE_AUTO));
    assert_int_equal(p2->verdict, PR_VERDICT_WARNING);
    /* 1/1/3: "no routing" and admin-network written out; VLAN 1. */
    struct pr_port *p3 = dt_port(&sw, "1/1/3");
    dt_fact(&p3->facts.edge, PR_EDGE_AUTO);
    dt_fact(&p3->facts.access_vlan, 1);
    /* 1/1/4: no "no shutdown": disabled by default. */
    struct pr_port *p4 = dt_port(&sw, "1/1/4");
    dt_fact(&p4->facts.admin_status, PR_IF_DOWN);
    assert_true(dt_has(p4, PR_F_ADMIN_DOWN));
    pr_switch_free(&sw);

    /* Without "spanning-tree": off, no STP findings. */
    at_load(&sw, CX_HEAD "interface 1/1/1\n    no shutdown\n    vlan access 10\n");
    dt_fact(&sw.stp.mode, PR_MODE_OFF);
    dt_fact(&dt_port(&sw, "1/1/1")->facts.stp_enabled, 0);
    assert_int_equal(dt_port(&sw, "1/1/1")->verdict, PR_VERDICT_READY);
    pr_switch_free(&sw);
}

static void test_cx_rpvst_and_layers(void **state)
{
    (void)state;
    struct pr_switch sw;
    at_load(&sw,
            CX_HEAD "spanning-tree mode rpvst\nspanning-tree\nspanning-tree vlan 20\n"
                    "spanning-tree forward-delay 10\n"
                    "interface 1/1/1\n    no shutdown\n    vlan access 20\n"
                    "interface 1/1/2\n    no shutdown\n    vlan access 30\n"
                    "interface 1/1/3\n    no shutdown\n    routing\n    ip address 10.0.0.1/31\n"
                    "interface 1/1/4\n    no shutdown\n"
                    "interface 1/1/5\n    no shutdown\n    vlan trunk native 40 tag\n"
                    "    vlan trunk allowed 40\n"
                    "interface 1/1/6\n    no shutdown\n    vlan access 20\n"
                    "    spanning-tree bpdu-filter\n");
    dt_fact(&sw.stp.mode, PR_MODE_RAPID_PVST);
    dt_fact(&sw.stp.forward_delay_s, 10);
    /* 1/1/1 in VLAN 20, which has "spanning-tree vlan 20": STP on. */
    dt_fact(&dt_port(&sw, "1/1/1")->facts.stp_enabled, 1);
    /* 1/1/2 in VLAN 30: no RPVST instance, no spanning tree. */
    dt_fact(&dt_port(&sw, "1/1/2")->facts.stp_enabled, 0);
    /* 1/1/3 "routing": routed, no spanning tree. */
    dt_fact(&dt_port(&sw, "1/1/3")->facts.stp_enabled, 0);
    assert_int_equal(dt_port(&sw, "1/1/3")->verdict, PR_VERDICT_READY);
    /* 1/1/4: no routing, VLAN or address statement: cannot tell. */
    dt_unknown(&dt_port(&sw, "1/1/4")->facts.stp_enabled);
    assert_int_equal(dt_port(&sw, "1/1/4")->verdict, PR_VERDICT_UNKNOWN);
    /* 1/1/5: "vlan trunk native 40 tag": untagged PXE frames dropped. */
    dt_fact(&dt_port(&sw, "1/1/5")->facts.trunk, 1);
    dt_unknown(&dt_port(&sw, "1/1/5")->facts.access_vlan);
    /* 1/1/6 "spanning-tree bpdu-filter": out of spanning tree. */
    dt_fact(&dt_port(&sw, "1/1/6")->facts.stp_enabled, 0);
    pr_switch_free(&sw);
}

static void test_cx_lags(void **state)
{
    (void)state;
    struct pr_switch sw;
    at_load(&sw, CX_HEAD "spanning-tree\n"
                         "interface lag 1 multi-chassis\n    no shutdown\n    no routing\n"
                         "    vlan access 100\n    lacp mode active\n    lacp fallback\n"
                         "    spanning-tree port-type admin-edge\n"
                         "interface lag 2\n    no shutdown\n    no routing\n    lacp mode active\n"
                         "    lacp fallback\n"
                         "interface lag 3\n    no shutdown\n    no routing\n    lacp mode passive\n"
                         "    lacp fallback-static\n"
                         "interface lag 4\n    no shutdown\n    no routing\n"
                         "interface lag 5\n    shutdown\n    no routing\n    lacp mode active\n"
                         "interface 1/1/1\n    no shutdown\n    lag 1\n"
                         "interface 1/1/2\n    no shutdown\n    lag 2\n"
                         "interface 1/1/3\n    no shutdown\n    lag 3\n"
                         "interface 1/1/4\n    no shutdown\n    lag 4\n"
                         "interface 1/1/5\n    no shutdown\n    lag 5\n"
                         "interface 1/1/6\n    no shutdown\n    lag 6\n");
    /* 1/1/1: lag 1 multi-chassis, lacp mode active, lacp fallback,
     * admin-edge, VLAN 100 on the LAG: ready. */
    struct pr_port *p1 = dt_port(&sw, "1/1/1");
    dt_fact(&p1->facts.lacp_member, 1);
    dt_fact(&p1->facts.lacp_fallback, 1);
    dt_fact(&p1->facts.edge, PR_EDGE_YES);
    dt_fact(&p1->facts.access_vlan, 100);
    assert_int_equal(p1->verdict, PR_VERDICT_READY);
    /* 1/1/2: lacp fallback on a LAG that is not multi-chassis: no effect. */
    dt_fact(&dt_port(&sw, "1/1/2")->facts.lacp_fallback, 0);
    assert_true(dt_has(dt_port(&sw, "1/1/2"), PR_F_LACP_NO_FALLBACK));
    /* 1/1/3: lacp fallback-static. */
    dt_fact(&dt_port(&sw, "1/1/3")->facts.lacp_fallback, 1);
    /* 1/1/4: no lacp mode: a static LAG, not LACP. */
    dt_fact(&dt_port(&sw, "1/1/4")->facts.lacp_member, 0);
    /* 1/1/5: its LAG is shut: the member is down. */
    dt_fact(&dt_port(&sw, "1/1/5")->facts.admin_status, PR_IF_DOWN);
    /* 1/1/6: lag 6 is not in the configuration. */
    dt_unknown(&dt_port(&sw, "1/1/6")->facts.lacp_member);
    dt_unknown(&dt_port(&sw, "1/1/6")->facts.edge);
    pr_switch_free(&sw);
}

static void test_cx_speed_range_repeat_errors(void **state)
{
    (void)state;
    struct pr_switch sw;
    at_load(&sw, CX_HEAD "interface 1/1/1-1/1/3\n    no shutdown\n    vlan access 5\n"
                         "interface 1/1/2\n    speed 1000-full\n"
                         "interface 1/1/3\n    speed auto\n    description srv 3\n");
    assert_int_equal(sw.n_ports, 3);
    /* The range gave all three VLAN 5; 1/1/2 written again adds to it. */
    dt_fact(&dt_port(&sw, "1/1/2")->facts.access_vlan, 5);
    dt_fact(&dt_port(&sw, "1/1/2")->facts.autoneg, 0);
    dt_fact(&dt_port(&sw, "1/1/2")->facts.speed_mbps, 1000);
    dt_fact(&dt_port(&sw, "1/1/3")->facts.autoneg, 1);
    dt_unknown(&dt_port(&sw, "1/1/1")->facts.autoneg);
    assert_string_equal(dt_port(&sw, "1/1/3")->alias, "srv 3");
    pr_switch_free(&sw);

    const char *e1 = CX_HEAD "interface 1/1/1\n    vlan access 5000\n";
    read_error(e1, strlen(e1), PR_ERR_INPUT, "bad.cfg:3: \"vlan access 5000\": not a VLAN number");
    const char *e2 = CX_HEAD "spanning-tree mode pvst\n";
    read_error(e2, strlen(e2), PR_ERR_INPUT, "unknown spanning-tree mode");
    const char *e3 = CX_HEAD "interface 1/1/1\n    lag x\n";
    read_error(e3, strlen(e3), PR_ERR_INPUT, "not a LAG number");
}

static void test_cx_fixes(void **state)
{
    (void)state;
    struct pr_switch sw;
    at_load(&sw, CX_HEAD "spanning-tree\nvlan 1,10\n"
                         "interface lag 1 multi-chassis\n    no shutdown\n    no routing\n"
                         "    vlan trunk native 10\n    lacp mode active\n"
                         "interface lag 2\n    no shutdown\n    no routing\n    lacp mode active\n"
                         "interface 1/1/1\n    no shutdown\n    lag 1\n"
                         "interface 1/1/2\n    no shutdown\n    lag 2\n"
                         "interface 1/1/3\n    vlan access 10\n");
    const char *fix = at_fix(&sw, "1/1/1", PR_F_STP_EDGE_AUTO);
    assert_string_equal(fix, "interface lag 1\n    spanning-tree port-type admin-edge");
    fix = at_fix(&sw, "1/1/1", PR_F_LACP_NO_FALLBACK);
    assert_string_equal(fix, "interface lag 1\n    lacp fallback");
    fix = at_fix(&sw, "1/1/2", PR_F_LACP_NO_FALLBACK);
    at_contains(fix, "interface lag 2\n    lacp fallback-static");
    fix = at_fix(&sw, "1/1/3", PR_F_ADMIN_DOWN);
    assert_string_equal(fix, "interface 1/1/3\n    no shutdown");
    dt_port(&sw, "1/1/1")->expect_vlan = 20;
    fix = at_fix(&sw, "1/1/1", PR_F_VLAN_MISMATCH);
    /* VLAN 20 is not defined yet: created first; a trunk gets a native VLAN. */
    assert_string_equal(fix, "vlan 20\ninterface lag 1\n    vlan trunk native 20");
    pr_switch_free(&sw);
}

/* ---- ArubaOS-Switch ---- */

static void test_pc_ports_vlans_trunks(void **state)
{
    (void)state;
    struct pr_switch sw;
    at_load(&sw, PC_HEAD "hostname \"sw\"\n"
                         "trunk 5-6 trk1 lacp\n"
                         "trunk 7 trk2 trunk\n"
                         "interface 1\n   disable\n   name \"srv one\"\n   exit\n"
                         "interface 2\n   speed-duplex 100-full\n   lacp passive\n   exit\n"
                         "interface 3 speed-duplex auto-1000\n"
                         "vlan 1\n   name \"DEFAULT_VLAN\"\n   untagged 1-3,Trk1-Trk2\n"
                         "   no untagged 4\n   exit\n"
                         "vlan 20\n   untagged 4\n   tagged 3,Trk1\n   exit\n"
                         "vlan 30\n   tagged A1-A2\n   exit\n");
    /* Ports named anywhere: 1-7 and A1-A2; Trk1, Trk2 are trunks. */
    assert_int_equal(sw.n_ports, 9);
    assert_string_equal(sw.ports[0].name, "1");
    assert_string_equal(sw.ports[7].name, "A1");
    /* 1: "disable". */
    dt_fact(&dt_port(&sw, "1")->facts.admin_status, PR_IF_DOWN);
    assert_string_equal(dt_port(&sw, "1")->alias, "srv one");
    /* 2: "speed-duplex 100-full"; "lacp passive" without a trunk: dynamic
     * LACP, a standard port without a partner. */
    dt_fact(&dt_port(&sw, "2")->facts.autoneg, 0);
    dt_fact(&dt_port(&sw, "2")->facts.speed_mbps, 100);
    dt_fact(&dt_port(&sw, "2")->facts.lacp_member, 0);
    /* 3: "auto-1000" still negotiates; tagged in VLAN 20, untagged in 1. */
    dt_fact(&dt_port(&sw, "3")->facts.autoneg, 1);
    dt_fact(&dt_port(&sw, "3")->facts.trunk, 1);
    dt_fact(&dt_port(&sw, "3")->facts.access_vlan, 1);
    /* 4: "no untagged 4" in VLAN 1, "untagged 4" in VLAN 20. */
    dt_fact(&dt_port(&sw, "4")->facts.access_vlan, 20);
    /* 5, 6: "trunk 5-6 trk1 lacp": LACP members whose fallback nobody can
     * say; VLANs from Trk1 (untagged in 1, tagged in 20). */
    struct pr_port *p5 = dt_port(&sw, "5");
    dt_fact(&p5->facts.lacp_member, 1);
    dt_unknown(&p5->facts.lacp_fallback);
    assert_true(dt_has(p5, PR_F_LACP_FALLBACK_UNKNOWN));
    dt_fact(&p5->facts.access_vlan, 1);
    dt_fact(&p5->facts.trunk, 1);
    /* 7: "trunk 7 trk2 trunk": static, no LACP. */
    dt_fact(&dt_port(&sw, "7")->facts.lacp_member, 0);
    /* A1: only tagged: untagged PXE frames dropped. */
    dt_unknown(&dt_port(&sw, "A1")->facts.access_vlan);
    /* No "spanning-tree": off. */
    dt_fact(&sw.stp.mode, PR_MODE_OFF);
    pr_switch_free(&sw);
}

static void test_pc_spanning_tree(void **state)
{
    (void)state;
    struct pr_switch sw;
    at_load(&sw, PC_HEAD "spanning-tree\n"
                         "spanning-tree 1-2 admin-edge-port\n"
                         "spanning-tree 2 bpdu-protection\n"
                         "no spanning-tree 3 auto-edge-port\n"
                         "spanning-tree ethernet 5 bpdu-filter\n"
                         "spanning-tree forward-delay 10\n"
                         "vlan 1\n   untagged 1-5\n   exit\n");
    /* "spanning-tree", no mode or force-version: MSTP. */
    dt_fact(&sw.stp.mode, PR_MODE_MSTP);
    dt_fact(&sw.stp.forward_delay_s, 10);
    dt_unknown(&sw.stp.max_age_s);
    dt_fact(&dt_port(&sw, "1")->facts.edge, PR_EDGE_YES);
    dt_fact(&dt_port(&sw, "1")->facts.bpdu_guard, 0);
    dt_fact(&dt_port(&sw, "2")->facts.bpdu_guard, 1);
    /* 3: auto-edge off and no admin-edge: not edge, 2 x 10 s. */
    struct pr_port *p3 = dt_port(&sw, "3");
    dt_fact(&p3->facts.edge, PR_EDGE_NO);
    assert_true(dt_has(p3, PR_F_STP_NOT_EDGE));
    dt_fact(&p3->expected_blackout_s, 20);
    /* 4: auto-edge-port (default). */
    dt_fact(&dt_port(&sw, "4")->facts.edge, PR_EDGE_AUTO);
    /* 5: bpdu-filter: outside spanning tree. */
    dt_fact(&dt_port(&sw, "5")->facts.stp_enabled, 0);
    pr_switch_free(&sw);

    at_load(&sw, PC_HEAD "spanning-tree\nspanning-tree force-version stp-compatible\n"
                         "vlan 1\n   untagged 1\n   exit\n");
    dt_fact(&sw.stp.mode, PR_MODE_STP);
    assert_true(dt_has(dt_port(&sw, "1"), PR_F_STP_LEGACY_MODE));
    pr_switch_free(&sw);

    at_load(&sw, PC_HEAD "spanning-tree mode rapid-pvst\nspanning-tree\n"
                         "spanning-tree vlan 20 disable\n"
                         "vlan 1\n   untagged 1\n   exit\nvlan 20\n   untagged 2\n   exit\n");
    dt_fact(&sw.stp.mode, PR_MODE_RAPID_PVST);
    dt_fact(&dt_port(&sw, "1")->facts.stp_enabled, 1);
    dt_fact(&dt_port(&sw, "2")->facts.stp_enabled, 0);
    pr_switch_free(&sw);

    const char *e1 = PC_HEAD "spanning-tree force-version rapid\n";
    read_error(e1, strlen(e1), PR_ERR_INPUT, "unknown force-version");
    const char *e2 = PC_HEAD "vlan 1\n   untagged 1-x\n   exit\n";
    read_error(e2, strlen(e2), PR_ERR_INPUT, "bad.cfg:3: \"untagged 1-x\": not a port list");
    const char *e3 = PC_HEAD "trunk 1-2 lacp\n";
    read_error(e3, strlen(e3), PR_ERR_INPUT, "expected a trunk name");
}

static void test_pc_fixes(void **state)
{
    (void)state;
    struct pr_switch sw;
    at_load(&sw, PC_HEAD "spanning-tree\nspanning-tree force-version stp-compatible\n"
                         "trunk 5-6 trk1 lacp\n"
                         "interface 1\n   disable\n   exit\n"
                         "vlan 1\n   untagged 1-4,Trk1\n   exit\n");
    assert_string_equal(at_fix(&sw, "2", PR_F_STP_EDGE_AUTO), "spanning-tree 2 admin-edge-port");
    assert_string_equal(at_fix(&sw, "5", PR_F_STP_EDGE_AUTO), "spanning-tree Trk1 admin-edge-port");
    assert_string_equal(at_fix(&sw, "1", PR_F_ADMIN_DOWN), "interface 1\n   enable\n   exit");
    assert_string_equal(at_fix(&sw, "2", PR_F_STP_LEGACY_MODE),
                        "spanning-tree force-version mstp-operation");
    const char *fix = at_fix(&sw, "5", PR_F_LACP_FALLBACK_UNKNOWN);
    at_contains(fix, "ArubaOS-Switch has no LACP fallback");
    at_contains(fix, "\nno trunk 5,6\ninterface 5,6 lacp active");
    dt_port(&sw, "2")->expect_vlan = 30;
    assert_string_equal(at_fix(&sw, "2", PR_F_VLAN_MISMATCH), "vlan 30\n   untagged 2\n   exit");
    at_contains(at_fix(&sw, "2", PR_F_AUTONEG_ON), "; interface 2: only if the link is slow");
    pr_switch_free(&sw);
}

/* ---- apply and re-judge every fix of written configurations ---- */

static const char cx_text[] =
    CX_HEAD "spanning-tree\n"
            "interface lag 1 multi-chassis\n    no shutdown\n    no routing\n    vlan access 10\n"
            "    lacp mode active\n"
            "interface lag 2\n    no shutdown\n    no routing\n    vlan trunk native 10\n"
            "    vlan trunk allowed 10,20\n    lacp mode active\n"
            "interface 1/1/1\n    no shutdown\n    lag 1\n"
            "interface 1/1/2\n    no shutdown\n    lag 2\n"
            "interface 1/1/3\n    no routing\n    vlan access 10\n    speed auto 1000\n"
            "interface 1/1/4\n    no shutdown\n    vlan access 10\n"
            "    spanning-tree port-type admin-edge\n";

static const char pc_text[] = PC_HEAD "spanning-tree\n"
                                      "spanning-tree force-version stp-compatible\n"
                                      "no spanning-tree 3 auto-edge-port\n"
                                      "spanning-tree 4 admin-edge-port\n"
                                      "trunk 5-6 trk1 lacp\n"
                                      "interface 1\n   disable\n   exit\n"
                                      "interface 2\n   speed-duplex auto-100\n   exit\n"
                                      "vlan 1\n   untagged 1-4,Trk1\n   exit\n"
                                      "vlan 10\n   tagged 4\n   exit\n";

static void test_apply_and_rejudge_written(void **state)
{
    (void)state;
    struct dt_count count;
    memset(&count, 0, sizeof count);
    for (int pass = 0; pass < 2; pass++) {
        int64_t vlan = pass == 0 ? -1 : 100;
        at_rejudge_all("cx", cx_text, strlen(cx_text), vlan, '!', &count);
        at_rejudge_all("procurve", pc_text, strlen(pc_text), vlan, ';', &count);
    }
    print_message("%u findings, %u proven gone after their fix, %u advice\n", count.findings,
                  count.proven, count.advised);
    assert_int_equal(count.findings, count.proven + count.advised);
    static const enum pr_finding_id expected[] = {
        PR_F_ADMIN_DOWN,    PR_F_STP_NOT_EDGE,     PR_F_STP_LEGACY_MODE,
        PR_F_STP_EDGE_AUTO, PR_F_LACP_NO_FALLBACK, PR_F_LACP_FALLBACK_UNKNOWN,
        PR_F_AUTONEG_ON,    PR_F_BPDU_GUARD_OFF,   PR_F_VLAN_MISMATCH,
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        if (count.per_id[expected[i]] == 0)
            fail_msg("no %s finding was proven", pr_finding_id_name(expected[i]));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reader_lines),
        cmocka_unit_test(test_detect),
        cmocka_unit_test(test_cx_stp_and_edge),
        cmocka_unit_test(test_cx_rpvst_and_layers),
        cmocka_unit_test(test_cx_lags),
        cmocka_unit_test(test_cx_speed_range_repeat_errors),
        cmocka_unit_test(test_cx_fixes),
        cmocka_unit_test(test_pc_ports_vlans_trunks),
        cmocka_unit_test(test_pc_spanning_tree),
        cmocka_unit_test(test_pc_fixes),
        cmocka_unit_test(test_apply_and_rejudge_written),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
