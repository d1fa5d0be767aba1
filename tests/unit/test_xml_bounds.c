/* SPDX-License-Identifier: BSD-3-Clause */
/* The bounds of the XML reader: attributes per element, depth and nodes,
 * each refused with a message naming it, before libxml2 (whose attribute
 * handling is quadratic) sees the document; markup inside values, comments
 * and CDATA never counts; a stream scanned in pieces counts as a whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "util/xml.h"
#include "util/xml_scan.h"

struct text {
    char *s;
    size_t len, cap;
};

static void put(struct text *t, const char *s)
{
    size_t n = strlen(s);
    if (t->len + n + 1 > t->cap) {
        t->cap = (t->len + n + 1) * 2;
        t->s = realloc(t->s, t->cap);
        assert_non_null(t->s);
    }
    memcpy(t->s + t->len, s, n + 1);
    t->len += n;
}

/* <configuration><interface a0="0" ...>...: one element of n attributes. */
static struct text with_attributes(long n)
{
    struct text t = {0};
    put(&t, "<configuration xmlns=\"http://xml.juniper.net/xnm/1.1/xnm\"><interfaces>\n<interface");
    char attr[48];
    for (long i = 0; i < n; i++) {
        snprintf(attr, sizeof attr, " a%ld=\"%ld\"", i, i);
        put(&t, attr);
    }
    put(&t, "><name>ge-0/0/1</name></interface></interfaces></configuration>");
    return t;
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static const char *parse_fails(const struct text *t)
{
    static struct pr_error err;
    memset(&err, 0, sizeof err);
    xmlDoc *doc = NULL;
    assert_int_equal(pr_xml_parse(t->s, t->len, &doc, &err), -1);
    assert_null(doc);
    assert_int_equal(err.code, PR_ERR_INPUT);
    return err.msg;
}

static void parse_ok(const struct text *t)
{
    struct pr_error err = {0};
    xmlDoc *doc = NULL;
    if (pr_xml_parse(t->s, t->len, &doc, &err) != 0)
        fail_msg("unexpected error: %s", err.msg);
    xmlFreeDoc(doc);
}

/* 40,000 attributes took libxml2 over ten seconds; refused at once. */
static void test_many_attributes(void **state)
{
    (void)state;
    struct text t = with_attributes(40000);
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_string_equal(parse_fails(&t),
                        "XML: line 2: element <interface> has more than 256 attributes");
    double secs = seconds_since(&t0);
    if (secs > 1.0)
        fail_msg("refusing 40,000 attributes took %.1f s", secs);
    free(t.s);
    t = with_attributes(PR_XML_MAX_ATTRIBUTES);
    parse_ok(&t);
    free(t.s);
}

static struct text nested(int depth)
{
    struct text t = {0};
    for (int i = 0; i < depth; i++)
        put(&t, "<a>");
    for (int i = 0; i < depth; i++)
        put(&t, "</a>");
    return t;
}

static void test_depth(void **state)
{
    (void)state;
    struct text t = nested(PR_XML_MAX_DEPTH);
    parse_ok(&t);
    free(t.s);
    t = nested(PR_XML_MAX_DEPTH + 1);
    assert_string_equal(parse_fails(&t), "XML: line 1: elements nested more than 128 deep");
    free(t.s);
    /* Siblings and empty elements do not add depth. */
    t = (struct text){0};
    put(&t, "<r>");
    for (int i = 0; i < 1000; i++)
        put(&t, i % 2 ? "<e/>" : "<f x='1'></f>");
    put(&t, "</r>");
    parse_ok(&t);
    free(t.s);
}

static void test_nodes(void **state)
{
    (void)state;
    struct text t = {0};
    put(&t, "<r>");
    for (unsigned i = 0; i < PR_XML_MAX_NODES; i++)
        put(&t, "<e/>");
    put(&t, "</r>");
    assert_string_equal(
        parse_fails(&t),
        "XML: line 1: more than 2000000 nodes (elements, attributes, text) in one document");
    free(t.s);
}

/* Markup-like bytes in attribute values, comments, CDATA, processing
 * instructions: none of it counts. */
static void test_not_markup(void **state)
{
    (void)state;
    struct text t = {0};
    put(&t, "<?xml version=\"1.0\"?><?pi a=1 b=2 <x c=3>?><r");
    char attr[48];
    for (int i = 0; i < PR_XML_MAX_ATTRIBUTES; i++) {
        snprintf(attr, sizeof attr, i % 2 ? " a%d=\"x=y>z\"" : " a%d='/> b=c'", i);
        put(&t, attr);
    }
    put(&t, ">");
    for (int i = 0; i < 300; i++)
        put(&t, "<!-- <x a=1 b=2> - --><![CDATA[ <y c=\"1\" d=2> ]] ]]>text=more");
    put(&t, "</r>");
    parse_ok(&t);
    struct pr_xml_scan scan;
    pr_xml_scan_init(&scan);
    assert_int_equal(pr_xml_scan_feed(&scan, t.s, t.len), 0);
    assert_int_equal(scan.depth, 0);
    free(t.s);
}

/* Fed one byte at a time, the scan counts what it counts on the whole. */
static void test_pieces(void **state)
{
    (void)state;
    struct text t = with_attributes(300);
    struct pr_xml_scan whole, pieces;
    pr_xml_scan_init(&whole);
    pr_xml_scan_init(&pieces);
    assert_int_equal(pr_xml_scan_feed(&whole, t.s, t.len), -1);
    int rc = 0;
    for (size_t i = 0; i < t.len && rc == 0; i++)
        rc = pr_xml_scan_feed(&pieces, t.s + i, 1);
    assert_int_equal(rc, -1);
    assert_string_equal(pieces.error, whole.error);
    assert_int_equal(pr_xml_scan_feed(&pieces, "<x/>", 4), -1); /* stays failed */
    free(t.s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_many_attributes), cmocka_unit_test(test_depth),
        cmocka_unit_test(test_nodes),           cmocka_unit_test(test_not_markup),
        cmocka_unit_test(test_pieces),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
