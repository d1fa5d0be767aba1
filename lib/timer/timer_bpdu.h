/* SPDX-License-Identifier: BSD-3-Clause */
/* The switch's spanning-tree BPDUs as the server hears them: the forward
 * delay they carry (and, in a rapid BPDU, the state of the port that sent
 * it) says when a blocked port will forward. The parser is pure; the
 * socket is an AF_PACKET one for 802.2 LLC frames on one interface, with
 * the bridge group address 01:80:c2:00:00:00 added to its filter.
 *
 * Ownership: timer_bpdu_socket() returns a descriptor the caller closes. */
#ifndef PR_TIMER_BPDU_H
#define PR_TIMER_BPDU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"

struct timer_bpdu {
    uint8_t version;          /* 0 STP, 2 RSTP, 3 MSTP */
    bool rapid;               /* an RST/MST BPDU (type 0x02): the flags below mean something */
    bool learning;            /* RST flags: the sending port learns */
    bool forwarding;          /* ... forwards */
    int64_t forward_delay_ns; /* the root's forward delay */
};

/* buf starts at the LLC header (a SOCK_DGRAM packet socket strips the
 * Ethernet one). True for a configuration or RST/MST BPDU with a forward
 * delay of 1 to 255 s; false for anything else (a TCN, a truncated frame,
 * another LLC protocol). */
bool timer_bpdu_parse(const uint8_t *buf, size_t len, struct timer_bpdu *out);

/* The socket, non-blocking; -1 with err when it cannot be opened. */
int timer_bpdu_socket(int ifindex, struct pr_error *err);
/* Reads one pending frame: 1 and *out for a BPDU, 0 for another frame, -1
 * when nothing is pending. */
int timer_bpdu_recv(int fd, struct timer_bpdu *out);

#endif
