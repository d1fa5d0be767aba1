/* SPDX-License-Identifier: BSD-3-Clause */
/* The messages of the DHCP servers besides ISC dhcpd, once the line's
 * framing (syslog, journald, the server's own file) is taken off. Private
 * to lib/dhcplog; dhcplog_line.c dispatches on the program's name.
 *
 * dnsmasq (its DHCP log, tag dnsmasq-dhcp; with --log-dhcp each message
 * starts with the transaction's number):
 *   DHCPDISCOVER(IF) [IP ]MAC[ reason]     DHCPOFFER(IF) IP MAC
 *   DHCPREQUEST(IF) IP MAC                 DHCPACK(IF) IP MAC[ HOST]
 *   DHCPNAK(IF) IP MAC reason              DHCPDECLINE / DHCPRELEASE(IF) IP MAC
 * Kea (kea-dhcp4; "SEVERITY [logger/PID.TID] CODE text"):
 *   DHCP4_PACKET_RECEIVED [hwtype=1 MAC], ...: DHCPDISCOVER (type 1) received
 *       from A to B on interface IF       (debug level 15 of kea-dhcp4.packets)
 *   DHCP4_LEASE_ADVERT [hwtype=1 MAC], ...: lease IP will be advertised
 *   DHCP4_LEASE_ALLOC [hwtype=1 MAC], ...: lease IP has been allocated for N seconds
 *   DHCP4_PACKET_SEND [hwtype=1 MAC], ...: trying to send packet DHCPNAK (type 6) ...
 *   ALLOC_ENGINE_V4_ALLOC_FAIL [hwtype=1 MAC], ...: failed to allocate ...
 *                                          why the DISCOVER got no OFFER
 *   DHCP4_STARTING                         the start banner
 * An OFFER or ACK is counted once, from the lease line, not again from the
 * PACKET_SEND that follows it. */
#ifndef PR_DHCPLOG_SERVERS_H
#define PR_DHCPLOG_SERVERS_H

#include "dhcplog/dhcplog_cursor.h"
#include "dhcplog/dhcplog_line.h"

enum dhcplog_kind dhcplog_dnsmasq_message(struct cursor *c, struct dhcplog_line *out);

/* From the severity on; fills out->pid from "[logger/PID.TID]" when it is
 * still unknown. */
enum dhcplog_kind dhcplog_kea_message(struct cursor *c, struct dhcplog_line *out);

#endif
