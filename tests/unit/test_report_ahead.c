/* SPDX-License-Identifier: BSD-3-Clause */
/* A report written ahead (each switch's part rendered on its own, then put
 * in order) is byte for byte the report written switch by switch, for the
 * writers that can write ahead (text in every mode, JSON); the others
 * cannot, and say so. The switches are built here: the comparison needs
 * no expected text, only the writer's own direct output. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "report/report.h"
#include "rules/rules.h"

static void add_port(struct pr_switch *sw, const char *name, int64_t edge, bool up)
{
    struct pr_port *port = pr_switch_add_port(sw, name, NULL);
    struct pr_port_facts *f = &port->facts;
    pr_fact_set(&f->admin_status, PR_IF_UP, "IF-MIB ifAdminStatus = up(1)");
    pr_fact_set(&f->oper_status, up ? PR_IF_UP : PR_IF_DOWN, "IF-MIB ifOperStatus = %s",
                up ? "up(1)" : "down(2)");
    pr_fact_set(&f->stp_state, PR_STP_FORWARDING, "BRIDGE-MIB dot1dStpPortState = forwarding(5)");
    pr_fact_set(&f->edge, edge, "RSTP-MIB dot1dStpPortAdminEdgePort = %s",
                edge == PR_EDGE_YES ? "true(1)" : "false(2)");
}

/* Three switches: one with a not-ready port (a "fix first" line), one all
 * ready, one unreadable. */
static void make_rack(struct pr_switch sw[3])
{
    pr_switch_init(&sw[0], "leaf001", "127.0.0.1:1161");
    pr_fact_set(&sw[0].stp.mode, PR_MODE_RSTP, "BRIDGE-MIB dot1dStpVersion = rstp(2)");
    pr_fact_set(&sw[0].stp.forward_delay_s, 15, "dot1dStpForwardDelay = 1500");
    add_port(&sw[0], "Ethernet1", PR_EDGE_YES, true);
    add_port(&sw[0], "Ethernet2", PR_EDGE_NO, true);
    add_port(&sw[0], "Ethernet3", PR_EDGE_YES, false);
    rules_judge_switch(&sw[0]);
    pr_switch_init(&sw[1], "leaf002", "127.0.0.1:1162");
    pr_fact_set(&sw[1].stp.mode, PR_MODE_RSTP, "BRIDGE-MIB dot1dStpVersion = rstp(2)");
    add_port(&sw[1], "Ethernet1", PR_EDGE_YES, true);
    rules_judge_switch(&sw[1]);
    pr_switch_init(&sw[2], "leaf003", "127.0.0.1:1163");
    pr_error_set(&sw[2].error, PR_ERR_TIMEOUT, "127.0.0.1:1163: no answer within 2 s");
}

/* The whole report, each switch written directly or ahead. */
static char *render(const struct report_writer *w, struct report_options opts, bool ahead)
{
    struct pr_switch sw[3];
    make_rack(sw);
    struct pr_summary summary;
    rules_summarize(sw, 3, &summary);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    opts.out = out;
    void *state = NULL;
    struct pr_error err = {0};
    assert_int_equal(w->begin(&opts, &state, &err), 0);
    struct report_ahead *parts[3] = {NULL, NULL, NULL};
    if (ahead) {
        /* Written in another order than put, as workers finish. */
        for (int i = 2; i >= 0; i--) {
            parts[i] = report_write_ahead(w, &opts, &sw[i]);
            assert_non_null(parts[i]);
            pr_switch_free(&sw[i]); /* the part needs nothing of the ports */
        }
    }
    for (size_t i = 0; i < 3; i++) {
        if (ahead)
            report_put_ahead(w, &opts, state, parts[i]);
        else
            w->write_switch(&opts, state, &sw[i]);
        pr_switch_free(&sw[i]);
    }
    assert_int_equal(w->end(&opts, state, &summary, &err), 0);
    fclose(out);
    return text;
}

static void same_both_ways(const struct report_writer *w, struct report_options opts)
{
    char *direct = render(w, opts, false);
    char *ahead = render(w, opts, true);
    assert_true(strlen(direct) > 200);
    assert_string_equal(ahead, direct);
    free(direct);
    free(ahead);
}

static void test_text_ahead_is_the_same(void **state)
{
    (void)state;
    same_both_ways(&report_writer_text, (struct report_options){.fix_hint = "Print the fixes"});
    same_both_ways(&report_writer_text, (struct report_options){.verbose = true});
    same_both_ways(&report_writer_text, (struct report_options){.quiet = true, .fix_hint = "x"});
    same_both_ways(&report_writer_text, (struct report_options){.fix = true, .color = true});
}

static void test_text_ahead_keeps_fix_first(void **state)
{
    (void)state;
    char *text = render(&report_writer_text, (struct report_options){.fix_hint = "hint"}, true);
    /* leaf001: Ethernet2 not edge and Ethernet3 down, 2 not ready. */
    const char *ff = strstr(text, "Fix first");
    assert_non_null(ff);
    assert_non_null(strstr(ff, "leaf001"));
    assert_non_null(strstr(ff, "2 not ready"));
    free(text);
}

static void test_json_ahead_is_the_same(void **state)
{
    (void)state;
    same_both_ways(&report_writer_json, (struct report_options){0});
}

static void test_nagios_and_prometheus_cannot_write_ahead(void **state)
{
    (void)state;
    struct pr_switch sw[3];
    make_rack(sw);
    struct report_options opts = {.out = stdout};
    assert_null(report_write_ahead(&report_writer_nagios, &opts, &sw[0]));
    assert_null(report_write_ahead(&report_writer_prometheus, &opts, &sw[0]));
    for (size_t i = 0; i < 3; i++)
        pr_switch_free(&sw[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_ahead_is_the_same),
        cmocka_unit_test(test_text_ahead_keeps_fix_first),
        cmocka_unit_test(test_json_ahead_is_the_same),
        cmocka_unit_test(test_nagios_and_prometheus_cannot_write_ahead),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
