/* SPDX-License-Identifier: BSD-3-Clause */
/* boot-log's parts: the TFTP and HTTP line parsers, the stage machine on
 * hand-made event sequences, and the timeline of the logs real servers
 * wrote (tests/data/bootlog, read as written: see its README). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "bootlog/bootlog_fetch.h"
#include "bootlog/bootlog_stage.h"
#include "bootlog/bootlog_timeline.h"
#include "dhcplog/dhcplog_input.h"
#include "dhcplog/dhcplog_mac.h"
#include "dhcplog/dhcplog_reader.h"

static struct dhcplog_clock clock_;

/* 2026-12-02T00:10:01Z by hand: 56 years from 1970 with 14 leap days
 * (1972 ... 2024) are 20454 days to 2026-01-01; Dec 2 is day 335 after it
 * (31+28+31+30+31+30+31+31+30+31+30 = 334, plus 1): 20789 days, times
 * 86400 = 1796169600, plus 10 min 1 s = 1796170201. */
#define T0 1796170201LL

static int setup(void **state)
{
    (void)state;
    setenv("TZ", "UTC", 1); /* the classic stamps of the recordings are UTC */
    tzset();
    dhcplog_clock_init(&clock_, (T0 + 3600) * DHCPLOG_US_PER_S);
    return 0;
}

static enum bootlog_fetch_kind tftp(const char *text, struct bootlog_fetch *f)
{
    return bootlog_tftp_parse(&clock_, text, strlen(text), f);
}

static bool file_is(const struct bootlog_fetch *f, const char *name)
{
    return f->file_len == strlen(name) && memcmp(f->file, name, f->file_len) == 0;
}

static void tftpd_hpa_rrq(void **state)
{
    (void)state;
    struct bootlog_fetch f;
    /* rsyslog's form, with the host. */
    assert_int_equal(tftp("Dec  2 00:10:01 pxe01 in.tftpd[812]: RRQ from 10.78.0.99 filename "
                          "undionly.kpxe",
                          &f),
                     BOOTLOG_FETCH_TFTP_REQUEST);
    assert_int_equal(f.ip, 10u << 24 | 78u << 16 | 99);
    assert_true(file_is(&f, "undionly.kpxe"));
    assert_int_equal(f.time_us, T0 * DHCPLOG_US_PER_S);
    assert_string_equal(f.program, "tftpd-hpa");
    /* busybox syslogd -S: no host. A name with a blank is kept whole. */
    assert_int_equal(tftp("Dec  2 00:10:01 in.tftpd[9]: RRQ from 10.0.0.1 filename a b.0", &f),
                     BOOTLOG_FETCH_TFTP_REQUEST);
    assert_true(file_is(&f, "a b.0"));
    /* A write request is not a fetch; a broken RRQ is malformed. */
    assert_int_equal(tftp("Dec  2 00:10:01 h in.tftpd[9]: WRQ from 10.0.0.1 filename x", &f),
                     BOOTLOG_FETCH_NOISE);
    assert_int_equal(tftp("Dec  2 00:10:01 h in.tftpd[9]: RRQ from 10.0.0.300 filename x", &f),
                     BOOTLOG_FETCH_MALFORMED);
    assert_int_equal(tftp("Dec  2 00:10:01 h in.tftpd[9]: RRQ from 10.0.0.3 filename ", &f),
                     BOOTLOG_FETCH_MALFORMED);
}

static void dnsmasq_tftp(void **state)
{
    (void)state;
    struct bootlog_fetch f;
    /* dnsmasq's own --log-facility file (no host), as tests/data/bootlog has it. */
    assert_int_equal(tftp("Dec  2 00:10:01 dnsmasq-tftp[20737]: sent /srv/tftp/undionly.kpxe to "
                          "10.78.0.62",
                          &f),
                     BOOTLOG_FETCH_TFTP_SENT);
    assert_true(file_is(&f, "/srv/tftp/undionly.kpxe"));
    assert_int_equal(f.ip, 10u << 24 | 78u << 16 | 62);
    assert_int_equal(tftp("Dec  2 00:10:01 pxe dnsmasq-tftp[1]: file /srv/tftp/pxelinux.0 not "
                          "found for 10.78.0.89",
                          &f),
                     BOOTLOG_FETCH_TFTP_NOT_FOUND);
    assert_true(file_is(&f, "/srv/tftp/pxelinux.0"));
    assert_int_equal(f.ip, 10u << 24 | 78u << 16 | 89);
    assert_int_equal(
        tftp("Dec  2 00:10:01 dnsmasq-tftp[1]: failed sending /x/y.efi to 10.1.2.3", &f),
        BOOTLOG_FETCH_TFTP_FAILED);
    assert_int_equal(tftp("Dec  2 00:10:01 dnsmasq-tftp[1]: TFTP root is /srv/tftp", &f),
                     BOOTLOG_FETCH_NOISE);
    assert_int_equal(tftp("Dec  2 00:10:01 dnsmasq-tftp[1]: sent /x to 10.1.2", &f),
                     BOOTLOG_FETCH_MALFORMED);
    /* Another program, and a line without a stamp. */
    assert_int_equal(tftp("Dec  2 00:10:01 h dnsmasq-dhcp[1]: DHCPACK(br0) 10.0.0.5 "
                          "52:54:00:00:00:01",
                          &f),
                     BOOTLOG_FETCH_NONE);
    assert_int_equal(tftp("in.tftpd[1]: RRQ from 10.0.0.1 filename x", &f), BOOTLOG_FETCH_NONE);
}

static enum bootlog_fetch_kind http(const char *text, struct bootlog_fetch *f)
{
    return bootlog_http_parse(text, strlen(text), f);
}

static void access_log(void **state)
{
    (void)state;
    struct bootlog_fetch f;
    assert_int_equal(http("10.78.0.62 - - [02/Dec/2026:00:10:01 +0000] \"GET /debian/linux "
                          "HTTP/1.1\" 200 300000 \"-\" \"curl/7.88.1\"",
                          &f),
                     BOOTLOG_FETCH_HTTP);
    assert_true(file_is(&f, "/debian/linux"));
    assert_int_equal(f.status, 200);
    assert_int_equal(f.time_us, T0 * DHCPLOG_US_PER_S);
    /* The same instant two hours east; the query left out; common format
     * (no referer, no agent); a user with a blank. */
    assert_int_equal(http("10.0.0.7 - bob smith [02/Dec/2026:02:10:01 +0200] \"GET "
                          "/preseed.cfg?mac=1 HTTP/1.0\" 404 153",
                          &f),
                     BOOTLOG_FETCH_HTTP);
    assert_int_equal(f.time_us, T0 * DHCPLOG_US_PER_S);
    assert_true(file_is(&f, "/preseed.cfg"));
    assert_int_equal(f.status, 404);
    /* nginx's \x22 inside the request does not end it. */
    assert_int_equal(http("10.0.0.7 - - [02/Dec/2026:00:10:01 -0130] \"GET /a\\x22b HTTP/1.1\" "
                          "200 1 \"-\" \"x\"",
                          &f),
                     BOOTLOG_FETCH_HTTP);
    assert_int_equal(f.time_us, (T0 + 5400) * DHCPLOG_US_PER_S);
    assert_true(file_is(&f, "/a\\x22b"));
    /* Not a GET: no fetch. Broken: malformed. No address first: not ours. */
    assert_int_equal(
        http("10.0.0.7 - - [02/Dec/2026:00:10:01 +0000] \"HEAD /a HTTP/1.1\" 200 0", &f),
        BOOTLOG_FETCH_NOISE);
    assert_int_equal(http("10.0.0.7 - - [02/Dec/2026:00:10:01 +0000] \"-\" 400 0", &f),
                     BOOTLOG_FETCH_NOISE);
    assert_int_equal(
        http("10.0.0.7 - - [02/Foo/2026:00:10:01 +0000] \"GET /a HTTP/1.1\" 200 0", &f),
        BOOTLOG_FETCH_MALFORMED);
    assert_int_equal(
        http("10.0.0.7 - - [02/Dec/2026:00:10:01 +0000] \"GET /a HTTP/1.1\" 2x0 0", &f),
        BOOTLOG_FETCH_MALFORMED);
    assert_int_equal(http("10.0.0.7 - - [02/Dec/2026:00:10:01 +0000] \"GET /a HTTP/1.1", &f),
                     BOOTLOG_FETCH_MALFORMED);
    assert_int_equal(http("Dec  2 00:10:01 host x: y", &f), BOOTLOG_FETCH_NONE);
}

static void file_stages(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        enum bootlog_stage stage;
    } cases[] = {
        {"/srv/tftp/undionly.kpxe", BOOTLOG_STAGE_BOOT_FILE},
        {"pxelinux.0", BOOTLOG_STAGE_BOOT_FILE},
        {"EFI/ipxe.efi", BOOTLOG_STAGE_BOOT_FILE},
        {"ldlinux.c32", BOOTLOG_STAGE_BOOT_FILE},
        {"/boot.ipxe", BOOTLOG_STAGE_SCRIPT},
        {"pxelinux.cfg/01-52-54-00-00-00-01", BOOTLOG_STAGE_SCRIPT},
        {"/debian/linux", BOOTLOG_STAGE_KERNEL},
        {"/images/vmlinuz", BOOTLOG_STAGE_KERNEL},
        {"/debian/initrd.gz", BOOTLOG_STAGE_INITRD},
        {"/rhel/initramfs.img", BOOTLOG_STAGE_INITRD},
        {"/preseed.cfg", BOOTLOG_STAGE_PRESEED},
        {"/ks.cfg", BOOTLOG_STAGE_PRESEED},
        {"/d-i/bookworm/node.seed", BOOTLOG_STAGE_PRESEED},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(bootlog_file_stage(cases[i].name, strlen(cases[i].name)), cases[i].stage);
}

/* A hand-made client: each step is "D" (a complete DORA), "d" (DISCOVERs
 * and no answer), or "T:name", "t:name" (TFTP sent / not found),
 * "H200:name" (HTTP). Times one second apart, from T0; a leading "+N"
 * step waits N seconds. */
struct fake {
    struct bootlog_event ev[64];
    const struct bootlog_event *ptr[64];
    size_t n;
    int64_t t;
    struct bootlog_client c;
};

static void add(struct fake *f, enum bootlog_event_kind kind, const char *file, int status)
{
    struct bootlog_event *e = &f->ev[f->n];
    memset(e, 0, sizeof *e);
    e->time_us = f->t * DHCPLOG_US_PER_S;
    e->kind = (uint8_t)kind;
    e->mac = 0x525400000001ULL;
    e->ip = 0x0a000005;
    e->file = file;
    e->file_len = file != NULL ? (uint16_t)strlen(file) : 0;
    e->status = (uint16_t)status;
    f->ptr[f->n] = e;
    f->n++;
}

static enum bootlog_verdict judge(struct fake *f, const char *const *steps, bool http_log)
{
    memset(f, 0, sizeof *f);
    f->t = T0;
    for (size_t i = 0; steps[i] != NULL; i++) {
        const char *s = steps[i];
        if (s[0] == '+') {
            f->t += atoi(s + 1);
        } else if (strcmp(s, "D") == 0) {
            add(f, BOOTLOG_EV_DISCOVER, NULL, 0);
            add(f, BOOTLOG_EV_OFFER, NULL, 0);
            add(f, BOOTLOG_EV_REQUEST, NULL, 0);
            add(f, BOOTLOG_EV_ACK, NULL, 0);
        } else if (strcmp(s, "d") == 0) {
            add(f, BOOTLOG_EV_DISCOVER, NULL, 0);
            add(f, BOOTLOG_EV_DISCOVER, NULL, 0);
        } else if (s[0] == 'T' || s[0] == 't') {
            add(f, s[0] == 'T' ? BOOTLOG_EV_TFTP_SENT : BOOTLOG_EV_TFTP_NOT_FOUND, s + 2, 0);
        } else {
            add(f, BOOTLOG_EV_HTTP, s + 5, atoi(s + 1));
        }
        f->t++;
    }
    /* The client owns its array of events (bootlog_client_free frees it). */
    f->c.events = malloc(f->n * sizeof *f->c.events);
    assert_non_null(f->c.events);
    memcpy(f->c.events, f->ptr, f->n * sizeof *f->c.events);
    f->c.n_events = f->n;
    struct bootlog_logs logs = {.tftp = true, .http = http_log};
    assert_int_equal(bootlog_client_judge(&f->c, &logs), 0);
    enum bootlog_verdict v = bootlog_client_verdict(&f->c);
    return v;
}

static void stage_machine(void **state)
{
    (void)state;
    struct fake *f = calloc(1, sizeof *f);
    assert_non_null(f);
#define STEPS(...) ((const char *const[]){__VA_ARGS__, NULL})
    struct {
        const char *const *steps;
        enum bootlog_verdict verdict;
        enum bootlog_stage failed;
    } cases[] = {
        {STEPS("D", "T:undionly.kpxe", "D", "H200:/boot.ipxe", "H200:/linux", "H200:/initrd.gz",
               "D", "H200:/preseed.cfg"),
         BOOTLOG_COMPLETE, BOOTLOG_STAGE_NONE},
        /* No preseed asked: the installer's lease is the end. */
        {STEPS("D", "T:undionly.kpxe", "D", "H200:/boot.ipxe", "H200:/linux", "H200:/initrd.gz",
               "D"),
         BOOTLOG_COMPLETE, BOOTLOG_STAGE_NONE},
        {STEPS("d"), BOOTLOG_NO_LEASE, BOOTLOG_STAGE_FIRMWARE_DHCP},
        {STEPS("D"), BOOTLOG_TFTP_TIMEOUT, BOOTLOG_STAGE_BOOT_FILE},
        {STEPS("D", "t:pxelinux.0"), BOOTLOG_TFTP_NOT_FOUND, BOOTLOG_STAGE_BOOT_FILE},
        {STEPS("D", "T:undionly.kpxe"), BOOTLOG_RENEW_FAILED, BOOTLOG_STAGE_IPXE_DHCP},
        {STEPS("D", "T:undionly.kpxe", "d"), BOOTLOG_RENEW_FAILED, BOOTLOG_STAGE_IPXE_DHCP},
        /* iPXE's lease 12 s after the boot file: through, but slow. */
        {STEPS("D", "T:undionly.kpxe", "+11", "D", "H200:/boot.ipxe", "H200:/linux",
               "H200:/initrd.gz", "D"),
         BOOTLOG_SLOW_RENEW, BOOTLOG_STAGE_NONE},
        {STEPS("D", "T:undionly.kpxe", "D", "H404:/boot.ipxe"), BOOTLOG_HTTP_FAILED,
         BOOTLOG_STAGE_SCRIPT},
        {STEPS("D", "T:undionly.kpxe", "D"), BOOTLOG_HTTP_FAILED, BOOTLOG_STAGE_SCRIPT},
        /* The script and nothing after it: a script may boot from elsewhere
         * (sanboot, exit to disk), so no stage is said to have failed. */
        {STEPS("D", "T:undionly.kpxe", "D", "H200:/boot.ipxe"), BOOTLOG_SCRIPT_LAST,
         BOOTLOG_STAGE_NONE},
        {STEPS("D", "T:undionly.kpxe", "D", "H200:/boot.ipxe", "H200:/linux", "H200:/initrd.gz"),
         BOOTLOG_INSTALLER_DHCP_FAILED, BOOTLOG_STAGE_INSTALLER_DHCP},
        {STEPS("D", "T:undionly.kpxe", "D", "H200:/boot.ipxe", "H200:/linux", "H200:/initrd.gz",
               "d"),
         BOOTLOG_INSTALLER_DHCP_FAILED, BOOTLOG_STAGE_INSTALLER_DHCP},
        {STEPS("D", "T:undionly.kpxe", "D", "H200:/boot.ipxe", "H200:/linux", "H200:/initrd.gz",
               "D", "H404:/preseed.cfg"),
         BOOTLOG_PRESEED_FAILED, BOOTLOG_STAGE_PRESEED},
        /* pxelinux: no DHCP after the boot file; its config, kernel and
         * initrd over TFTP; then the installer. */
        {STEPS("D", "T:pxelinux.0", "T:ldlinux.c32", "T:pxelinux.cfg/default", "T:vmlinuz",
               "T:initrd.gz", "D"),
         BOOTLOG_COMPLETE, BOOTLOG_STAGE_NONE},
        /* A failed install, then the machine booted again and made it: the
         * last boot counts. */
        {STEPS("D", "T:undionly.kpxe", "D", "H200:/boot.ipxe", "H200:/linux", "H200:/initrd.gz",
               "D", "H404:/preseed.cfg", "+100", "D", "T:undionly.kpxe", "D", "H200:/boot.ipxe",
               "H200:/linux", "H200:/initrd.gz", "D", "H200:/preseed.cfg"),
         BOOTLOG_COMPLETE, BOOTLOG_STAGE_NONE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        enum bootlog_verdict v = judge(f, cases[i].steps, true);
        if (v != cases[i].verdict)
            fail_msg("case %zu: %s, expected %s", i, bootlog_verdict_name(v),
                     bootlog_verdict_name(cases[i].verdict));
        if (f->c.boots[f->c.n_boots - 1].failed_stage != cases[i].failed)
            fail_msg("case %zu: failed at %s, expected %s", i,
                     bootlog_stage_name(f->c.boots[f->c.n_boots - 1].failed_stage),
                     bootlog_stage_name(cases[i].failed));
        if (i == sizeof cases / sizeof cases[0] - 1)
            assert_int_equal(f->c.n_boots, 2);
        bootlog_client_free(&f->c);
    }
    /* Without the HTTP log, the iPXE lease is as far as one can see. */
    assert_int_equal(judge(f, STEPS("D", "T:undionly.kpxe", "D"), false), BOOTLOG_NEEDS_HTTP_LOG);
    bootlog_client_free(&f->c);
    free(f);
}

static void read_file(struct bootlog_timeline *t, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/bootlog/%s", PR_TEST_DATA, name);
    struct dhcplog_splitter sp;
    struct pr_error err = {0};
    assert_int_equal(bootlog_timeline_begin_file(t), 0);
    assert_int_equal(dhcplog_splitter_init(&sp, DHCPLOG_LINE_MAX, bootlog_timeline_line,
                                           bootlog_timeline_overlong, t, &err),
                     0);
    struct dhcplog_input_options in = {0};
    assert_int_equal(dhcplog_input_read(path, &sp, &in, &err), 0);
    dhcplog_splitter_free(&sp);
}

static const struct bootlog_client *client_of(const struct bootlog_timeline *t, const char *mac)
{
    uint64_t m;
    assert_true(dhcplog_mac_parse(mac, &m));
    for (size_t i = 0; i < t->n_clients; i++) {
        if (t->clients[i].mac == m)
            return &t->clients[i];
    }
    fail_msg("%s not in the timeline", mac);
    return NULL;
}

/* The recordings of tests/data/bootlog (their README says which client
 * did what); each verdict below follows from the lines named beside it. */
static void recorded_servers(void **state)
{
    (void)state;
    struct bootlog_timeline *t = malloc(sizeof *t);
    assert_non_null(t);
    bootlog_timeline_init(t, (T0 + 86400) * DHCPLOG_US_PER_S);
    read_file(t, "dnsmasq.log");
    read_file(t, "tftpd.log");
    read_file(t, "access.log");
    struct pr_error err = {0};
    assert_int_equal(bootlog_timeline_build(t, &err), 0);
    /* 108 + 2 + 15 lines; every access line is a GET; the two TFTP
     * servers wrote 6 lines between them that name a file (5 of dnsmasq's
     * "sent"/"not found", 1 RRQ), plus dnsmasq's "TFTP root is" banner. */
    assert_int_equal(t->stats.lines, 125);
    assert_int_equal(t->stats.http_lines, 15);
    assert_int_equal(t->stats.malformed, 0);
    assert_int_equal(t->stats.unjoined, 0);
    assert_int_equal(t->n_clients, 7);
    static const struct {
        const char *mac;
        enum bootlog_verdict verdict;
    } expect[] = {
        /* ACK 10.78.0.62 00:32:55, sent undionly.kpxe 00:32:56, ACK 00:32:57,
         * GET boot.ipxe, linux, initrd.gz 200, ACK 00:33:01, GET /preseed.cfg 200. */
        {"16:a3:a9:44:3e:a0", BOOTLOG_COMPLETE},
        /* ACK 10.78.0.75 and no TFTP line naming 10.78.0.75 after it. */
        {"62:4c:aa:11:f0:a2", BOOTLOG_TFTP_TIMEOUT},
        /* ACK 10.78.0.84, sent undionly.kpxe to 10.78.0.84, no line of this MAC after. */
        {"36:f3:73:a1:9c:59", BOOTLOG_RENEW_FAILED},
        /* The whole install, then "GET /preseed-missing.cfg" 404 from 10.78.0.95. */
        {"8a:9a:93:4c:fc:d6", BOOTLOG_PRESEED_FAILED},
        /* tftpd-hpa's RRQ from 10.78.0.99, ACK, the three GETs, nothing after. */
        {"2e:3c:8a:36:48:2b", BOOTLOG_INSTALLER_DHCP_FAILED},
        /* "file .../pxelinux.0 not found" for 10.78.0.89. */
        {"0a:4f:94:e8:2d:87", BOOTLOG_TFTP_NOT_FOUND},
        /* sent undionly.kpxe to 10.78.0.90, then its next DISCOVER only 14 s later. */
        {"6e:75:6f:1f:0e:61", BOOTLOG_SLOW_RENEW},
    };
    for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++) {
        const struct bootlog_client *c = client_of(t, expect[i].mac);
        if (bootlog_client_verdict(c) != expect[i].verdict)
            fail_msg("%s: %s, expected %s", expect[i].mac,
                     bootlog_verdict_name(bootlog_client_verdict(c)),
                     bootlog_verdict_name(expect[i].verdict));
    }
    const struct bootlog_boot *slow = &client_of(t, "6e:75:6f:1f:0e:61")->boots[0];
    assert_true(slow->renew_us == 14 * DHCPLOG_US_PER_S);
    bootlog_timeline_free(t);
    free(t);
}

/* The console text of a firmware with no lease names both firmware kinds:
 * a PXE ROM's PXE-E51 and what EDK2's PXE printed in a real UEFI boot with
 * no answer (tests/data/pxe-uefi/stp-fd15/console.log, its line 3:
 * "  PXE-E18: Server response timeout."). */
static void no_lease_console(void **state)
{
    (void)state;
    const char *console = bootlog_verdict_console(BOOTLOG_NO_LEASE);
    assert_non_null(console);
    assert_non_null(strstr(console, "PXE-E51: No DHCP or proxy DHCP offers were received"));
    assert_non_null(strstr(console, "PXE-E18: Server response timeout."));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tftpd_hpa_rrq),    cmocka_unit_test(dnsmasq_tftp),
        cmocka_unit_test(access_log),       cmocka_unit_test(file_stages),
        cmocka_unit_test(stage_machine),    cmocka_unit_test(recorded_servers),
        cmocka_unit_test(no_lease_console),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
