/* SPDX-License-Identifier: BSD-3-Clause */
/* What the NETCONF relay checks as a reply arrives: the byte cap, RFC 6242
 * framing (1.0 end-of-message marks, 1.1 chunks) in pieces of any size, and
 * the XML bounds of each message, never fooled by chunk headers that split
 * the markup. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "netconf/frames.h"

static const char hello[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><hello "
    "xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><capabilities><capability>"
    "urn:ietf:params:netconf:base:1.1</capability></capabilities></hello>]]>]]>";

struct text {
    char *s;
    size_t len, cap;
};

static void put_n(struct text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        t->cap = (t->len + n + 1) * 2;
        t->s = realloc(t->s, t->cap);
        assert_non_null(t->s);
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
}

static void put(struct text *t, const char *s)
{
    put_n(t, s, strlen(s));
}

/* xml as NETCONF 1.1 chunks of at most size bytes, then the end mark. */
static void put_chunked(struct text *t, const char *xml, size_t size)
{
    size_t n = strlen(xml);
    for (size_t at = 0; at < n; at += size) {
        size_t k = n - at < size ? n - at : size;
        char head[32];
        snprintf(head, sizeof head, "\n#%zu\n", k);
        put(t, head);
        put_n(t, xml + at, k);
    }
    put(t, "\n##\n");
}

/* Feeds text in pieces of the given size; returns the last result. */
static int feed(struct netconf_frames *f, const struct text *t, size_t piece)
{
    int rc = 0;
    for (size_t at = 0; at < t->len && rc == 0; at += piece)
        rc = netconf_frames_feed(f, t->s + at, t->len - at < piece ? t->len - at : piece);
    return rc;
}

static char *element_with_attributes(int n)
{
    struct text t = {0};
    put(&t, "<rpc-reply><data><interface");
    for (int i = 0; i < n; i++) {
        char attr[32];
        snprintf(attr, sizeof attr, " a%d=\"%d\"", i, i);
        put(&t, attr);
    }
    put(&t, "/></data></rpc-reply>");
    return t.s;
}

static void test_framing_10_and_11(void **state)
{
    (void)state;
    static const size_t pieces[] = {1, 2, 3, 7, 64, 100000};
    for (size_t p = 0; p < sizeof pieces / sizeof pieces[0]; p++) {
        struct text t = {0};
        put(&t, hello);
        put(&t, "<rpc-reply message-id=\"1\"><ok/></rpc-reply>]]>]]>");
        put_chunked(&t, "<rpc-reply message-id=\"2\"><data><a x=\"1\">text</a></data></rpc-reply>",
                    5);
        struct netconf_frames f;
        netconf_frames_init(&f, 1 << 20);
        assert_int_equal(feed(&f, &t, pieces[p]), 0);
        assert_int_equal(f.messages, 3);
        assert_int_equal(f.received, t.len);
        free(t.s);
    }
}

/* The attribute bound holds across chunk headers, and empty elements whose
 * "/>" a chunk header splits add no depth. */
static void test_bounds_through_chunks(void **state)
{
    (void)state;
    char *xml = element_with_attributes(300);
    struct text t = {0};
    put(&t, hello);
    put_chunked(&t, xml, 50);
    struct netconf_frames f;
    netconf_frames_init(&f, 1 << 20);
    assert_int_equal(feed(&f, &t, 13), -1);
    assert_string_equal(f.error, "XML: line 1: element <interface> has more than 256 attributes");
    assert_int_equal(netconf_frames_feed(&f, "x", 1), -1); /* stays failed */
    free(xml);
    free(t.s);

    t = (struct text){0};
    put(&t, hello);
    put(&t, "\n#3\n<r>");
    for (int i = 0; i < 1000; i++)
        put(&t, "\n#3\n<a/\n#1\n>"); /* every "/>" split by a chunk header */
    put(&t, "\n#4\n</r>\n##\n");
    netconf_frames_init(&f, 1 << 20);
    assert_int_equal(feed(&f, &t, 5), 0);
    assert_int_equal(f.messages, 2);
    free(t.s);
}

/* Each message is scanned on its own. */
static void test_each_message(void **state)
{
    (void)state;
    char *xml = element_with_attributes(200);
    struct text t = {0};
    put(&t, hello);
    for (int i = 0; i < 3; i++)
        put_chunked(&t, xml, 4096);
    struct netconf_frames f;
    netconf_frames_init(&f, 1 << 20);
    assert_int_equal(feed(&f, &t, 1000), 0);
    assert_int_equal(f.messages, 4);
    free(xml);
    free(t.s);
}

static void test_byte_cap(void **state)
{
    (void)state;
    struct text t = {0};
    put(&t, hello);
    struct netconf_frames f;
    netconf_frames_init(&f, t.len);
    assert_int_equal(feed(&f, &t, 7), 0); /* exactly the cap */
    assert_int_equal(netconf_frames_feed(&f, "<", 1), -1);
    char want[64];
    snprintf(want, sizeof want, "more than %zu bytes", t.len);
    assert_string_equal(f.error, want);
    free(t.s);
}

/* Framing that is not RFC 6242 is only counted: libnetconf2 reports it. */
static void test_unframed(void **state)
{
    (void)state;
    char *xml = element_with_attributes(300);
    struct text t = {0};
    put(&t, hello);
    put(&t, "\n#x\n");
    put(&t, xml);
    struct netconf_frames f;
    netconf_frames_init(&f, 1 << 20);
    assert_int_equal(feed(&f, &t, 64), 0);
    assert_int_equal(f.received, t.len);
    free(xml);
    free(t.s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_framing_10_and_11), cmocka_unit_test(test_bounds_through_chunks),
        cmocka_unit_test(test_each_message),      cmocka_unit_test(test_byte_cap),
        cmocka_unit_test(test_unframed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
