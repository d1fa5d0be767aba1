/* SPDX-License-Identifier: BSD-3-Clause */
/* Safety nets of `portready time`.
 *
 * The guardian: a child process, started before the first link goes down,
 * that leaves the terminal's process group (Ctrl-C does not reach it) and
 * waits on a socket pair. When portready ends normally it says so on it and
 * the guardian exits doing nothing; when it closes without that word
 * (portready interrupted, killed with SIGKILL, crashed) the guardian runs
 * the restore function: link up, addresses and routes back, or the switch
 * port enabled again.
 * The lock that keeps a second portready off the same link is timer_lock.h. */
#ifndef PR_TIMER_GUARD_H
#define PR_TIMER_GUARD_H

#include <stdbool.h>
#include <sys/types.h>

#include "util/error.h"

struct timer_guard {
    pid_t pid; /* 0: not running */
    int fd;    /* portready's end of the socket pair, -1: not running; it
                * turns readable (EOF) when the guardian dies */
};

/* Runs in the guardian; returns 0 when everything was put back. It must
 * not rely on anything but its own copy of memory (it is a fork). */
typedef int (*timer_restore_fn)(void *ctx);

int timer_guard_start(struct timer_guard *g, timer_restore_fn restore, void *ctx,
                      struct pr_error *err);
/* Normal end: tells the guardian to stand down and reaps it. Accepts a
 * guardian that never started. */
void timer_guard_release(struct timer_guard *g);

#endif
