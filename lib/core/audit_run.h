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

/* Called on the calling thread, in order, once per switch. It may adjust
 * the switch (apply thresholds to its ports) but not keep it. */
typedef void (*audit_result_fn)(void *user, size_t index, struct pr_switch *sw);

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

/* Work done on a worker thread as soon as a switch is read, so that what
 * waits for its turn is small (a judged switch's report written ahead
 * instead of its ports). ready() returns what result() gets at the
 * switch's turn, on the calling thread and in order, instead of on_result
 * (NULL: on_result gets the switch as usual); discard() frees it when the
 * run was abandoned before its turn. */
struct audit_ahead_ops {
    void *(*ready)(void *user, size_t index, struct pr_switch *sw);
    void (*result)(void *user, size_t index, struct pr_switch *sw, void *ahead);
    void (*discard)(void *user, void *ahead);
};

/* How a run may be cut short, beyond audit_run's stop flag. */
struct audit_limits {
    /* Once non-zero (a signal handler sets it): no further switch starts;
     * the ones in flight finish. NULL: never. */
    const volatile sig_atomic_t *stop;
    /* Once non-zero: no further switch starts and the ones in flight are
     * not waited for ("interrupted while it was being read"). NULL: never. */
    const volatile sig_atomic_t *abandon;
    /* CLOCK_MONOTONIC nanoseconds (audit_monotonic_ns); 0: none. When reached,
     * as abandon, worded as the total timeout ("the total timeout expired
     * before it was read", "... while it was being read"). */
    int64_t deadline_ns;
    /* Out: the surveys still running when audit_run_limited returned. */
    size_t abandoned;
    /* NULL: none. */
    const struct audit_ahead_ops *ahead;
};

/* audit_run under limits (NULL: none). Every switch is still handed to
 * on_result, in order, once: read, or with the error PR_ERR_INTERRUPTED
 * saying why it was not. When limits->abandoned is non-zero on return, the
 * surveys in flight go on in detached threads that read their specs: the
 * caller keeps specs and everything they point to until the process ends,
 * which it should do soon (a survey's own timeouts bound how long it runs). */
int audit_run_limited(const struct survey_spec *specs, size_t n, unsigned jobs,
                      struct audit_limits *limits, audit_result_fn on_result,
                      audit_progress_fn on_progress, void *user, struct pr_error *err);

/* CLOCK_MONOTONIC in nanoseconds, the clock of audit_limits.deadline_ns. */
int64_t audit_monotonic_ns(void);

#endif
