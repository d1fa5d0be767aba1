/* SPDX-License-Identifier: BSD-3-Clause */
#include "dhcplog/dhcplog_mac.h"

#include <stdio.h>
#include <string.h>

#include "util/mac.h"

/* Six groups of one or two hex digits separated by sep. */
static size_t scan_groups(const char *text, size_t len, char sep, uint64_t *out)
{
    uint64_t mac = 0;
    size_t pos = 0;
    for (int group = 0; group < 6; group++) {
        if (group > 0) {
            if (pos >= len || text[pos] != sep)
                return 0;
            pos++;
        }
        if (pos >= len || pr_mac_hex_digit(text[pos]) < 0)
            return 0;
        int v = pr_mac_hex_digit(text[pos++]);
        if (pos < len && pr_mac_hex_digit(text[pos]) >= 0)
            v = v * 16 + pr_mac_hex_digit(text[pos++]);
        mac = mac << 8 | (uint64_t)v;
    }
    *out = mac;
    return pos;
}

size_t dhcplog_mac_scan(const char *text, size_t len, uint64_t *out)
{
    size_t n = scan_groups(text, len, ':', out);
    /* A seventh hex digit or group means this is not a 6-octet address. */
    if (n == 0 || (n < len && (pr_mac_hex_digit(text[n]) >= 0 || text[n] == ':')))
        return 0;
    return n;
}

bool dhcplog_mac_parse(const char *text, uint64_t *out)
{
    return pr_mac_parse(text, out);
}

void dhcplog_mac_format(uint64_t mac, char buf[DHCPLOG_MAC_TEXT])
{
    pr_mac_format(mac, buf);
}
