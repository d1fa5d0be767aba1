/* SPDX-License-Identifier: BSD-3-Clause */
/* The `#`-sectioned configuration family (Huawei VRP, H3C / HPE Comware):
 * the real Comware files of ../shared/fixtures and the configurations
 * written for these tests (tests/data/vrp/), each expectation derived by
 * hand from the statements quoted beside it; every fix of every finding
 * applied to the text, read again and judged again; the switch's whole
 * --fix block applied at once, uplinks untouched. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cli/vrp_family.h"
#include "core/roles.h"
#include "core/survey.h"
#include "driver.h"
#include "rules/rules.h"
#include "util/fileutil.h"

#define FIXTURES PR_FIXTURES "/configs/"
#define DATA     PR_TEST_DATA "/vrp/"

#define NEWSTARTUP "autoconfig-comware__newstartup.cfg"
#define V1910      "ciscoconfparse2__HP_Procurve.conf"
#define HW_WRITTEN "huawei-s5720-written.cfg"
#define CW_WRITTEN "comware7-written.cfg"

static const struct pr_driver *driver_of(enum vrp_dialect d)
{
    return d == VRP_HUAWEI ? &pr_driver_huawei : &pr_driver_comware;
}

/* The file's text, NULL (and the test skipped) when a shared fixture is
 * absent. */
static char *slurp(const char *dir, const char *name, size_t *len)
{
    char path[512], *text = NULL;
    snprintf(path, sizeof path, "%s%s", dir, name);
    struct pr_error err = {0};
    if (pr_read_file(path, 1 << 24, &text, len, &err) != 0) {
        if (strcmp(dir, FIXTURES) == 0) {
            print_message("%s absent (../shared not here): skipped\n", path);
            skip();
        }
        fail_msg("%s: %s", path, err.msg);
    }
    return text;
}

static void read_as(enum vrp_dialect d, const char *text, size_t len, const char *name,
                    struct pr_switch *sw)
{
    pr_switch_init(sw, name, name);
    struct pr_config_text cfg = {text, len, name, "config"};
    struct pr_error err = {0};
    if (driver_of(d)->read_config(&cfg, sw, &err) != 0)
        fail_msg("%s: %s", name, err.msg);
    rules_judge_switch(sw);
}

static struct pr_port *port_of(struct pr_switch *sw, const char *name)
{
    struct pr_port *p = pr_switch_find_name(sw, name);
    if (p == NULL)
        fail_msg("no port %s", name);
    return p;
}

static bool has(const struct pr_port *p, enum pr_finding_id id)
{
    for (size_t i = 0; i < p->n_findings; i++) {
        if (p->findings[i].id == id)
            return true;
    }
    return false;
}

static void fact(const struct pr_fact *f, int64_t value, const char *in_evidence)
{
    if (!f->known || f->value != value)
        fail_msg("fact %s %lld (%s), expected %lld", f->known ? "=" : "unknown",
                 (long long)f->value, f->evidence, (long long)value);
    if (in_evidence != NULL && strstr(f->evidence, in_evidence) == NULL)
        fail_msg("evidence \"%s\" lacks \"%s\"", f->evidence, in_evidence);
}

static void unknown(const struct pr_fact *f, const char *in_evidence)
{
    if (f->known)
        fail_msg("fact = %lld (%s), expected unknown", (long long)f->value, f->evidence);
    if (in_evidence != NULL && strstr(f->evidence, in_evidence) == NULL)
        fail_msg("evidence \"%s\" lacks \"%s\"", f->evidence, in_evidence);
}

static const char *fix_of(struct pr_switch *sw, const char *port, enum pr_finding_id id)
{
    static char fix[PR_FIX_MAX];
    struct pr_port *p = port_of(sw, port);
    for (size_t i = 0; i < p->n_findings; i++) {
        if (p->findings[i].id == id) {
            driver_of(vrp_switch_model(sw)->dialect)
                ->snippet(sw, p, &p->findings[i], fix, sizeof fix);
            return fix;
        }
    }
    fail_msg("%s has no %s finding", port, pr_finding_id_name(id));
    return NULL;
}

static void test_comware7_newstartup(void **state)
{
    (void)state;
    size_t len;
    char *text = slurp(FIXTURES, NEWSTARTUP, &len);
    struct pr_switch sw;
    /* " version 7.1.070, Release 6628P47" (line 2), "interface
     * Ten-GigabitEthernet1/0/1", " port link-mode bridge": Comware. */
    assert_ptr_equal(pr_driver_choose(NULL, NULL, text, len), &pr_driver_comware);
    read_as(VRP_COMWARE, text, len, NEWSTARTUP, &sw);
    /* " stp mode pvst" (line 34), " stp global enable" (line 35). */
    fact(&sw.stp.mode, PR_MODE_RAPID_PVST, "stp global enable (line 35), stp mode pvst (line 34)");
    /* 56 front-panel ports: HundredGigE1/0/49-50, 1/1/1-2, Ten-GigabitEthernet
     * 1/0/1-48 and 1/2/1-4; M-GigabitEthernet0/0/0, LoopBack0, NULL0 and the
     * Vlan-interfaces are not ports. */
    assert_int_equal(sw.n_ports, 56);
    assert_null(pr_switch_find_name(&sw, "M-GigabitEthernet0/0/0"));
    /* Ten-GigabitEthernet1/0/10: " port access vlan 10", no stp
     * edged-port: VLAN 10, not edge, 2 x 15 s. */
    struct pr_port *p = port_of(&sw, "Ten-GigabitEthernet1/0/10");
    fact(&p->facts.access_vlan, 10, "port access vlan 10");
    fact(&p->facts.edge, PR_EDGE_NO, "no stp edged-port");
    fact(&p->expected_blackout_s, 30, NULL);
    assert_string_equal(fix_of(&sw, p->name, PR_F_STP_NOT_EDGE),
                        "interface Ten-GigabitEthernet1/0/10\n stp edged-port");
    /* Ten-GigabitEthernet1/0/25: " port link-type trunk", " port trunk
     * permit vlan 1 50": PVID 1, which the trunk permits. */
    p = port_of(&sw, "Ten-GigabitEthernet1/0/25");
    fact(&p->facts.trunk, 1, "port link-type trunk");
    fact(&p->facts.access_vlan, 1, "PVID 1");
    /* Ten-GigabitEthernet1/2/4: nothing but its header: access, VLAN 1,
     * enabled (no shutdown). */
    p = port_of(&sw, "Ten-GigabitEthernet1/2/4");
    fact(&p->facts.access_vlan, 1, "VLAN 1 (default)");
    fact(&p->facts.admin_status, PR_IF_UP, "no shutdown statement");
    /* No port carries stp edged-port: all 56 not ready. */
    unsigned not_ready = 0;
    for (size_t i = 0; i < sw.n_ports; i++)
        not_ready += sw.ports[i].verdict == PR_VERDICT_NOT_READY;
    assert_int_equal(not_ready, 56);
    pr_switch_free(&sw);
    free(text);
}

static void test_comware5_v1910(void **state)
{
    (void)state;
    size_t len;
    char *text = slurp(FIXTURES, V1910, &len);
    struct pr_switch sw;
    /* " version 5.20, Release 1513P81": Comware 5, not ProCurve, whatever
     * the file's name says. */
    assert_ptr_equal(pr_driver_choose(NULL, NULL, text, len), &pr_driver_comware);
    read_as(VRP_COMWARE, text, len, V1910, &sw);
    /* " stp mode rstp", " stp enable". */
    fact(&sw.stp.mode, PR_MODE_RSTP, "stp enable");
    assert_int_equal(sw.n_ports, 52);
    /* GigabitEthernet1/0/2: hybrid, " undo port hybrid vlan 1", " port
     * hybrid vlan 10 tagged", PVID 1 by default: untagged frames are
     * dropped; " stp edged-port enable": edge. */
    struct pr_port *p = port_of(&sw, "GigabitEthernet1/0/2");
    unknown(&p->facts.access_vlan, "VLAN 1 is not untagged on the port");
    fact(&p->facts.edge, PR_EDGE_YES, "stp edged-port enable");
    /* GigabitEthernet1/0/1: " port link-aggregation group 1" and its own
     * stp edged-port enable; interface Bridge-Aggregation1 has no stp
     * edged-port and governs the member: not edge; no link-aggregation
     * mode dynamic: a static aggregate. */
    p = port_of(&sw, "GigabitEthernet1/0/1");
    fact(&p->facts.edge, PR_EDGE_NO, "interface Bridge-Aggregation1: no stp edged-port");
    fact(&p->facts.lacp_member, 0, "a static aggregate");
    assert_string_equal(p->lag_name, "Bridge-Aggregation1");
    /* Comware 5 spells the fix with enable. */
    assert_string_equal(fix_of(&sw, p->name, PR_F_STP_NOT_EDGE),
                        "interface Bridge-Aggregation1\n stp edged-port enable");
    /* GigabitEthernet1/0/25: " stp edged-port enable" alone: access VLAN 1,
     * edge, ready. */
    p = port_of(&sw, "GigabitEthernet1/0/25");
    fact(&p->facts.access_vlan, 1, NULL);
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    /* 8 members of Bridge-Aggregation1-4 are not ready, the other 44 are. */
    unsigned ready = 0;
    for (size_t i = 0; i < sw.n_ports; i++)
        ready += sw.ports[i].verdict == PR_VERDICT_READY;
    assert_int_equal(ready, 44);
    pr_switch_free(&sw);
    free(text);
}

static void test_huawei_written(void **state)
{
    (void)state;
    size_t len;
    char *text = slurp(DATA, HW_WRITTEN, &len);
    struct pr_switch sw;
    assert_ptr_equal(pr_driver_choose(NULL, NULL, text, len), &pr_driver_huawei);
    read_as(VRP_HUAWEI, text, len, HW_WRITTEN, &sw);
    fact(&sw.stp.mode, PR_MODE_RSTP,
         "no stp disable: spanning tree runs (on by default), stp mode rstp (line 7)");
    /* Vlanif100, MEth0/0/1, Eth-Trunk1/2 and NULL0 are not ports: 12. */
    assert_int_equal(sw.n_ports, 12);
    struct pr_port *p = port_of(&sw, "GigabitEthernet0/0/1");
    fact(&p->facts.access_vlan, 10, "port default vlan 10");
    fact(&p->facts.edge, PR_EDGE_YES, "stp edged-port enable");
    fact(&p->facts.bpdu_guard, 1, "stp bpdu-protection");
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    /* 0/0/2: no stp edged-port: VRP detects edge ports (no BPDU within
     * 2 x hello + 1 s): left to detection, a warning. */
    p = port_of(&sw, "GigabitEthernet0/0/2");
    fact(&p->facts.edge, PR_EDGE_AUTO, "left to edge detection");
    assert_int_equal(p->verdict, PR_VERDICT_WARNING);
    assert_string_equal(fix_of(&sw, p->name, PR_F_STP_EDGE_AUTO),
                        "interface GigabitEthernet0/0/2\n stp edged-port enable");
    /* 0/0/3: trunk pvid vlan 20, VLAN 1 taken away, 10 20 allowed. */
    fact(&port_of(&sw, "GigabitEthernet0/0/3")->facts.access_vlan, 20, "port trunk pvid vlan 20");
    /* 0/0/5: PVID 1 by default but "undo port trunk allow-pass vlan 1". */
    unknown(&port_of(&sw, "GigabitEthernet0/0/5")->facts.access_vlan, "VLAN 1 is not permitted");
    p = port_of(&sw, "GigabitEthernet0/0/4");
    fact(&p->facts.admin_status, PR_IF_DOWN, "shutdown");
    assert_string_equal(fix_of(&sw, p->name, PR_F_ADMIN_DOWN),
                        "interface GigabitEthernet0/0/4\n undo shutdown");
    fact(&port_of(&sw, "GigabitEthernet0/0/6")->facts.stp_enabled, 0, "stp disable");
    fact(&port_of(&sw, "GigabitEthernet0/0/7")->facts.stp_enabled, 0, "stp bpdu-filter enable");
    fact(&port_of(&sw, "GigabitEthernet0/0/8")->facts.stp_enabled, 0, "undo portswitch");
    /* 0/0/9: "eth-trunk 2"; Eth-Trunk2 "mode lacp", "stp edged-port
     * enable", VLAN 10: edge from the trunk, fallback unknown. */
    p = port_of(&sw, "GigabitEthernet0/0/9");
    fact(&p->facts.lacp_member, 1, "mode lacp");
    unknown(&p->facts.lacp_fallback, "no VRP release documents an LACP fallback");
    fact(&p->facts.edge, PR_EDGE_YES, "interface Eth-Trunk2: stp edged-port enable");
    assert_true(has(p, PR_F_LACP_FALLBACK_UNKNOWN));
    pr_switch_free(&sw);
    free(text);
}

static void test_comware_written(void **state)
{
    (void)state;
    size_t len;
    char *text = slurp(DATA, CW_WRITTEN, &len);
    struct pr_switch sw;
    read_as(VRP_COMWARE, text, len, CW_WRITTEN, &sw);
    /* " stp global enable", no stp mode: MSTP. */
    fact(&sw.stp.mode, PR_MODE_MSTP, "MSTP is the default");
    /* 1/0/4 in Bridge-Aggregation1: dynamic, lacp edge-port, stp edged-port. */
    struct pr_port *p = port_of(&sw, "GigabitEthernet1/0/4");
    fact(&p->facts.lacp_member, 1, "link-aggregation mode dynamic");
    fact(&p->facts.lacp_fallback, 1, "lacp edge-port");
    fact(&p->facts.edge, PR_EDGE_YES, "interface Bridge-Aggregation1: stp edged-port");
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    /* 1/0/5 in Bridge-Aggregation2: dynamic, no lacp edge-port. */
    p = port_of(&sw, "GigabitEthernet1/0/5");
    fact(&p->facts.lacp_fallback, 0, "no lacp edge-port");
    assert_string_equal(fix_of(&sw, p->name, PR_F_LACP_NO_FALLBACK),
                        "interface Bridge-Aggregation2\n lacp edge-port");
    /* 1/0/6 in the static Bridge-Aggregation3: VLAN 20 from it. */
    p = port_of(&sw, "GigabitEthernet1/0/6");
    fact(&p->facts.lacp_member, 0, "static aggregate");
    fact(&p->facts.access_vlan, 20, "interface Bridge-Aggregation3: port access vlan 20");
    fact(&port_of(&sw, "GigabitEthernet1/0/7")->facts.stp_enabled, 0, "port link-mode route");
    fact(&port_of(&sw, "GigabitEthernet1/0/9")->facts.stp_enabled, 0, "undo stp enable");
    /* A Comware 7 text without stp global enable: spanning tree off. */
    const char *off = "#\n version 7.1.064, Release 2432P05\n#\ninterface GigabitEthernet1/0/1\n"
                      " port link-mode bridge\n#\nreturn\n";
    struct pr_switch sw2;
    read_as(VRP_COMWARE, off, strlen(off), "off.cfg", &sw2);
    fact(&sw2.stp.mode, PR_MODE_OFF, "no stp global enable");
    fact(&port_of(&sw2, "GigabitEthernet1/0/1")->expected_blackout_s, 0, NULL);
    pr_switch_free(&sw2);
    pr_switch_free(&sw);
    free(text);
}

static bool advice(const char *fix)
{
    for (const char *l = fix; *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : "") {
        if (*l != '#' && *l != '\n')
            return false;
    }
    return true;
}

struct count {
    unsigned ports, findings, proven, advised;
};

/* Each fix of each finding applied to the text, read and judged again:
 * the finding is gone. Advice (only `#` lines) is allowed where no
 * configuration can fix it: auto-negotiation without a known rate, and a
 * VRP Eth-Trunk's missing fallback. */
static void rejudge_all(enum vrp_dialect d, const char *name, const char *text, size_t len,
                        int64_t expect_vlan, struct count *c)
{
    struct pr_switch sw;
    read_as(d, text, len, name, &sw);
    c->ports += (unsigned)sw.n_ports;
    for (size_t i = 0; i < sw.n_ports; i++) {
        struct pr_port *p = &sw.ports[i];
        p->expect_vlan = expect_vlan;
        rules_judge_port(&sw, p);
        for (size_t k = 0; k < p->n_findings; k++) {
            const struct pr_finding *f = &p->findings[k];
            c->findings++;
            char fix[PR_FIX_MAX];
            driver_of(d)->snippet(&sw, p, f, fix, sizeof fix);
            if (advice(fix)) {
                if (f->id != PR_F_AUTONEG_ON && f->id != PR_F_LACP_FALLBACK_UNKNOWN)
                    fail_msg("%s %s %s: no configuration fix (\"%s\")", name, p->name,
                             pr_finding_id_name(f->id), fix);
                c->advised++;
                continue;
            }
            char *applied;
            size_t applied_len;
            struct pr_error err = {0};
            if (vrp_config_apply(text, len, fix, &applied, &applied_len, &err) != 0)
                fail_msg("apply: %s", err.msg);
            struct pr_switch again;
            pr_switch_init(&again, name, name);
            if (vrp_config_read(d, applied, applied_len, name, &again, &err) != 0)
                fail_msg("%s after applying \"%s\": %s", name, fix, err.msg);
            struct pr_port *q = pr_switch_find_name(&again, p->name);
            if (q == NULL)
                fail_msg("%s: port %s gone after applying \"%s\"", name, p->name, fix);
            q->expect_vlan = expect_vlan;
            rules_judge_port(&again, q);
            if (has(q, f->id))
                fail_msg("%s %s: %s still there after applying\n%s", name, p->name,
                         pr_finding_id_name(f->id), fix);
            c->proven++;
            pr_switch_free(&again);
            free(applied);
        }
    }
    pr_switch_free(&sw);
}

static const struct {
    enum vrp_dialect d;
    const char *dir, *name;
} files[] = {
    {VRP_COMWARE, FIXTURES, NEWSTARTUP},
    {VRP_COMWARE, FIXTURES, V1910},
    {VRP_COMWARE, DATA, CW_WRITTEN},
    {VRP_HUAWEI, DATA, HW_WRITTEN},
};

static void test_apply_and_rejudge(void **state)
{
    (void)state;
    unsigned proven = 0;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        struct count c = {0};
        size_t len;
        char *text = slurp(files[i].dir, files[i].name, &len);
        rejudge_all(files[i].d, files[i].name, text, len, -1, &c);
        rejudge_all(files[i].d, files[i].name, text, len, 10, &c);
        free(text);
        print_message("%s: %u ports (twice), %u findings: %u fixes proven, %u advice\n",
                      files[i].name, c.ports / 2, c.findings, c.proven, c.advised);
        proven += c.proven;
    }
    assert_true(proven > 0);
}

/* Every third port stands in for an uplink: the --fix block, applied at
 * once, closes every finding it carries on the other ports and leaves
 * each uplink's facts as they were. */
static void test_block_spares_uplinks(void **state)
{
    (void)state;
    unsigned fixed = 0, uplinks = 0;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        size_t len;
        char *text = slurp(files[i].dir, files[i].name, &len);
        struct pr_switch sw;
        read_as(files[i].d, text, len, files[i].name, &sw);
        for (size_t k = 0; k < sw.n_ports; k++) {
            sw.ports[k].expect_vlan = 10;
            if (k % 3 == 1)
                pr_role_add_signal(&sw.ports[k].role, PR_ROLE_UPLINK, "the test's uplink",
                                   "every third port stands in for an LLDP bridge neighbour");
        }
        roles_assign(&sw);
        rules_judge_switch(&sw);
        survey_write_fixes(driver_of(files[i].d), &sw);
        const char *block = sw.fix.text ? sw.fix.text : "";
        if (sw.fix.text != NULL)
            assert_true(sw.fix.paste);
        char *applied;
        size_t applied_len;
        struct pr_error err = {0};
        assert_int_equal(vrp_config_apply(text, len, block, &applied, &applied_len, &err), 0);
        struct pr_switch again;
        pr_switch_init(&again, files[i].name, files[i].name);
        if (vrp_config_read(files[i].d, applied, applied_len, files[i].name, &again, &err) != 0)
            fail_msg("%s after the block: %s\n%s", files[i].name, err.msg, block);
        for (size_t k = 0; k < sw.n_ports; k++) {
            const struct pr_port *p = &sw.ports[k];
            struct pr_port *q = port_of(&again, p->name);
            q->expect_vlan = 10;
            if (p->role.role == PR_ROLE_UPLINK) {
                uplinks++;
                if (p->facts.edge.value != q->facts.edge.value ||
                    p->facts.edge.known != q->facts.edge.known ||
                    p->facts.access_vlan.value != q->facts.access_vlan.value ||
                    p->facts.admin_status.value != q->facts.admin_status.value ||
                    p->facts.lacp_fallback.known != q->facts.lacp_fallback.known ||
                    p->facts.lacp_fallback.value != q->facts.lacp_fallback.value)
                    fail_msg("%s: the block changed uplink %s\n%s", files[i].name, p->name, block);
                continue;
            }
            rules_judge_port(&again, q);
            for (size_t n = 0; n < p->n_findings; n++) {
                const struct pr_finding *f = &p->findings[n];
                if (!pr_driver_fix_in_block(p, f) || advice(f->fix))
                    continue;
                if (has(q, f->id))
                    fail_msg("%s %s %s: still there after the block\n%s", files[i].name, p->name,
                             pr_finding_id_name(f->id), block);
                fixed++;
            }
        }
        free(applied);
        pr_switch_free(&again);
        pr_switch_free(&sw);
        free(text);
    }
    print_message("%u findings fixed by the blocks at once, %u uplinks untouched\n", fixed,
                  uplinks);
    assert_true(fixed > 0);
    assert_true(uplinks > 0);
}

/* VRP's edge defaults, on texts written here from the command references
 * (docs/huawei.md): a port without stp edged-port is left to edge
 * detection, which waits 2 x hello + 1 s; `stp edged-port default` in the
 * system view makes every port edge but one with `stp edged-port disable`. */
static void test_huawei_edge_defaults(void **state)
{
    (void)state;
    const char *dflt = "!Software Version V200R010C00SPC600\n#\nstp timer hello 400\n"
                       "stp edged-port default\n#\n"
                       "interface GigabitEthernet0/0/1\n port link-type access\n"
                       " port default vlan 10\n#\n"
                       "interface GigabitEthernet0/0/2\n port link-type access\n"
                       " port default vlan 10\n stp edged-port disable\n#\n"
                       "interface GigabitEthernet0/0/3\n port link-type access\n"
                       " port default vlan 10\n stp edged-port enable\n#\nreturn\n";
    struct pr_switch sw;
    read_as(VRP_HUAWEI, dflt, strlen(dflt), "dflt.cfg", &sw);
    /* "stp timer hello 400" (line 3): 4 s, so 2 x 4 + 1 = 9 s. */
    fact(&sw.stp.auto_edge_wait_s, 9, "stp timer hello 400 (line 3)");
    /* 0/0/1 says nothing: "stp edged-port default" (line 4) makes it edge. */
    struct pr_port *p = port_of(&sw, "GigabitEthernet0/0/1");
    fact(&p->facts.edge, PR_EDGE_YES, "stp edged-port default (line 4)");
    fact(&p->expected_blackout_s, 0, NULL);
    /* 0/0/2 "stp edged-port disable" stays non-edge: 2 x 15 s. */
    p = port_of(&sw, "GigabitEthernet0/0/2");
    fact(&p->facts.edge, PR_EDGE_NO, "stp edged-port disable");
    assert_true(has(p, PR_F_STP_NOT_EDGE));
    fact(&p->expected_blackout_s, 30, NULL);
    fact(&port_of(&sw, "GigabitEthernet0/0/3")->facts.edge, PR_EDGE_YES, "stp edged-port enable");
    pr_switch_free(&sw);
    /* 0/0/2's fix (stp edged-port enable after the disable) applied and
     * judged again, and every other finding's. */
    struct count c = {0};
    rejudge_all(VRP_HUAWEI, "dflt.cfg", dflt, strlen(dflt), -1, &c);
    assert_true(c.proven >= 1);

    /* Neither: edge detection with the 200 cs hello, 2 x 2 + 1 = 5 s. */
    const char *det = "!Software Version V200R010C00SPC600\n#\nstp mode rstp\n#\n"
                      "interface GigabitEthernet0/0/1\n port link-type access\n"
                      " port default vlan 10\n#\nreturn\n";
    read_as(VRP_HUAWEI, det, strlen(det), "det.cfg", &sw);
    fact(&sw.stp.auto_edge_wait_s, 5, "200 cs by default");
    p = port_of(&sw, "GigabitEthernet0/0/1");
    fact(&p->facts.edge, PR_EDGE_AUTO, "left to edge detection");
    fact(&p->expected_blackout_s, 5, "2 x hello + 1 s = 5 s");
    assert_true(has(p, PR_F_STP_EDGE_AUTO));
    pr_switch_free(&sw);
    unsigned before = c.proven;
    rejudge_all(VRP_HUAWEI, "det.cfg", det, strlen(det), -1, &c);
    assert_true(c.proven > before);

    /* "stp mode stp": no edge detection (it is RSTP's and MSTP's): not
     * edge, 2 x 15 s. */
    const char *legacy = "!Software Version V200R010C00SPC600\n#\nstp mode stp\n#\n"
                         "interface GigabitEthernet0/0/1\n port link-type access\n"
                         " port default vlan 10\n#\nreturn\n";
    read_as(VRP_HUAWEI, legacy, strlen(legacy), "legacy.cfg", &sw);
    p = port_of(&sw, "GigabitEthernet0/0/1");
    fact(&p->facts.edge, PR_EDGE_NO, "stp mode stp (line 3)");
    assert_true(has(p, PR_F_STP_NOT_EDGE));
    fact(&p->expected_blackout_s, 30, NULL);
    pr_switch_free(&sw);

    /* A hello outside 100-1000 cs is refused, naming the line. */
    const char *bad = "!Software Version V200R010C00SPC600\n#\nstp timer hello 50\n#\n";
    struct pr_error err = {0};
    pr_switch_init(&sw, "bad", "bad");
    assert_int_equal(vrp_config_read(VRP_HUAWEI, bad, strlen(bad), "h.cfg", &sw, &err), -1);
    assert_non_null(strstr(err.msg, "h.cfg:3"));
    assert_non_null(strstr(err.msg, "hello time out of range"));
    pr_switch_free(&sw);
}

static void test_bad_input(void **state)
{
    (void)state;
    struct pr_switch sw;
    struct pr_error err = {0};
    const char *bad = "#\n version 7.1.070\n#\ninterface GigabitEthernet1/0/1\n port access "
                      "vlan 5000\n#\n";
    pr_switch_init(&sw, "bad", "bad");
    assert_int_equal(vrp_config_read(VRP_COMWARE, bad, strlen(bad), "bad.cfg", &sw, &err), -1);
    assert_int_equal(err.code, PR_ERR_INPUT);
    assert_non_null(strstr(err.msg, "bad.cfg:5"));
    assert_non_null(strstr(err.msg, "VLAN out of range"));
    pr_switch_free(&sw);
    const char *mode = "!Software Version V200R010\n#\nstp mode fancy\n#\n";
    pr_switch_init(&sw, "bad", "bad");
    assert_int_equal(vrp_config_read(VRP_HUAWEI, mode, strlen(mode), "m.cfg", &sw, &err), -1);
    assert_non_null(strstr(err.msg, "unknown spanning-tree mode"));
    pr_switch_free(&sw);
    /* NX-OS's "version 7.0(3)I7(5)" under a "#" line is no Comware header. */
    const char *nxos = "# saved\nversion 7.0(3)I7(5)\nfeature lacp\ninterface Ethernet1/1\n";
    assert_int_equal(vrp_detect(VRP_COMWARE, nxos, strlen(nxos), NULL, 0), 0);
    /* A Junos text is neither dialect. */
    const char *junos = "interfaces {\n ge-0/0/0 {\n  unit 0;\n }\n}\n";
    assert_int_equal(vrp_detect(VRP_HUAWEI, junos, strlen(junos), NULL, 0), 0);
    assert_int_equal(vrp_detect(VRP_COMWARE, junos, strlen(junos), NULL, 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_comware7_newstartup), cmocka_unit_test(test_comware5_v1910),
        cmocka_unit_test(test_huawei_written),      cmocka_unit_test(test_comware_written),
        cmocka_unit_test(test_apply_and_rejudge),   cmocka_unit_test(test_block_spares_uplinks),
        cmocka_unit_test(test_bad_input),           cmocka_unit_test(test_huawei_edge_defaults),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
