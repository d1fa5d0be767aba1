/* SPDX-License-Identifier: BSD-3-Clause */
/* Thresholds on the predicted blackout: the Monitoring Plugins range
 * syntax, which values alert, and how a breach adds blackout-threshold and
 * raises a port's verdict on top of its findings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "rules/threshold.h"

static struct rules_range range(const char *text)
{
    struct rules_range r;
    struct pr_error err = {0};
    assert_int_equal(rules_range_parse(text, &r, &err), 0);
    assert_true(r.set);
    assert_string_equal(r.text, text);
    return r;
}

static void test_range_syntax(void **state)
{
    (void)state;
    /* "10": outside 0..10 */
    struct rules_range r = range("10");
    assert_false(rules_range_alerts(&r, 0));
    assert_false(rules_range_alerts(&r, 10));
    assert_true(rules_range_alerts(&r, 10.5));
    assert_true(rules_range_alerts(&r, -1));
    /* "10:": below 10 */
    r = range("10:");
    assert_true(rules_range_alerts(&r, 9));
    assert_false(rules_range_alerts(&r, 10));
    assert_false(rules_range_alerts(&r, 1e9));
    /* "~:10": above 10 */
    r = range("~:10");
    assert_false(rules_range_alerts(&r, -1e9));
    assert_true(rules_range_alerts(&r, 11));
    /* "10:20": outside 10..20 */
    r = range("10:20");
    assert_true(rules_range_alerts(&r, 9.9));
    assert_false(rules_range_alerts(&r, 15));
    assert_true(rules_range_alerts(&r, 20.1));
    /* "@0:5": inside 0..5, ends included */
    r = range("@0:5");
    assert_true(rules_range_alerts(&r, 0));
    assert_true(rules_range_alerts(&r, 5));
    assert_false(rules_range_alerts(&r, 5.5));
    r = range("@10");
    assert_true(rules_range_alerts(&r, 3));
    assert_false(rules_range_alerts(&r, 11));
    r = range("2.5");
    assert_true(rules_range_alerts(&r, 3));
    r = range("-5:-1");
    assert_false(rules_range_alerts(&r, -3));
    assert_true(rules_range_alerts(&r, 0));
}

static void test_range_refused(void **state)
{
    (void)state;
    const char *bad[] = {"",  "@",   "abc", "10:5", "1e3", "0x10", "10::",
                         "~", "10 ", ":5",  "nan",  "inf", "5:x",  "@@1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct rules_range r;
        struct pr_error err = {0};
        if (rules_range_parse(bad[i], &r, &err) == 0)
            fail_msg("'%s' parsed as a range", bad[i]);
        assert_int_equal(err.code, PR_ERR_USAGE);
        assert_false(r.set);
    }
    struct rules_range unset = {0};
    assert_false(rules_range_alerts(&unset, 1e9));
}

/* A port with a known blackout, judged as verdict with one finding of
 * severity sev (or none when sev is -1). */
static struct pr_port port_with(int64_t blackout, enum pr_verdict verdict, int sev)
{
    struct pr_port port;
    memset(&port, 0, sizeof port);
    pr_fact_set(&port.expected_blackout_s, blackout,
                "RSTP-MIB dot1dStpPortOperEdgePort.4 = true(1)");
    port.verdict = verdict;
    if (sev >= 0) {
        struct pr_finding *f =
            pr_port_add_finding(&port, sev == PR_SEV_WARNING ? PR_F_STP_EDGE_AUTO : PR_F_AUTONEG_ON,
                                (enum pr_severity)sev);
        assert_non_null(f);
    }
    return port;
}

static struct rules_thresholds thresholds(const char *warning, const char *critical)
{
    struct rules_thresholds t = {0};
    if (warning != NULL)
        t.warning = range(warning);
    if (critical != NULL)
        t.critical = range(critical);
    return t;
}

static void test_critical_breach_beats_warning_findings(void **state)
{
    (void)state;
    /* An auto-edge port: a warning finding, a 3 s blackout. */
    struct pr_port port = port_with(3, PR_VERDICT_WARNING, PR_SEV_WARNING);
    struct rules_thresholds t = thresholds("1", "2");
    assert_int_equal(rules_apply_thresholds(&port, &t), 0);
    assert_int_equal(port.verdict, PR_VERDICT_NOT_READY);
    assert_int_equal(port.n_findings, 2);
    /* Most severe first: the threshold's critical before the warning. */
    assert_int_equal(port.findings[0].id, PR_F_BLACKOUT_THRESHOLD);
    assert_int_equal(port.findings[0].severity, PR_SEV_CRITICAL);
    assert_string_equal(
        port.findings[0].message,
        "the predicted blackout of 3 s breaks the critical threshold (--critical 2: "
        "over 2 s)");
    assert_string_equal(port.findings[0].evidence, "RSTP-MIB dot1dStpPortOperEdgePort.4 = true(1)");
    assert_int_equal(port.findings[1].id, PR_F_STP_EDGE_AUTO);
    pr_port_clear_findings(&port);
}

static void test_warning_breach(void **state)
{
    (void)state;
    struct rules_thresholds t = thresholds("2", "10");
    /* Ready with an info finding: the warning goes before the info. */
    struct pr_port port = port_with(3, PR_VERDICT_READY, PR_SEV_INFO);
    assert_int_equal(rules_apply_thresholds(&port, &t), 0);
    assert_int_equal(port.verdict, PR_VERDICT_WARNING);
    assert_int_equal(port.findings[0].id, PR_F_BLACKOUT_THRESHOLD);
    assert_int_equal(port.findings[0].severity, PR_SEV_WARNING);
    assert_int_equal(port.findings[1].id, PR_F_AUTONEG_ON);
    pr_port_clear_findings(&port);
    /* Unknown stays unknown: a warning never hides an unknown blocker. */
    port = port_with(3, PR_VERDICT_UNKNOWN, -1);
    assert_int_equal(rules_apply_thresholds(&port, &t), 0);
    assert_int_equal(port.verdict, PR_VERDICT_UNKNOWN);
    assert_int_equal(port.n_findings, 1);
    pr_port_clear_findings(&port);
    /* Within both: nothing. */
    port = port_with(0, PR_VERDICT_READY, -1);
    assert_int_equal(rules_apply_thresholds(&port, &t), 0);
    assert_int_equal(port.verdict, PR_VERDICT_READY);
    assert_int_equal(port.n_findings, 0);
}

static void test_nothing_without_blackout_or_thresholds(void **state)
{
    (void)state;
    struct rules_thresholds t = thresholds(NULL, "@0:5");
    struct pr_port port = port_with(0, PR_VERDICT_READY, -1);
    pr_fact_unknown(&port.expected_blackout_s, NULL);
    assert_int_equal(rules_apply_thresholds(&port, &t), 0);
    assert_int_equal(port.n_findings, 0);
    /* The inside range alerts on 0 s once the blackout is known. */
    pr_fact_set(&port.expected_blackout_s, 0, "x");
    assert_int_equal(rules_apply_thresholds(&port, &t), 0);
    assert_int_equal(port.verdict, PR_VERDICT_NOT_READY);
    assert_string_equal(port.findings[0].message,
                        "the predicted blackout of 0 s breaks the critical threshold (--critical "
                        "@0:5: from 0 to 5 s)");
    pr_port_clear_findings(&port);
    struct rules_thresholds none = {0};
    port = port_with(30, PR_VERDICT_NOT_READY, -1);
    assert_false(rules_thresholds_set(&none));
    assert_false(rules_thresholds_set(NULL));
    assert_int_equal(rules_apply_thresholds(&port, &none), 0);
    assert_int_equal(rules_apply_thresholds(&port, NULL), 0);
    assert_int_equal(port.n_findings, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_range_syntax),
        cmocka_unit_test(test_range_refused),
        cmocka_unit_test(test_critical_breach_beats_warning_findings),
        cmocka_unit_test(test_warning_breach),
        cmocka_unit_test(test_nothing_without_blackout_or_thresholds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
