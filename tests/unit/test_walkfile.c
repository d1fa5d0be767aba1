/* SPDX-License-Identifier: BSD-3-Clause */
/* Walk files: both formats, every type, the error messages (file:line and
 * what was wrong), the walk source with contexts, and every real recording
 * under ../shared/fixtures/snmprec. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <dirent.h>

#include "snmp/source.h"
#include "snmp/walk.h"

#define WALK_DATA PR_TEST_DATA "/walk/"

static const struct pr_snmp_varbind *get(struct pr_snmp_store *s, const char *name)
{
    uint32_t oid[PR_SNMP_OID_MAX];
    size_t len;
    struct pr_error err = {0};
    assert_int_equal(pr_snmp_oid_parse(name, oid, PR_SNMP_OID_MAX, &len, &err), 0);
    return pr_snmp_store_get(s, oid, len);
}

static void check_value(struct pr_snmp_store *s, const char *name, enum pr_snmp_type type,
                        const char *formatted)
{
    const struct pr_snmp_varbind *vb = get(s, name);
    if (vb == NULL)
        fail_msg("%s missing", name);
    assert_int_equal(vb->value.type, type);
    char buf[1024];
    pr_snmp_value_format(&vb->value, buf, sizeof buf);
    assert_string_equal(buf, formatted);
}

static void load_ok(const char *file, struct pr_snmp_store *s, struct pr_snmp_walk_stats *st)
{
    struct pr_error err = {0};
    pr_snmp_store_init(s);
    if (pr_snmp_walk_load_file(file, s, st, &err) != 0)
        fail_msg("%s: %s", file, err.msg);
}

/* Loading must fail with PR_ERR_INPUT and a message holding every part. */
static void expect_error(const char *name, const char *part1, const char *part2)
{
    char path[1024];
    snprintf(path, sizeof path, "%s%s", WALK_DATA, name);
    struct pr_snmp_store s;
    pr_snmp_store_init(&s);
    struct pr_error err = {0};
    assert_int_equal(pr_snmp_walk_load_file(path, &s, NULL, &err), -1);
    assert_int_equal(err.code, PR_ERR_INPUT);
    if (strstr(err.msg, part1) == NULL || (part2 && strstr(err.msg, part2) == NULL))
        fail_msg("message '%s' lacks '%s' / '%s'", err.msg, part1, part2 ? part2 : "");
    pr_snmp_store_free(&s);
}

static void test_snmprec_types(void **state)
{
    (void)state;
    struct pr_snmp_store s;
    struct pr_snmp_walk_stats st;
    load_ok(WALK_DATA "types.snmprec", &s, &st);
    assert_int_equal(st.format, PR_SNMP_WALK_SNMPREC);
    assert_int_equal(st.varbinds, 15); /* 15 data lines, one a duplicate */
    assert_int_equal(st.skipped, 1);   /* the 67:numeric variation line */
    assert_int_equal(s.n, 14);
    check_value(&s, "1.3.6.1.2.1.1.3.0", PR_SNMP_T_TIMETICKS, "123456");
    check_value(&s, "1.3.6.1.2.1.1.1.0", PR_SNMP_T_OCTETS, "\"Switch | with bars\"");
    check_value(&s, "1.3.6.1.2.1.1.2.0", PR_SNMP_T_OID, "1.3.6.1.4.1.9.1.1208");
    check_value(&s, "1.3.6.1.2.1.2.2.1.6.1", PR_SNMP_T_OCTETS, "00 1a 2b 3c 4d 5e");
    check_value(&s, "1.3.6.1.2.1.2.2.1.8.1", PR_SNMP_T_INTEGER, "2"); /* |2|1 then |2|2 */
    check_value(&s, "1.3.6.1.2.1.2.2.1.8.2", PR_SNMP_T_INTEGER, "-7");
    check_value(&s, "1.3.6.1.2.1.4.20.1.1.10.0.0.1", PR_SNMP_T_IPADDR, "10.0.0.1");
    check_value(&s, "1.3.6.1.2.1.4.20.1.3.10.0.0.1", PR_SNMP_T_IPADDR, "255.255.255.0");
    check_value(&s, "1.3.6.1.2.1.2.2.1.10.1", PR_SNMP_T_COUNTER32, "4294967295");
    check_value(&s, "1.3.6.1.2.1.2.2.1.5.1", PR_SNMP_T_GAUGE32, "1000000000");
    check_value(&s, "1.3.6.1.4.1.9.9.999.1.0", PR_SNMP_T_OPAQUE, "9f 78 04 41");
    check_value(&s, "1.3.6.1.2.1.31.1.1.1.6.1", PR_SNMP_T_COUNTER64, "18446744073709551615");
    check_value(&s, "1.3.6.1.2.1.1.9.1.2.1", PR_SNMP_T_NULL, "NULL");
    check_value(&s, "1.3.6.1.2.1.1.4.0", PR_SNMP_T_OCTETS, "\"\"");
    assert_null(get(&s, "1.3.6.1.2.1.1.7.0"));
    pr_snmp_store_free(&s);

    load_ok(WALK_DATA "crlf.snmprec", &s, &st);
    check_value(&s, "1.3.6.1.2.1.1.5.0", PR_SNMP_T_OCTETS, "\"crlf-host\"");
    pr_snmp_store_free(&s);
}

static void test_snmpwalk_formats(void **state)
{
    (void)state;
    struct pr_snmp_store s;
    struct pr_snmp_walk_stats st;
    load_ok(WALK_DATA "formats.snmpwalk", &s, &st);
    assert_int_equal(st.format, PR_SNMP_WALK_SNMPWALK);
    assert_int_equal(st.varbinds, 13);
    assert_int_equal(st.skipped, 3); /* No Such Object, No Such Instance, No more variables */
    check_value(&s, "1.3.6.1.2.1.1.3.0", PR_SNMP_T_TIMETICKS, "559582583");
    /* Three lines: "Line one / Line two with \"quotes\" and a \\ backslash / " */
    check_value(&s, "1.3.6.1.2.1.1.1.0", PR_SNMP_T_OCTETS,
                "\"Line one\\nLine two with \\\"quotes\\\" and a \\\\ backslash\\n\"");
    check_value(&s, "1.3.6.1.2.1.1.2.0", PR_SNMP_T_OID, "1.3.6.1.4.1.33049.1.1.1.2100");
    check_value(&s, "1.3.6.1.2.1.1.5.0", PR_SNMP_T_OCTETS, "\"unquoted host name\"");
    check_value(&s, "1.3.6.1.2.1.1.4.0", PR_SNMP_T_OCTETS, "\"\"");
    /* 16 bytes on the first line, 2 on the continuation line. */
    check_value(&s, "1.3.6.1.2.1.2.2.1.6.1", PR_SNMP_T_OCTETS,
                "00 1a 2b 3c 4d 5e 6f 70 81 92 a3 b4 c5 d6 e7 f8 09 1a");
    check_value(&s, "1.3.6.1.2.1.2.2.1.8.1", PR_SNMP_T_INTEGER, "1"); /* up(1) */
    check_value(&s, "1.3.6.1.2.1.2.2.1.8.2", PR_SNMP_T_INTEGER, "2"); /* down(2) */
    check_value(&s, "1.3.6.1.2.1.2.2.1.7.1", PR_SNMP_T_INTEGER, "-5");
    check_value(&s, "1.3.6.1.2.1.2.2.1.5.1", PR_SNMP_T_GAUGE32, "1000000000");
    check_value(&s, "1.3.6.1.2.1.2.2.1.10.1", PR_SNMP_T_COUNTER32, "4294967295");
    check_value(&s, "1.3.6.1.2.1.31.1.1.1.6.1", PR_SNMP_T_COUNTER64, "18446744073709551615");
    check_value(&s, "1.3.6.1.2.1.4.20.1.1.10.0.0.1", PR_SNMP_T_IPADDR, "10.0.0.1");
    assert_null(get(&s, "1.3.6.1.2.1.1.8.0"));
    /* Lines came in any order; the store is sorted. */
    for (size_t i = 1; i < s.n; i++)
        assert_true(pr_snmp_oid_compare(s.vb[i - 1].name, s.vb[i - 1].name_len, s.vb[i].name,
                                        s.vb[i].name_len) < 0);
    pr_snmp_store_free(&s);
}

/* A malformed line is skipped and counted, the rest of the file read:
 * loading succeeds with n_varbinds varbinds, one malformed line at line,
 * what was wrong holding part. */
static void expect_skipped(const char *name, size_t line, const char *part, size_t n_varbinds)
{
    char path[1024];
    snprintf(path, sizeof path, "%s%s", WALK_DATA, name);
    struct pr_snmp_store s;
    struct pr_snmp_walk_stats st;
    load_ok(path, &s, &st);
    if (st.malformed != 1 || st.malformed_lines[0] != line || st.varbinds != n_varbinds ||
        strstr(st.first_malformed, part) == NULL)
        fail_msg("%s: %zu malformed (first line %zu: '%s'), %zu varbinds; expected 1 at line %zu "
                 "('%s'), %zu varbinds",
                 name, st.malformed, st.malformed_lines[0], st.first_malformed, st.varbinds, line,
                 part, n_varbinds);
    pr_snmp_store_free(&s);
}

static void test_malformed_lines_skipped(void **state)
{
    (void)state;
    /* Each file: good lines and one bad line (the count of good ones by
     * reading the file). */
    expect_skipped("noseps.snmprec", 3, "expected OID|TYPE|VALUE", 2);
    expect_skipped("truncated.snmprec", 4, "empty INTEGER value", 2);
    expect_skipped("badoid.snmprec", 2, "bad OID '1.3.6..1.2.1.1.5.0'", 1);
    expect_skipped("oddhex.snmprec", 3, "bad hex value '001a2'", 2);
    expect_skipped("nonnumber.snmprec", 2, "'twelve' is not an unsigned", 1);
    expect_skipped("intrange.snmprec", 2, "not a 32-bit integer", 1);
    expect_skipped("badtag.snmprec", 2, "unknown type '99'", 1);
    expect_skipped("truncated.snmpwalk", 3, "'INTEG' has no type", 2);
    /* The quote opened on line 2 never closes; line 3 is a varbind of its
     * own and is read. */
    expect_skipped("unterminated.snmpwalk", 2, "never closed", 2);
    expect_skipped("badhex.snmpwalk", 3, "Hex-STRING continuation '3G'", 1);
    expect_skipped("badint.snmpwalk", 2, "'fast' is not a 32-bit integer", 1);
    expect_skipped("garbage.snmpwalk", 2, "expected 'OID = TYPE: VALUE'", 1);

    /* What real recordings hold: line 4 an IpAddress as 4 raw bytes, line
     * 6 a hex string cut off at 4,096 characters (4,095 digits, odd), line
     * 8 a type tag (71) no SNMP type has; the 6 other lines are read. */
    struct pr_snmp_store s;
    struct pr_snmp_walk_stats st;
    load_ok(WALK_DATA "malformed.snmprec", &s, &st);
    assert_int_equal(st.varbinds, 6);
    assert_int_equal(st.malformed, 3);
    assert_int_equal(st.malformed_lines[0], 4);
    assert_int_equal(st.malformed_lines[1], 6);
    assert_int_equal(st.malformed_lines[2], 8);
    assert_non_null(strstr(st.first_malformed, "is not a dotted quad"));
    check_value(&s, "1.3.6.1.2.1.2.2.1.8.2", PR_SNMP_T_INTEGER, "2");
    char note[PR_ERROR_MSG_MAX];
    pr_snmp_walk_malformed_note(&st, note, sizeof note);
    assert_non_null(strstr(note, "skipped 3 malformed lines (lines 4, 6, 8), the first: "));
    pr_snmp_store_free(&s);

    /* The warning reaches whoever reads the source. */
    struct pr_error err = {0};
    struct pr_snmp_source *src = pr_snmp_source_open_walk(WALK_DATA "malformed.snmprec", &err);
    assert_non_null(src);
    assert_non_null(strstr(pr_snmp_source_warning(src), "malformed.snmprec: skipped 3 malformed"));
    pr_snmp_source_close(src);
    src = pr_snmp_source_open_walk(WALK_DATA "types.snmprec", &err);
    assert_non_null(src);
    assert_string_equal(pr_snmp_source_warning(src), "");
    pr_snmp_source_close(src);
}

static void test_errors_name_file_and_line(void **state)
{
    (void)state;
    expect_error("empty.snmprec", "empty.snmprec: empty", NULL);
    expect_error("novarbinds.snmprec", "no varbinds (1 lines skipped)", NULL);
    expect_error("unknownformat.txt", "unknownformat.txt:1:", "neither snmprec");
    /* Only malformed lines: nothing usable, so the file is refused. */
    expect_error("allbad.snmprec", "allbad.snmprec:1: no usable varbind: 2 malformed lines",
                 "bad hex value '001a2'");
}

static void test_walk_source_context(void **state)
{
    (void)state;
    struct pr_error err = {0};
    struct pr_snmp_source *src = pr_snmp_source_open_walk(WALK_DATA "ctx.snmprec", &err);
    assert_non_null(src);
    assert_string_equal(pr_snmp_source_kind(src), "walk");
    uint32_t port_ifindex[] = {1, 3, 6, 1, 2, 1, 17, 1, 4, 1, 2};
    uint32_t stp_state[] = {1, 3, 6, 1, 2, 1, 17, 2, 15, 1, 3};
    uint32_t uptime[] = {1, 3, 6, 1, 2, 1, 1, 3, 0};
    uint32_t absent[] = {1, 3, 6, 1, 2, 1, 1, 5, 0};
    struct pr_snmp_request req[] = {
        {port_ifindex, 11, false}, {stp_state, 11, false}, {uptime, 9, true}, {absent, 9, true}};
    struct pr_snmp_store out;
    pr_snmp_store_init(&out);
    assert_int_equal(pr_snmp_source_fetch(src, NULL, req, 4, &out, &err), 0);
    /* 2 + 3 (.3.1, .3.2, .3.2.7 but not column .30) + uptime. */
    assert_int_equal(out.n, 6);
    check_value(&out, "1.3.6.1.2.1.17.2.15.1.3.2.7", PR_SNMP_T_INTEGER, "9");
    assert_null(get(&out, "1.3.6.1.2.1.17.2.15.1.30.1"));
    pr_snmp_store_free(&out);

    /* ctx@98.snmprec: 1.3.6.1.2.1.17.1.4.1.2.5|2|10105 */
    pr_snmp_store_init(&out);
    assert_int_equal(pr_snmp_source_fetch(src, "98", req, 4, &out, &err), 0);
    assert_int_equal(out.n, 2);
    check_value(&out, "1.3.6.1.2.1.17.1.4.1.2.5", PR_SNMP_T_INTEGER, "10105");
    pr_snmp_store_free(&out);

    pr_snmp_store_init(&out);
    assert_int_equal(pr_snmp_source_fetch(src, "99", req, 4, &out, &err), -1);
    assert_int_equal(err.code, PR_ERR_NOT_FOUND);
    assert_non_null(strstr(err.msg, "ctx@99.snmprec"));
    pr_snmp_store_free(&out);
    assert_int_equal(pr_snmp_source_requests(src), 0);
    assert_int_equal(pr_snmp_source_set_integer(src, uptime, 9, 1, &err), -1);
    assert_int_equal(err.code, PR_ERR_UNSUPPORTED);
    pr_snmp_source_close(src);
    pr_snmp_source_close(NULL);

    assert_null(pr_snmp_source_open_walk(WALK_DATA "does-not-exist.snmprec", &err));
    assert_int_equal(err.code, PR_ERR_NOT_FOUND);
}

static void test_every_fixture_loads(void **state)
{
    (void)state;
    DIR *dir = opendir(PR_FIXTURES "/snmprec");
    if (dir == NULL) {
        printf("SKIP: no shared fixtures at %s (a user's clone)\n", PR_FIXTURES);
        skip();
    }
    struct dirent *e;
    int loaded = 0;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/snmprec/%s", PR_FIXTURES, e->d_name);
        struct pr_snmp_store s;
        struct pr_snmp_walk_stats st;
        load_ok(path, &s, &st);
        assert_true(s.n > 20);
        pr_snmp_store_free(&s);
        loaded++;
    }
    closedir(dir);
    assert_true(loaded >= 17);
}

static void test_fixture_values(void **state)
{
    (void)state;
    DIR *dir = opendir(PR_FIXTURES "/snmprec");
    if (dir == NULL) {
        printf("SKIP: no shared fixtures at %s\n", PR_FIXTURES);
        skip();
    }
    closedir(dir);
    struct pr_snmp_store s;
    struct pr_snmp_walk_stats st;
    load_ok(PR_FIXTURES "/snmprec/librenms__ios_2960x.snmprec", &s, &st);
    /* 1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.9.1.1208 */
    check_value(&s, "1.3.6.1.2.1.1.2.0", PR_SNMP_T_OID, "1.3.6.1.4.1.9.1.1208");
    /* 1.3.6.1.2.1.2.2.1.8.1|2|2  (ifOperStatus.1 = down) */
    check_value(&s, "1.3.6.1.2.1.2.2.1.8.1", PR_SNMP_T_INTEGER, "2");
    /* 1.3.6.1.2.1.1.1.0|4x|436973636f20494f5320... = "Cisco IOS ..." */
    const struct pr_snmp_varbind *vb = get(&s, "1.3.6.1.2.1.1.1.0");
    assert_non_null(vb);
    assert_memory_equal(vb->value.bytes, "Cisco IOS", 9);
    pr_snmp_store_free(&s);

    load_ok(PR_FIXTURES "/snmprec/lextudio__cisco-c3560.snmprec", &s, &st);
    /* 1.3.6.1.2.1.3.1.1.3.2.1.10.1.100.1|64x|0a016401 */
    check_value(&s, "1.3.6.1.2.1.3.1.1.3.2.1.10.1.100.1", PR_SNMP_T_IPADDR, "10.1.100.1");
    pr_snmp_store_free(&s);

    /* lines 34262-34263 hold the same OID, |2|1 then |4| (empty): the last wins */
    load_ok(PR_FIXTURES "/snmprec/lextudio__cisco-n5000.snmprec", &s, &st);
    assert_int_equal(st.varbinds, s.n + 1);
    check_value(&s, "1.3.6.1.6.3.18.1.1.1.8.11.45.49.55.50.56.52.48.57.51.50.56", PR_SNMP_T_OCTETS,
                "\"\"");
    pr_snmp_store_free(&s);

    /* lines 15 and 6367 carry 67:numeric and 2:numeric variation tags */
    load_ok(PR_FIXTURES "/snmprec/lextudio__h3c-e528-2.snmprec", &s, &st);
    assert_int_equal(st.skipped, 2);
    pr_snmp_store_free(&s);

    load_ok(PR_FIXTURES "/snmprec/centreon__network-mellanox.snmpwalk", &s, &st);
    assert_int_equal(st.format, PR_SNMP_WALK_SNMPWALK);
    /* .1.3.6.1.2.1.1.3.0 = Timeticks: (559582583) 64 days, 18:23:45.83 */
    check_value(&s, "1.3.6.1.2.1.1.3.0", PR_SNMP_T_TIMETICKS, "559582583");
    /* .1.3.6.1.2.1.17.2.15.1.3.1 = INTEGER: 5  (forwarding) */
    check_value(&s, "1.3.6.1.2.1.17.2.15.1.3.1", PR_SNMP_T_INTEGER, "5");
    /* .1.3.6.1.2.1.1.1.0 = STRING: Onyx,SN2100M,SWv3.9.2110 (unquoted) */
    check_value(&s, "1.3.6.1.2.1.1.1.0", PR_SNMP_T_OCTETS, "\"Onyx,SN2100M,SWv3.9.2110\"");
    /* .1.3.6.1.2.1.2.2.1.22.1 = OID: .0.0 */
    check_value(&s, "1.3.6.1.2.1.2.2.1.22.1", PR_SNMP_T_OID, "0.0");
    pr_snmp_store_free(&s);

    load_ok(PR_FIXTURES "/snmprec/librenms__ios_stp-vlans@98.snmprec", &s, &st);
    /* 1.3.6.1.2.1.17.1.4.1.2.80|2|10624 */
    check_value(&s, "1.3.6.1.2.1.17.1.4.1.2.80", PR_SNMP_T_INTEGER, "10624");
    pr_snmp_store_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_snmprec_types),
        cmocka_unit_test(test_snmpwalk_formats),
        cmocka_unit_test(test_malformed_lines_skipped),
        cmocka_unit_test(test_errors_name_file_and_line),
        cmocka_unit_test(test_walk_source_context),
        cmocka_unit_test(test_every_fixture_loads),
        cmocka_unit_test(test_fixture_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
