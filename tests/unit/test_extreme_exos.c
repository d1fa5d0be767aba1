/* SPDX-License-Identifier: BSD-3-Clause */
/* The extreme driver on EXOS configurations: the three real files in the
 * fixtures (extremenetworks/Virtual_EXOS GNS3 labs) and a small text
 * written for this test; every fix applied to the text, the text read
 * again and the port judged again. Expectations are derived by hand from
 * the commands, beside each assertion, with the EXOS defaults
 * docs/extreme.md cites. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "driver.h"
#include "extreme/extreme.h"
#include "rules/rules.h"
#include "util/fileutil.h"

static void read_text(struct pr_switch *sw, const char *text, size_t len, int64_t expect_vlan)
{
    pr_switch_init(sw, "exos", "exos");
    struct pr_error err = {0};
    if (extreme_config_read(text, len, "test.cfg", sw, &err) != 0)
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

static const char lab[] = "#\n# Module vlan configuration.\n#\n"
                          "create vlan \"pxe\"\n"
                          "configure vlan pxe tag 20\n"
                          "configure vlan default delete ports all\n"
                          "configure vlan pxe add ports 1-6 untagged\n"
                          "enable sharing 3 grouping 3-4 algorithm address-based L2 lacp\n"
                          "configure sharing 3 lacp fallback enable\n"
                          "enable sharing 5 grouping 5-6 lacp\n"
                          "disable port 2\n"
                          "#\n# Module stp configuration.\n#\n"
                          "configure stpd s0 mode dot1w\n"
                          "configure stpd s0 ports link-type edge 1-3\n"
                          "enable stpd s0\n";

static void test_commands_and_defaults(void **state)
{
    (void)state;
    struct pr_switch sw;
    read_text(&sw, lab, strlen(lab), -1);
    assert_int_equal(sw.n_ports, 6); /* 1-6, the ports the commands name */
    fact(&sw.stp.mode, PR_MODE_RSTP);
    fact(&sw.stp.forward_delay_s, 15);
    /* 1: edge, untagged in pxe (tag 20): ready, blackout 0. */
    struct pr_port *p = port(&sw, "1");
    fact(&p->facts.edge, PR_EDGE_YES);
    fact(&p->facts.access_vlan, 20);
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    /* 2: disable port 2. */
    assert_true(has(port(&sw, "2"), PR_F_ADMIN_DOWN));
    /* 3, 4: LAG 3 with LACP and fallback (default timeout 60 s); 3, the
     * master, is edge, so 4 is too: blackout 60 s. */
    p = port(&sw, "4");
    fact(&p->facts.lacp_member, 1);
    fact(&p->facts.lacp_fallback, 1);
    fact(&p->facts.lacp_fallback_timeout_s, 60);
    fact(&p->facts.edge, PR_EDGE_YES);
    assert_int_equal(p->verdict, PR_VERDICT_READY);
    fact(&p->expected_blackout_s, 60);
    /* 5, 6: LAG 5 with LACP, no fallback, not edge. */
    p = port(&sw, "6");
    fact(&p->facts.lacp_fallback, 0);
    assert_true(has(p, PR_F_LACP_NO_FALLBACK));
    assert_true(has(p, PR_F_STP_NOT_EDGE));
    pr_switch_free(&sw);

    /* enable stpd s0 without a mode: 802.1D, where link-type edge acts as
     * broadcast: not edge, legacy mode. */
    const char *dot1d = "# Module stp configuration.\nconfigure stpd s0 ports link-type edge 1\n"
                        "enable stpd s0\nconfigure vlan Default add ports 1 untagged\n";
    read_text(&sw, dot1d, strlen(dot1d), -1);
    fact(&sw.stp.mode, PR_MODE_STP);
    p = port(&sw, "1");
    fact(&p->facts.edge, PR_EDGE_NO);
    assert_true(has(p, PR_F_STP_LEGACY_MODE));
    pr_switch_free(&sw);

    /* An unknown stpd mode is refused, naming the line. */
    const char *bad = "# Module stp configuration.\nconfigure stpd s0 mode pvst\n";
    pr_switch_init(&sw, "exos", "exos");
    struct pr_error err = {0};
    assert_int_equal(extreme_config_read(bad, strlen(bad), "bad.cfg", &sw, &err), -1);
    assert_non_null(strstr(err.msg, "bad.cfg:2:"));
    pr_switch_free(&sw);
}

static void test_driver_choice(void **state)
{
    (void)state;
    assert_string_equal(pr_driver_choose(NULL, NULL, lab, strlen(lab))->name, "extreme");
    assert_string_equal(pr_driver_choose("1.3.6.1.4.1.1916.2.1", "", NULL, 0)->name, "extreme");
}

struct counts {
    unsigned ports, findings, proven;
};

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
            extreme_snippet(&sw, p, f, fix, sizeof fix);
            if (fix[0] == '\0' || fix[0] == '#')
                continue;
            char *applied;
            size_t applied_len;
            struct pr_error err = {0};
            assert_int_equal(extreme_config_apply(text, len, fix, &applied, &applied_len, &err), 0);
            struct pr_switch again;
            read_text(&again, applied, applied_len, expect_vlan);
            if (has(port(&again, p->name), f->id))
                fail_msg("%s: %s is still there after\n%s", p->name, pr_finding_id_name(f->id),
                         fix);
            c->proven++;
            pr_switch_free(&again);
            free(applied);
        }
    }
    pr_switch_free(&sw);
}

static char *fixture(const char *name, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/configs/%s", PR_FIXTURES, name);
    char *text;
    struct pr_error err = {0};
    if (pr_read_file(path, 1 << 24, &text, len, &err) != 0) {
        print_message("fixture %s absent (../shared not here): skipped\n", path);
        return NULL;
    }
    return text;
}

static void test_fixtures_virtual_exos(void **state)
{
    (void)state;
    struct counts c = {0};
    size_t len;
    struct pr_switch sw;
    /* Root_bridge: configure stpd s0 mode dot1w, enable stpd s0; VLAN
     * Default add ports 1-12 untagged; link-type point-to-point on 1-10, no
     * edge anywhere: 12 ports, all stp-not-edge with 2 x 15 s. */
    char *text = fixture("virtual-exos__Root_bridge.txt", &len);
    if (text == NULL)
        return;
    read_text(&sw, text, len, -1);
    assert_int_equal(sw.n_ports, 12);
    fact(&sw.stp.mode, PR_MODE_RSTP);
    for (size_t i = 0; i < sw.n_ports; i++) {
        assert_true(has(&sw.ports[i], PR_F_STP_NOT_EDGE));
        fact(&sw.ports[i].expected_blackout_s, 30);
        fact(&sw.ports[i].facts.access_vlan, 1);
    }
    pr_switch_free(&sw);
    rejudge_all(text, len, 100, &c);
    free(text);

    /* Peer1.A: no stpd line (s0 disabled: off); enable sharing 1 grouping
     * 1-2 ... lacp, 3 grouping 3-4 ... lacp, 10 grouping 10 ... lacp, no
     * fallback: ports 1, 2, 3, 4, 10 lacp-no-fallback. */
    text = fixture("virtual-exos__Peer1.A.txt", &len);
    read_text(&sw, text, len, -1);
    assert_int_equal(sw.n_ports, 5);
    fact(&sw.stp.mode, PR_MODE_OFF);
    for (size_t i = 0; i < sw.n_ports; i++) {
        assert_true(has(&sw.ports[i], PR_F_LACP_NO_FALLBACK));
        assert_int_equal(sw.ports[i].n_findings, 1);
    }
    pr_switch_free(&sw);
    rejudge_all(text, len, 100, &c);
    free(text);

    /* SW-B: ports 1-12 (configure vr VR-Default add ports 1-12); enable
     * sharing 1 grouping 1-2 (static: no LACP), 5 grouping 5-6 lacp (no
     * fallback); no stpd: off. 5 and 6 not ready, the 10 others ready. */
    text = fixture("virtual-exos__SW-B.txt", &len);
    read_text(&sw, text, len, -1);
    assert_int_equal(sw.n_ports, 12);
    unsigned ready = 0;
    for (size_t i = 0; i < sw.n_ports; i++)
        ready += sw.ports[i].verdict == PR_VERDICT_READY;
    assert_int_equal(ready, 10);
    fact(&port(&sw, "1")->facts.lacp_member, 0);
    assert_true(has(port(&sw, "5"), PR_F_LACP_NO_FALLBACK));
    assert_true(has(port(&sw, "6"), PR_F_LACP_NO_FALLBACK));
    pr_switch_free(&sw);
    rejudge_all(text, len, 100, &c);
    free(text);

    /* Root: 12 stp-not-edge + 12 vlan-mismatch (VLAN 1, not 100); Peer1.A:
     * 5 lacp-no-fallback (VLANs unknown: tagged only); SW-B: 2. */
    assert_int_equal(c.ports, 29);
    assert_int_equal(c.proven, 12 + 12 + 5 + 2);
    print_message("virtual-exos: 3 files, 29 ports judged, %u fixes proven\n", c.proven);
}

static void test_lab_rejudge_and_block(void **state)
{
    (void)state;
    struct counts c = {0};
    rejudge_all(lab, strlen(lab), -1, &c);
    rejudge_all(lab, strlen(lab), 100, &c);
    assert_true(c.proven >= 4);
    struct pr_switch sw;
    read_text(&sw, lab, strlen(lab), 100);
    for (size_t i = 0; i < sw.n_ports; i++)
        for (size_t k = 0; k < sw.ports[i].n_findings; k++)
            extreme_snippet(&sw, &sw.ports[i], &sw.ports[i].findings[k],
                            sw.ports[i].findings[k].fix, sizeof sw.ports[i].findings[k].fix);
    struct pr_fix_block block = {0};
    assert_int_equal(pr_driver_extreme.merge_fixes(&sw, &block), 0);
    assert_non_null(block.text);
    assert_true(block.paste);
    char *applied;
    size_t applied_len;
    struct pr_error err = {0};
    assert_int_equal(
        extreme_config_apply(lab, strlen(lab), block.text, &applied, &applied_len, &err), 0);
    struct pr_switch again;
    read_text(&again, applied, applied_len, 100);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_commands_and_defaults),
        cmocka_unit_test(test_driver_choice),
        cmocka_unit_test(test_fixtures_virtual_exos),
        cmocka_unit_test(test_lab_rejudge_and_block),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
