/* SPDX-License-Identifier: BSD-3-Clause */
/* The audit runner: results come back in inventory order, and a slow switch
 * at the head of the inventory does not let the others pile up in memory
 * (at most jobs * 2 switches are taken and not yet handed over).
 *
 * The slow switch is a live SNMP source aimed at a UDP socket this test
 * binds and never answers (timeout 0.3 s, no retry); the others are a
 * small recording read with `walk`, which take a millisecond each. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pthread.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "core/audit_run.h"

#define N_SWITCHES 40

struct seen {
    size_t printed;     /* on_result calls so far */
    size_t max_ahead;   /* largest finished - printed seen by on_progress */
    size_t last_done;   /* the last progress count */
    bool in_order;      /* every index arrived as printed */
    int head_error;     /* error code of switch 0 */
    size_t head_errors; /* other switches that failed */
};

static void on_result(void *user, size_t index, struct pr_switch *sw)
{
    struct seen *s = user;
    if (index != s->printed)
        s->in_order = false;
    if (index == 0)
        s->head_error = sw->error.code;
    else if (sw->error.code != PR_OK)
        s->head_errors++;
    s->printed++;
}

static void on_progress(void *user, size_t done, size_t total, size_t failed)
{
    (void)total;
    (void)failed;
    struct seen *s = user;
    size_t ahead = done > s->printed ? done - s->printed : 0;
    if (ahead > s->max_ahead)
        s->max_ahead = ahead;
    s->last_done = done;
}

/* A recording of one switch with one Ethernet port, up. */
static void write_recording(const char *path)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("1.3.6.1.2.1.1.1.0|4|test switch\n"
          "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.99999.1\n"
          "1.3.6.1.2.1.2.2.1.2.1|4|Ethernet1\n"
          "1.3.6.1.2.1.2.2.1.3.1|2|6\n"
          "1.3.6.1.2.1.2.2.1.7.1|2|1\n"
          "1.3.6.1.2.1.2.2.1.8.1|2|1\n",
          f);
    assert_int_equal(fclose(f), 0);
}

/* A bound UDP socket that never answers; its port in *port. */
static int silent_socket(unsigned *port)
{
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    assert_true(fd >= 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    socklen_t len = sizeof a;
    assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    *port = ntohs(a.sin_port);
    return fd;
}

static void run(unsigned jobs, size_t n, struct seen *seen)
{
    char dir[] = "/tmp/pr-audit-run.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char walk[64];
    snprintf(walk, sizeof walk, "%s/sw.snmprec", dir);
    write_recording(walk);
    unsigned port;
    int fd = silent_socket(&port);
    char host[32];
    snprintf(host, sizeof host, "127.0.0.1:%u", port);

    struct pr_snmp_options opts;
    pr_snmp_options_defaults(&opts);
    opts.timeout_s = 0.3;
    opts.retries = 0;
    struct survey_spec specs[N_SWITCHES];
    char names[N_SWITCHES][16];
    for (size_t i = 0; i < n; i++) {
        snprintf(names[i], sizeof names[i], "sw%zu", i);
        specs[i] = (struct survey_spec){
            .name = names[i], .snmp = &opts, .driver = "generic-snmp", .expect_vlan = -1};
        if (i == 0)
            specs[i].host = host;
        else
            specs[i].walk_path = walk;
    }
    *seen = (struct seen){.in_order = true};
    struct pr_error err = {0};
    assert_int_equal(audit_run(specs, n, jobs, NULL, on_result, on_progress, seen, &err), 0);

    close(fd);
    unlink(walk);
    rmdir(dir);
}

static void test_slow_head_bounds_switches_waiting(void **state)
{
    (void)state;
    struct seen seen;
    run(2, N_SWITCHES, &seen);
    /* All 40 handed over, in order; switch 0 timed out, the others read. */
    assert_int_equal(seen.printed, N_SWITCHES);
    assert_true(seen.in_order);
    assert_int_equal(seen.head_error, PR_ERR_TIMEOUT);
    assert_int_equal(seen.head_errors, 0);
    assert_int_equal(seen.last_done, N_SWITCHES);
    /* jobs 2: window 4. While switch 0 waits out its 0.3 s, the other
     * worker may finish switches 1-3 and must then wait: never more than
     * 4 finished and not yet handed over (without the window all 39 would
     * be). */
    assert_true(seen.max_ahead <= 4);
}

static void test_more_jobs_than_switches(void **state)
{
    (void)state;
    struct seen seen;
    /* jobs is clamped to 3 switches; the window (6) never stalls them. */
    run(8, 3, &seen);
    assert_int_equal(seen.printed, 3);
    assert_true(seen.in_order);
    assert_int_equal(seen.head_error, PR_ERR_TIMEOUT);
    assert_int_equal(seen.last_done, 3);
}

/* What a limited run hands over. */
struct cut_seen {
    size_t printed;
    bool in_order;
    int codes[4];
    char messages[4][96];
};

static void on_cut_result(void *user, size_t index, struct pr_switch *sw)
{
    struct cut_seen *s = user;
    if (index != s->printed || index >= 4) {
        s->in_order = false;
        return;
    }
    s->codes[index] = sw->error.code;
    snprintf(s->messages[index], sizeof s->messages[index], "%s", sw->error.msg);
    s->printed++;
}

/* Switch 0 a live agent that never answers (2 s timeout), 1-3 recordings;
 * one job, so 1-3 wait behind 0. */
struct cut_run {
    char dir[32];
    char walk[64];
    char host[32];
    int fd; /* the silent agent */
    struct pr_snmp_options opts;
    struct survey_spec specs[4];
};

/* A survey the deadline abandons goes on reading its spec after the run
 * returns: the runs stay here until the process ends. */
static struct cut_run *cut_runs[2];

static struct survey_spec *cut_specs(size_t slot)
{
    struct cut_run *r = calloc(1, sizeof *r);
    assert_non_null(r);
    cut_runs[slot] = r;
    snprintf(r->dir, sizeof r->dir, "/tmp/pr-audit-cut.XXXXXX");
    assert_non_null(mkdtemp(r->dir));
    snprintf(r->walk, sizeof r->walk, "%s/sw.snmprec", r->dir);
    write_recording(r->walk);
    unsigned port;
    r->fd = silent_socket(&port);
    snprintf(r->host, sizeof r->host, "127.0.0.1:%u", port);
    pr_snmp_options_defaults(&r->opts);
    r->opts.timeout_s = 2;
    r->opts.retries = 0;
    static const char *const names[] = {"sw0", "sw1", "sw2", "sw3"};
    for (size_t i = 0; i < 4; i++) {
        r->specs[i] = (struct survey_spec){
            .name = names[i], .snmp = &r->opts, .driver = "generic-snmp", .expect_vlan = -1};
        if (i == 0)
            r->specs[i].host = r->host;
        else
            r->specs[i].walk_path = r->walk;
    }
    return r->specs;
}

/* The recording goes (no survey left reads it); the rest stays when a
 * survey may still run. */
static void cut_done(size_t slot, bool abandoned)
{
    struct cut_run *r = cut_runs[slot];
    unlink(r->walk);
    rmdir(r->dir);
    if (!abandoned) {
        close(r->fd);
        free(r);
        cut_runs[slot] = NULL;
    }
}

static void test_deadline_abandons_the_switch_in_flight(void **state)
{
    (void)state;
    struct survey_spec *specs = cut_specs(0);
    int64_t start = audit_monotonic_ns();
    struct audit_limits limits = {.deadline_ns = start + 200 * 1000000LL};
    struct cut_seen seen = {.in_order = true};
    struct pr_error err = {0};
    assert_int_equal(audit_run_limited(specs, 4, 1, &limits, on_cut_result, NULL, &seen, &err), 0);
    int64_t took_ms = (audit_monotonic_ns() - start) / 1000000;
    /* Back at the deadline, not after the agent's 2 s. */
    assert_true(took_ms >= 190 && took_ms < 1000);
    assert_true(seen.in_order);
    assert_int_equal(seen.printed, 4);
    assert_int_equal(limits.abandoned, 1);
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(seen.codes[i], PR_ERR_INTERRUPTED);
    assert_string_equal(seen.messages[0], "the total timeout expired while it was being read");
    assert_string_equal(seen.messages[3], "the total timeout expired before it was read");
    cut_done(0, true);
}

static void test_abandon_flag_before_start(void **state)
{
    (void)state;
    struct survey_spec *specs = cut_specs(1);
    volatile sig_atomic_t abandon = 1;
    struct audit_limits limits = {.abandon = &abandon};
    struct cut_seen seen = {.in_order = true};
    struct pr_error err = {0};
    assert_int_equal(audit_run_limited(specs, 4, 2, &limits, on_cut_result, NULL, &seen, &err), 0);
    assert_int_equal(seen.printed, 4);
    assert_int_equal(limits.abandoned, 0);
    assert_string_equal(seen.messages[0], "interrupted before it was read");
    assert_string_equal(seen.messages[3], "interrupted before it was read");
    cut_done(1, false);
}

/* What the ahead callbacks saw. */
struct ahead_seen {
    pthread_t caller;
    size_t ready, off_caller, results, discarded;
    bool in_order, matched, freed;
};

struct ahead_token {
    size_t index;
    size_t ports; /* the switch's ports when it was ready */
};

static void *on_ahead_ready(void *user, size_t index, struct pr_switch *sw)
{
    struct ahead_seen *s = user;
    struct ahead_token *t = malloc(sizeof *t);
    assert_non_null(t);
    *t = (struct ahead_token){index, sw->n_ports};
    __atomic_add_fetch(&s->ready, 1, __ATOMIC_SEQ_CST);
    if (!pthread_equal(pthread_self(), s->caller))
        __atomic_add_fetch(&s->off_caller, 1, __ATOMIC_SEQ_CST);
    pr_switch_free(sw); /* what the audit does once the report is written */
    return t;
}

static void on_ahead_result(void *user, size_t index, struct pr_switch *sw, void *ahead)
{
    struct ahead_seen *s = user;
    struct ahead_token *t = ahead;
    if (index != s->results)
        s->in_order = false;
    if (t->index != index || t->ports != 1)
        s->matched = false;
    /* The switch's own fields stay; its ports are gone. */
    if (sw->n_ports != 0 || strcmp(sw->name, index == 0 ? "sw0" : "sw1") != 0)
        s->freed = false;
    s->results++;
    free(t);
}

static void on_ahead_discard(void *user, void *ahead)
{
    struct ahead_seen *s = user;
    __atomic_add_fetch(&s->discarded, 1, __ATOMIC_SEQ_CST);
    free(ahead);
}

static void on_no_result(void *user, size_t index, struct pr_switch *sw)
{
    (void)user;
    (void)index;
    (void)sw;
    fail_msg("on_result called for a switch ready() took");
}

static void test_ahead_runs_on_workers_and_results_come_in_order(void **state)
{
    (void)state;
    char dir[] = "/tmp/pr-audit-ahead.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char walk[64];
    snprintf(walk, sizeof walk, "%s/sw.snmprec", dir);
    write_recording(walk);
    struct pr_snmp_options opts;
    pr_snmp_options_defaults(&opts);
    struct survey_spec specs[N_SWITCHES];
    for (size_t i = 0; i < N_SWITCHES; i++)
        specs[i] = (struct survey_spec){.name = i == 0 ? "sw0" : "sw1",
                                        .snmp = &opts,
                                        .driver = "generic-snmp",
                                        .expect_vlan = -1,
                                        .walk_path = walk};
    static const struct audit_ahead_ops ops = {on_ahead_ready, on_ahead_result, on_ahead_discard};
    struct audit_limits limits = {.ahead = &ops};
    struct ahead_seen seen = {
        .caller = pthread_self(), .in_order = true, .matched = true, .freed = true};
    struct pr_error err = {0};
    assert_int_equal(
        audit_run_limited(specs, N_SWITCHES, 2, &limits, on_no_result, NULL, &seen, &err), 0);
    /* Every switch was ready once, on a worker (2 jobs: 2 threads), and
     * handed over in order with its own token; none discarded. */
    assert_int_equal(seen.ready, N_SWITCHES);
    assert_int_equal(seen.off_caller, N_SWITCHES);
    assert_int_equal(seen.results, N_SWITCHES);
    assert_true(seen.in_order);
    assert_true(seen.matched);
    assert_true(seen.freed);
    assert_int_equal(seen.discarded, 0);
    unlink(walk);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_slow_head_bounds_switches_waiting),
        cmocka_unit_test(test_more_jobs_than_switches),
        cmocka_unit_test(test_deadline_abandons_the_switch_in_flight),
        cmocka_unit_test(test_abandon_flag_before_start),
        cmocka_unit_test(test_ahead_runs_on_workers_and_results_come_in_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
