/* SPDX-License-Identifier: BSD-3-Clause */
/* The compact recording against the plain store as the oracle: the same
 * varbinds (every size of sub-identifier, every value kind, out of order,
 * duplicates) must give the same lookups and subtrees; and a recording of a
 * forwarding table takes less memory than its text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "snmp/recording.h"
#include "snmp/walk.h"

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint32_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 16);
}

/* A sub-identifier of every encoded size, small ones most often. */
static uint32_t random_subid(void)
{
    static const uint32_t limits[] = {4, 0x80, 0x4000, 0x200000, 0x10000000, 0xffffffffu};
    uint32_t limit = limits[rng() % 6];
    uint32_t v = rng() % limit;
    if (rng() % 8 == 0)
        v = limit - 1; /* edges of each size */
    return v;
}

static void random_value(struct pr_snmp_value *v, uint8_t *bytes, uint32_t *oid)
{
    static const enum pr_snmp_type types[] = {
        PR_SNMP_T_INTEGER, PR_SNMP_T_OCTETS,    PR_SNMP_T_NULL,           PR_SNMP_T_OID,
        PR_SNMP_T_IPADDR,  PR_SNMP_T_COUNTER32, PR_SNMP_T_GAUGE32,        PR_SNMP_T_TIMETICKS,
        PR_SNMP_T_OPAQUE,  PR_SNMP_T_COUNTER64, PR_SNMP_T_NOSUCHINSTANCE,
    };
    memset(v, 0, sizeof *v);
    v->type = types[rng() % (sizeof types / sizeof types[0])];
    switch (v->type) {
    case PR_SNMP_T_INTEGER:
        v->num = (int64_t)(int32_t)rng();
        break;
    case PR_SNMP_T_COUNTER64:
        v->num = (int64_t)((uint64_t)rng() << 32 | rng());
        break;
    case PR_SNMP_T_COUNTER32:
    case PR_SNMP_T_GAUGE32:
    case PR_SNMP_T_TIMETICKS:
        v->num = rng();
        break;
    case PR_SNMP_T_OCTETS:
    case PR_SNMP_T_OPAQUE:
    case PR_SNMP_T_IPADDR:
        v->len = v->type == PR_SNMP_T_IPADDR ? 4 : rng() % 300;
        for (size_t i = 0; i < v->len; i++)
            bytes[i] = (uint8_t)rng();
        v->bytes = bytes;
        break;
    case PR_SNMP_T_OID:
        v->oid_len = 1 + rng() % 20;
        for (size_t i = 0; i < v->oid_len; i++)
            oid[i] = random_subid();
        v->oid = oid;
        break;
    default:
        break;
    }
}

static void assert_same_value(const struct pr_snmp_value *a, const struct pr_snmp_value *b)
{
    assert_int_equal(a->type, b->type);
    assert_true(a->num == b->num);
    assert_int_equal(a->len, b->len);
    if (a->len > 0)
        assert_memory_equal(a->bytes, b->bytes, a->len);
    assert_int_equal(a->oid_len, b->oid_len);
    if (a->oid_len > 0)
        assert_memory_equal(a->oid, b->oid, a->oid_len * sizeof *a->oid);
}

static void assert_same_store(struct pr_snmp_store *a, struct pr_snmp_store *b)
{
    pr_snmp_store_finish(a);
    pr_snmp_store_finish(b);
    assert_int_equal(a->n, b->n);
    for (size_t i = 0; i < a->n; i++) {
        assert_int_equal(a->vb[i].name_len, b->vb[i].name_len);
        assert_memory_equal(a->vb[i].name, b->vb[i].name, a->vb[i].name_len * sizeof(uint32_t));
        assert_same_value(&a->vb[i].value, &b->vb[i].value);
    }
}

/* Random OIDs under a few shared prefixes, added out of order with
 * duplicates: the recording answers like the store. */
static void test_matches_store(void **state)
{
    (void)state;
    struct pr_snmp_store oracle;
    struct pr_snmp_rec rec;
    pr_snmp_store_init(&oracle);
    pr_snmp_rec_init(&rec);
    struct pr_error err = {0};
    static uint32_t names[3000][24];
    static size_t lens[3000];
    uint8_t bytes[300];
    uint32_t oid[PR_SNMP_OID_MAX];
    for (size_t i = 0; i < 3000; i++) {
        /* A third are repeats of an earlier name: the later value wins. */
        if (i > 10 && rng() % 3 == 0) {
            size_t j = rng() % i;
            memcpy(names[i], names[j], sizeof names[i]);
            lens[i] = lens[j];
        } else {
            lens[i] = 2 + rng() % 20;
            for (size_t k = 0; k < lens[i]; k++)
                names[i][k] = k < 4 ? (uint32_t)(k == 3 ? rng() % 3 : 1) : random_subid();
        }
        struct pr_snmp_value v;
        random_value(&v, bytes, oid);
        assert_int_equal(pr_snmp_store_add(&oracle, names[i], lens[i], &v, &err), 0);
        assert_int_equal(pr_snmp_rec_add(&rec, names[i], lens[i], &v, &err), 0);
    }
    assert_int_equal(pr_snmp_rec_finish(&rec, &err), 0);
    pr_snmp_store_finish(&oracle);
    assert_int_equal(pr_snmp_rec_count(&rec), oracle.n);

    /* Everything. */
    struct pr_snmp_store all;
    pr_snmp_store_init(&all);
    assert_int_equal(pr_snmp_rec_copy_subtree(&all, &rec, NULL, 0, &err), 0);
    assert_same_store(&all, &oracle);
    pr_snmp_store_free(&all);

    /* Subtrees of prefixes of stored names (and names themselves), and
     * scalars, present or not. */
    for (size_t i = 0; i < 3000; i += 7) {
        for (size_t plen = 1; plen <= lens[i]; plen += 1 + plen / 3) {
            struct pr_snmp_store got, want;
            pr_snmp_store_init(&got);
            pr_snmp_store_init(&want);
            assert_int_equal(pr_snmp_rec_copy_subtree(&got, &rec, names[i], plen, &err), 0);
            assert_int_equal(pr_snmp_store_copy_subtree(&want, &oracle, names[i], plen, &err), 0);
            assert_same_store(&got, &want);
            pr_snmp_store_free(&got);
            pr_snmp_store_free(&want);
        }
        struct pr_snmp_store got;
        pr_snmp_store_init(&got);
        assert_int_equal(pr_snmp_rec_copy_scalar(&got, &rec, names[i], lens[i], &err), 0);
        const struct pr_snmp_varbind *vb = pr_snmp_store_get(&oracle, names[i], lens[i]);
        assert_non_null(vb);
        if (vb->value.type >= PR_SNMP_T_NOSUCHOBJECT) {
            assert_int_equal(got.n, 0);
        } else {
            assert_int_equal(got.n, 1);
            assert_same_value(&got.vb[0].value, &vb->value);
        }
        pr_snmp_store_free(&got);
        uint32_t absent[25];
        memcpy(absent, names[i], lens[i] * sizeof absent[0]);
        absent[lens[i]] = 0xfffffffeu;
        pr_snmp_store_init(&got);
        assert_int_equal(pr_snmp_rec_copy_scalar(&got, &rec, absent, lens[i] + 1, &err), 0);
        assert_int_equal(got.n, pr_snmp_store_get(&oracle, absent, lens[i] + 1) ? 1 : 0);
        pr_snmp_store_free(&got);
    }
    pr_snmp_rec_free(&rec);
    pr_snmp_store_free(&oracle);
}

static void test_empty(void **state)
{
    (void)state;
    struct pr_snmp_rec rec;
    pr_snmp_rec_init(&rec);
    struct pr_error err = {0};
    assert_int_equal(pr_snmp_rec_finish(&rec, &err), 0);
    assert_int_equal(pr_snmp_rec_count(&rec), 0);
    struct pr_snmp_store s;
    pr_snmp_store_init(&s);
    uint32_t oid[] = {1, 3, 6};
    assert_int_equal(pr_snmp_rec_copy_subtree(&s, &rec, oid, 3, &err), 0);
    assert_int_equal(pr_snmp_rec_copy_scalar(&s, &rec, oid, 3, &err), 0);
    assert_int_equal(s.n, 0);
    pr_snmp_rec_free(&rec);
    pr_snmp_rec_free(&rec); /* twice is harmless */
}

/* A forwarding table as snmprec text: the recording holds it in less
 * memory than the text takes (a store took about five times the text). */
static void test_compact(void **state)
{
    (void)state;
    size_t cap = 8u << 20, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    for (uint32_t i = 0; len + 100 < cap; i++) {
        len += (size_t)snprintf(text + len, cap - len,
                                "1.3.6.1.2.1.17.7.1.2.2.1.2.%u.0.80.86.%u.%u.%u|2|%u\n",
                                1 + i / 65536, i >> 16 & 255, i >> 8 & 255, i & 255, 1 + i % 48);
    }
    struct pr_snmp_rec rec;
    pr_snmp_rec_init(&rec);
    struct pr_snmp_walk_stats st;
    struct pr_error err = {0};
    assert_int_equal(pr_snmp_walk_parse_recording(text, len, "fdb", &rec, &st, &err), 0);
    assert_true(st.varbinds > 100000);
    assert_int_equal(pr_snmp_rec_count(&rec), st.varbinds);
    size_t held = pr_snmp_rec_bytes(&rec);
    if (held * 4 > len)
        fail_msg("%zu varbinds of %zu bytes of text held in %zu bytes", st.varbinds, len, held);
    free(text);
    pr_snmp_rec_free(&rec);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matches_store),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_compact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
