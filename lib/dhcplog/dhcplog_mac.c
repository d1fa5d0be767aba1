/* SPDX-License-Identifier: BSD-3-Clause */
#include "dhcplog/dhcplog_mac.h"

#include <stdio.h>
#include <string.h>

#include "util/mac.h"

/* Hex digit values + 1 (0: not a hex digit), for the common form below. */
static const uint8_t hex1[256] = {
    ['0'] = 1,  ['1'] = 2,  ['2'] = 3,  ['3'] = 4,  ['4'] = 5,  ['5'] = 6,  ['6'] = 7,  ['7'] = 8,
    ['8'] = 9,  ['9'] = 10, ['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
    ['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

/* "xx:xx:xx:xx:xx:xx", as every server writes it: 17 bytes, or 0. */
static size_t scan_common(const char *text, size_t len, uint64_t *out)
{
    if (len < 17)
        return 0;
    const unsigned char *p = (const unsigned char *)text;
    uint64_t mac = 0;
    for (int i = 0; i < 6; i++, p += 3) {
        unsigned hi = hex1[p[0]], lo = hex1[p[1]];
        if (hi == 0 || lo == 0 || (i < 5 && p[2] != ':'))
            return 0;
        mac = mac << 8 | (uint64_t)((hi - 1) << 4 | (lo - 1));
    }
    *out = mac;
    return 17;
}

size_t dhcplog_mac_scan(const char *text, size_t len, uint64_t *out)
{
    size_t n = scan_common(text, len, out);
    if (n == 0)
        n = pr_mac_scan_groups(text, len, ':', out);
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
