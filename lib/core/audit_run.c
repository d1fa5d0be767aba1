/* SPDX-License-Identifier: BSD-3-Clause */
#include "core/audit_run.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Finished switches wait in memory until every one before them has been
 * handed to the callback. A worker takes a new switch only while fewer than
 * jobs * AUDIT_WINDOW_PER_JOB switches are taken and not yet handed over,
 * so one slow switch (an agent that times out) or a slow consumer cannot
 * make the others pile up: memory stays bounded by the window, whatever the
 * inventory's size. */
#define AUDIT_WINDOW_PER_JOB 2

struct audit_slot {
    struct pr_switch sw;
    bool done;
};

struct audit_state {
    const struct survey_spec *specs;
    size_t n;
    const volatile sig_atomic_t *stop;
    struct audit_slot *slots;
    size_t next_to_take;
    size_t next_to_print;
    size_t window; /* at most this many taken and not yet printed */
    size_t finished;
    size_t failed;
    pthread_mutex_t lock;
    pthread_cond_t changed; /* a switch finished (the printer waits) */
    pthread_cond_t room;    /* a switch was printed (workers wait) */
};

/* A switch the run was stopped before: named, with its error; the ports
 * it lists are unchecked. */
static int audit_interrupted(const struct survey_spec *spec, struct pr_switch *sw)
{
    pr_switch_init(sw, spec->name,
                   spec->host ? spec->host
                              : (spec->walk_path ? spec->walk_path : spec->config_path));
    sw->unchecked = (unsigned)spec->n_ports;
    return pr_error_set(&sw->error, PR_ERR_INTERRUPTED, "interrupted before it was read");
}

static void *audit_worker(void *arg)
{
    struct audit_state *st = arg;
    for (;;) {
        pthread_mutex_lock(&st->lock);
        while (st->next_to_take < st->n && st->next_to_take - st->next_to_print >= st->window)
            pthread_cond_wait(&st->room, &st->lock);
        size_t i = st->next_to_take;
        if (i < st->n)
            st->next_to_take++;
        pthread_mutex_unlock(&st->lock);
        if (i >= st->n)
            return NULL;

        struct pr_error err = {0};
        struct pr_switch sw;
        int rc = st->stop != NULL && *st->stop ? audit_interrupted(&st->specs[i], &sw)
                                               : survey_switch(&st->specs[i], &sw, &err);

        pthread_mutex_lock(&st->lock);
        st->slots[i].sw = sw;
        st->slots[i].done = true;
        st->finished++;
        if (rc != 0)
            st->failed++;
        pthread_cond_broadcast(&st->changed);
        pthread_mutex_unlock(&st->lock);
    }
}

/* Surveys that read only recordings or saved configurations are bound by
 * the CPU: more of them at once than there are CPUs gains no time and costs
 * memory (each holds its whole parsed recording, about 1.5 MB for a 48-port
 * switch), so such inventories run at most one survey per CPU. */
static unsigned jobs_for(const struct survey_spec *specs, size_t n, unsigned jobs)
{
    for (size_t i = 0; i < n; i++) {
        if (specs[i].host != NULL)
            return jobs;
    }
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    if (cpus >= 1 && (unsigned long)cpus < jobs)
        return (unsigned)cpus;
    return jobs;
}

int audit_run(const struct survey_spec *specs, size_t n, unsigned jobs,
              const volatile sig_atomic_t *stop, audit_result_fn on_result,
              audit_progress_fn on_progress, void *user, struct pr_error *err)
{
    if (n == 0)
        return 0;
    if (jobs == 0)
        jobs = 1;
    jobs = jobs_for(specs, n, jobs);
    if (jobs > n)
        jobs = (unsigned)n;
    struct audit_state st = {
        .specs = specs, .n = n, .stop = stop, .window = (size_t)jobs * AUDIT_WINDOW_PER_JOB};
    st.slots = calloc(n, sizeof *st.slots);
    pthread_t *threads = calloc(jobs, sizeof *threads);
    if (st.slots == NULL || threads == NULL) {
        free(st.slots);
        free(threads);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory for %zu switches", n);
    }
    pthread_mutex_init(&st.lock, NULL);
    pthread_cond_init(&st.changed, NULL);
    pthread_cond_init(&st.room, NULL);

    unsigned started = 0;
    for (; started < jobs; started++) {
        if (pthread_create(&threads[started], NULL, audit_worker, &st) != 0)
            break;
    }
    int rc = 0;
    if (started == 0) {
        /* No thread at all: survey here, one by one, all before printing. */
        st.window = n;
        audit_worker(&st);
    }

    size_t reported_finished = 0;
    pthread_mutex_lock(&st.lock);
    while (st.next_to_print < n) {
        while (!st.slots[st.next_to_print].done && reported_finished == st.finished)
            pthread_cond_wait(&st.changed, &st.lock);
        if (reported_finished != st.finished) {
            reported_finished = st.finished;
            size_t failed = st.failed;
            if (on_progress != NULL) {
                pthread_mutex_unlock(&st.lock);
                on_progress(user, reported_finished, n, failed);
                pthread_mutex_lock(&st.lock);
            }
        }
        while (st.next_to_print < n && st.slots[st.next_to_print].done) {
            struct pr_switch *sw = &st.slots[st.next_to_print].sw;
            pthread_mutex_unlock(&st.lock);
            on_result(user, st.next_to_print, sw);
            pr_switch_free(sw);
            pthread_mutex_lock(&st.lock);
            st.next_to_print++;
            pthread_cond_broadcast(&st.room);
        }
    }
    /* Switches that finished while the last ones were printed: the final
     * count still reaches the progress line. */
    size_t finished = st.finished, failed = st.failed;
    pthread_mutex_unlock(&st.lock);
    if (on_progress != NULL && finished != reported_finished)
        on_progress(user, finished, n, failed);

    for (unsigned i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    pthread_cond_destroy(&st.room);
    pthread_cond_destroy(&st.changed);
    pthread_mutex_destroy(&st.lock);
    free(threads);
    free(st.slots);
    return rc;
}
