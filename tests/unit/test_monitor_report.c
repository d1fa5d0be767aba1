/* SPDX-License-Identifier: BSD-3-Clause */
/* The monitoring formats: the plugin line of --format nagios (state = exit
 * code, worst ports named first, perfdata in the guidelines' syntax, names
 * from a switch unable to break the line or start the perfdata) and the
 * Prometheus exposition (families grouped, label values escaped: a port
 * named `Gi1/0/1 "x"\`, a server name with a newline, invalid UTF-8). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "report/report.h"
#include "report/report_clean.h"
#include "rules/rules.h"
#include "rules/threshold.h"

/* A port with every fact needed for a verdict, edge as given. */
static struct pr_port *add_port(struct pr_switch *sw, const char *name, int64_t edge,
                                const char *server)
{
    struct pr_port *port = pr_switch_add_port(sw, name, NULL);
    struct pr_port_facts *f = &port->facts;
    pr_fact_set(&f->admin_status, PR_IF_UP, "IF-MIB ifAdminStatus = up(1)");
    pr_fact_set(&f->oper_status, PR_IF_UP, "IF-MIB ifOperStatus = up(1)");
    pr_fact_set(&f->stp_state, PR_STP_FORWARDING, "BRIDGE-MIB dot1dStpPortState = forwarding(5)");
    pr_fact_set(&f->edge, edge, "RSTP-MIB dot1dStpPortAdminEdgePort = x");
    snprintf(port->server, sizeof port->server, "%s", server);
    return port;
}

/* An RSTP switch: ready, not edge (30 s) and auto-edge (3 s) ports. */
static void rstp_switch(struct pr_switch *sw, const char *name)
{
    pr_switch_init(sw, name, "127.0.0.1:1161");
    pr_fact_set(&sw->stp.mode, PR_MODE_RSTP, "BRIDGE-MIB dot1dStpVersion.0 = rstp(2)");
    pr_fact_set(&sw->stp.forward_delay_s, 15, "x");
    pr_fact_set(&sw->stp.max_age_s, 20, "x");
    add_port(sw, "1/1/1", PR_EDGE_YES, "srv12-01");
    add_port(sw, "1/1/3", PR_EDGE_NO, "srv12-03");
    add_port(sw, "1/1/4", PR_EDGE_AUTO, "srv12-04");
    rules_judge_switch(sw);
}

static char *render(const struct report_writer *w, struct pr_switch *switches, size_t n,
                    const struct rules_thresholds *t, const char *cut_short, int *code)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    struct report_options opts = {.out = out, .thresholds = t};
    void *state = NULL;
    struct pr_summary summary;
    for (size_t i = 0; i < n; i++)
        assert_int_equal(rules_apply_thresholds_switch(&switches[i], t), 0);
    rules_summarize(switches, n, &summary);
    summary.cut_short = cut_short;
    if (code != NULL)
        *code = (int)rules_exit_code(&summary);
    struct pr_error err = {0};
    assert_int_equal(w->begin(&opts, &state, &err), 0);
    for (size_t i = 0; i < n; i++)
        w->write_switch(&opts, state, &switches[i]);
    assert_int_equal(w->end(&opts, state, &summary, &err), 0);
    fclose(out);
    return text;
}

static char *first_line(const char *text)
{
    const char *nl = strchr(text, '\n');
    assert_non_null(nl);
    return strndup(text, (size_t)(nl - text));
}

static void test_nagios_critical(void **state)
{
    (void)state;
    struct pr_switch sw[2];
    rstp_switch(&sw[0], "rack12-a");
    pr_switch_init(&sw[1], "rack12-c", "127.0.0.1:1163");
    pr_error_set(&sw[1].error, PR_ERR_TIMEOUT, "127.0.0.1:1163: no answer within 2 s");
    int code;
    char *text = render(&report_writer_nagios, sw, 2, NULL, NULL, &code);
    assert_int_equal(code, PR_EXIT_NOT_READY);
    assert_string_equal(
        text, "PORTREADY CRITICAL - 1 of 3 ports not ready: rack12-a 1/1/3 stp-not-edge; 1 of 3 "
              "ports with warnings: rack12-a 1/1/4 stp-edge-auto; 1 switch unreadable: rack12-c "
              "(127.0.0.1:1163: no answer within 2 s) | 'ports'=3;;;0; 'ready'=1;;;0;3 "
              "'warning'=1;;;0;3 'not_ready'=1;;;0;3 'unknown'=0;;;0;3 'switches'=2;;;0; "
              "'unreadable'=1;;;0;2 'unchecked'=0;;;0; 'blackout_max'=30s;;;0;\n"
              "rack12-a 1/1/3 srv12-03: not-ready, blackout 30 s: stp-not-edge\n"
              "rack12-a 1/1/4 srv12-04: warning, blackout 3 s: stp-edge-auto\n"
              "rack12-c: unreadable: 127.0.0.1:1163: no answer within 2 s\n");
    free(text);
    pr_switch_free(&sw[0]);
    pr_switch_free(&sw[1]);
}

/* Each state name is the exit code's, thresholds included. */
static void test_nagios_state_is_exit_code(void **state)
{
    (void)state;
    static const char *const names[] = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};
    struct {
        const char *warning, *critical, *cut_short;
        int expected;
    } cases[] = {
        {"40", "40", NULL, PR_EXIT_NOT_READY}, /* 1/1/3's own finding */
        {NULL, "2", NULL, PR_EXIT_NOT_READY},
        {NULL, NULL, "interrupted", PR_EXIT_UNKNOWN},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct pr_switch sw;
        rstp_switch(&sw, "rack12-a");
        struct rules_thresholds t = {0};
        struct pr_error err = {0};
        if (cases[i].warning)
            assert_int_equal(rules_range_parse(cases[i].warning, &t.warning, &err), 0);
        if (cases[i].critical)
            assert_int_equal(rules_range_parse(cases[i].critical, &t.critical, &err), 0);
        int code;
        char *text = render(&report_writer_nagios, &sw, 1, &t, cases[i].cut_short, &code);
        assert_int_equal(code, cases[i].expected);
        char want[64];
        snprintf(want, sizeof want, "PORTREADY %s - ", names[code]);
        assert_memory_equal(text, want, strlen(want));
        free(text);
        pr_switch_free(&sw);
    }
    /* Only the ready port, and a warning threshold the 0 s blackout keeps. */
    struct pr_switch sw;
    pr_switch_init(&sw, "rack12-a", "x");
    pr_fact_set(&sw.stp.mode, PR_MODE_RSTP, "x");
    add_port(&sw, "1/1/1", PR_EDGE_YES, "");
    rules_judge_switch(&sw);
    struct rules_thresholds t = {0};
    struct pr_error err = {0};
    assert_int_equal(rules_range_parse("@0:0", &t.warning, &err), 0);
    int code;
    char *text = render(&report_writer_nagios, &sw, 1, &t, NULL, &code);
    assert_int_equal(code, PR_EXIT_WARNING);
    char *line = first_line(text);
    assert_string_equal(
        line,
        "PORTREADY WARNING - 1 of 1 port with warnings: rack12-a 1/1/1 "
        "blackout-threshold | 'ports'=1;;;0; 'ready'=0;;;0;1 "
        "'warning'=1;;;0;1 'not_ready'=0;;;0;1 'unknown'=0;;;0;1 "
        "'switches'=1;;;0; 'unreadable'=0;;;0;1 'unchecked'=0;;;0; 'blackout_max'=0s;@0:0;;0;");
    free(line);
    free(text);
    pr_switch_free(&sw);
}

static void test_nagios_ok_interrupted_and_empty(void **state)
{
    (void)state;
    struct pr_switch sw[2];
    pr_switch_init(&sw[0], "rack12-a", "x");
    pr_fact_set(&sw[0].stp.mode, PR_MODE_RSTP, "x");
    add_port(&sw[0], "1/1/1", PR_EDGE_YES, "");
    rules_judge_switch(&sw[0]);
    char *text = render(&report_writer_nagios, sw, 1, NULL, NULL, NULL);
    char *line = first_line(text);
    assert_string_equal(
        line, "PORTREADY OK - 1 of 1 port ready | 'ports'=1;;;0; 'ready'=1;;;0;1 "
              "'warning'=0;;;0;1 'not_ready'=0;;;0;1 'unknown'=0;;;0;1 "
              "'switches'=1;;;0; 'unreadable'=0;;;0;1 'unchecked'=0;;;0; 'blackout_max'=0s;;;0;");
    assert_null(strchr(strchr(text, '\n') + 1, '\n')); /* no long output */
    free(line);
    free(text);

    pr_switch_init(&sw[1], "rack12-b", "y");
    pr_error_set(&sw[1].error, PR_ERR_INTERRUPTED, "interrupted before it was read");
    int code;
    text = render(&report_writer_nagios, sw, 2, NULL, "interrupted", &code);
    assert_int_equal(code, PR_EXIT_UNKNOWN);
    line = first_line(text);
    assert_string_equal(line, "PORTREADY UNKNOWN - interrupted: 1 of 2 switches not read | "
                              "'ports'=1;;;0; 'ready'=1;;;0;1 'warning'=0;;;0;1 "
                              "'not_ready'=0;;;0;1 'unknown'=0;;;0;1 'switches'=2;;;0; "
                              "'unreadable'=1;;;0;2 'unchecked'=0;;;0; 'blackout_max'=0s;;;0;");
    assert_non_null(strstr(text, "\nrack12-b: not read: interrupted before it was read\n"));
    free(line);
    free(text);
    pr_switch_free(&sw[0]);
    pr_switch_free(&sw[1]);

    /* Nothing judged: unknown, and no blackout datum at all. */
    text = render(&report_writer_nagios, NULL, 0, NULL, NULL, &code);
    assert_int_equal(code, PR_EXIT_UNKNOWN);
    assert_string_equal(
        text, "PORTREADY UNKNOWN - no port judged | 'ports'=0;;;0; "
              "'ready'=0;;;0;0 'warning'=0;;;0;0 'not_ready'=0;;;0;0 "
              "'unknown'=0;;;0;0 'switches'=0;;;0; 'unreadable'=0;;;0;0 'unchecked'=0;;;0;\n");
    free(text);
}

/* A switch's bytes cannot end the status line or open the perfdata. */
static void test_nagios_names_cleaned(void **state)
{
    (void)state;
    struct pr_switch sw;
    pr_switch_init(&sw, "sw|1\n", "x");
    pr_fact_set(&sw.stp.mode, PR_MODE_RSTP, "x");
    add_port(&sw, "Gi1/0/1 \"x\"\\", PR_EDGE_NO, "srv\nevil | 'x'=1");
    rules_judge_switch(&sw);
    char *text = render(&report_writer_nagios, &sw, 1, NULL, NULL, NULL);
    /* Exactly two lines: the status line and the port's. */
    size_t lines = 0;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, 2);
    assert_non_null(strstr(text, "not ready: sw/1  Gi1/0/1 \"x\"\\ stp-not-edge | "));
    assert_non_null(strstr(text, "\nsw/1  Gi1/0/1 \"x\"\\ srv evil / 'x'=1: not-ready,"));
    /* One '|' only: where the perfdata begins. */
    assert_ptr_equal(strchr(text, '|'), strrchr(text, '|'));
    free(text);
    pr_switch_free(&sw);

    char out[16];
    report_clean_line(out, sizeof out,
                      "a\xff\xc3\xa9|\t\x7f"
                      "b");
    assert_string_equal(out, "a?\xc3\xa9/  b");
    /* Cut at a character boundary, never inside one. */
    report_clean_line(out, 4, "ab\xc3\xa9");
    assert_string_equal(out, "ab");
}

static void test_nagios_fail_line(void **state)
{
    (void)state;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    report_writer_nagios.write_failure(out, "audit: rack.yaml:3:5: unknown key 'hots' | x\nnext");
    fclose(out);
    assert_string_equal(text,
                        "PORTREADY UNKNOWN - audit: rack.yaml:3:5: unknown key 'hots' / x next\n");
    free(text);
    assert_null(report_writer_prometheus.write_failure);
    assert_ptr_equal(report_writer_find("nagios"), &report_writer_nagios);
    assert_ptr_equal(report_writer_find("prometheus"), &report_writer_prometheus);
}

static void test_prometheus_escaping(void **state)
{
    (void)state;
    struct pr_switch sw;
    pr_switch_init(&sw, "rack\xff-a", "x");
    pr_fact_set(&sw.stp.mode, PR_MODE_RSTP, "x");
    pr_fact_set(&sw.stp.forward_delay_s, 15, "x");
    add_port(&sw, "Gi1/0/1 \"x\"\\", PR_EDGE_NO, "srv12\n01");
    rules_judge_switch(&sw);
    char *text = render(&report_writer_prometheus, &sw, 1, NULL, NULL, NULL);
    assert_non_null(strstr(text,
                           "\nportready_port_verdict{switch=\"rack\xef\xbf\xbd-a\",port=\"Gi1/0/1 "
                           "\\\"x\\\"\\\\\",server=\"srv12\\n01\",verdict=\"not-ready\"} 1\n"));
    assert_non_null(strstr(text,
                           "\nportready_port_verdict{switch=\"rack\xef\xbf\xbd-a\",port=\"Gi1/0/1 "
                           "\\\"x\\\"\\\\\",server=\"srv12\\n01\",verdict=\"ready\"} 0\n"));
    assert_non_null(strstr(text, "\nportready_port_expected_blackout_seconds{switch=\"rack\xef\xbf"
                                 "\xbd-a\",port=\"Gi1/0/1 \\\"x\\\"\\\\\"} 30\n"));
    assert_non_null(strstr(text, "\nportready_port_finding{switch=\"rack\xef\xbf\xbd-a\",port="
                                 "\"Gi1/0/1 \\\"x\\\"\\\\\",id=\"stp-not-edge\",severity="
                                 "\"critical\"} 1\n"));
    assert_non_null(strstr(text, "\nportready_switch_up{switch=\"rack\xef\xbf\xbd-a\"} 1\n"));
    /* No raw newline inside a sample: every line is a comment or a
     * sample of a known family. */
    for (char *line = strtok(text, "\n"); line != NULL; line = strtok(NULL, "\n")) {
        if (line[0] == '#')
            continue;
        assert_memory_equal(line, "portready_", 10);
    }
    free(text);
    pr_switch_free(&sw);
}

static void test_prometheus_families_grouped(void **state)
{
    (void)state;
    struct pr_switch sw[2];
    rstp_switch(&sw[0], "rack12-a");
    rstp_switch(&sw[1], "rack12-b");
    char *text = render(&report_writer_prometheus, sw, 2, NULL, NULL, NULL);
    static const char *const order[] = {
        "# TYPE portready_port_verdict gauge\n",
        "# TYPE portready_port_expected_blackout_seconds gauge\n",
        "# TYPE portready_port_finding gauge\n",
        "# TYPE portready_switch_up gauge\n",
        "# TYPE portready_audit_duration_seconds gauge\n",
        "# TYPE portready_audit_timestamp_seconds gauge\n",
    };
    const char *at = text;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        const char *found = strstr(at, order[i]);
        if (found == NULL)
            fail_msg("'%s' missing or out of order", order[i]);
        /* Its HELP line comes just before. */
        assert_true(found > text && strncmp(found - 1, "\n", 1) == 0);
        at = found + 1;
    }
    /* Both switches' verdicts sit together, before any blackout sample. */
    const char *last_verdict = NULL;
    for (const char *p = strstr(text, "\nportready_port_verdict{"); p != NULL;
         p = strstr(p + 1, "\nportready_port_verdict{"))
        last_verdict = p;
    assert_true(last_verdict < strstr(text, "\nportready_port_expected_blackout_seconds{"));
    /* 2 switches x 3 ports x 4 verdicts. */
    size_t samples = 0;
    for (const char *p = text; (p = strstr(p, "\nportready_port_verdict{")) != NULL; p++)
        samples++;
    assert_int_equal(samples, 24);
    free(text);
    pr_switch_free(&sw[0]);
    pr_switch_free(&sw[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nagios_critical),
        cmocka_unit_test(test_nagios_state_is_exit_code),
        cmocka_unit_test(test_nagios_ok_interrupted_and_empty),
        cmocka_unit_test(test_nagios_names_cleaned),
        cmocka_unit_test(test_nagios_fail_line),
        cmocka_unit_test(test_prometheus_escaping),
        cmocka_unit_test(test_prometheus_families_grouped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
