/* SPDX-License-Identifier: BSD-3-Clause */
/* One syslog line taken apart: header forms, every dhcpd message the
 * reader uses, what counts as noise, other programs and malformed lines;
 * and the MAC forms --mac accepts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "dhcplog/dhcplog_line.h"
#include "dhcplog/dhcplog_mac.h"

static struct dhcplog_clock clock_;

static enum dhcplog_kind parse(const char *text, struct dhcplog_line *line)
{
    return dhcplog_line_parse(&clock_, text, strlen(text), line);
}

static int setup(void **state)
{
    (void)state;
    dhcplog_clock_init(&clock_, (int64_t)1717200000 * DHCPLOG_US_PER_S); /* 2024-06-01 */
    return 0;
}

static void discover_with_name_and_reason(void **state)
{
    (void)state;
    struct dhcplog_line l;
    assert_int_equal(parse("May 14 10:21:03 pxe01 dhcpd[812]: DHCPDISCOVER from 3c:ec:ef:10:20:03 "
                           "(node 3 (rack) via x) via 10.30.0.1: network 10.30.0.0/24: no free "
                           "leases",
                           &l),
                     DHCPLOG_DISCOVER);
    assert_int_equal(l.mac, 0x3cecef102003ULL);
    assert_int_equal(l.pid, 812);
    /* the client's name holds ") via " itself: the last one counts */
    assert_string_equal(l.via, "10.30.0.1");
    assert_true(l.via_relay);
    assert_int_equal(l.reason_len, strlen("network 10.30.0.0/24: no free leases"));
    assert_memory_equal(l.reason, "network 10.30.0.0/24: no free leases", l.reason_len);
    /* 2024-05-14 10:21:03 UTC */
    assert_int_equal(l.time_us, (int64_t)1715682063 * DHCPLOG_US_PER_S);
}

static void offer_request_ack_nak(void **state)
{
    (void)state;
    struct dhcplog_line l;
    assert_int_equal(parse("2024-05-14T10:21:03.5+02:00 pxe01 dhcpd[812]: DHCPOFFER on 10.20.0.57 "
                           "to 52:54:00:00:00:07 via eth0",
                           &l),
                     DHCPLOG_OFFER);
    assert_int_equal(l.ip, 0x0a140039); /* 10.20.0.57 */
    assert_string_equal(l.via, "eth0");
    assert_false(l.via_relay);
    assert_null(l.reason);

    assert_int_equal(parse("May 14 10:21:04 pxe01 dhcpd[812]: DHCPREQUEST for 10.20.0.57 "
                           "(10.20.0.2) from 52:54:00:00:00:07 via eth0",
                           &l),
                     DHCPLOG_REQUEST);
    assert_int_equal(l.ip, 0x0a140039);
    assert_int_equal(l.server, 0x0a140002);

    assert_int_equal(parse("May 14 10:21:04 pxe01 dhcpd: DHCPACK on 10.20.0.57 to 52:54:0:0:0:7 "
                           "(node7) via eth0",
                           &l),
                     DHCPLOG_ACK);
    assert_int_equal(l.mac, 0x525400000007ULL); /* one-digit octets are read too */
    assert_int_equal(l.pid, -1);

    assert_int_equal(parse("May 14 10:21:04 pxe01 dhcpd[812]: DHCPREQUEST for 192.168.1.57 from "
                           "b8:ca:3a:00:00:06 via eth0: wrong network.",
                           &l),
                     DHCPLOG_REQUEST);
    assert_int_equal(l.server, 0);
    assert_int_equal(l.reason_len, strlen("wrong network")); /* the full stop is dropped */
    assert_int_equal(parse("May 14 10:21:04 pxe01 dhcpd[812]: DHCPNAK on 192.168.1.57 to "
                           "b8:ca:3a:00:00:06 via eth0",
                           &l),
                     DHCPLOG_NAK);
}

static void noise_and_reasons(void **state)
{
    (void)state;
    struct dhcplog_line l;
    /* the INFORM answer is not a handshake ACK */
    assert_int_equal(parse("May 14 10:21:04 pxe01 dhcpd[812]: DHCPACK to 10.20.0.9 "
                           "(3c:ec:ef:10:20:99) via eth0",
                           &l),
                     DHCPLOG_NOISE);
    assert_int_equal(
        parse("May 14 10:21:04 pxe01 dhcpd[812]: DHCPINFORM from 10.20.0.9 via eth0", &l),
        DHCPLOG_NOISE);
    assert_int_equal(parse("May 14 10:21:04 pxe01 dhcpd[812]: Wrote 14 leases to leases file.", &l),
                     DHCPLOG_NOISE);
    assert_int_equal(
        parse("May 14 10:21:04 pxe01 dhcpd[812]: network 10.40.0.0/24: no free leases", &l),
        DHCPLOG_REASON);
    assert_memory_equal(l.reason, "network 10.40.0.0/24: no free leases", l.reason_len);
    assert_int_equal(parse("May 14 10:21:04 pxe01 dhcpd[812]: Internet Systems Consortium DHCP "
                           "Server 4.4.3-P1",
                           &l),
                     DHCPLOG_START);
    /* rsyslog's repeat line counts as many lines as it says */
    assert_int_equal(parse("May 14 10:21:04 pxe01 dhcpd[812]: message repeated 3 times: [ "
                           "DHCPDISCOVER from 3c:ec:ef:10:20:05 via eth0]",
                           &l),
                     DHCPLOG_DISCOVER);
    assert_int_equal(l.repeated, 3);
    assert_string_equal(l.via, "eth0");
}

static void other_programs_and_malformed(void **state)
{
    (void)state;
    struct dhcplog_line l;
    assert_int_equal(parse("May 14 10:21:04 pxe01 in.tftpd[2231]: RRQ from 10.20.0.51 filename "
                           "undionly.kpxe",
                           &l),
                     DHCPLOG_OTHER);
    assert_int_equal(parse("May 14 10:21:04 pxe01 kernel: [ 8812.331] eth2: NIC Link is Up", &l),
                     DHCPLOG_OTHER);
    assert_int_equal(parse("-- Boot 4f1c2a --", &l), DHCPLOG_OTHER);
    static const char *const malformed[] = {
        "garbage",
        "May 14 10:2",
        "May 14 10:21:04",
        "May 14 10:21:04 ",
        "May 14 10:21:04 pxe01 dhcpd[812]: DHCPDISCOVER from zz:zz:zz:zz:zz:zz via eth0",
        "May 14 10:21:04 pxe01 dhcpd[812]: DHCPDISCOVER from 3c:ec:ef:10:20:05",
        "May 14 10:21:04 pxe01 dhcpd[812]: DHCPDISCOVER from 3c:ec:ef:10:20:05:07 via eth0",
        "May 14 10:21:04 pxe01 dhcpd[812]: DHCPOFFER on 10.20.0.300 to 3c:ec:ef:10:20:05 via eth0",
        "May 14 10:21:04 pxe01 dhcpd[812]: DHCPREQUEST for 10.20.0.5 (10.20 from 3c:ec:ef:10:20:05 "
        "via eth0",
        "May 14 10:21:04 pxe01 dhcpd[812]: DHCPACK on 10.20.0.5 to 3c:ec:ef:10:20:05 (no closing",
    };
    for (size_t i = 0; i < sizeof malformed / sizeof malformed[0]; i++)
        assert_int_equal(parse(malformed[i], &l), DHCPLOG_MALFORMED);
}

static void mac_forms(void **state)
{
    (void)state;
    uint64_t mac;
    static const char *const same[] = {"3c:ec:ef:0a:20:01", "3C-EC-EF-0A-20-01", "3cec.ef0a.2001",
                                       "3C:EC:EF:A:20:1", "3cecef0a2001"};
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        mac = 0;
        assert_true(dhcplog_mac_parse(same[i], &mac));
        assert_int_equal(mac, 0x3cecef0a2001ULL);
    }
    static const char *const bad[] = {"",
                                      "3c:ec:ef:0a:20",
                                      "3c:ec:ef:0a:20:01:02",
                                      "3c-ec-ef-0a-20-1",
                                      "3cec.ef0a.200g",
                                      "3cecef0a200",
                                      "3c:ec:ef:0a:20:01 "};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_false(dhcplog_mac_parse(bad[i], &mac));
    char text[DHCPLOG_MAC_TEXT];
    dhcplog_mac_format(0x3cecef0a2001ULL, text);
    assert_string_equal(text, "3c:ec:ef:0a:20:01");
}

int main(void)
{
    setenv("TZ", "UTC", 1);
    tzset();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(discover_with_name_and_reason, setup),
        cmocka_unit_test_setup(offer_request_ack_nak, setup),
        cmocka_unit_test_setup(noise_and_reasons, setup),
        cmocka_unit_test_setup(other_programs_and_malformed, setup),
        cmocka_unit_test_setup(mac_forms, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
