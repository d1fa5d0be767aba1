/* SPDX-License-Identifier: BSD-3-Clause */
/* The per-MAC handshake state machine and the verdicts: every class, the
 * chainload windows and thresholds, attempts, evidence capping, reason
 * attachment, restarts, --mac and --since. Lines are written here with
 * RFC 3339 stamps at millisecond offsets from 2024-05-14T10:00:00Z. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "dhcplog/dhcplog_track.h"
#include "dhcplog/dhcplog_verdict.h"

#define MS(x) ((int64_t)(x)*1000)

static const int64_t base_s = 1715680800; /* 2024-05-14T10:00:00Z */

/* Feeds "STAMP pxe01 dhcpd[812]: MESSAGE" at base + ms. */
static void feed(struct dhcplog_tracker *t, long ms, const char *fmt, ...)
{
    char msg[512], line[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(line, sizeof line, "2024-05-14T10:%02ld:%02ld.%03ldZ pxe01 dhcpd[812]: %s", ms / 60000,
             (ms / 1000) % 60, ms % 1000, msg);
    assert_int_equal(dhcplog_tracker_line(t, line, strlen(line)), 0);
}

/* A whole handshake for mac at ms, answered within 200 ms. */
static void handshake(struct dhcplog_tracker *t, long ms, const char *mac, const char *ip)
{
    feed(t, ms, "DHCPDISCOVER from %s via eth0", mac);
    feed(t, ms, "DHCPOFFER on %s to %s via eth0", ip, mac);
    feed(t, ms + 100, "DHCPREQUEST for %s (10.20.0.2) from %s via eth0", ip, mac);
    feed(t, ms + 200, "DHCPACK on %s to %s via eth0", ip, mac);
}

static struct dhcplog_tracker *tracker(void)
{
    struct dhcplog_options o = {.now_us = (base_s + 86400) * DHCPLOG_US_PER_S};
    struct dhcplog_tracker *t = dhcplog_tracker_new(&o, NULL);
    assert_non_null(t);
    return t;
}

/* The verdict of the client at index i. */
static struct dhcplog_result result(struct dhcplog_tracker *t, size_t i)
{
    struct dhcplog_result r;
    const struct dhcplog_mac_state *ms = dhcplog_tracker_get(t, i);
    assert_non_null(ms);
    dhcplog_classify(ms, &r);
    return r;
}

static void complete_measures_discover_to_ack(void **state)
{
    (void)state;
    struct dhcplog_tracker *t = tracker();
    feed(t, 1100, "DHCPDISCOVER from 3c:ec:ef:10:20:01 via eth0");
    feed(t, 1120, "DHCPOFFER on 10.20.0.51 to 3c:ec:ef:10:20:01 via eth0");
    feed(t, 1900, "DHCPREQUEST for 10.20.0.51 (10.20.0.2) from 3c:ec:ef:10:20:01 via eth0");
    feed(t, 1910, "DHCPACK on 10.20.0.51 to 3c:ec:ef:10:20:01 via eth0");
    struct dhcplog_result r = result(t, 0);
    assert_int_equal(r.verdict, DHCPLOG_COMPLETE);
    assert_int_equal(r.time_to_ack_us, MS(810)); /* 1.910 - 1.100 s */
    assert_int_equal(r.first_discover_us, (base_s + 1) * DHCPLOG_US_PER_S + MS(100));
    assert_int_equal(r.ip, 0x0a140033);
    assert_int_equal(r.evidence_count, 4);
    assert_false(r.chained);
    dhcplog_tracker_free(t);
}

static void failure_classes(void **state)
{
    (void)state;
    struct dhcplog_tracker *t = tracker();
    /* 0: no-offer, 1: no-request, 2: no-ack, 3: nak, 4: REQUEST/ACK only */
    feed(t, 0, "DHCPDISCOVER from 00:00:00:00:00:01 via eth0");
    feed(t, 4000, "DHCPDISCOVER from 00:00:00:00:00:01 via eth0");
    feed(t, 100, "DHCPDISCOVER from 00:00:00:00:00:02 via eth0");
    feed(t, 100, "DHCPOFFER on 10.0.0.2 to 00:00:00:00:00:02 via eth0");
    feed(t, 200, "DHCPDISCOVER from 00:00:00:00:00:03 via eth0");
    feed(t, 200, "DHCPOFFER on 10.0.0.3 to 00:00:00:00:00:03 via eth0");
    feed(t, 300, "DHCPREQUEST for 10.0.0.3 (10.0.0.1) from 00:00:00:00:00:03 via eth0");
    feed(t, 400, "DHCPREQUEST for 192.168.1.4 from 00:00:00:00:00:04 via eth0: wrong network.");
    feed(t, 400, "DHCPNAK on 192.168.1.4 to 00:00:00:00:00:04 via eth0");
    feed(t, 500, "DHCPREQUEST for 10.0.0.5 from 00:00:00:00:00:05 via eth0");
    feed(t, 500, "DHCPACK on 10.0.0.5 to 00:00:00:00:00:05 via eth0");
    assert_int_equal(dhcplog_tracker_count(t), 5);
    assert_int_equal(result(t, 0).verdict, DHCPLOG_NO_OFFER);
    assert_int_equal(result(t, 0).attempt->discovers, 2);
    assert_int_equal(result(t, 1).verdict, DHCPLOG_NO_REQUEST);
    assert_int_equal(result(t, 2).verdict, DHCPLOG_NO_ACK);
    struct dhcplog_result nak = result(t, 3);
    assert_int_equal(nak.verdict, DHCPLOG_VERDICT_NAK);
    assert_string_equal(nak.dhcpd_reason, "wrong network");
    assert_non_null(strstr(nak.reason, "another DHCP server"));
    struct dhcplog_result reboot = result(t, 4);
    assert_int_equal(reboot.verdict, DHCPLOG_COMPLETE);
    assert_int_equal(reboot.time_to_ack_us, 0);
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(dhcplog_verdict_severity(result(t, i).verdict), 2);
    dhcplog_tracker_free(t);
}

static void nak_then_discover_recovers(void **state)
{
    (void)state;
    /* INIT-REBOOT refused, then a fresh handshake: the latest attempt counts */
    struct dhcplog_tracker *t = tracker();
    feed(t, 0, "DHCPREQUEST for 192.168.1.4 from 00:00:00:00:00:04 via eth0: wrong network.");
    feed(t, 0, "DHCPNAK on 192.168.1.4 to 00:00:00:00:00:04 via eth0");
    handshake(t, 1000, "00:00:00:00:00:04", "10.0.0.4");
    struct dhcplog_result r = result(t, 0);
    assert_int_equal(r.verdict, DHCPLOG_COMPLETE);
    assert_int_equal(dhcplog_tracker_get(t, 0)->attempts, 2);
    dhcplog_tracker_free(t);
}

static void interleaved_clients(void **state)
{
    (void)state;
    struct dhcplog_tracker *t = tracker();
    feed(t, 0, "DHCPDISCOVER from aa:00:00:00:00:01 via eth0");
    feed(t, 10, "DHCPDISCOVER from aa:00:00:00:00:02 via 10.30.0.1");
    feed(t, 20, "DHCPOFFER on 10.0.0.1 to aa:00:00:00:00:01 via eth0");
    feed(t, 30, "DHCPOFFER on 10.30.0.2 to aa:00:00:00:00:02 via 10.30.0.1");
    feed(t, 40, "DHCPREQUEST for 10.30.0.2 (10.0.0.250) from aa:00:00:00:00:02 via 10.30.0.1");
    feed(t, 50, "DHCPREQUEST for 10.0.0.1 (10.0.0.250) from aa:00:00:00:00:01 via eth0");
    feed(t, 60, "DHCPACK on 10.30.0.2 to aa:00:00:00:00:02 via 10.30.0.1");
    struct dhcplog_result a = result(t, 0), b = result(t, 1);
    assert_int_equal(a.verdict, DHCPLOG_NO_ACK);
    assert_int_equal(b.verdict, DHCPLOG_COMPLETE);
    assert_int_equal(b.time_to_ack_us, MS(50)); /* 0.060 - 0.010 */
    assert_true(b.via_relay);
    assert_string_equal(b.via, "10.30.0.1");
    dhcplog_tracker_free(t);
}

/* The verdict of the first client, t freed: its pointers into t cleared. */
static struct dhcplog_result detached(struct dhcplog_tracker *t)
{
    struct dhcplog_result r = result(t, 0);
    dhcplog_tracker_free(t);
    r.attempt = NULL;
    r.via = NULL;
    r.dhcpd_reason = NULL;
    r.evidence_count = 0;
    return r;
}

/* complete at 0-0.2 s, then a round starting gap_ms after the ACK that
 * completes round_ms after its first DISCOVER (repeated every 4 s). */
static struct dhcplog_result chain(long gap_ms, long round_ms, bool completes)
{
    struct dhcplog_tracker *t = tracker();
    handshake(t, 0, "52:54:00:00:00:07", "10.20.0.57");
    long start = 200 + gap_ms;
    for (long at = start; at < start + round_ms; at += 4000) {
        feed(t, at, "DHCPDISCOVER from 52:54:00:00:00:07 via eth0");
        feed(t, at, "DHCPOFFER on 10.20.0.57 to 52:54:00:00:00:07 via eth0");
    }
    if (completes) {
        feed(t, start + round_ms,
             "DHCPREQUEST for 10.20.0.57 (10.20.0.2) from "
             "52:54:00:00:00:07 via eth0");
        feed(t, start + round_ms, "DHCPACK on 10.20.0.57 to 52:54:00:00:00:07 via eth0");
    }
    return detached(t);
}

static void chainload_windows_and_thresholds(void **state)
{
    (void)state;
    /* a 29 s round 4 s after the ACK: slow-renew, measured 29 s */
    struct dhcplog_result r = chain(4000, 29000, true);
    assert_int_equal(r.verdict, DHCPLOG_SLOW_RENEW);
    assert_true(r.chained);
    assert_int_equal(r.round_us, MS(29000));
    assert_int_equal(r.gap_us, MS(4000));
    assert_int_equal(r.first_round_us, MS(200));
    assert_int_equal(dhcplog_verdict_severity(r.verdict), 1);
    assert_non_null(strstr(r.reason, "portready check"));
    /* 9.9 s is under the 10 s threshold: complete; 10 s is slow */
    assert_int_equal(chain(4000, 9900, true).verdict, DHCPLOG_COMPLETE);
    assert_int_equal(chain(4000, 10000, true).verdict, DHCPLOG_SLOW_RENEW);
    /* a round that never completes: renew-failed, measured to its last line */
    r = chain(3000, 12001, false);
    assert_int_equal(r.verdict, DHCPLOG_RENEW_FAILED);
    assert_int_equal(r.round_us, MS(12000)); /* DISCOVERs at +0, 4, 8, 12 s */
    /* 60 s after the ACK still chains; 61 s is a new, unrelated attempt */
    assert_int_equal(chain(60000, 30000, true).verdict, DHCPLOG_SLOW_RENEW);
    r = chain(61000, 30000, true);
    assert_int_equal(r.verdict, DHCPLOG_COMPLETE);
    assert_false(r.chained);
    assert_int_equal(chain(61000, 12001, false).verdict, DHCPLOG_NO_REQUEST);
}

static void earlier_slow_round_is_remembered(void **state)
{
    (void)state;
    /* firmware round, a 30 s iPXE round 3 s later, the installer's round
     * 20 s after that completes at once: still slow-renew */
    struct dhcplog_tracker *t = tracker();
    handshake(t, 0, "52:54:00:00:00:07", "10.20.0.57");
    feed(t, 3200, "DHCPDISCOVER from 52:54:00:00:00:07 via eth0");
    handshake(t, 33200, "52:54:00:00:00:07", "10.20.0.57");
    handshake(t, 53400, "52:54:00:00:00:07", "10.20.0.57");
    struct dhcplog_result r = result(t, 0);
    assert_int_equal(r.verdict, DHCPLOG_SLOW_RENEW);
    assert_int_equal(dhcplog_tracker_get(t, 0)->chain_slow_us, MS(30200)); /* 3.2 -> 33.4 s */
    /* a later unrelated boot (beyond the window) forgets it */
    handshake(t, 600000, "52:54:00:00:00:07", "10.20.0.57");
    assert_int_equal(result(t, 0).verdict, DHCPLOG_COMPLETE);
    dhcplog_tracker_free(t);
}

static void attempts_split_on_gap(void **state)
{
    (void)state;
    struct dhcplog_tracker *t = tracker();
    feed(t, 0, "DHCPDISCOVER from 00:00:00:00:00:01 via eth0");
    feed(t, 0, "DHCPOFFER on 10.0.0.1 to 00:00:00:00:00:01 via eth0");
    feed(t, 120000, "DHCPDISCOVER from 00:00:00:00:00:01 via eth0"); /* 120 s: same attempt */
    assert_int_equal(dhcplog_tracker_get(t, 0)->attempts, 1);
    feed(t, 240001, "DHCPDISCOVER from 00:00:00:00:00:01 via eth0"); /* 120.001 s: new */
    assert_int_equal(dhcplog_tracker_get(t, 0)->attempts, 2);
    assert_int_equal(result(t, 0).verdict, DHCPLOG_NO_OFFER); /* the OFFER was the old attempt's */
    dhcplog_tracker_free(t);
}

static void evidence_is_capped(void **state)
{
    (void)state;
    struct dhcplog_tracker *t = tracker();
    for (long i = 0; i < 40; i++)
        feed(t, i * 1000, "DHCPDISCOVER from 00:00:00:00:00:01 via eth0");
    struct dhcplog_result r = result(t, 0);
    /* the first line, then the last 12: 40 - 12 - 1 = 27 left out after entry 1 */
    assert_int_equal(r.evidence_count, 13);
    assert_int_equal(r.omitted, 27);
    assert_int_equal(r.omitted_after, 1);
    assert_non_null(strstr(r.evidence[0], "T10:00:00.000Z"));
    assert_non_null(strstr(r.evidence[1], "T10:00:28.000Z"));
    assert_non_null(strstr(r.evidence[12], "T10:00:39.000Z"));
    assert_int_equal(r.attempt->discovers, 40);
    dhcplog_tracker_free(t);
}

static void reason_lines_attach_by_proximity(void **state)
{
    (void)state;
    struct dhcplog_tracker *t = tracker();
    feed(t, 0, "DHCPDISCOVER from 00:00:00:00:00:01 via 10.40.0.1");
    feed(t, 2000, "network 10.40.0.0/24: no free leases"); /* 2 s later: attached */
    feed(t, 10000, "DHCPDISCOVER from 00:00:00:00:00:02 via eth0");
    feed(t, 12001, "network 10.20.0.0/24: no free leases"); /* 2.001 s later: not */
    feed(t, 20000, "DHCPDISCOVER from 00:00:00:00:00:03 via eth1");
    feed(t, 20000, "DHCPDISCOVER from 00:00:00:00:00:04 via 10.9.9.9: unknown network segment");
    feed(t, 20100, "Packet via eth1: unknown network segment"); /* names another via */
    assert_string_equal(result(t, 0).dhcpd_reason, "network 10.40.0.0/24: no free leases");
    assert_int_equal(result(t, 0).evidence_count, 2);
    assert_null(result(t, 1).dhcpd_reason);
    assert_null(result(t, 2).dhcpd_reason);
    assert_string_equal(result(t, 3).dhcpd_reason, "unknown network segment");
    dhcplog_tracker_free(t);
}

static void restarts_are_counted_and_marked(void **state)
{
    (void)state;
    struct dhcplog_tracker *t = tracker();
    feed(t, 0, "DHCPDISCOVER from 00:00:00:00:00:01 via eth0");
    const char banner[] = "2024-05-14T10:00:01Z pxe01 dhcpd[1402]: Internet Systems Consortium "
                          "DHCP Server 4.4.3-P1";
    assert_int_equal(dhcplog_tracker_line(t, banner, strlen(banner)), 0);
    const char after[] = "2024-05-14T10:00:02Z pxe01 dhcpd[1402]: Server starting service.";
    assert_int_equal(dhcplog_tracker_line(t, after, strlen(after)), 0);
    assert_int_equal(dhcplog_tracker_stats(t)->restarts, 1); /* banner and its pid: once */
    struct dhcplog_result r = result(t, 0);
    assert_true(r.attempt->restarted);
    assert_non_null(strstr(r.reason, "dhcpd restarted"));
    /* back to pid 812 without a banner: one more */
    feed(t, 5000, "DHCPDISCOVER from 00:00:00:00:00:02 via eth0");
    assert_int_equal(dhcplog_tracker_stats(t)->restarts, 2);
    dhcplog_tracker_free(t);
}

static void mac_filter_and_not_seen(void **state)
{
    (void)state;
    struct dhcplog_options o = {
        .now_us = (base_s + 86400) * DHCPLOG_US_PER_S, .have_mac = true, .mac = 0x3cecef102009ULL};
    struct dhcplog_tracker *t = dhcplog_tracker_new(&o, NULL);
    assert_non_null(t);
    handshake(t, 0, "3c:ec:ef:10:20:01", "10.0.0.1");
    assert_int_equal(dhcplog_tracker_count(t), 1); /* only the asked-for MAC */
    struct dhcplog_result r = result(t, 0);
    assert_int_equal(r.verdict, DHCPLOG_NOT_SEEN);
    assert_non_null(strstr(r.reason, "udp port 67 or udp port 68"));
    assert_non_null(strstr(r.reason, "3c:ec:ef:10:20:09"));
    handshake(t, 1000, "3c:ec:ef:10:20:09", "10.0.0.9");
    assert_int_equal(result(t, 0).verdict, DHCPLOG_COMPLETE);
    dhcplog_tracker_free(t);
}

static void since_skips_older_lines(void **state)
{
    (void)state;
    struct dhcplog_options o = {.now_us = (base_s + 86400) * DHCPLOG_US_PER_S,
                                .have_since = true,
                                .since_us = (base_s + 10) * DHCPLOG_US_PER_S};
    struct dhcplog_tracker *t = dhcplog_tracker_new(&o, NULL);
    assert_non_null(t);
    handshake(t, 9000, "00:00:00:00:00:01", "10.0.0.1"); /* before 10 s: skipped */
    feed(t, 10000, "DHCPDISCOVER from 00:00:00:00:00:02 via eth0");
    assert_int_equal(dhcplog_tracker_count(t), 1);
    assert_int_equal(dhcplog_tracker_get(t, 0)->mac, 2);
    assert_int_equal(dhcplog_tracker_stats(t)->before_since, 4);
    dhcplog_tracker_free(t);
}

static int settled_calls;
static void count_settled(void *ctx, const struct dhcplog_mac_state *ms)
{
    (void)ctx;
    (void)ms;
    settled_calls++;
}

static void stats_and_settled_events(void **state)
{
    (void)state;
    struct dhcplog_tracker *t = tracker();
    settled_calls = 0;
    dhcplog_tracker_on_settled(t, count_settled, NULL);
    handshake(t, 0, "00:00:00:00:00:01", "10.0.0.1");
    feed(t, 1000, "DHCPACK on 10.0.0.1 to 00:00:00:00:00:01 via eth0"); /* a second ACK */
    feed(t, 2000, "DHCPNAK on 10.0.0.2 to 00:00:00:00:00:02 via eth0");
    assert_int_equal(settled_calls, 2); /* first ACK of the attempt, and the NAK */
    const char *other = "May 14 10:00:03 pxe01 in.tftpd[2231]: RRQ from 10.0.0.1 filename x";
    const char *broken = "May 14 10:00:03 pxe01 dhcpd[812]: DHCPOFFER on 10.0.0.1 to nonsense";
    dhcplog_tracker_line(t, other, strlen(other));
    dhcplog_tracker_line(t, broken, strlen(broken));
    dhcplog_tracker_line(t, "\x01\x02garbage", 9);
    dhcplog_tracker_line(t, "", 0);
    dhcplog_tracker_overlong(t);
    const struct dhcplog_stats *s = dhcplog_tracker_stats(t);
    assert_int_equal(s->lines, 11);      /* 6 fed + other + broken + garbage + empty + overlong */
    assert_int_equal(s->dhcpd_lines, 6); /* the broken dhcpd line counts as malformed only */
    assert_int_equal(s->handshakes, 6);
    assert_int_equal(s->other, 1);
    assert_int_equal(s->malformed, 2);
    assert_int_equal(s->overlong, 1);
    dhcplog_tracker_free(t);
}

/* A lease at 0-0.2 s, then a new round whose DISCOVER comes gap_ms after
 * the ACK and completes within 0.2 s: what the server logs when the port
 * blocked after the chainload's link-up and dropped the earlier DISCOVERs. */
static struct dhcplog_result late_round(long gap_ms, int64_t chainload_us)
{
    struct dhcplog_options o = {.now_us = (base_s + 86400) * DHCPLOG_US_PER_S,
                                .chainload_us = chainload_us};
    struct dhcplog_tracker *t = dhcplog_tracker_new(&o, NULL);
    assert_non_null(t);
    handshake(t, 0, "52:54:00:00:00:07", "10.20.0.57");
    handshake(t, 200 + gap_ms, "52:54:00:00:00:07", "10.20.0.57");
    return detached(t);
}

static void late_first_round_is_slow_renew(void **state)
{
    (void)state;
    /* The threshold is iPXE's last DISCOVER after link-up: 7 s
     * (lib/rules/clients.c, docs/clients.md). */
    assert_int_equal(dhcplog_renew_gap_threshold_us(), MS(7000));
    assert_string_equal(dhcplog_renew_gap_client(), "ipxe");
    /* ACK at 0.2 s, next DISCOVER at 10.2 s completing at 10.4 s: gap 10 s,
     * round 0.2 s; chainload time unknown, so the blackout is the gap */
    struct dhcplog_result r = late_round(10000, 0);
    assert_int_equal(r.verdict, DHCPLOG_SLOW_RENEW);
    assert_true(r.chained);
    assert_int_equal(r.gap_us, MS(10000));
    assert_int_equal(r.round_us, MS(200));
    assert_int_equal(r.blackout_us, MS(10000));
    assert_true(r.lease_last);
    assert_non_null(strstr(r.reason, "estimated blackout of 10.0 s"));
    assert_non_null(strstr(r.reason, "portready check"));
    /* a known 2 s chainload: 10 - 2 = 8 s, still at least 7 s */
    r = late_round(10000, MS(2000));
    assert_int_equal(r.verdict, DHCPLOG_SLOW_RENEW);
    assert_int_equal(r.blackout_us, MS(8000));
    /* 8 s gap, 2 s chainload: 6 s < 7 s, complete */
    r = late_round(8000, MS(2000));
    assert_int_equal(r.verdict, DHCPLOG_COMPLETE);
    assert_int_equal(r.blackout_us, MS(6000));
    /* the threshold itself: 6.999 s complete, 7 s slow-renew */
    assert_int_equal(late_round(6999, 0).verdict, DHCPLOG_COMPLETE);
    assert_int_equal(late_round(7000, 0).verdict, DHCPLOG_SLOW_RENEW);
    /* a healthy chainload (1.5 s) is complete, and says the boot logs decide */
    r = late_round(1500, 0);
    assert_int_equal(r.verdict, DHCPLOG_COMPLETE);
    assert_int_equal(r.blackout_us, MS(1500));
    assert_true(r.lease_last);
    /* beyond the 60 s chain window it is a new boot, not a renewal */
    r = late_round(61000, 0);
    assert_int_equal(r.verdict, DHCPLOG_COMPLETE);
    assert_false(r.chained);
    assert_int_equal(r.blackout_us, -1);
}

static void later_rounds_and_memory_of_a_late_round(void **state)
{
    (void)state;
    /* firmware lease at 0.2 s, iPXE's round at once (1 s later), the
     * installer's round 30 s after iPXE's lease: the kernel's boot, not a
     * block; only the first round after the chain's lease is judged by its
     * gap */
    struct dhcplog_tracker *t = tracker();
    handshake(t, 0, "52:54:00:00:00:07", "10.20.0.57");
    handshake(t, 1200, "52:54:00:00:00:07", "10.20.0.57");
    handshake(t, 31400, "52:54:00:00:00:07", "10.20.0.57");
    struct dhcplog_result r = result(t, 0);
    assert_int_equal(r.verdict, DHCPLOG_COMPLETE);
    assert_true(r.chained);
    assert_int_equal(r.gap_us, MS(30000));
    assert_int_equal(r.blackout_us, -1);
    dhcplog_tracker_free(t);
    /* the first round late (ACK 0.2 s, DISCOVER 12.2 s: 12 s), the
     * installer's fast round after it: slow-renew, the late round on
     * record */
    t = tracker();
    handshake(t, 0, "52:54:00:00:00:07", "10.20.0.57");
    handshake(t, 12200, "52:54:00:00:00:07", "10.20.0.57");
    handshake(t, 40400, "52:54:00:00:00:07", "10.20.0.57");
    r = result(t, 0);
    assert_int_equal(r.verdict, DHCPLOG_SLOW_RENEW);
    assert_int_equal(dhcplog_tracker_get(t, 0)->chain_blackout_us, MS(12000));
    assert_non_null(strstr(r.reason, "began late"));
    /* a NAK last: not a lease */
    feed(t, 41000, "DHCPREQUEST for 10.20.0.99 (10.20.0.2) from 52:54:00:00:00:07 via eth0");
    feed(t, 41000, "DHCPNAK on 10.20.0.99 to 52:54:00:00:00:07 via eth0");
    r = result(t, 0);
    assert_int_equal(r.verdict, DHCPLOG_VERDICT_NAK);
    assert_false(r.lease_last);
    /* a later unrelated boot forgets the late round */
    handshake(t, 600000, "52:54:00:00:00:07", "10.20.0.57");
    assert_int_equal(result(t, 0).verdict, DHCPLOG_COMPLETE);
    assert_int_equal(dhcplog_tracker_get(t, 0)->chain_blackout_us, 0);
    dhcplog_tracker_free(t);
}

/* Evidence kept by offset is read back from the file, the same text a
 * copy would hold; a file that shrank says so. */
static void evidence_by_offset(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "2024-05-14T10:00:01.000Z pxe01 dhcpd[812]: DHCPDISCOVER from 3c:ec:ef:10:20:01 via eth0",
        "2024-05-14T10:00:01.000Z pxe01 systemd[1]: Started something.",
        "2024-05-14T10:00:01.020Z pxe01 dhcpd[812]: DHCPOFFER on 10.20.0.51 to 3c:ec:ef:10:20:01 "
        "via eth0",
    };
    char path[] = "/tmp/portready-dhcplog-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    struct dhcplog_tracker *t = tracker();
    uint64_t at = 0;
    for (size_t i = 0; i < 3; i++) {
        size_t len = strlen(lines[i]);
        assert_int_equal(write(fd, lines[i], len), (ssize_t)len);
        assert_int_equal(write(fd, "\n", 1), 1);
        assert_int_equal(dhcplog_tracker_line_at(t, lines[i], len, at), 0);
        at += len + 1;
    }
    struct dhcplog_result r = result(t, 0);
    assert_int_equal(r.verdict, DHCPLOG_NO_REQUEST);
    assert_int_equal(r.evidence_count, 2);
    assert_string_equal(r.evidence[0], ""); /* not read yet */
    assert_int_equal(dhcplog_result_load(&r, fd), 0);
    assert_string_equal(r.evidence[0], lines[0]);
    assert_string_equal(r.evidence[1], lines[2]);
    /* the file cut short: the second line is no longer there */
    assert_int_equal(ftruncate(fd, (off_t)strlen(lines[0]) + 1), 0);
    r = result(t, 0);
    assert_int_equal(dhcplog_result_load(&r, fd), -1);
    assert_string_equal(r.evidence[0], lines[0]);
    assert_string_equal(r.evidence[1], "(no longer in the file)");
    dhcplog_tracker_free(t);
    close(fd);
    unlink(path);
}

int main(void)
{
    setenv("TZ", "UTC", 1);
    tzset();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(complete_measures_discover_to_ack),
        cmocka_unit_test(failure_classes),
        cmocka_unit_test(nak_then_discover_recovers),
        cmocka_unit_test(interleaved_clients),
        cmocka_unit_test(chainload_windows_and_thresholds),
        cmocka_unit_test(earlier_slow_round_is_remembered),
        cmocka_unit_test(late_first_round_is_slow_renew),
        cmocka_unit_test(later_rounds_and_memory_of_a_late_round),
        cmocka_unit_test(evidence_by_offset),
        cmocka_unit_test(attempts_split_on_gap),
        cmocka_unit_test(evidence_is_capped),
        cmocka_unit_test(reason_lines_attach_by_proximity),
        cmocka_unit_test(restarts_are_counted_and_marked),
        cmocka_unit_test(mac_filter_and_not_seen),
        cmocka_unit_test(since_skips_older_lines),
        cmocka_unit_test(stats_and_settled_events),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
