/* SPDX-License-Identifier: BSD-3-Clause */
/* Ethernet (MAC) addresses: the six octets packed into the low 48 bits of
 * a uint64_t (first octet highest), parsed from the spellings operators
 * paste and written in one. Pure. */
#ifndef PR_UTIL_MAC_H
#define PR_UTIL_MAC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PR_MAC_TEXT 18 /* "aa:bb:cc:dd:ee:ff" and its NUL */

/* Parses a whole address in any common spelling, either case:
 * aa:bb:cc:dd:ee:ff (one or two digits an octet), aa-bb-cc-dd-ee-ff,
 * aabb.ccdd.eeff (dotted groups of four) or twelve bare hex digits
 * (aabbccddeeff). */
bool pr_mac_parse(const char *text, uint64_t *out);

/* Six groups of one or two hex digits separated by sep at the start of
 * text[0..len): the characters they take, or 0 (*out set when not 0). */
size_t pr_mac_scan_groups(const char *text, size_t len, char sep, uint64_t *out);

/* The value of one hex digit; -1 for another character. */
int pr_mac_hex_digit(char c);

/* Writes "aa:bb:cc:dd:ee:ff" into buf. */
void pr_mac_format(uint64_t mac, char buf[PR_MAC_TEXT]);

/* The six octets, first octet first. */
void pr_mac_octets(uint64_t mac, uint8_t octets[6]);

#endif
