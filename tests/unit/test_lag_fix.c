/* SPDX-License-Identifier: BSD-3-Clause */
/* A LAG member's spanning-tree fix addresses its aggregate, where the
 * switch runs spanning tree (pr_port_stp_target, model/lag_inherit.c): on
 * switches built here as an agent would read them, through every driver's
 * snippet and fix block; and on configurations of two dialects, whose
 * block, applied, closes the members' findings when read and judged
 * again. test_generic_stp.c checks the same on a recording. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "aruba/aruba.h"
#include "cli/vrp_family.h"
#include "core/survey.h"
#include "driver.h"
#include "rules/rules.h"

#define M1 "GigabitEthernet0/0/1"
#define M2 "GigabitEthernet0/0/2"

/* As an agent gives it: aggregate Eth-Trunk3 (ifIndex 50, bridge port 7,
 * forwarding, not edge) and its members M1 (ifIndex 1) and M2 (ifIndex 2),
 * no bridge ports; then the core's hand-over. */
static void agent_switch(struct pr_switch *sw)
{
    struct pr_error err = {0};
    pr_switch_init(sw, "sw", "sw");
    struct pr_port *agg = pr_switch_add_port(sw, "Eth-Trunk3", &err);
    assert_non_null(agg);
    agg->ifindex = 50;
    agg->bridge_port = 7;
    pr_fact_set(&agg->facts.stp_state, PR_STP_FORWARDING, "state of Eth-Trunk3");
    pr_fact_set(&agg->facts.edge, PR_EDGE_NO, "edge of Eth-Trunk3");
    const char *names[] = {M1, M2};
    for (uint32_t i = 0; i < 2; i++) {
        struct pr_port *m = pr_switch_add_port(sw, names[i], &err);
        assert_non_null(m);
        m->ifindex = i + 1;
        m->lag_ifindex = 50;
    }
    pr_switch_lag_inherit_stp(sw);
}

static struct pr_finding *add(struct pr_port *port, enum pr_finding_id id)
{
    struct pr_finding *f = pr_port_add_finding(port, id, PR_SEV_CRITICAL);
    assert_non_null(f);
    return f;
}

/* The hand-over names the aggregate; its spanning-tree findings go there,
 * the others stay on the member; a port of its own is its own target. */
static void test_target(void **state)
{
    (void)state;
    struct pr_switch sw;
    agent_switch(&sw);
    const struct pr_port *m = &sw.ports[1];
    assert_string_equal(m->stp_agg.name, "Eth-Trunk3");
    assert_int_equal(m->stp_agg.ifindex, 50);
    assert_int_equal(m->stp_agg.bridge_port, 7);

    struct pr_port view;
    struct pr_finding f = {.id = PR_F_STP_NOT_EDGE};
    const struct pr_port *t = pr_port_stp_target(m, &f, &view);
    assert_ptr_equal(t, &view);
    assert_string_equal(t->name, "Eth-Trunk3");
    assert_int_equal(t->ifindex, 50);
    assert_int_equal(t->bridge_port, 7);
    assert_int_equal(t->lag_ifindex, 0);
    enum pr_finding_id stays[] = {PR_F_LACP_NO_FALLBACK, PR_F_LACP_FALLBACK_UNKNOWN,
                                  PR_F_VLAN_MISMATCH, PR_F_ADMIN_DOWN, PR_F_AUTONEG_ON};
    for (size_t i = 0; i < sizeof stays / sizeof stays[0]; i++) {
        f.id = stays[i];
        assert_ptr_equal(pr_port_stp_target(m, &f, &view), m);
    }
    f.id = PR_F_BPDU_GUARD_OFF;
    assert_ptr_equal(pr_port_stp_target(m, &f, &view), &view);
    /* The aggregate itself has no aggregate. */
    f.id = PR_F_STP_NOT_EDGE;
    assert_ptr_equal(pr_port_stp_target(&sw.ports[0], &f, &view), &sw.ports[0]);
    pr_switch_free(&sw);
}

/* The generic advice: the aggregate's name and bridge port (7), never the
 * member's .0; LACP fallback stays the member's bundle. */
static void test_generic_advice(void **state)
{
    (void)state;
    struct pr_switch sw;
    agent_switch(&sw);
    struct pr_port *m = &sw.ports[1];
    char fix[PR_FIX_MAX];
    struct pr_finding f = {.id = PR_F_STP_NOT_EDGE};
    pr_driver_generic_snmp.snippet(&sw, m, &f, fix, sizeof fix);
    assert_non_null(strstr(fix, "make Eth-Trunk3 an STP edge port: RSTP-MIB "
                                "dot1dStpPortAdminEdgePort.7 = true(1)"));
    assert_null(strstr(fix, M1));
    f.id = PR_F_STP_EDGE_AUTO;
    pr_driver_generic_snmp.snippet(&sw, m, &f, fix, sizeof fix);
    assert_non_null(strstr(fix, "set Eth-Trunk3 to edge explicitly"));
    assert_non_null(strstr(fix, "dot1dStpPortAdminEdgePort.7 "));
    f.id = PR_F_BPDU_GUARD_OFF;
    pr_driver_generic_snmp.snippet(&sw, m, &f, fix, sizeof fix);
    assert_non_null(strstr(fix, "enable BPDU guard on Eth-Trunk3"));
    f.id = PR_F_LACP_NO_FALLBACK;
    pr_driver_generic_snmp.snippet(&sw, m, &f, fix, sizeof fix);
    assert_non_null(strstr(fix, "the bundle of " M1));
    pr_switch_free(&sw);
}

static size_t count(const char *text, const char *what)
{
    size_t n = 0;
    for (const char *p = text; p != NULL && (p = strstr(p, what)) != NULL; p += strlen(what))
        n++;
    return n;
}

/* Every driver, read from an agent (no configuration): both members'
 * edge fix names Eth-Trunk3 and neither member, and the switch's block
 * holds that fix once. */
static void test_every_driver_agent(void **state)
{
    (void)state;
    for (const struct pr_driver *const *d = pr_driver_table(); *d != NULL; d++) {
        struct pr_switch sw;
        agent_switch(&sw);
        sw.driver_name = (*d)->name;
        add(&sw.ports[1], PR_F_STP_NOT_EDGE);
        add(&sw.ports[2], PR_F_STP_NOT_EDGE);
        survey_write_fixes(*d, &sw);
        const char *f1 = sw.ports[1].findings[0].fix, *f2 = sw.ports[2].findings[0].fix;
        if (strstr(f1, "Eth-Trunk3") == NULL || strstr(f1, M1) != NULL || strcmp(f1, f2) != 0)
            fail_msg("%s: the members' edge fixes \"%s\" and \"%s\"", (*d)->name, f1, f2);
        if (sw.fix.text == NULL || count(sw.fix.text, f1) != 1)
            fail_msg("%s: block \"%s\" holds \"%s\" not once", (*d)->name,
                     sw.fix.text ? sw.fix.text : "(none)", f1);
        pr_switch_free(&sw);
    }
}

struct dialect {
    const struct pr_driver *driver;
    int (*apply)(const char *text, size_t len, const char *snippet, char **out, size_t *out_len,
                 struct pr_error *err);
};

static void read_judged(const struct dialect *d, const char *text, size_t len, struct pr_switch *sw)
{
    pr_switch_init(sw, "cfg", "cfg");
    struct pr_config_text config = {text, len, "test.cfg", "config"};
    struct pr_error err = {0};
    if (d->driver->read_config(&config, sw, &err) != 0)
        fail_msg("%s: %s", d->driver->name, err.msg);
    rules_judge_switch(sw);
}

static bool has_edge_finding(const struct pr_port *p)
{
    for (size_t i = 0; i < p->n_findings; i++)
        if (p->findings[i].id == PR_F_STP_NOT_EDGE || p->findings[i].id == PR_F_STP_EDGE_AUTO)
            return true;
    return false;
}

/* Two members of one aggregate that is no edge port: each member's edge
 * fix is STANZA (on the aggregate), the block holds it once, and the block
 * applied to the text leaves neither member an edge finding. */
static void apply_and_rejudge(const struct dialect *d, const char *text, const char *m1,
                              const char *m2, const char *stanza)
{
    struct pr_switch sw;
    read_judged(d, text, strlen(text), &sw);
    survey_write_fixes(d->driver, &sw);
    const char *members[] = {m1, m2};
    for (size_t i = 0; i < 2; i++) {
        const struct pr_port *p = pr_switch_find_name(&sw, members[i]);
        assert_non_null(p);
        assert_true(has_edge_finding(p));
        for (size_t k = 0; k < p->n_findings; k++)
            if (pr_finding_is_stp(p->findings[k].id) && p->findings[k].fix[0] != '\0')
                assert_string_equal(p->findings[k].fix, stanza);
    }
    assert_non_null(sw.fix.text);
    if (count(sw.fix.text, stanza) != 1)
        fail_msg("%s: block \"%s\" holds \"%s\" not once", d->driver->name, sw.fix.text, stanza);
    char *applied;
    size_t applied_len;
    struct pr_error err = {0};
    assert_int_equal(d->apply(text, strlen(text), sw.fix.text, &applied, &applied_len, &err), 0);
    struct pr_switch again;
    read_judged(d, applied, applied_len, &again);
    for (size_t i = 0; i < 2; i++) {
        const struct pr_port *q = pr_switch_find_name(&again, members[i]);
        assert_non_null(q);
        if (has_edge_finding(q))
            fail_msg("%s %s: still not edge after\n%s", d->driver->name, members[i], sw.fix.text);
    }
    pr_switch_free(&again);
    free(applied);
    pr_switch_free(&sw);
}

/* VRP: Eth-Trunk3 carries no `stp edged-port enable`, so its members
 * GE0/0/1-2 (eth-trunk 3) are not edge; the fix goes on Eth-Trunk3. */
static void test_vrp_lag(void **state)
{
    (void)state;
    const char text[] = "!Software Version V200R011C10SPC600\n#\nsysname t\n#\nvlan batch 10\n#\n"
                        "stp mode rstp\n#\ninterface Eth-Trunk3\n port link-type access\n"
                        " port default vlan 10\n mode lacp\n#\n"
                        "interface GigabitEthernet0/0/1\n eth-trunk 3\n#\n"
                        "interface GigabitEthernet0/0/2\n eth-trunk 3\n#\nreturn\n";
    const struct dialect d = {&pr_driver_huawei, vrp_config_apply};
    apply_and_rejudge(&d, text, M1, M2, "interface Eth-Trunk3\n stp edged-port enable");
    struct pr_switch sw;
    read_judged(&d, text, strlen(text), &sw);
    assert_string_equal(pr_switch_find_name(&sw, M1)->stp_agg.name, "Eth-Trunk3");
    pr_switch_free(&sw);
}

/* AOS-CX: lag 1 carries no admin-edge under `spanning-tree`, so members
 * 1/1/1-2 (lag 1) are not edge; the fix goes on interface lag 1. */
static void test_aoscx_lag(void **state)
{
    (void)state;
    const char text[] = "!Version ArubaOS-CX FL.10.10.1100\nspanning-tree\nvlan 1,10\n"
                        "interface lag 1\n    no shutdown\n    no routing\n    vlan access 10\n"
                        "    lacp mode active\n"
                        "interface 1/1/1\n    no shutdown\n    lag 1\n"
                        "interface 1/1/2\n    no shutdown\n    lag 1\n";
    const struct dialect d = {&pr_driver_aruba, aruba_config_apply};
    apply_and_rejudge(&d, text, "1/1/1", "1/1/2",
                      "interface lag 1\n    spanning-tree port-type admin-edge");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_target),
        cmocka_unit_test(test_generic_advice),
        cmocka_unit_test(test_every_driver_agent),
        cmocka_unit_test(test_vrp_lag),
        cmocka_unit_test(test_aoscx_lag),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
