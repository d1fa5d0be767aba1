/* SPDX-License-Identifier: BSD-3-Clause */
/* Runs the surveys of many switches concurrently and hands the results
 * back in inventory order as soon as each one and all before it are done,
 * so output streams and memory stays bounded by the switches in flight.
 *
 * Ownership: the runner owns each struct pr_switch until it is passed to
 * the callback; the callback may read it but not keep it (it is freed right
 * after). */
#ifndef PR_AUDIT_RUN_H
#define PR_AUDIT_RUN_H

#include <signal.h>
#include <stddef.h>

#include "core/survey.h"

/* Called on the calling thread, in order, once per switch. */
typedef void (*audit_result_fn)(void *user, size_t index, const struct pr_switch *sw);

/* Called on the calling thread whenever a switch finishes (any order),
 * with the counts so far; may be NULL. */
typedef void (*audit_progress_fn)(void *user, size_t done, size_t total, size_t failed);

/* Surveys specs[0..n) with at most jobs at once (jobs >= 1; at most one
 * per CPU when no spec names a live host, as recordings only need CPU), and
 * at most 2 * jobs taken and not yet handed to on_result. Returns 0, or
 * -1 when the threads could not be started (err says why).
 *
 * stop may be NULL; once *stop is non-zero (a signal handler sets it), no
 * further switch is surveyed: the switches in flight finish, and every one
 * not started yet is still handed to on_result, in order, with the error
 * PR_ERR_INTERRUPTED "interrupted before it was read". */
int audit_run(const struct survey_spec *specs, size_t n, unsigned jobs,
              const volatile sig_atomic_t *stop, audit_result_fn on_result,
              audit_progress_fn on_progress, void *user, struct pr_error *err);

#endif
