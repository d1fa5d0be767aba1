/* SPDX-License-Identifier: BSD-3-Clause */
/* The varbind store and OID helpers: ordering, lookups, subtrees,
 * duplicates (last one wins), OID parse errors, value formatting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "snmp/store.h"

static size_t oid_of(const char *text, uint32_t *out)
{
    size_t len;
    struct pr_error err = {0};
    assert_int_equal(pr_snmp_oid_parse(text, out, PR_SNMP_OID_MAX, &len, &err), 0);
    return len;
}

static void add_int(struct pr_snmp_store *s, const char *name, int64_t num)
{
    uint32_t oid[PR_SNMP_OID_MAX];
    size_t len = oid_of(name, oid);
    struct pr_snmp_value v = {.type = PR_SNMP_T_INTEGER, .num = num};
    struct pr_error err = {0};
    assert_int_equal(pr_snmp_store_add(s, oid, len, &v, &err), 0);
}

static int64_t get_int(struct pr_snmp_store *s, const char *name)
{
    uint32_t oid[PR_SNMP_OID_MAX];
    size_t len = oid_of(name, oid);
    const struct pr_snmp_varbind *vb = pr_snmp_store_get(s, oid, len);
    assert_non_null(vb);
    int64_t num;
    assert_true(pr_snmp_value_integer(&vb->value, &num));
    return num;
}

static void test_oid_parse(void **state)
{
    (void)state;
    uint32_t oid[PR_SNMP_OID_MAX];
    size_t len;
    struct pr_error err = {0};
    assert_int_equal(pr_snmp_oid_parse(".1.3.6.1.2.1.1.3.0", oid, PR_SNMP_OID_MAX, &len, &err), 0);
    assert_int_equal(len, 9);
    assert_int_equal(oid[8], 0);
    assert_int_equal(pr_snmp_oid_parse("1.3.4294967295", oid, PR_SNMP_OID_MAX, &len, &err), 0);
    assert_int_equal(oid[2], 4294967295u);

    const char *bad[] = {"", ".", "1..3", "1.3.", "1.3.x", "1.3.4294967296", "iso.3.6", "1.3 .6"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        pr_error_clear(&err);
        assert_int_equal(pr_snmp_oid_parse(bad[i], oid, PR_SNMP_OID_MAX, &len, &err), -1);
        assert_int_equal(err.code, PR_ERR_INPUT);
        assert_non_null(strstr(err.msg, "bad OID"));
    }
    /* Too long: 4 sub-identifiers into room for 3. */
    assert_int_equal(pr_snmp_oid_parse("1.2.3.4", oid, 3, &len, &err), -1);
    assert_non_null(strstr(err.msg, "more than 3"));
}

static void test_oid_compare_format(void **state)
{
    (void)state;
    uint32_t a[PR_SNMP_OID_MAX], b[PR_SNMP_OID_MAX];
    size_t al = oid_of("1.3.6.1.2", a), bl = oid_of("1.3.6.1.10", b);
    assert_true(pr_snmp_oid_compare(a, al, b, bl) < 0); /* numeric, not textual */
    bl = oid_of("1.3.6.1", b);
    assert_true(pr_snmp_oid_compare(a, al, b, bl) > 0); /* longer sorts after its prefix */
    assert_true(pr_snmp_oid_has_prefix(a, al, b, bl));
    assert_false(pr_snmp_oid_has_prefix(b, bl, b, bl)); /* strictly under */
    char buf[64];
    pr_snmp_oid_format(a, al, buf, sizeof buf);
    assert_string_equal(buf, "1.3.6.1.2");
    pr_snmp_oid_format(a, al, buf, 6); /* truncates whole sub-identifiers */
    assert_string_equal(buf, "1.3.6");
}

static void test_store_order_dup_lookup(void **state)
{
    (void)state;
    struct pr_snmp_store s;
    pr_snmp_store_init(&s);
    add_int(&s, "1.3.6.1.2.1.2.2.1.8.10", 10);
    add_int(&s, "1.3.6.1.2.1.2.2.1.8.2", 2);
    add_int(&s, "1.3.6.1.2.1.2.2.1.7.1", 71);
    add_int(&s, "1.3.6.1.2.1.2.2.1.8.2", 22); /* duplicate: this one wins */
    add_int(&s, "1.3.6.1.2.1.2.2.1.8.1", 1);
    add_int(&s, "1.3.6.1.2.1.2.2.1.80.1", 801);
    pr_snmp_store_finish(&s);
    assert_int_equal(s.n, 5);
    char buf[64];
    const char *expect[] = {"1.3.6.1.2.1.2.2.1.7.1", "1.3.6.1.2.1.2.2.1.8.1",
                            "1.3.6.1.2.1.2.2.1.8.2", "1.3.6.1.2.1.2.2.1.8.10",
                            "1.3.6.1.2.1.2.2.1.80.1"};
    for (size_t i = 0; i < s.n; i++) {
        pr_snmp_oid_format(s.vb[i].name, s.vb[i].name_len, buf, sizeof buf);
        assert_string_equal(buf, expect[i]);
    }
    assert_int_equal(get_int(&s, "1.3.6.1.2.1.2.2.1.8.2"), 22);
    uint32_t col[PR_SNMP_OID_MAX];
    size_t cl = oid_of("1.3.6.1.2.1.2.2.1.8", col);
    const struct pr_snmp_varbind *vb = pr_snmp_store_get_indexed(&s, col, cl, 10);
    assert_non_null(vb);
    assert_int_equal(vb->value.num, 10);
    assert_null(pr_snmp_store_get_indexed(&s, col, cl, 3));
    assert_null(pr_snmp_store_get(&s, col, cl));

    /* Column .8 holds .8.1, .8.2, .8.10; not .80.1 and not .7.1. */
    size_t first, count;
    assert_int_equal(pr_snmp_store_subtree(&s, col, cl, &first, &count), 3);
    assert_int_equal(first, 1);
    struct pr_snmp_store copy;
    pr_snmp_store_init(&copy);
    struct pr_error err = {0};
    assert_int_equal(pr_snmp_store_copy_subtree(&copy, &s, col, cl, &err), 0);
    assert_int_equal(copy.n, 3);
    assert_int_equal(get_int(&copy, "1.3.6.1.2.1.2.2.1.8.10"), 10);
    /* A late add after finish: re-sorted on the next lookup, last wins. */
    add_int(&s, "1.3.6.1.2.1.2.2.1.8.1", 111);
    assert_int_equal(get_int(&s, "1.3.6.1.2.1.2.2.1.8.1"), 111);
    assert_int_equal(s.n, 5);
    pr_snmp_store_free(&copy);
    pr_snmp_store_free(&s);
    pr_snmp_store_free(&s); /* twice is fine */
    pr_snmp_store_free(NULL);
}

static void test_value_format(void **state)
{
    (void)state;
    char buf[128];
    struct pr_snmp_value v = {.type = PR_SNMP_T_INTEGER, .num = -3};
    pr_snmp_value_format(&v, buf, sizeof buf);
    assert_string_equal(buf, "-3");
    v = (struct pr_snmp_value){.type = PR_SNMP_T_COUNTER64, .num = -1};
    pr_snmp_value_format(&v, buf, sizeof buf);
    assert_string_equal(buf, "18446744073709551615");
    uint8_t text[] = "Gi1/0/1 \"uplink\"";
    v = (struct pr_snmp_value){.type = PR_SNMP_T_OCTETS, .bytes = text, .len = sizeof text - 1};
    pr_snmp_value_format(&v, buf, sizeof buf);
    assert_string_equal(buf, "\"Gi1/0/1 \\\"uplink\\\"\"");
    uint8_t mac[] = {0x00, 0x1a, 0x2b, 0xff};
    v = (struct pr_snmp_value){.type = PR_SNMP_T_OCTETS, .bytes = mac, .len = 4};
    pr_snmp_value_format(&v, buf, sizeof buf);
    assert_string_equal(buf, "00 1a 2b ff");
    v = (struct pr_snmp_value){
        .type = PR_SNMP_T_IPADDR, .bytes = (uint8_t[]){10, 0, 0, 1}, .len = 4};
    pr_snmp_value_format(&v, buf, sizeof buf);
    assert_string_equal(buf, "10.0.0.1");
    uint32_t oid[] = {1, 3, 6, 1, 4, 1, 9};
    v = (struct pr_snmp_value){.type = PR_SNMP_T_OID, .oid = oid, .oid_len = 7};
    pr_snmp_value_format(&v, buf, sizeof buf);
    assert_string_equal(buf, "1.3.6.1.4.1.9");
    v = (struct pr_snmp_value){.type = PR_SNMP_T_NOSUCHINSTANCE};
    pr_snmp_value_format(&v, buf, sizeof buf);
    assert_string_equal(buf, "noSuchInstance");
    int64_t num;
    assert_false(pr_snmp_value_integer(&v, &num));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_oid_parse),
        cmocka_unit_test(test_oid_compare_format),
        cmocka_unit_test(test_store_order_dup_lookup),
        cmocka_unit_test(test_value_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
