/* SPDX-License-Identifier: BSD-3-Clause */
#include "dhcplog/dhcplog_mac.h"

#include <stdio.h>
#include <string.h>

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

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
        if (pos >= len || hex_value(text[pos]) < 0)
            return 0;
        int v = hex_value(text[pos++]);
        if (pos < len && hex_value(text[pos]) >= 0)
            v = v * 16 + hex_value(text[pos++]);
        mac = mac << 8 | (uint64_t)v;
    }
    *out = mac;
    return pos;
}

size_t dhcplog_mac_scan(const char *text, size_t len, uint64_t *out)
{
    size_t n = scan_groups(text, len, ':', out);
    /* A seventh hex digit or group means this is not a 6-octet address. */
    if (n == 0 || (n < len && (hex_value(text[n]) >= 0 || text[n] == ':')))
        return 0;
    return n;
}

bool dhcplog_mac_parse(const char *text, uint64_t *out)
{
    size_t len = strlen(text);
    if (len == 14 && text[4] == '.' && text[9] == '.') {
        uint64_t mac = 0;
        for (size_t i = 0; i < len; i++) {
            if (i == 4 || i == 9)
                continue;
            int v = hex_value(text[i]);
            if (v < 0)
                return false;
            mac = mac << 4 | (uint64_t)v;
        }
        *out = mac;
        return true;
    }
    if (len > 0 && scan_groups(text, len, ':', out) == len)
        return true;
    return len == 17 && scan_groups(text, len, '-', out) == len;
}

void dhcplog_mac_format(uint64_t mac, char buf[DHCPLOG_MAC_TEXT])
{
    snprintf(buf, DHCPLOG_MAC_TEXT, "%02x:%02x:%02x:%02x:%02x:%02x", (unsigned)(mac >> 40) & 0xff,
             (unsigned)(mac >> 32) & 0xff, (unsigned)(mac >> 24) & 0xff,
             (unsigned)(mac >> 16) & 0xff, (unsigned)(mac >> 8) & 0xff, (unsigned)mac & 0xff);
}
