/* SPDX-License-Identifier: BSD-3-Clause */
/* Fuzzes the dhcp-log reader: arbitrary bytes through the line splitter
 * (small line limit, so overlong lines are exercised too), the syslog line
 * parser and the per-MAC tracker, then every verdict is computed. The
 * first bytes also go through the --since and --mac parsers. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "dhcplog/dhcplog_mac.h"
#include "dhcplog/dhcplog_reader.h"
#include "dhcplog/dhcplog_track.h"
#include "dhcplog/dhcplog_verdict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int on_line(void *ctx, const char *line, size_t len)
{
    return dhcplog_tracker_line(ctx, line, len);
}

static void on_overlong(void *ctx)
{
    dhcplog_tracker_overlong(ctx);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char head[64];
    size_t n = size < sizeof head - 1 ? size : sizeof head - 1;
    memcpy(head, data, n);
    head[n] = '\0';
    char *nl = strchr(head, '\n');
    if (nl != NULL)
        *nl = '\0';
    int64_t since;
    uint64_t mac;
    dhcplog_since_parse(head, (int64_t)1717200000 * DHCPLOG_US_PER_S, &since, NULL);
    dhcplog_mac_parse(head, &mac);

    struct dhcplog_options options = {.now_us = (int64_t)1717200000 * DHCPLOG_US_PER_S};
    struct dhcplog_tracker *t = dhcplog_tracker_new(&options, NULL);
    if (t == NULL)
        return 0;
    struct dhcplog_splitter sp;
    if (dhcplog_splitter_init(&sp, 512, on_line, on_overlong, t, NULL) == 0) {
        dhcplog_splitter_feed(&sp, (const char *)data, size);
        dhcplog_splitter_flush(&sp);
        dhcplog_splitter_free(&sp);
    }
    for (size_t i = 0; i < dhcplog_tracker_count(t); i++) {
        struct dhcplog_result r;
        dhcplog_classify(dhcplog_tracker_get(t, i), &r);
        for (size_t e = 0; e < r.evidence_count; e++)
            (void)strlen(r.evidence[e]);
    }
    dhcplog_tracker_free(t);
    return 0;
}
