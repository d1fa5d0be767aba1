/* SPDX-License-Identifier: BSD-3-Clause */
/* portready time's pure parts: option checks, ICMP and ARP packets, the
 * default-route and SSH refusal rules, link events, the switch port lookup,
 * the SVG writer and the JSON document. */
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "commands.h"
#include "timer/timer_netlink.h"
#include "timer/timer_options.h"
#include "timer/timer_probe.h"
#include "timer/timer_report.h"
#include "timer/timer_safety.h"
#include "timer/timer_svg.h"
#include "timer/timer_switch.h"

#define MS INT64_C(1000000)
#define S  INT64_C(1000000000)

static int check(struct timer_options *o, const char *expect_in_message)
{
    struct pr_error err;
    pr_error_clear(&err);
    int rc = timer_options_check(o, &err);
    if (expect_in_message != NULL) {
        assert_int_equal(rc, -1);
        assert_int_equal(err.code, PR_ERR_USAGE);
        if (strstr(err.msg, expect_in_message) == NULL)
            fail_msg("'%s' not in '%s'", expect_in_message, err.msg);
    }
    return rc;
}

static void test_options(void **state)
{
    (void)state;
    struct timer_options o;
    timer_options_defaults(&o);
    assert_int_equal(o.interval_ms, 10);
    assert_int_equal(o.count, 1);
    assert_int_equal(o.timeout_s, 60);
    assert_true(o.down_for_s == 5.0);
    check(&o, "say what to time");
    o.iface = "eth0";
    assert_int_equal(check(&o, NULL), 0);
    o.watch = "10.0.0.1";
    check(&o, "different modes");
    o.watch = NULL;
    o.target = "fe80::1";
    check(&o, "not an IPv4 address");
    o.target = "10.0.0.1";
    o.port = "ge-0/0/1";
    check(&o, "--port goes with --switch");
    o.port = NULL;
    o.interval_ms = 0;
    check(&o, "--interval must be 1 to 1000 ms");
    o.interval_ms = 1;
    assert_int_equal(check(&o, NULL), 0);

    timer_options_defaults(&o);
    o.watch = "10.0.0.1";
    /* --down-for with --watch: the bouncing side's, taken off each outage. */
    o.down_for_given = true;
    assert_int_equal(check(&o, NULL), 0);
    o.down_for_given = false;
    o.target = "10.0.0.2";
    check(&o, "--target is not needed");

    timer_options_defaults(&o);
    o.sw = "sw1:161";
    check(&o, "--switch needs --port");
    o.port = "Gi1/0/1";
    check(&o, "--switch needs --target");
    o.target = "10.0.0.9";
    assert_int_equal(check(&o, NULL), 0);

    struct pr_error err;
    int v;
    double d;
    assert_int_equal(timer_parse_int_option("--count", "3", 1, 100, &v, &err), 0);
    assert_int_equal(v, 3);
    assert_int_equal(timer_parse_int_option("--count", "3x", 1, 100, &v, &err), -1);
    assert_string_equal(err.msg, "--count '3x': expected a whole number from 1 to 100");
    assert_int_equal(timer_parse_seconds_option("--down-for", "0.5", 0, 3600, &d, &err), 0);
    assert_true(d == 0.5);
    assert_int_equal(timer_parse_seconds_option("--down-for", "-1", 0, 3600, &d, &err), -1);
    assert_int_equal(timer_parse_seconds_option("--down-for", "nan", 0, 3600, &d, &err), -1);
}

/* The command itself: --help exits 0, usage errors exit 3 before anything
 * is touched. */
static void test_cmd_time_usage(void **state)
{
    (void)state;
    char *help[] = {"time", "--help", NULL};
    FILE *saved = stdout;
    stdout = fopen("/dev/null", "w");
    assert_int_equal(cmd_time(2, help), 0);
    fclose(stdout);
    stdout = saved;
    char *bad_interval[] = {"time", "--iface", "eth0", "--interval", "0", NULL};
    assert_int_equal(cmd_time(5, bad_interval), 3);
    char *unknown[] = {"time", "--iface", "eth0", "--frobnicate", NULL};
    assert_int_equal(cmd_time(4, unknown), 3);
    char *stray[] = {"time", "--watch", "10.0.0.1", "extra", NULL};
    assert_int_equal(cmd_time(4, stray), 3);
    char *nomode[] = {"time", NULL};
    assert_int_equal(cmd_time(1, nomode), 3);
    char *bad_version[] = {"time",     "--switch", "s",  "--port", "1",
                           "--target", "10.0.0.1", "-v", "4",      NULL};
    assert_int_equal(cmd_time(9, bad_version), 3);
}

static void test_icmp_packets(void **state)
{
    (void)state;
    uint8_t pkt[TIMER_ICMP_PACKET];
    timer_icmp_build_echo(pkt, 0x1234, 0xdeadbeef, 70000);
    assert_int_equal(pkt[0], 8); /* echo request */
    assert_int_equal(pkt[4] << 8 | pkt[5], 0x1234);
    /* The checksum of a packet with a correct checksum is zero. */
    assert_int_equal(timer_inet_checksum(pkt, sizeof pkt), 0);
    /* Turn it into the reply: type 0, same payload. */
    uint8_t reply[20 + TIMER_ICMP_PACKET];
    memset(reply, 0, 20);
    reply[0] = 0x45; /* IPv4, 20-byte header */
    memcpy(reply + 20, pkt, sizeof pkt);
    reply[20] = 0;
    uint32_t seq = 0;
    assert_true(timer_icmp_parse_reply(reply, sizeof reply, true, 0xdeadbeef, &seq));
    assert_int_equal(seq, 70000); /* from the payload: beyond 16 bits */
    assert_true(timer_icmp_parse_reply(reply + 20, TIMER_ICMP_PACKET, false, 0xdeadbeef, &seq));
    /* Another program's echo (other cookie), a request, short packets. */
    assert_false(timer_icmp_parse_reply(reply, sizeof reply, true, 0xdeadbeee, &seq));
    reply[20] = 8;
    assert_false(timer_icmp_parse_reply(reply, sizeof reply, true, 0xdeadbeef, &seq));
    reply[20] = 0;
    assert_false(timer_icmp_parse_reply(reply, 27, true, 0xdeadbeef, &seq));
    reply[0] = 0x4f; /* header length 60 > packet */
    assert_false(timer_icmp_parse_reply(reply, sizeof reply, true, 0xdeadbeef, &seq));
}

static void test_arp_packets(void **state)
{
    (void)state;
    const uint8_t mac[6] = {2, 0, 0, 0, 0, 1};
    struct in_addr src, dst, other;
    inet_pton(AF_INET, "10.77.0.2", &src);
    inet_pton(AF_INET, "10.77.0.1", &dst);
    inet_pton(AF_INET, "10.77.0.3", &other);
    uint8_t req[TIMER_ARP_PACKET];
    timer_arp_build_request(req, mac, src, dst);
    assert_int_equal(req[7], 1); /* request */
    assert_memory_equal(req + 8, mac, 6);
    assert_memory_equal(req + 14, &src.s_addr, 4);
    assert_memory_equal(req + 24, &dst.s_addr, 4);
    assert_false(timer_arp_parse_reply(req, sizeof req, src)); /* a request is no reply */
    /* The reply from 10.77.0.1: sender and target swapped, op 2. */
    uint8_t rep[TIMER_ARP_PACKET];
    memcpy(rep, req, 8);
    rep[7] = 2;
    memset(rep + 8, 0xaa, 6);
    memcpy(rep + 14, &dst.s_addr, 4);
    memcpy(rep + 18, mac, 6);
    memcpy(rep + 24, &src.s_addr, 4);
    assert_true(timer_arp_parse_reply(rep, sizeof rep, dst));
    assert_false(timer_arp_parse_reply(rep, sizeof rep, other));
    assert_false(timer_arp_parse_reply(rep, sizeof rep - 1, dst));
}

static void test_default_route_rule(void **state)
{
    (void)state;
    struct timer_default_route r[3] = {
        {.family = AF_INET, .oif = 2, .gateway = {10, 0, 0, 1}},
        {.family = AF_INET6, .oif = 2},
        {.family = AF_INET6, .oif = 3},
    };
    int family = 0;
    const uint8_t *gw = NULL;
    /* eth 2 carries the only IPv4 default route. */
    assert_true(timer_only_default_route(r, 3, 2, &family, &gw));
    assert_int_equal(family, AF_INET);
    assert_int_equal(gw[0], 10);
    /* Interface 3 shares IPv6 with 2: not the only one. */
    assert_false(timer_only_default_route(r, 3, 3, &family, &gw));
    /* A second IPv4 default route elsewhere: 2 may go down. */
    r[2].family = AF_INET;
    assert_false(timer_only_default_route(r, 3, 2, &family, &gw) && family == AF_INET);
    assert_false(timer_only_default_route(r, 0, 2, &family, &gw));
}

static void test_ssh_connection(void **state)
{
    (void)state;
    int family;
    uint8_t addr[16];
    assert_true(timer_ssh_peer_parse("192.0.2.7 51000 192.0.2.1 22", &family, addr));
    assert_int_equal(family, AF_INET);
    assert_int_equal(addr[3], 7);
    assert_true(timer_ssh_peer_parse("2001:db8::5 51000 2001:db8::1 22", &family, addr));
    assert_int_equal(family, AF_INET6);
    assert_true(timer_ssh_peer_parse("::ffff:192.0.2.9 51000 ::ffff:192.0.2.1 22", &family, addr));
    assert_int_equal(family, AF_INET); /* mapped: routed as IPv4 */
    assert_int_equal(addr[3], 9);
    assert_false(timer_ssh_peer_parse(NULL, &family, addr));
    assert_false(timer_ssh_peer_parse("", &family, addr));
    assert_false(timer_ssh_peer_parse("nonsense 1 2 3", &family, addr));
    assert_false(timer_ssh_peer_parse("192.0.2.7", &family, addr));
}

static void test_link_events(void **state)
{
    (void)state;
    uint8_t buf[256];
    memset(buf, 0, sizeof buf);
    struct nlmsghdr *h = (struct nlmsghdr *)buf;
    h->nlmsg_len = NLMSG_LENGTH(sizeof(struct ifinfomsg));
    h->nlmsg_type = RTM_NEWLINK;
    struct ifinfomsg *ifi = NLMSG_DATA(h);
    ifi->ifi_family = AF_UNSPEC;
    ifi->ifi_index = 7;
    ifi->ifi_flags = 0x1 | 0x10000; /* IFF_UP | IFF_LOWER_UP */
    bool up = false;
    assert_true(timer_nl_parse_link_event(buf, h->nlmsg_len, 7, &up));
    assert_true(up);
    ifi->ifi_flags = 0x1;
    assert_true(timer_nl_parse_link_event(buf, h->nlmsg_len, 7, &up));
    assert_false(up);
    assert_false(timer_nl_parse_link_event(buf, h->nlmsg_len, 8, &up)); /* another link */
    ifi->ifi_family = AF_BRIDGE; /* the bridge's port messages are not carrier */
    assert_false(timer_nl_parse_link_event(buf, h->nlmsg_len, 7, &up));
    assert_false(timer_nl_parse_link_event(buf, 10, 7, &up)); /* truncated */
}

static void add_string(struct pr_snmp_store *s, const uint32_t *col, size_t len, uint32_t index,
                       const char *text)
{
    uint32_t oid[PR_SNMP_OID_MAX];
    memcpy(oid, col, len * sizeof *col);
    oid[len] = index;
    struct pr_snmp_value v = {
        .type = PR_SNMP_T_OCTETS, .bytes = (uint8_t *)text, .len = strlen(text)};
    struct pr_error err;
    assert_int_equal(pr_snmp_store_add(s, oid, len + 1, &v, &err), 0);
}

static void test_switch_find_port(void **state)
{
    (void)state;
    static const uint32_t if_descr[] = {1, 3, 6, 1, 2, 1, 2, 2, 1, 2};
    static const uint32_t if_name[] = {1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 1};
    struct pr_snmp_store s;
    pr_snmp_store_init(&s);
    add_string(&s, if_name, 11, 10101, "Gi1/0/1");
    add_string(&s, if_descr, 10, 10101, "GigabitEthernet1/0/1");
    add_string(&s, if_name, 11, 10102, "Gi1/0/2");
    add_string(&s, if_descr, 10, 10102, "GigabitEthernet1/0/2");
    pr_snmp_store_finish(&s);
    assert_int_equal(timer_switch_find_port(&s, "Gi1/0/2"), 10102);
    assert_int_equal(timer_switch_find_port(&s, "GigabitEthernet1/0/1"), 10101);
    assert_int_equal(timer_switch_find_port(&s, "10102"), 10102);
    assert_int_equal(timer_switch_find_port(&s, "99"), -1); /* no such ifIndex */
    assert_int_equal(timer_switch_find_port(&s, "Gi1/0/3"), -1);
    assert_int_equal(timer_switch_find_port(&s, "gi1/0/1"), -1); /* exact names only */
    pr_snmp_store_free(&s);
}

/* A bounce of 5 s down and 4 s blocked, probes every 10 ms from up: 400
 * lost, then 10 answered; ARP alike. */
static void fill_run(struct timer_run *run)
{
    timer_run_init(run, TIMER_MODE_LOCAL);
    snprintf(run->iface, sizeof run->iface, "eth<0>");
    snprintf(run->target, sizeof run->target, "10.77.0.1");
    run->interval_ms = 10;
    run->count = 1;
    run->arp = true;
    struct pr_error err;
    struct timer_bounce *b = timer_run_add_bounce(run, &err);
    b->down_ns = 100 * S;
    b->up_ns = 105 * S;
    b->carrier_up_ns = 105 * S + 100000;
    b->first_arp_reply_ns = 109 * S + 5 * MS;
    b->first_reply_ns = 109 * S + 5 * MS + 50000;
    for (int i = 0; i < 410; i++) {
        int64_t t = 105 * S + i * 10 * MS;
        long k = timer_probes_add(&b->probes, TIMER_PROBE_ICMP, (uint32_t)i + 1, t, i < 2, &err);
        if (i >= 400)
            b->probes.v[k].reply_ns = t + 50000;
        k = timer_probes_add(&b->probes, TIMER_PROBE_ARP, 0, t, false, &err);
        if (i >= 400)
            b->probes.v[k].reply_ns = t + 40000;
    }
}

static char *capture(void (*write)(FILE *, const struct timer_run *), const struct timer_run *run)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    write(f, run);
    fclose(f);
    return text;
}

static void write_svg(FILE *f, const struct timer_run *run)
{
    struct pr_error err;
    assert_int_equal(timer_svg_write(f, run, &err), 0);
}

static void write_json(FILE *f, const struct timer_run *run)
{
    struct timer_summary s;
    struct pr_error err;
    assert_int_equal(timer_summarize(run, &s, &err), 0);
    timer_json_write(f, run, &s, NULL, false);
}

static size_t count(const char *text, const char *what)
{
    size_t n = 0;
    for (const char *p = text; (p = strstr(p, what)) != NULL; p += strlen(what))
        n++;
    return n;
}

static void test_svg(void **state)
{
    (void)state;
    assert_int_equal(timer_svg_tick_step(9 * MS), 1 * MS);
    assert_int_equal(timer_svg_tick_step(10 * S), 1 * S);
    assert_int_equal(timer_svg_tick_step(11 * S), 2 * S);
    assert_int_equal(timer_svg_tick_step(45 * S), 5 * S);
    struct timer_run run;
    fill_run(&run);
    char *svg = capture(write_svg, &run);
    assert_non_null(strstr(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_non_null(strstr(svg, "</svg>\n"));
    /* Runs of one fate are one bar each: ICMP refused (2), lost (398),
     * answered (10); ARP lost (400), answered (10). */
    assert_int_equal(count(svg, "height=\"16\"><title>"), 5);
    assert_int_equal(count(svg, " ICMP refused</title>"), 1);
    assert_int_equal(count(svg, " lost</title>"), 2);
    assert_int_equal(count(svg, " answered</title>"), 2);
    assert_non_null(strstr(svg, "<title>398 ICMP lost</title>"));
    assert_non_null(strstr(svg, "<title>400 ARP lost</title>"));
    /* Five link events, each a line and a label. */
    assert_int_equal(count(svg, "class=\"event\""), 5);
    assert_non_null(strstr(svg, ">first ARP reply</text>"));
    /* Names are escaped. */
    assert_non_null(strstr(svg, "eth&lt;0&gt; bounced"));
    assert_non_null(strstr(svg, "reachable 4.005 s after up (warning)"));
    free(svg);
    /* An echo answered 200 ms after it was sent waited in a queue: late. */
    struct timer_probe *first_answered = &run.bounces[0].probes.v[800];
    assert_int_equal(first_answered->kind, TIMER_PROBE_ICMP);
    first_answered->reply_ns = first_answered->sent_ns + 200 * MS;
    svg = capture(write_svg, &run);
    assert_int_equal(count(svg, "<title>1 ICMP late</title>"), 1);
    assert_int_equal(count(svg, "<title>9 ICMP answered</title>"), 1);
    free(svg);
    timer_run_free(&run);
}

static void test_json(void **state)
{
    (void)state;
    struct timer_run run;
    fill_run(&run);
    /* Started at 100 s on the monotonic clock, 2024-05-14T10:21:00Z on the
     * wall clock: every event is on both. */
    run.start_mono_ns = 100 * S;
    run.start_wall_ns = INT64_C(1715682060) * S;
    char *json = capture(write_json, &run);
    const char *head =
        "{\"portready\":1,\"timestamp\":\"2024-05-14T10:21:00.000Z\","
        "\"time\":{\"mode\":\"local\",\"clock\":\"CLOCK_MONOTONIC\","
        "\"started_ns\":100000000000,\"started_at\":\"2024-05-14T10:21:00.000000Z\",";
    assert_true(strncmp(json, head, strlen(head)) == 0);
    assert_non_null(strstr(json, "\"down_at\":\"2024-05-14T10:21:00.000000Z\","
                                 "\"up_at\":\"2024-05-14T10:21:05.000000Z\","
                                 "\"carrier_up_at\":\"2024-05-14T10:21:05.000100Z\","
                                 "\"first_arp_reply_at\":\"2024-05-14T10:21:09.005000Z\","
                                 "\"first_reply_at\":\"2024-05-14T10:21:09.005050Z\","));
    assert_non_null(strstr(json, "},\"error\":null}\n"));
    assert_non_null(strstr(json, "\"reachability_ms\":4005.050"));
    assert_non_null(strstr(json, "\"carrier_ms\":0.100"));
    assert_non_null(strstr(json, "\"arp_ms\":4004.900"));
    assert_non_null(strstr(json, "\"outages\":[]"));
    assert_non_null(strstr(json, "\"verdict\":\"warning\""));
    /* Every probe with its send and reply times: 820 of them. */
    assert_int_equal(count(json, "\"sent_ns\":"), 820);
    assert_int_equal(count(json, "\"reply_ns\":null"), 800);
    assert_int_equal(count(json, "\"send_failed\":true"), 2);
    free(json);
    timer_run_free(&run);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_cmd_time_usage),
        cmocka_unit_test(test_icmp_packets),
        cmocka_unit_test(test_arp_packets),
        cmocka_unit_test(test_default_route_rule),
        cmocka_unit_test(test_ssh_connection),
        cmocka_unit_test(test_link_events),
        cmocka_unit_test(test_switch_find_port),
        cmocka_unit_test(test_svg),
        cmocka_unit_test(test_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
