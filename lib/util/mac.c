/* SPDX-License-Identifier: BSD-3-Clause */
#include "util/mac.h"

#include <stdio.h>
#include <string.h>

int pr_mac_hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

size_t pr_mac_scan_groups(const char *text, size_t len, char sep, uint64_t *out)
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

/* Six groups separated by sep, the whole text. */
static bool parse_groups(const char *text, size_t len, char sep, uint64_t *out)
{
    return len > 0 && pr_mac_scan_groups(text, len, sep, out) == len;
}

/* Twelve hex digits, with a dot after every four when dotted. */
static bool parse_digits(const char *text, size_t len, bool dotted, uint64_t *out)
{
    uint64_t mac = 0;
    for (size_t i = 0; i < len; i++) {
        if (dotted && (i == 4 || i == 9)) {
            if (text[i] != '.')
                return false;
            continue;
        }
        int v = pr_mac_hex_digit(text[i]);
        if (v < 0)
            return false;
        mac = mac << 4 | (uint64_t)v;
    }
    *out = mac;
    return true;
}

bool pr_mac_parse(const char *text, uint64_t *out)
{
    size_t len = strlen(text);
    if (len == 14 && text[4] == '.')
        return parse_digits(text, len, true, out);
    if (len == 12)
        return parse_digits(text, len, false, out);
    if (len > 0 && parse_groups(text, len, ':', out))
        return true;
    return len == 17 && parse_groups(text, len, '-', out);
}

void pr_mac_format(uint64_t mac, char buf[PR_MAC_TEXT])
{
    snprintf(buf, PR_MAC_TEXT, "%02x:%02x:%02x:%02x:%02x:%02x", (unsigned)(mac >> 40) & 0xff,
             (unsigned)(mac >> 32) & 0xff, (unsigned)(mac >> 24) & 0xff,
             (unsigned)(mac >> 16) & 0xff, (unsigned)(mac >> 8) & 0xff, (unsigned)mac & 0xff);
}

void pr_mac_octets(uint64_t mac, uint8_t octets[6])
{
    for (int i = 0; i < 6; i++)
        octets[i] = (uint8_t)(mac >> (8 * (5 - i)));
}
