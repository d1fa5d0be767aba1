/* SPDX-License-Identifier: BSD-3-Clause */
/* The text report's layout for triage: lines within 100 columns, info
 * findings only when verbose, a switch-wide finding once in the header,
 * -q keeping only not-ready ports, and "fix first" ranking what blocks the
 * most ports. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "report/report.h"
#include "report/text_wrap.h"
#include "rules/rules.h"

/* A port with every fact known: up, forwarding, autoneg on (an info
 * finding), edge as given. */
static struct pr_port *add_port(struct pr_switch *sw, const char *name, int64_t edge)
{
    struct pr_port *port = pr_switch_add_port(sw, name, NULL);
    struct pr_port_facts *f = &port->facts;
    pr_fact_set(&f->admin_status, PR_IF_UP, "IF-MIB ifAdminStatus = up(1)");
    pr_fact_set(&f->oper_status, PR_IF_UP, "IF-MIB ifOperStatus = up(1)");
    pr_fact_set(&f->stp_state, PR_STP_FORWARDING, "BRIDGE-MIB dot1dStpPortState = forwarding(5)");
    pr_fact_set(&f->edge, edge, "RSTP-MIB dot1dStpPortAdminEdgePort = %s",
                edge == PR_EDGE_YES ? "true(1)" : "false(2)");
    pr_fact_set(&f->autoneg, 1, "MAU-MIB ifMauAutoNegAdminStatus = enabled(1)");
    return port;
}

/* A legacy-STP switch: 3 edge ports (ready but for the switch-wide
 * warning), 2 not edge (not ready). */
static void legacy_switch(struct pr_switch *sw, const char *name)
{
    pr_switch_init(sw, name, "127.0.0.1:1161");
    pr_fact_set(&sw->stp.mode, PR_MODE_PVST,
                "CISCO-STP-EXTENSIONS-MIB stpxSpanningTreeType.0 = pvstPlus(1)");
    pr_fact_set(&sw->stp.forward_delay_s, 15, "x");
    pr_fact_set(&sw->stp.max_age_s, 20, "x");
    add_port(sw, "Gi1/0/1", PR_EDGE_YES);
    add_port(sw, "Gi1/0/2", PR_EDGE_YES);
    add_port(sw, "Gi1/0/3", PR_EDGE_YES);
    struct pr_port *p = add_port(sw, "Gi1/0/4", PR_EDGE_NO);
    snprintf(p->alias, sizeof p->alias, "%s",
             "a description much longer than the column it is printed in");
    add_port(sw, "Gi1/0/5", PR_EDGE_NO);
    rules_judge_switch(sw);
}

static char *render(struct pr_switch *switches, size_t n, struct report_options opts)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    opts.out = out;
    struct pr_summary summary;
    rules_summarize(switches, n, &summary);
    void *state = NULL;
    struct pr_error err = {0};
    assert_int_equal(report_writer_text.begin(&opts, &state, &err), 0);
    for (size_t i = 0; i < n; i++)
        report_writer_text.write_switch(&opts, state, &switches[i]);
    assert_int_equal(report_writer_text.end(&opts, state, &summary, &err), 0);
    fclose(out);
    return text;
}

static size_t count(const char *text, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(text, needle); p != NULL; p = strstr(p + 1, needle))
        n++;
    return n;
}

static size_t widest_line(const char *text)
{
    size_t widest = 0;
    while (*text) {
        const char *nl = strchr(text, '\n');
        size_t len = nl ? (size_t)(nl - text) : strlen(text);
        if (len > widest)
            widest = len;
        text += len + (nl != NULL);
    }
    return widest;
}

static void test_wrap_fits_width_and_keeps_words(void **state)
{
    (void)state;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    const char *words = "not an edge (PortFast) port: after link-up it blocks about 30 s before "
                        "forwarding (RSTP/MSTP too, since a server sends no BPDUs); a PXE client "
                        "gives up first";
    fprintf(out, "      critical stp-not-edge: "); /* 29 columns used */
    text_wrap(out, 29, 15, words);
    text_wrap(out, 0, 4, "");
    fclose(out);
    assert_true(widest_line(text) <= TEXT_WIDTH);
    /* Every word survives, continuation lines indented by 15. */
    assert_non_null(strstr(text, "\n               "));
    /* 29 + 71 columns on the first line, then 85 per line at indent 15:
     * the 167-character message takes three lines, plus the empty one. */
    assert_non_null(strstr(text, "      critical stp-not-edge: not an edge (PortFast) port: after "
                                 "link-up it blocks about 30 s before\n"));
    assert_non_null(strstr(text, " first\n\n"));
    assert_int_equal(count(text, "\n"), 4);
    free(text);
    char cut[32];
    text_ellipsize(cut, sizeof cut, "uplink core1 Ethernet1/1", 20);
    assert_string_equal(cut, "uplink core1 Ethe...");
    text_ellipsize(cut, sizeof cut, "srv12-01", 20);
    assert_string_equal(cut, "srv12-01");
}

static void test_switch_wide_once_info_hidden(void **state)
{
    (void)state;
    struct pr_switch sw;
    legacy_switch(&sw, "rack12-b");
    char *text = render(&sw, 1, (struct report_options){.verbose = false});
    /* stp-legacy-mode's message once (the header), each port a short line. */
    assert_int_equal(count(text, "the switch runs legacy pvst"), 1);
    assert_non_null(strstr(text, "switch-wide, on 5 ports:"));
    assert_int_equal(count(text, "stp-legacy-mode (switch-wide, above)"), 5);
    /* autoneg-on is info: absent without --verbose. */
    assert_int_equal(count(text, "autoneg-on"), 0);
    assert_true(widest_line(text) <= TEXT_WIDTH);
    assert_non_null(strstr(text, "a description much lo..."));
    free(text);
    text = render(&sw, 1, (struct report_options){.verbose = true});
    assert_int_equal(count(text, "autoneg-on"), 5);
    free(text);
    pr_switch_free(&sw);
}

static void test_quiet_and_fix_first(void **state)
{
    (void)state;
    struct pr_switch sw[2];
    legacy_switch(&sw[0], "rack12-b");
    /* The second switch: 1 not-ready port of 1. */
    pr_switch_init(&sw[1], "rack12-a", "127.0.0.1:1162");
    pr_fact_set(&sw[1].stp.mode, PR_MODE_RSTP, "x");
    pr_fact_set(&sw[1].stp.forward_delay_s, 15, "x");
    add_port(&sw[1], "1/1/3", PR_EDGE_NO);
    rules_judge_switch(&sw[1]);
    char *text =
        render(sw, 2,
               (struct report_options){
                   .quiet = true, .fix_hint = "Print the fixes: portready audit --fix rack.yaml"});
    /* -q: the 3 warning ports are left out, the 3 not-ready ones stay. */
    assert_null(strstr(text, "Gi1/0/1 "));
    assert_non_null(strstr(text, "Gi1/0/4"));
    assert_non_null(strstr(text, "1/1/3"));
    assert_non_null(strstr(text, "Summary: 2 switches, 6 ports"));
    /* Fix first: rack12-b (2 blocked) before rack12-a (1). */
    const char *ff = strstr(text, "Fix first");
    assert_non_null(ff);
    const char *b = strstr(ff, "rack12-b"), *a = strstr(ff, "rack12-a");
    assert_non_null(a);
    assert_non_null(b);
    assert_true(b < a);
    assert_non_null(strstr(ff, "stp-not-edge 2 ports"));
    assert_non_null(strstr(ff, "Print the fixes: portready audit --fix rack.yaml"));
    free(text);
    /* With --fix the fixes are printed: no "fix first" advice. */
    text = render(sw, 2, (struct report_options){.fix = true});
    assert_null(strstr(text, "Fix first"));
    free(text);
    pr_switch_free(&sw[0]);
    pr_switch_free(&sw[1]);
}

/* Uplinks left out: one line, each with its reason; with --fix the block
 * ends the switch, its switch-wide part first, and no finding repeats its
 * fix; the summary counts the uplinks. */
static void test_uplinks_and_fix_block(void **state)
{
    (void)state;
    struct pr_switch sw;
    legacy_switch(&sw, "rack12-b");
    struct pr_port up = {0};
    snprintf(up.name, sizeof up.name, "Gi1/0/12");
    snprintf(up.role.reason, sizeof up.role.reason, "CDP neighbour core1, router, switch");
    pr_switch_add_uplink(&sw, &up);
    snprintf(up.name, sizeof up.name, "Gi1/0/11");
    snprintf(up.role.reason, sizeof up.role.reason, "root port");
    pr_switch_add_uplink(&sw, &up);
    for (size_t i = 0; i < sw.n_ports; i++) {
        for (size_t k = 0; k < sw.ports[i].n_findings; k++)
            snprintf(sw.ports[i].findings[k].fix, sizeof sw.ports[i].findings[k].fix, "x %zu", i);
    }
    sw.fix.text = strdup("! switch-wide and disruptive\nspanning-tree mode rapid-pvst\n!\n"
                         "interface GigabitEthernet1/0/4\n spanning-tree portfast edge\n");
    sw.fix.switch_wide = strdup("spanning-tree mode rapid-pvst\n");
    sw.fix.paste = true;
    char *text = render(&sw, 1, (struct report_options){.fix = true});
    assert_non_null(strstr(text, "\n  uplinks left out: Gi1/0/12 (CDP neighbour core1, router, "
                                 "switch), Gi1/0/11 (root port)\n"));
    assert_non_null(strstr(text, "\n  fix, ready to paste in configuration mode; the switch-wide "
                                 "part first, disruptive:\n"
                                 "    ! switch-wide and disruptive\n"
                                 "    spanning-tree mode rapid-pvst\n"
                                 "    !\n"
                                 "    interface GigabitEthernet1/0/4\n"
                                 "     spanning-tree portfast edge\n\n"));
    assert_int_equal(count(text, "               fix:"), 0);
    assert_non_null(strstr(text, "0 unknown; 2 uplinks left out\n"));
    assert_true(widest_line(text) <= TEXT_WIDTH);
    free(text);
    /* Without a block (out of memory), the findings carry their fixes. */
    pr_fix_block_free(&sw.fix);
    text = render(&sw, 1, (struct report_options){.fix = true});
    assert_true(count(text, "               fix:") > 0);
    free(text);
    pr_switch_free(&sw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wrap_fits_width_and_keeps_words),
        cmocka_unit_test(test_switch_wide_once_info_hidden),
        cmocka_unit_test(test_quiet_and_fix_first),
        cmocka_unit_test(test_uplinks_and_fix_block),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
