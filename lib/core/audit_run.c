/* SPDX-License-Identifier: BSD-3-Clause */
#include "core/audit_run.h"

#include <malloc.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
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
    void *ahead;  /* what ahead->ready() returned; NULL: none */
    bool reading; /* a worker is surveying it */
    bool done;
};

/* Why no further switch is read. */
enum audit_cut {
    AUDIT_GOING = 0,
    AUDIT_STOPPED,   /* the stop flag: the switches in flight finish */
    AUDIT_ABANDONED, /* the abandon flag: they are not waited for */
    AUDIT_EXPIRED,   /* the deadline: likewise */
};

/* Shared by the runner and its workers. When the runner abandons the run,
 * workers still surveying keep using it: the last of them (or the runner,
 * when none is left) frees it. */
struct audit_state {
    const struct survey_spec *specs;
    size_t n;
    const volatile sig_atomic_t *stop;
    const volatile sig_atomic_t *abandon;
    int64_t deadline_ns;
    const struct audit_ahead_ops *ahead; /* NULL: none */
    void *user;                          /* for ahead's callbacks */
    struct audit_slot *slots;
    size_t next_to_take;
    size_t next_to_print;
    size_t window; /* at most this many taken and not yet printed */
    size_t finished;
    size_t failed;
    bool abandoned; /* the runner waits for no one any more */
    unsigned refs;  /* the runner and each thread still running */
    pthread_mutex_t lock;
    pthread_cond_t changed; /* a switch finished (the printer waits) */
    pthread_cond_t room;    /* a switch was printed (workers wait) */
};

int64_t audit_monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Reads the flags and the clock; no lock needed. */
static enum audit_cut audit_cut_now(const struct audit_state *st)
{
    if (st->abandon != NULL && *st->abandon)
        return AUDIT_ABANDONED;
    if (st->deadline_ns > 0 && audit_monotonic_ns() >= st->deadline_ns)
        return AUDIT_EXPIRED;
    if (st->stop != NULL && *st->stop)
        return AUDIT_STOPPED;
    return AUDIT_GOING;
}

/* A switch the run was cut short before (or while) reading it: named,
 * with its error; the ports it lists are unchecked. */
static void audit_interrupted(const struct survey_spec *spec, struct pr_switch *sw,
                              enum audit_cut cut, bool in_flight)
{
    pr_switch_init(sw, spec->name,
                   spec->host ? spec->host
                              : (spec->walk_path ? spec->walk_path : spec->config_path));
    sw->unchecked = (unsigned)spec->n_ports;
    const char *when = in_flight ? "while it was being read" : "before it was read";
    if (cut == AUDIT_EXPIRED)
        pr_error_set(&sw->error, PR_ERR_INTERRUPTED, "the total timeout expired %s", when);
    else
        pr_error_set(&sw->error, PR_ERR_INTERRUPTED, "interrupted %s", when);
}

static void audit_state_free(struct audit_state *st)
{
    pthread_cond_destroy(&st->room);
    pthread_cond_destroy(&st->changed);
    pthread_mutex_destroy(&st->lock);
    free(st->slots);
    free(st);
}

/* Drops one reference; the last frees the state. */
static void audit_state_release(struct audit_state *st)
{
    pthread_mutex_lock(&st->lock);
    bool last = --st->refs == 0;
    pthread_mutex_unlock(&st->lock);
    if (last)
        audit_state_free(st);
}

static void audit_work(struct audit_state *st)
{
    for (;;) {
        pthread_mutex_lock(&st->lock);
        while (!st->abandoned && st->next_to_take < st->n &&
               st->next_to_take - st->next_to_print >= st->window)
            pthread_cond_wait(&st->room, &st->lock);
        size_t i = st->abandoned ? st->n : st->next_to_take;
        enum audit_cut cut = AUDIT_GOING;
        if (i < st->n) {
            st->next_to_take++;
            cut = audit_cut_now(st);
            st->slots[i].reading = cut == AUDIT_GOING;
        }
        pthread_mutex_unlock(&st->lock);
        if (i >= st->n)
            return;

        struct pr_error err = {0};
        struct pr_switch sw;
        int rc = -1;
        if (cut != AUDIT_GOING)
            audit_interrupted(&st->specs[i], &sw, cut, false);
        else
            rc = survey_switch(&st->specs[i], &sw, &err);
        void *ahead = NULL;
        if (cut == AUDIT_GOING && st->ahead != NULL)
            ahead = st->ahead->ready(st->user, i, &sw);

        pthread_mutex_lock(&st->lock);
        if (st->abandoned) {
            /* Nobody waits for it any more. */
            pthread_mutex_unlock(&st->lock);
            if (ahead != NULL)
                st->ahead->discard(st->user, ahead);
            pr_switch_free(&sw);
            return;
        }
        st->slots[i].sw = sw;
        st->slots[i].ahead = ahead;
        st->slots[i].done = true;
        st->finished++;
        if (rc != 0)
            st->failed++;
        pthread_cond_broadcast(&st->changed);
        pthread_mutex_unlock(&st->lock);
    }
}

static void *audit_worker(void *arg)
{
    struct audit_state *st = arg;
    audit_work(st);
    audit_state_release(st);
    return NULL;
}

/* Surveys that read only recordings or saved configurations are bound by
 * the CPU: more of them at once than there are CPUs gains no time and costs
 * memory (each holds its whole parsed recording, about 1.5 MB for a 48-port
 * switch), so such inventories run at most one survey per CPU. A switch
 * read over the network (SNMP, NETCONF or SSH) waits on it instead. */
static unsigned jobs_for(const struct survey_spec *specs, size_t n, unsigned jobs)
{
    for (size_t i = 0; i < n; i++) {
        if (specs[i].host != NULL || specs[i].netconf != NULL || specs[i].ssh != NULL)
            return jobs;
    }
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    if (cpus >= 1 && (unsigned long)cpus < jobs)
        return (unsigned)cpus;
    return jobs;
}

/* Workers mostly wait on the network, so an audit runs many more threads
 * than there are CPUs; glibc would give each thread a malloc arena of its
 * own (up to 8 per CPU), each keeping the memory its switches freed. One
 * arena per CPU is as fast here and keeps the peak RSS down (200 switches,
 * 32 jobs, 2 CPUs: 33.7 MB -> 26.1 MB). MALLOC_ARENA_MAX, when set, is
 * left to rule. */
static void audit_limit_arenas(unsigned jobs)
{
#ifdef M_ARENA_MAX
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    if (getenv("MALLOC_ARENA_MAX") == NULL && cpus >= 1 && (unsigned long)cpus < jobs)
        mallopt(M_ARENA_MAX, (int)cpus);
#else
    (void)jobs;
#endif
}

/* Waits (lock held) until a switch finishes or the run is cut short;
 * true when it is. Polls the flags every 50 ms, as a signal handler cannot
 * signal a condition variable. */
static bool audit_wait(struct audit_state *st, bool polled)
{
    if (!polled) {
        pthread_cond_wait(&st->changed, &st->lock);
        return false;
    }
    enum audit_cut cut = audit_cut_now(st);
    if (cut == AUDIT_ABANDONED || cut == AUDIT_EXPIRED)
        return true;
    int64_t until = audit_monotonic_ns() + 50 * 1000000LL;
    if (st->deadline_ns > 0 && st->deadline_ns < until)
        until = st->deadline_ns;
    struct timespec ts = {.tv_sec = until / 1000000000, .tv_nsec = until % 1000000000};
    pthread_cond_timedwait(&st->changed, &st->lock, &ts);
    return false;
}

/* Hands switch i to its callback and frees it. */
static void audit_hand_over(struct audit_state *st, size_t i, audit_result_fn on_result, void *user)
{
    struct audit_slot *slot = &st->slots[i];
    if (slot->done && slot->ahead != NULL)
        st->ahead->result(user, i, &slot->sw, slot->ahead);
    else
        on_result(user, i, &slot->sw);
    slot->ahead = NULL;
    pr_switch_free(&slot->sw);
}

/* Cuts the run short (lock held on entry, released on return): every
 * switch not handed over yet goes to on_result, read or not. Returns the
 * number of surveys left running. */
static size_t audit_abandon(struct audit_state *st, audit_result_fn on_result, void *user)
{
    enum audit_cut cut = audit_cut_now(st);
    if (cut != AUDIT_EXPIRED)
        cut = AUDIT_ABANDONED;
    st->abandoned = true;
    pthread_cond_broadcast(&st->room);
    size_t from = st->next_to_print, running = 0;
    for (size_t i = from; i < st->n; i++)
        running += st->slots[i].reading && !st->slots[i].done;
    pthread_mutex_unlock(&st->lock);
    /* No worker writes a slot once abandoned is set. */
    for (size_t i = from; i < st->n; i++) {
        struct pr_switch *sw = &st->slots[i].sw;
        if (!st->slots[i].done)
            audit_interrupted(&st->specs[i], sw, cut, st->slots[i].reading);
        audit_hand_over(st, i, on_result, user);
    }
    return running;
}

int audit_run(const struct survey_spec *specs, size_t n, unsigned jobs,
              const volatile sig_atomic_t *stop, audit_result_fn on_result,
              audit_progress_fn on_progress, void *user, struct pr_error *err)
{
    struct audit_limits limits = {.stop = stop};
    return audit_run_limited(specs, n, jobs, &limits, on_result, on_progress, user, err);
}

int audit_run_limited(const struct survey_spec *specs, size_t n, unsigned jobs,
                      struct audit_limits *limits, audit_result_fn on_result,
                      audit_progress_fn on_progress, void *user, struct pr_error *err)
{
    if (limits != NULL)
        limits->abandoned = 0;
    if (n == 0)
        return 0;
    if (jobs == 0)
        jobs = 1;
    jobs = jobs_for(specs, n, jobs);
    if (jobs > n)
        jobs = (unsigned)n;
    struct audit_state *st = calloc(1, sizeof *st);
    pthread_t *threads = calloc(jobs, sizeof *threads);
    if (st != NULL)
        st->slots = calloc(n, sizeof *st->slots);
    if (st == NULL || st->slots == NULL || threads == NULL) {
        if (st != NULL)
            free(st->slots);
        free(st);
        free(threads);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory for %zu switches", n);
    }
    st->specs = specs;
    st->n = n;
    st->window = (size_t)jobs * AUDIT_WINDOW_PER_JOB;
    if (limits != NULL) {
        st->stop = limits->stop;
        st->abandon = limits->abandon;
        st->deadline_ns = limits->deadline_ns;
        st->ahead = limits->ahead;
    }
    st->user = user;
    bool polled = st->abandon != NULL || st->deadline_ns > 0;
    pthread_mutex_init(&st->lock, NULL);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&st->changed, &attr);
    pthread_condattr_destroy(&attr);
    pthread_cond_init(&st->room, NULL);

    audit_limit_arenas(jobs);
    st->refs = 1;
    unsigned started = 0;
    for (; started < jobs; started++) {
        pthread_mutex_lock(&st->lock);
        st->refs++;
        pthread_mutex_unlock(&st->lock);
        if (pthread_create(&threads[started], NULL, audit_worker, st) != 0) {
            pthread_mutex_lock(&st->lock);
            st->refs--;
            pthread_mutex_unlock(&st->lock);
            break;
        }
    }
    if (started == 0) {
        /* No thread at all: survey here, one by one, all before printing. */
        st->window = n;
        audit_work(st);
    }

    size_t reported_finished = 0, running = 0;
    bool cut = false;
    pthread_mutex_lock(&st->lock);
    while (st->next_to_print < n) {
        while (!st->slots[st->next_to_print].done && reported_finished == st->finished) {
            if ((cut = audit_wait(st, polled)))
                break;
        }
        if (cut)
            break;
        if (reported_finished != st->finished) {
            reported_finished = st->finished;
            size_t failed = st->failed;
            if (on_progress != NULL) {
                pthread_mutex_unlock(&st->lock);
                on_progress(user, reported_finished, n, failed);
                pthread_mutex_lock(&st->lock);
            }
        }
        while (st->next_to_print < n && st->slots[st->next_to_print].done) {
            pthread_mutex_unlock(&st->lock);
            audit_hand_over(st, st->next_to_print, on_result, user);
            pthread_mutex_lock(&st->lock);
            st->next_to_print++;
            pthread_cond_broadcast(&st->room);
        }
    }
    if (cut) {
        running = audit_abandon(st, on_result, user);
    } else {
        /* Switches that finished while the last ones were printed: the
         * final count still reaches the progress line. */
        size_t finished = st->finished, failed = st->failed;
        pthread_mutex_unlock(&st->lock);
        if (on_progress != NULL && finished != reported_finished)
            on_progress(user, finished, n, failed);
    }

    /* With no survey left running, every worker is about to return. */
    for (unsigned i = 0; i < started; i++) {
        if (running == 0)
            pthread_join(threads[i], NULL);
        else
            pthread_detach(threads[i]);
    }
    free(threads);
    if (limits != NULL)
        limits->abandoned = running;
    audit_state_release(st);
    return 0;
}
