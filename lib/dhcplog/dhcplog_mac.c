/* SPDX-License-Identifier: BSD-3-Clause */
#include "dhcplog/dhcplog_mac.h"

#include <stdio.h>
#include <string.h>

#include "util/mac.h"

size_t dhcplog_mac_scan(const char *text, size_t len, uint64_t *out)
{
    size_t n = pr_mac_scan_groups(text, len, ':', out);
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
