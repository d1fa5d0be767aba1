/* SPDX-License-Identifier: BSD-3-Clause */
/* Ethernet addresses as the dhcp-log reader keeps them: the six octets
 * packed into the low 48 bits of a uint64_t (first octet highest). */
#ifndef PR_DHCPLOG_MAC_H
#define PR_DHCPLOG_MAC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DHCPLOG_MAC_TEXT 18 /* "aa:bb:cc:dd:ee:ff" and its NUL */

/* Parses a whole user-given address in any spelling pr_mac_parse()
 * (util/mac.h) takes. */
bool dhcplog_mac_parse(const char *text, uint64_t *out);

/* Parses dhcpd's form (six groups of one or two hex digits joined by ':')
 * at the start of text[0..len); returns characters consumed or 0. */
size_t dhcplog_mac_scan(const char *text, size_t len, uint64_t *out);

/* Writes "aa:bb:cc:dd:ee:ff" into buf (DHCPLOG_MAC_TEXT bytes). */
void dhcplog_mac_format(uint64_t mac, char buf[DHCPLOG_MAC_TEXT]);

#endif
