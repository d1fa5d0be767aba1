/* SPDX-License-Identifier: BSD-3-Clause */
/* Real HPE/Aruba configurations (tests/data/aruba/, see its README, and
 * the ProCurve 2910al in ../shared/fixtures): each is read, a few ports per
 * file are asserted against verdicts derived by hand from the statements
 * quoted beside each assertion, and every fix of every finding of every
 * port is applied to the file and the port judged again. */
#include "aruba_test_util.h"

#include "core/roles.h"
#include "core/survey.h"
#include "driver.h"

#define DATA     PR_TEST_DATA "/aruba/"
#define FIXTURES PR_FIXTURES "/configs/"

/* Reads a file and judges every port; skips the test when a shared
 * fixture is absent (a clone without ../shared). */
static char *load(const char *dir, const char *name, struct pr_switch *sw, size_t *len)
{
    return dt_load(&at_cx, dir, name, strcmp(dir, FIXTURES) == 0, sw, len);
}

static void test_cx_6100(void **state)
{
    (void)state;
    struct pr_switch sw;
    size_t len;
    char *text = load(DATA, "oxidized__aoscx_6100-48G_PL.10.10.1090.txt", &sw, &len);
    assert_int_equal(aruba_switch_dialect(&sw), ARUBA_AOSCX);
    /* Oxidized's show environment/system preamble as `!` comments;
     * no "spanning-tree" statement: off. */
    dt_fact(&sw.stp.mode, PR_MODE_OFF);
    assert_int_equal(sw.n_ports, 1);
    /* interface 1/1/1: "description TEST", "no shutdown", "vlan access 1":
     * up, VLAN 1, no spanning tree: ready. */
    struct pr_port *p = dt_port(&sw, "1/1/1");
    dt_fact(&p->facts.admin_status, PR_IF_UP);
    dt_fact(&p->facts.access_vlan, 1);
    dt_fact(&p->facts.stp_enabled, 0);
    assert_string_equal(p->alias, "TEST");
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    pr_switch_free(&sw);
    free(text);
}

static void test_cx_6410(void **state)
{
    (void)state;
    struct pr_switch sw;
    size_t len;
    char *text = load(DATA, "oxidized__aoscx_6410_FL.10.10.1100.txt", &sw, &len);
    /* "spanning-tree", "spanning-tree priority 5", no mode: MSTP. */
    dt_fact(&sw.stp.mode, PR_MODE_MSTP);
    /* 160 `interface M/S/P` blocks. */
    assert_int_equal(sw.n_ports, 160);
    /* 1/3/1: "lag 247"; interface lag 247 multi-chassis: "vlan trunk native
     * 2000", "lacp mode active", no lacp fallback, no port-type: the LAG
     * blocks without an LACP partner and edge is auto-detected. */
    struct pr_port *p = dt_port(&sw, "1/3/1");
    dt_fact(&p->facts.lacp_member, 1);
    dt_fact(&p->facts.lacp_fallback, 0);
    dt_fact(&p->facts.access_vlan, 2000);
    dt_fact(&p->facts.edge, PR_EDGE_AUTO);
    assert_true(dt_has(p, PR_F_LACP_NO_FALLBACK));
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    /* 1/4/7: "lag 7"; interface lag 7 multi-chassis static: not LACP. */
    dt_fact(&dt_port(&sw, "1/4/7")->facts.lacp_member, 0);
    /* 1/4/20: "lag 20", and there is no interface lag 20 (the file was
     * shortened upstream): its VLANs and spanning tree are not here. */
    p = dt_port(&sw, "1/4/20");
    dt_unknown(&p->facts.lacp_member);
    assert_int_equal(p->verdict, PR_VERDICT_UNKNOWN);
    /* 1/4/2: "shutdown": not ready. */
    assert_true(dt_has(dt_port(&sw, "1/4/2"), PR_F_ADMIN_DOWN));
    /* 1/6/44: "speed 1000-full", "vlan access 997", "spanning-tree
     * bpdu-filter": fixed speed, outside spanning tree: ready. */
    p = dt_port(&sw, "1/6/44");
    dt_fact(&p->facts.autoneg, 0);
    dt_fact(&p->facts.speed_mbps, 1000);
    dt_fact(&p->facts.stp_enabled, 0);
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    /* 1/12/1: "routing", "ip address 192.168.0.0/31": routed: ready. */
    dt_fact(&dt_port(&sw, "1/12/1")->facts.stp_enabled, 0);
    /* 1/12/4: "no routing", "vlan access 1", "spanning-tree port-type
     * admin-edge", no bpdu-guard: edge (ready), BPDU guard info. */
    p = dt_port(&sw, "1/12/4");
    dt_fact(&p->facts.edge, PR_EDGE_YES);
    assert_true(dt_has(p, PR_F_BPDU_GUARD_OFF));
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    /* 1/12/2: "vlan access 2", no port-type: admin-network, 3 s. */
    p = dt_port(&sw, "1/12/2");
    dt_fact(&p->expected_blackout_s, 3);
    assert_int_equal(p->verdict, PR_VERDICT_WARNING);
    pr_switch_free(&sw);
    free(text);
}

static void test_cx_rpvst_6000(void **state)
{
    (void)state;
    struct pr_switch sw;
    size_t len;
    char *text = load(DATA, "oxidized__aoscx_6000-48G-CL4_PL.10.08.1010.txt", &sw, &len);
    /* "banner motd $" ... "$" is skipped; "spanning-tree mode rpvst",
     * "spanning-tree", "spanning-tree vlan 497-499". */
    dt_fact(&sw.stp.mode, PR_MODE_RAPID_PVST);
    assert_int_equal(sw.n_ports, 11);
    /* 1/1/1: "vlan access 498", bpdu-guard, admin-edge: ready, 0 s. */
    struct pr_port *p = dt_port(&sw, "1/1/1");
    dt_fact(&p->facts.access_vlan, 498);
    dt_fact(&p->facts.stp_enabled, 1);
    dt_fact(&p->expected_blackout_s, 0);
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    /* 1/1/48: "vlan trunk native 1", "vlan trunk allowed 497-499", no
     * port-type: a trunk, VLAN 1 (which runs RPVST+), edge after 3 s. */
    p = dt_port(&sw, "1/1/48");
    dt_fact(&p->facts.trunk, 1);
    dt_fact(&p->facts.access_vlan, 1);
    dt_fact(&p->facts.edge, PR_EDGE_AUTO);
    assert_int_equal(p->verdict, PR_VERDICT_WARNING);
    pr_switch_free(&sw);
    free(text);
}

static void test_cx_6000_8g_and_8325(void **state)
{
    (void)state;
    struct pr_switch sw;
    size_t len;
    char *text = load(DATA, "oxidized__aoscx_6000-8G_PL.10.16.1010.txt", &sw, &len);
    dt_fact(&sw.stp.mode, PR_MODE_MSTP); /* "spanning-tree" */
    assert_int_equal(sw.n_ports, 10);
    /* 1/1/1: admin-edge, bpdu-guard, VLAN 51 (port-access sub-context
     * below it): ready. */
    assert_int_equal(dt_port(&sw, "1/1/1")->verdict, PR_VERDICT_READY);
    /* 1/1/9: "shutdown", "vlan access 1". */
    assert_true(dt_has(dt_port(&sw, "1/1/9"), PR_F_ADMIN_DOWN));
    pr_switch_free(&sw);
    free(text);

    text = load(DATA, "oxidized__aoscx_8325H_HL.10.15.1020.txt", &sw, &len);
    /* No "spanning-tree": off. 1/1/1 in "interface lag 1 multi-chassis"
     * with "lacp mode active" and no fallback: not ready. */
    dt_fact(&sw.stp.mode, PR_MODE_OFF);
    assert_int_equal(sw.n_ports, 3);
    struct pr_port *p = dt_port(&sw, "1/1/1");
    dt_fact(&p->facts.lacp_fallback, 0);
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    pr_switch_free(&sw);
    free(text);

    text = load(DATA, "oxidized__aoscx_6000-48G_PL.10.13.0005.txt", &sw, &len);
    /* Admin-edge and bpdu-guard on 1/1/1, but no global "spanning-tree":
     * spanning tree is off, both ports ready. */
    dt_fact(&sw.stp.mode, PR_MODE_OFF);
    assert_int_equal(dt_port(&sw, "1/1/1")->verdict, PR_VERDICT_READY);
    assert_int_equal(dt_port(&sw, "1/1/52")->verdict, PR_VERDICT_READY);
    pr_switch_free(&sw);
    free(text);
}

static void test_cx_canu(void **state)
{
    (void)state;
    struct pr_switch sw;
    size_t len;
    char *text = load(DATA, "canu__sw-leaf-001.cfg", &sw, &len);
    /* No version header: recognised by its statements. "spanning-tree",
     * "spanning-tree forward-delay 4". */
    assert_int_equal(aruba_switch_dialect(&sw), ARUBA_AOSCX);
    dt_fact(&sw.stp.forward_delay_s, 4);
    /* 1/1/1 "lag 10"; interface lag 10 multi-chassis: "lacp mode active",
     * "lacp fallback", "spanning-tree port-type admin-edge": edge, fallback:
     * ready (BPDU guard info). */
    struct pr_port *p = dt_port(&sw, "1/1/1");
    dt_fact(&p->facts.lacp_fallback, 1);
    dt_fact(&p->facts.edge, PR_EDGE_YES);
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    /* 1/1/51 "lag 115": multi-chassis, lacp mode active, no fallback. */
    assert_true(dt_has(dt_port(&sw, "1/1/51"), PR_F_LACP_NO_FALLBACK));
    /* 1/1/55 "lag 100": "vlan trunk native 1 tag": untagged dropped. */
    dt_unknown(&dt_port(&sw, "1/1/55")->facts.access_vlan);
    /* 1/1/54: "vrf attach keepalive", "ip address ...": routed. */
    dt_fact(&dt_port(&sw, "1/1/54")->facts.stp_enabled, 0);
    pr_switch_free(&sw);
    free(text);

    text = load(DATA, "canu__sw-leaf-bmc-001.cfg", &sw, &len);
    /* 1/1/1: "no routing", "vlan access 4", bpdu-guard, admin-edge. */
    p = dt_port(&sw, "1/1/1");
    dt_fact(&p->facts.access_vlan, 4);
    dt_fact(&p->facts.bpdu_guard, 1);
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    /* 1/1/48 "lag 2": lacp mode active, no fallback. */
    assert_true(dt_has(dt_port(&sw, "1/1/48"), PR_F_LACP_NO_FALLBACK));
    pr_switch_free(&sw);
    free(text);
}

static void test_pc_2910al(void **state)
{
    (void)state;
    struct pr_switch sw;
    size_t len;
    char *text = load(FIXTURES, "napalm-procurve__show_running_config.txt", &sw, &len);
    assert_int_equal(aruba_switch_dialect(&sw), ARUBA_PROCURVE);
    /* "Running configuration:" header, "; J9148A Configuration Editor;
     * Created on release #W.15.08.0012"; "spanning-tree" alone: MSTP. */
    dt_fact(&sw.stp.mode, PR_MODE_MSTP);
    at_contains(sw.stp.mode.evidence, "W.15.08.0012");
    assert_int_equal(sw.n_ports, 48);
    /* interface 1: "flow-control", "lacp passive": dynamic LACP, no trunk;
     * VLAN 1 "untagged 1-34,36-48"; no admin-edge-port: auto-edge, 3 s:
     * warning; no speed-duplex: auto (info). */
    struct pr_port *p = dt_port(&sw, "1");
    dt_fact(&p->facts.lacp_member, 0);
    dt_fact(&p->facts.access_vlan, 1);
    dt_fact(&p->facts.edge, PR_EDGE_AUTO);
    dt_fact(&p->facts.autoneg, 1);
    assert_true(dt_has(p, PR_F_STP_EDGE_AUTO));
    assert_int_equal(p->verdict, PR_VERDICT_WARNING);
    /* 35: "no untagged 35" in VLAN 1, "untagged 35" in VLAN 4. */
    dt_fact(&dt_port(&sw, "35")->facts.access_vlan, 4);
    /* 2: "tagged 2,11" in VLAN 2, "tagged 2,4,..." in VLAN 3: a tagged
     * port whose untagged VLAN is 1. */
    p = dt_port(&sw, "2");
    dt_fact(&p->facts.trunk, 1);
    dt_fact(&p->facts.access_vlan, 1);
    /* 6: name "rtr IPMI". */
    assert_string_equal(dt_port(&sw, "6")->alias, "rtr IPMI");
    pr_switch_free(&sw);
    free(text);
}

static void test_pc_2930m_stack(void **state)
{
    (void)state;
    struct pr_switch sw;
    size_t len;
    char *text = load(DATA, "napalm-arubaos-switch__2930M_WC.16.10.0009.txt", &sw, &len);
    /* The answer ends in a NUL byte after the text; "; hpStack_WC
     * Configuration Editor"; no "spanning-tree": off. VLAN 1 "untagged
     * 1/1-1/48": 48 stack ports. */
    assert_int_equal(aruba_switch_dialect(&sw), ARUBA_PROCURVE);
    dt_fact(&sw.stp.mode, PR_MODE_OFF);
    assert_int_equal(sw.n_ports, 48);
    struct pr_port *p = dt_port(&sw, "1/10");
    assert_string_equal(p->alias, "test"); /* interface 1/10: name "test" */
    dt_fact(&p->facts.access_vlan, 1);
    dt_fact(&p->facts.admin_status, PR_IF_UP);
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    pr_switch_free(&sw);
    free(text);
}

static void test_apply_and_rejudge_real(void **state)
{
    (void)state;
    static const struct {
        const char *dir, *name;
        char comment;
    } files[] = {
        {DATA, "oxidized__aoscx_6100-48G_PL.10.10.1090.txt", '!'},
        {DATA, "oxidized__aoscx_6410_FL.10.10.1100.txt", '!'},
        {DATA, "oxidized__aoscx_6000-8G_PL.10.16.1010.txt", '!'},
        {DATA, "oxidized__aoscx_6000-48G-CL4_PL.10.08.1010.txt", '!'},
        {DATA, "oxidized__aoscx_8325H_HL.10.15.1020.txt", '!'},
        {DATA, "oxidized__aoscx_6000-48G_PL.10.13.0005.txt", '!'},
        {DATA, "canu__sw-leaf-001.cfg", '!'},
        {DATA, "canu__sw-leaf-bmc-001.cfg", '!'},
        {DATA, "napalm-arubaos-switch__2930M_WC.16.10.0009.txt", ';'},
        {FIXTURES, "napalm-procurve__show_running_config.txt", ';'},
    };
    struct dt_count cx, pc;
    memset(&cx, 0, sizeof cx);
    memset(&pc, 0, sizeof pc);
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[512];
        size_t len;
        snprintf(path, sizeof path, "%s%s", files[i].dir, files[i].name);
        char *text = dt_slurp(path, &len);
        if (text == NULL) {
            print_message("%s absent: not applied\n", path);
            continue;
        }
        struct dt_count *c = files[i].comment == '!' ? &cx : &pc;
        c->files++;
        for (int pass = 0; pass < 2; pass++)
            at_rejudge_all(files[i].name, text, len, pass == 0 ? -1 : 100, files[i].comment, c);
        free(text);
    }
    print_message("AOS-CX: %u files, %u ports judged twice, %u findings: %u proven gone, %u "
                  "advice\n",
                  cx.files, cx.ports / 2, cx.findings, cx.proven, cx.advised);
    print_message("ArubaOS-Switch: %u files, %u ports judged twice, %u findings: %u proven gone, "
                  "%u advice\n",
                  pc.files, pc.ports / 2, pc.findings, pc.proven, pc.advised);
    assert_int_equal(cx.findings, cx.proven + cx.advised);
    assert_int_equal(pc.findings, pc.proven + pc.advised);
    assert_true(cx.proven > 0);
    assert_true(pc.proven > 0);
}

/* Whether every fact of a and b (value, known, evidence but for line
 * numbers: a fix appended at the end moves none) is the same. */
static bool same_facts(const struct pr_port *a, const struct pr_port *b, char *why, size_t len)
{
    const struct pr_fact *fa = (const struct pr_fact *)&a->facts;
    const struct pr_fact *fb = (const struct pr_fact *)&b->facts;
    size_t n = offsetof(struct pr_port_facts, err_disabled_cause) / sizeof(struct pr_fact);
    for (size_t k = 0; k < n; k++) {
        if (fa[k].known != fb[k].known || (fa[k].known && fa[k].value != fb[k].value) ||
            strcmp(fa[k].evidence, fb[k].evidence) != 0) {
            snprintf(why, len, "fact %zu: %d/%lld \"%s\" became %d/%lld \"%s\"", k, fa[k].known,
                     (long long)fa[k].value, fa[k].evidence, fb[k].known, (long long)fb[k].value,
                     fb[k].evidence);
            return false;
        }
    }
    return true;
}

/* Every third port stands in for an uplink (a configuration shows no
 * neighbour; a LAG's or trunk's other members follow it): the switch's
 * --fix block, applied at once, closes every finding it carries on the
 * other ports and leaves every uplink reading exactly as before. */
static unsigned block_and_uplinks(const char *name, const char *text, size_t len,
                                  int64_t expect_vlan, unsigned *uplinks)
{
    struct pr_switch sw;
    at_read(&sw, text, len, name);
    for (size_t i = 0; i < sw.n_ports; i++) {
        sw.ports[i].expect_vlan = expect_vlan;
        if (i % 3 == 1)
            pr_role_add_signal(&sw.ports[i].role, PR_ROLE_UPLINK, "the test's uplink",
                               "every third port stands in for an LLDP bridge neighbour");
    }
    roles_assign(&sw);
    rules_judge_switch(&sw);
    survey_write_fixes(&pr_driver_aruba, &sw);
    const char *block = sw.fix.text ? sw.fix.text : "";
    if (sw.fix.text != NULL)
        assert_true(sw.fix.paste);
    char *applied;
    size_t applied_len;
    struct pr_error err = {0};
    if (aruba_config_apply(text, len, block, &applied, &applied_len, &err) != 0)
        fail_msg("apply: %s", err.msg);
    struct pr_switch again;
    pr_switch_init(&again, name, name);
    if (aruba_config_read(applied, applied_len, name, &again, &err) != 0)
        fail_msg("%s after applying the block: %s\n%s", name, err.msg, block);
    unsigned fixed = 0;
    for (size_t i = 0; i < sw.n_ports; i++) {
        const struct pr_port *p = &sw.ports[i];
        struct pr_port *q = pr_switch_find_name(&again, p->name);
        if (q == NULL)
            fail_msg("%s: port %s gone after the block", name, p->name);
        q->expect_vlan = expect_vlan;
        char why[PR_EVIDENCE_MAX * 3];
        if (p->role.role == PR_ROLE_UPLINK) {
            (*uplinks)++;
            if (!same_facts(p, q, why, sizeof why))
                fail_msg("%s: the block changed uplink %s: %s\n%s", name, p->name, why, block);
            continue;
        }
        rules_judge_port(&again, q);
        for (size_t k = 0; k < p->n_findings; k++) {
            const struct pr_finding *f = &p->findings[k];
            if (!pr_driver_fix_in_block(p, f))
                continue;
            bool advice = true;
            for (const char *l = f->fix; *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : "")
                advice &= *l == '!' || *l == ';' || *l == '\n';
            if (advice)
                continue;
            if (dt_has(q, f->id))
                fail_msg("%s %s %s: still there after the block\n%s", name, p->name,
                         pr_finding_id_name(f->id), block);
            fixed++;
        }
    }
    free(applied);
    pr_switch_free(&again);
    pr_switch_free(&sw);
    return fixed;
}

static void test_block_fixes_all_and_spares_uplinks(void **state)
{
    (void)state;
    static const struct {
        const char *dir, *name;
    } files[] = {
        {DATA, "oxidized__aoscx_6100-48G_PL.10.10.1090.txt"},
        {DATA, "oxidized__aoscx_6410_FL.10.10.1100.txt"},
        {DATA, "oxidized__aoscx_6000-8G_PL.10.16.1010.txt"},
        {DATA, "oxidized__aoscx_6000-48G-CL4_PL.10.08.1010.txt"},
        {DATA, "oxidized__aoscx_8325H_HL.10.15.1020.txt"},
        {DATA, "oxidized__aoscx_6000-48G_PL.10.13.0005.txt"},
        {DATA, "canu__sw-leaf-001.cfg"},
        {DATA, "canu__sw-leaf-bmc-001.cfg"},
        {DATA, "napalm-arubaos-switch__2930M_WC.16.10.0009.txt"},
        {FIXTURES, "napalm-procurve__show_running_config.txt"},
    };
    unsigned fixed = 0, uplinks = 0;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[512];
        size_t len;
        snprintf(path, sizeof path, "%s%s", files[i].dir, files[i].name);
        char *text = dt_slurp(path, &len);
        if (text == NULL)
            continue;
        for (int pass = 0; pass < 2; pass++)
            fixed += block_and_uplinks(files[i].name, text, len, pass == 0 ? -1 : 100, &uplinks);
        free(text);
    }
    print_message("%u findings fixed by the blocks at once, %u uplinks untouched\n", fixed,
                  uplinks);
    assert_true(fixed > 0);
    assert_true(uplinks > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cx_6100),
        cmocka_unit_test(test_cx_6410),
        cmocka_unit_test(test_cx_rpvst_6000),
        cmocka_unit_test(test_cx_6000_8g_and_8325),
        cmocka_unit_test(test_cx_canu),
        cmocka_unit_test(test_pc_2910al),
        cmocka_unit_test(test_pc_2930m_stack),
        cmocka_unit_test(test_apply_and_rejudge_real),
        cmocka_unit_test(test_block_fixes_all_and_spares_uplinks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
