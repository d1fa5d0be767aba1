/* SPDX-License-Identifier: BSD-3-Clause */
/* The lock of `portready time`: one run at a time per link.
 *
 * The key names the link within the network namespace: "iface/IFINDEX"
 * (an interface by any of its names, altnames included, is one key), or
 * "switch/HOST/PORT". Two parts, both released by the kernel when the last
 * holder exits (the guardian, a fork, holds them too), so nothing stale
 * remains:
 *
 * - an abstract unix socket named after the key, scoped to the network
 *   namespace. Anyone can bind a name there, so a holder only counts when
 *   its credentials (SO_PEERCRED) say it could take a link down: root, or a
 *   process with CAP_NET_ADMIN. Anyone else squats the name.
 * - when running as root, an open-file-description lock on a file in
 *   /run/portready, a directory only root can create or write. Its holder is
 *   always genuine, so a squatted socket name no longer stops root. */
#ifndef PR_TIMER_LOCK_H
#define PR_TIMER_LOCK_H

#include <stdbool.h>
#include <sys/types.h>

#include "util/error.h"

struct timer_lock {
    int sock; /* -1: not held */
    int file; /* -1: not held */
};
#define TIMER_LOCK_NONE                                                                            \
    {                                                                                              \
        .sock = -1, .file = -1                                                                     \
    }

/* Takes the lock of key; what names the link in messages ("iface/eth0").
 * On conflict the error names the holder's pid (and a squatter's uid). */
int timer_lock_acquire(struct timer_lock *lock, const char *key, const char *what,
                       struct pr_error *err);
/* Accepts a lock never taken. */
void timer_lock_release(struct timer_lock *lock);

/* Pure: does a /proc/PID/status text show CAP_NET_ADMIN in CapEff? */
bool timer_lock_status_has_net_admin(const char *status);

#endif
