/* SPDX-License-Identifier: BSD-3-Clause */
/* The Junos interpreter on real configurations (../shared/fixtures/configs),
 * with facts and verdicts worked out by hand from the raw statements quoted
 * beside each assertion; the same configuration in three formats; and the
 * fix snippets applied back onto each configuration and re-judged. */
#include "junos_test_util.h"

#include <unistd.h>

#include "core/roles.h"
#include "core/survey.h"
#include "driver.h"
#include "juniper/junos_snippet.h"

struct fixture {
    const char *file;
    size_t n_ports;
};

static const struct fixture fixtures[] = {
    {"ciscoconfparse2__sample_03.junos", 28},           /* ge-0/0/0-23, ge-0/1/0-3 */
    {"scale__ex4200-example.conf", 52},                 /* ge-0/0/0-47, ge-0/1/0-3 */
    {"tgmanage__d1.roof.tg23.gathering.org.conf", 14},  /* 7 xe/et on each of 2 members */
    {"tgmanage__d3.floor.tg23.gathering.org.conf", 86}, /* 50 named + aps 3x12 */
    {"tgmanage__distro3_clean_generated.conf", 86},     /* 50 named + aps 3x12 */
    {"tgmanage__e1-1.tg23.gathering.org.conf", 48},     /* ranges: 44 + 3 + 1 */
    {"tgmanage__e1.noc.tg23.gathering.org.conf", 48},   /* ranges: 24 + 20 + 2 + 2 */
};

static char *load_fixture(const char *file, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/configs/%s", PR_FIXTURES, file);
    return jt_read_file(path, len);
}

static bool fixtures_present(void)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/configs/%s", PR_FIXTURES, fixtures[0].file);
    if (access(path, R_OK) == 0)
        return true;
    print_message("skipped: fixtures not found under %s\n", PR_FIXTURES);
    return false;
}

/* Reads a fixture into sw and judges every port. */
static void read_fixture(struct pr_switch *sw, const char *file)
{
    size_t len = 0;
    char *text = load_fixture(file, &len);
    assert_non_null(text);
    struct pr_error err = {0};
    pr_switch_init(sw, file, file);
    if (junos_config_read(text, len, file, sw, &err) != 0)
        fail_msg("%s: %s", file, err.msg);
    free(text);
    rules_judge_switch(sw);
}

static void test_every_fixture_parses(void **state)
{
    (void)state;
    if (!fixtures_present())
        return;
    for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
        struct pr_switch sw;
        read_fixture(&sw, fixtures[i].file);
        if (sw.n_ports != fixtures[i].n_ports)
            fail_msg("%s: %zu ports, expected %zu", fixtures[i].file, sw.n_ports,
                     fixtures[i].n_ports);
        pr_switch_free(&sw);
    }
}

static void test_sample_03(void **state)
{
    (void)state;
    if (!fixtures_present())
        return;
    struct pr_switch sw;
    read_fixture(&sw, "ciscoconfparse2__sample_03.junos");
    /* protocols { rstp; } with no interface statement */
    jt_fact(&sw.stp.mode, PR_MODE_RSTP);
    /* ge-0/0/0 { unit 0 { family ethernet-switching { vlan { members public-eth; } } } }
     * vlans { public-eth { vlan-id 30; } } */
    struct pr_port *p = jt_port(&sw, "ge-0/0/0");
    jt_fact(&p->facts.access_vlan, 30);
    jt_fact(&p->facts.trunk, 0);
    jt_fact(&p->facts.edge, PR_EDGE_NO);
    assert_true(jt_has_finding(p, PR_F_STP_NOT_EDGE));
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    jt_fact(&p->expected_blackout_s, 30); /* 2 x default forward-delay 15 */
    /* ge-0/0/22 { ... port-mode trunk; vlan { members all; } } : no native VLAN */
    p = jt_port(&sw, "ge-0/0/22");
    jt_fact(&p->facts.trunk, 1);
    jt_unknown(&p->facts.access_vlan);
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    /* ge-0/1/0 { unit 0 { family ethernet-switching; } } : default VLAN 1 */
    jt_fact(&jt_port(&sw, "ge-0/1/0")->facts.access_vlan, 1);
    pr_switch_free(&sw);
}

static void test_ex4200(void **state)
{
    (void)state;
    if (!fixtures_present())
        return;
    struct pr_switch sw;
    read_fixture(&sw, "scale__ex4200-example.conf");
    /* ge-0/0/38 { ether-options { speed { 100m; } } unit 0 { family ethernet-switching; } }
     * not in interface-range Comcast; vlans default { vlan-id 1; } */
    struct pr_port *p = jt_port(&sw, "ge-0/0/38");
    jt_fact(&p->facts.speed_mbps, 100);
    jt_fact(&p->facts.access_vlan, 1);
    jt_fact(&p->facts.edge, PR_EDGE_NO); /* protocols { rstp; } */
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    /* interface-range Comcast { member ge-0/0/2; ... unit 0 { family ethernet-switching; } }
     * vlans comcast { vlan-id 100; interface { Comcast; } } */
    p = jt_port(&sw, "ge-0/0/2");
    jt_fact(&p->facts.access_vlan, 100);
    jt_evidence(&p->facts.access_vlan, "vlans comcast interface Comcast");
    /* inactive: ge-0/0/0 { description "Uplink ..."; } and member ge-0/0/0 of Comcast: the
     * port stays, its description is inactive, the range still gives VLAN 100 */
    p = jt_port(&sw, "ge-0/0/0");
    assert_string_equal(p->alias, "");
    jt_fact(&p->facts.access_vlan, 100);
    /* ge-0/1/3 exists only as member ge-0/1/3 of Comcast */
    jt_fact(&jt_port(&sw, "ge-0/1/3")->facts.access_vlan, 100);
    assert_int_equal(jt_port(&sw, "ge-0/1/3")->verdict, PR_VERDICT_NOT_READY);
    pr_switch_free(&sw);
}

static void test_d1_roof(void **state)
{
    (void)state;
    if (!fixtures_present())
        return;
    struct pr_switch sw;
    read_fixture(&sw, "tgmanage__d1.roof.tg23.gathering.org.conf");
    /* protocols { rstp { bridge-priority 4k; } } */
    jt_fact(&sw.stp.mode, PR_MODE_RSTP);
    /* xe-0/0/1 { ether-options { 802.3ad ae10; } }
     * ae10 { aggregated-ether-options { lacp { active; } } unit 0 { family
     * ethernet-switching { interface-mode trunk; vlan { members [ ... ]; } } } } */
    struct pr_port *p = jt_port(&sw, "xe-0/0/1");
    jt_fact(&p->facts.lacp_member, 1);
    jt_fact(&p->facts.lacp_fallback, 0);
    jt_fact(&p->facts.trunk, 1);
    jt_unknown(&p->facts.access_vlan); /* no native-vlan-id on ae10 */
    jt_fact(&p->facts.edge, PR_EDGE_NO);
    assert_true(jt_has_finding(p, PR_F_LACP_NO_FALLBACK));
    assert_true(jt_has_finding(p, PR_F_STP_NOT_EDGE));
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    /* et-1/0/48 { ether-options { 802.3ad ae0; } }, ae0 lacp active */
    p = jt_port(&sw, "et-1/0/48");
    jt_fact(&p->facts.lacp_member, 1);
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    pr_switch_free(&sw);
}

static void test_d3_floor(void **state)
{
    (void)state;
    if (!fixtures_present())
        return;
    struct pr_switch sw;
    read_fixture(&sw, "tgmanage__d3.floor.tg23.gathering.org.conf");
    /* ge-0/0/0 { inactive: ether-options { 802.3ad ae100; } unit 0 { family
     * ethernet-switching { port-mode access; vlan { members edge-mgmt; } } } }
     * vlans edge-mgmt { vlan-id 666; } */
    struct pr_port *p = jt_port(&sw, "ge-0/0/0");
    jt_fact(&p->facts.lacp_member, 0);
    jt_fact(&p->facts.access_vlan, 666);
    jt_fact(&p->facts.edge, PR_EDGE_NO);
    assert_int_equal(p->n_findings, 1); /* stp-not-edge only */
    assert_true(jt_has_finding(p, PR_F_STP_NOT_EDGE));
    /* ge-0/0/1 { ether-options { 802.3ad ae101; } inactive: unit 0 { ... } }
     * ae101 { lacp { active; } ... port-mode trunk } */
    p = jt_port(&sw, "ge-0/0/1");
    jt_fact(&p->facts.lacp_member, 1);
    jt_fact(&p->facts.lacp_fallback, 0);
    jt_fact(&p->facts.trunk, 1);
    assert_true(jt_has_finding(p, PR_F_LACP_NO_FALLBACK));
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    /* interface-range aps { member-range ge-2/0/36 to ge-2/0/47; unit 0 { family
     * ethernet-switching { port-mode trunk; ... native-vlan-id 777; } } } */
    p = jt_port(&sw, "ge-2/0/40");
    jt_fact(&p->facts.trunk, 1);
    jt_fact(&p->facts.access_vlan, 777);
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    pr_switch_free(&sw);
}

static void test_distro3_set(void **state)
{
    (void)state;
    if (!fixtures_present())
        return;
    struct pr_switch sw;
    read_fixture(&sw, "tgmanage__distro3_clean_generated.conf");
    /* set interfaces ge-0/0/0 ether-options 802.3ad ae0
     * set interfaces ge-0/0/0 unit 0 family ethernet-switching port-mode access
     * set interfaces ge-0/0/0 unit 0 family ethernet-switching vlan members mgmt
     * deactivate interfaces ge-0/0/0 ether-options ; set vlans mgmt vlan-id 666 */
    struct pr_port *p = jt_port(&sw, "ge-0/0/0");
    jt_fact(&p->facts.lacp_member, 0);
    jt_fact(&p->facts.access_vlan, 666);
    jt_fact(&p->facts.edge, PR_EDGE_NO); /* set protocols rstp */
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    /* set interfaces ge-1/0/0 ether-options 802.3ad ae0, and lacp active on ae0 only
     * through set groups SET_AE_DEFAULTS interfaces <ae*> aggregated-ether-options lacp
     * active + set interfaces apply-groups SET_AE_DEFAULTS */
    p = jt_port(&sw, "ge-1/0/0");
    jt_fact(&p->facts.lacp_member, 1);
    jt_fact(&p->facts.lacp_fallback, 0);
    assert_true(jt_has_finding(p, PR_F_LACP_NO_FALLBACK));
    /* set interfaces xe-0/1/0 ether-options 802.3ad ae31; ae31 is family inet only:
     * an LACP member (group) that runs no spanning tree */
    p = jt_port(&sw, "xe-0/1/0");
    jt_fact(&p->facts.lacp_member, 1);
    jt_fact(&p->facts.stp_enabled, 0);
    assert_false(jt_has_finding(p, PR_F_STP_NOT_EDGE));
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    /* set interfaces interface-range aps member-range ge-2/0/36 to ge-2/0/47
     * set interfaces interface-range aps unit 0 family ethernet-switching vlan members
     * aps_mgmt ; set vlans aps_mgmt vlan-id 777 */
    jt_fact(&jt_port(&sw, "ge-2/0/47")->facts.access_vlan, 777);
    pr_switch_free(&sw);
}

static void test_e1_1(void **state)
{
    (void)state;
    if (!fixtures_present())
        return;
    struct pr_switch sw;
    read_fixture(&sw, "tgmanage__e1-1.tg23.gathering.org.conf");
    /* interface-range edge-ports { member-range ge-0/0/0 to ge-0/0/43; ... port-mode access;
     * vlan { members e1-1; } } ; rstp { interface edge-ports { edge; no-root-port; } }
     * vlans e1-1 { vlan-id 1151; } ; no bpdu-block anywhere */
    struct pr_port *p = jt_port(&sw, "ge-0/0/5");
    jt_fact(&p->facts.edge, PR_EDGE_YES);
    jt_fact(&p->facts.access_vlan, 1151);
    jt_fact(&p->facts.bpdu_guard, 0);
    assert_int_equal(p->n_findings, 1);
    assert_true(jt_has_finding(p, PR_F_BPDU_GUARD_OFF));
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    jt_fact(&p->expected_blackout_s, 0);
    /* interface-range uplink-ports { member ge-0/0/44; ... ether-options { 802.3ad ae0; } }
     * ae0 { lacp { active; } ... port-mode trunk } */
    p = jt_port(&sw, "ge-0/0/44");
    jt_fact(&p->facts.lacp_member, 1);
    assert_true(jt_has_finding(p, PR_F_LACP_NO_FALLBACK));
    assert_true(jt_has_finding(p, PR_F_STP_NOT_EDGE));
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    /* interface-range unused-ports { member ge-0/0/47; disable; } */
    p = jt_port(&sw, "ge-0/0/47");
    jt_fact(&p->facts.admin_status, PR_IF_DOWN);
    assert_true(jt_has_finding(p, PR_F_ADMIN_DOWN));
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    pr_switch_free(&sw);
}

static void test_e1_noc(void **state)
{
    (void)state;
    if (!fixtures_present())
        return;
    struct pr_switch sw;
    read_fixture(&sw, "tgmanage__e1.noc.tg23.gathering.org.conf");
    /* interface-range edge-ports { member-range ge-0/0/0 to ge-0/0/23; ... interface-mode
     * access; vlan { members e1.noc; } } ; vlans e1.noc { vlan-id 200; }
     * rstp { interface edge-ports { edge; } } */
    struct pr_port *p = jt_port(&sw, "ge-0/0/10");
    jt_fact(&p->facts.edge, PR_EDGE_YES);
    jt_fact(&p->facts.access_vlan, 200);
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    /* mge-0/0/40 { native-vlan-id 777; unit 0 { family ethernet-switching { interface-mode
     * trunk; ... } } } and in member-range mge-0/0/24 to mge-0/0/43 of edge-ports: its own
     * trunk mode wins over the range's access, edge comes from the range */
    p = jt_port(&sw, "mge-0/0/40");
    jt_fact(&p->facts.trunk, 1);
    jt_fact(&p->facts.access_vlan, 777);
    jt_fact(&p->facts.edge, PR_EDGE_YES);
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    /* interface-range uplink-ports { member xe-0/2/0; ... 802.3ad ae0; } ae0 lacp active */
    p = jt_port(&sw, "xe-0/2/0");
    assert_true(jt_has_finding(p, PR_F_LACP_NO_FALLBACK));
    assert_int_equal(p->verdict, PR_VERDICT_NOT_READY);
    pr_switch_free(&sw);
}

/* --- three formats --------------------------------------------------------- */

static void fact_equal(const char *what, const char *port, const struct pr_fact *a,
                       const struct pr_fact *b)
{
    if (a->known != b->known || (a->known && a->value != b->value) ||
        strcmp(a->evidence, b->evidence) != 0)
        fail_msg("%s %s differs: %d/%lld \"%s\" vs %d/%lld \"%s\"", port, what, a->known,
                 (long long)a->value, a->evidence, b->known, (long long)b->value, b->evidence);
}

static void switch_equal(const struct pr_switch *a, const struct pr_switch *b)
{
    fact_equal("stp mode", "switch", &a->stp.mode, &b->stp.mode);
    fact_equal("forward delay", "switch", &a->stp.forward_delay_s, &b->stp.forward_delay_s);
    fact_equal("max age", "switch", &a->stp.max_age_s, &b->stp.max_age_s);
    assert_int_equal(a->n_ports, b->n_ports);
    for (size_t i = 0; i < a->n_ports; i++) {
        const struct pr_port *pa = &a->ports[i], *pb = &b->ports[i];
        assert_string_equal(pa->name, pb->name);
        assert_string_equal(pa->alias, pb->alias);
        const struct pr_fact *fa = (const struct pr_fact *)&pa->facts;
        const struct pr_fact *fb = (const struct pr_fact *)&pb->facts;
        size_t n = offsetof(struct pr_port_facts, err_disabled_cause) / sizeof(struct pr_fact);
        for (size_t k = 0; k < n; k++)
            fact_equal("fact", pa->name, &fa[k], &fb[k]);
        assert_int_equal(pa->verdict, pb->verdict);
        assert_int_equal(pa->n_findings, pb->n_findings);
    }
}

static void test_three_formats_identical(void **state)
{
    (void)state;
    if (!fixtures_present())
        return;
    struct pr_switch curly, set, xml;
    read_fixture(&curly, "tgmanage__e1-1.tg23.gathering.org.conf");
    size_t len = 0;
    char *text = jt_read_file(PR_TEST_DATA "/junos/e1-1.set", &len);
    assert_non_null(text);
    jt_load(&set, text);
    free(text);
    text = jt_read_file(PR_TEST_DATA "/junos/e1-1.xml", &len);
    assert_non_null(text);
    jt_load(&xml, text);
    free(text);
    rules_judge_switch(&set);
    rules_judge_switch(&xml);
    assert_int_equal(junos_config_of(&curly)->format, JUNOS_FORMAT_CURLY);
    assert_int_equal(junos_config_of(&set)->format, JUNOS_FORMAT_SET);
    assert_int_equal(junos_config_of(&xml)->format, JUNOS_FORMAT_XML);
    switch_equal(&curly, &set);
    switch_equal(&curly, &xml);
    pr_switch_free(&curly);
    pr_switch_free(&set);
    pr_switch_free(&xml);
}

/* --- apply and re-judge ------------------------------------------------------ */

static bool has_command(const char *fix)
{
    for (const char *line = fix; line != NULL && *line != '\0';) {
        if (strncmp(line, "set ", 4) == 0 || strncmp(line, "delete ", 7) == 0)
            return true;
        line = strchr(line, '\n');
        line = line ? line + 1 : NULL;
    }
    return false;
}

/* For every finding of every port: a fresh copy of the configuration, the
 * fix applied, the port judged again: the finding must be gone. */
static unsigned apply_all(const char *file, int64_t expect_vlan, unsigned *failures)
{
    struct pr_switch sw;
    read_fixture(&sw, file);
    unsigned checked = 0;
    for (size_t i = 0; i < sw.n_ports; i++) {
        sw.ports[i].expect_vlan = expect_vlan;
        rules_judge_port(&sw, &sw.ports[i]);
        for (size_t k = 0; k < sw.ports[i].n_findings; k++) {
            const struct pr_finding *f = &sw.ports[i].findings[k];
            char fix[PR_FIX_MAX];
            pr_driver_juniper.snippet(&sw, &sw.ports[i], f, fix, sizeof fix);
            checked++;
            if (!has_command(fix)) {
                print_message("%s %s %s: no set line in \"%s\"\n", file, sw.ports[i].name,
                              pr_finding_id_name(f->id), fix);
                (*failures)++;
                continue;
            }
            struct pr_switch fixed;
            read_fixture(&fixed, file);
            struct pr_error err = {0};
            for (size_t j = 0; j < fixed.n_ports; j++)
                fixed.ports[j].expect_vlan = expect_vlan;
            if (junos_config_apply_set(&fixed, fix, strlen(fix), &err) != 0) {
                print_message("%s %s %s: applying failed: %s\n", file, sw.ports[i].name,
                              pr_finding_id_name(f->id), err.msg);
                (*failures)++;
                pr_switch_free(&fixed);
                continue;
            }
            struct pr_port *again = pr_switch_find_name(&fixed, sw.ports[i].name);
            if (again == NULL) {
                print_message("%s %s: port gone after the fix\n", file, sw.ports[i].name);
                (*failures)++;
            } else {
                rules_judge_port(&fixed, again);
                if (jt_has_finding(again, f->id)) {
                    print_message("%s %s %s: still there after\n%s\n", file, again->name,
                                  pr_finding_id_name(f->id), fix);
                    (*failures)++;
                }
            }
            pr_switch_free(&fixed);
        }
    }
    pr_switch_free(&sw);
    return checked;
}

static void test_apply_and_rejudge(void **state)
{
    (void)state;
    if (!fixtures_present())
        return;
    unsigned failures = 0, checked = 0;
    for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
        unsigned n = apply_all(fixtures[i].file, -1, &failures);
        /* and again expecting VLAN 3999, which no port has: a vlan-mismatch
         * on every port whose access VLAN is known */
        unsigned m = apply_all(fixtures[i].file, 3999, &failures);
        print_message("%s: %u findings fixed and re-judged (%u with an expected VLAN)\n",
                      fixtures[i].file, n + m, m);
        checked += n + m;
    }
    assert_true(checked > 0);
    assert_int_equal(failures, 0);
}

/* --- the block of every fix, and the uplinks it must not touch ------------- */

/* Whether the facts of a and b (value, known, evidence) are the same. */
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

/* Whether a `set` or `delete` line of the block names the interface. */
static bool block_names(const char *block, const char *name)
{
    size_t n = strlen(name);
    for (const char *line = block; *line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        if (line[0] != '#') {
            for (const char *p = line; p + n <= line + len; p++) {
                char after = p + n < line + len ? p[n] : ' ';
                if ((p == line || p[-1] == ' ') && memcmp(p, name, n) == 0 &&
                    (after == ' ' || after == '.'))
                    return true;
            }
        }
        line = nl ? nl + 1 : line + len;
    }
    return false;
}

/* Every third port stands in for an uplink (a configuration shows no
 * neighbour; its bundle's other members follow it, as roles_assign()
 * decides). The switch's block, as the survey writes it, applied at once:
 * every other port's findings the block fixes are gone, and every uplink
 * reads exactly as before. */
static unsigned block_and_uplinks(const char *file, int64_t expect_vlan, unsigned *uplinks,
                                  unsigned *failures)
{
    struct pr_switch sw;
    read_fixture(&sw, file);
    for (size_t i = 0; i < sw.n_ports; i++) {
        sw.ports[i].expect_vlan = expect_vlan;
        if (i % 3 == 1)
            pr_role_add_signal(&sw.ports[i].role, PR_ROLE_UPLINK, "the test's uplink",
                               "every third port stands in for an LLDP bridge neighbour");
    }
    roles_assign(&sw);
    rules_judge_switch(&sw);
    survey_write_fixes(&pr_driver_juniper, &sw);
    unsigned fixed = 0;
    const char *block = sw.fix.text ? sw.fix.text : "";
    for (size_t i = 0; i < sw.n_ports; i++) {
        const struct pr_port *p = &sw.ports[i];
        if (p->role.role != PR_ROLE_UPLINK)
            continue;
        (*uplinks)++;
        if (block_names(block, p->name)) {
            print_message("%s: the block names uplink %s\n%s\n", file, p->name, block);
            (*failures)++;
        }
    }
    struct pr_switch fixed_sw;
    read_fixture(&fixed_sw, file);
    struct pr_error err = {0};
    if (junos_config_apply_set(&fixed_sw, block, strlen(block), &err) != 0) {
        print_message("%s: applying the block failed: %s\n%s\n", file, err.msg, block);
        (*failures)++;
        pr_switch_free(&fixed_sw);
        pr_switch_free(&sw);
        return 0;
    }
    for (size_t i = 0; i < sw.n_ports; i++) {
        const struct pr_port *p = &sw.ports[i];
        struct pr_port *q = pr_switch_find_name(&fixed_sw, p->name);
        if (q == NULL) {
            print_message("%s %s: port gone after the block\n", file, p->name);
            (*failures)++;
            continue;
        }
        q->expect_vlan = expect_vlan;
        char why[PR_EVIDENCE_MAX * 3];
        if (p->role.role == PR_ROLE_UPLINK) {
            if (!same_facts(p, q, why, sizeof why)) {
                print_message("%s: the block changed uplink %s: %s\n%s\n", file, p->name, why,
                              block);
                (*failures)++;
            }
            continue;
        }
        rules_judge_port(&fixed_sw, q);
        for (size_t k = 0; k < p->n_findings; k++) {
            const struct pr_finding *f = &p->findings[k];
            if (!pr_driver_fix_in_block(p, f) || !has_command(f->fix))
                continue;
            if (jt_has_finding(q, f->id)) {
                print_message("%s %s %s: still there after the block\n", file, p->name,
                              pr_finding_id_name(f->id));
                (*failures)++;
            }
            fixed++;
        }
    }
    pr_switch_free(&fixed_sw);
    pr_switch_free(&sw);
    return fixed;
}

static void test_block_fixes_all_and_spares_uplinks(void **state)
{
    (void)state;
    if (!fixtures_present())
        return;
    unsigned failures = 0, fixed = 0, uplinks = 0;
    for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
        fixed += block_and_uplinks(fixtures[i].file, -1, &uplinks, &failures);
        fixed += block_and_uplinks(fixtures[i].file, 3999, &uplinks, &failures);
    }
    print_message("%u findings fixed by the blocks at once, %u uplinks untouched\n", fixed,
                  uplinks);
    assert_true(fixed > 0);
    assert_true(uplinks > 0);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_fixture_parses),
        cmocka_unit_test(test_sample_03),
        cmocka_unit_test(test_ex4200),
        cmocka_unit_test(test_d1_roof),
        cmocka_unit_test(test_d3_floor),
        cmocka_unit_test(test_distro3_set),
        cmocka_unit_test(test_e1_1),
        cmocka_unit_test(test_e1_noc),
        cmocka_unit_test(test_three_formats_identical),
        cmocka_unit_test(test_apply_and_rejudge),
        cmocka_unit_test(test_block_fixes_all_and_spares_uplinks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
