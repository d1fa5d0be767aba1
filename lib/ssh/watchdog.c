/* SPDX-License-Identifier: BSD-3-Clause */
/* The deadline of one SSH exchange: a clock and a thread that cuts the
 * socket when time is up. */
#include "ssh/transport.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

int64_t pr_ssh_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int pr_ssh_left_ms(int64_t deadline_ns)
{
    int64_t left = deadline_ns - pr_ssh_now_ns();
    if (left <= 0)
        return 0;
    int64_t ms = (left + 999999) / 1000000;
    return ms > 0x7fffffff ? 0x7fffffff : (int)ms;
}

static void *watchdog_main(void *arg)
{
    struct pr_ssh_watchdog *wd = arg;
    struct timespec at = {
        .tv_sec = (time_t)(wd->deadline_ns / 1000000000),
        .tv_nsec = (long)(wd->deadline_ns % 1000000000),
    };
    pthread_mutex_lock(&wd->lock);
    while (!wd->stop) {
        int rc = pthread_cond_timedwait(&wd->wake, &wd->lock, &at);
        if (rc == ETIMEDOUT && !wd->stop) {
            wd->fired = true;
            shutdown(wd->fd, SHUT_RDWR);
            break;
        }
    }
    pthread_mutex_unlock(&wd->lock);
    return NULL;
}

int pr_ssh_watchdog_start(struct pr_ssh_watchdog *wd, int fd, int64_t deadline_ns, const char *what,
                          struct pr_error *err)
{
    memset(wd, 0, sizeof *wd);
    wd->fd = fd;
    wd->deadline_ns = deadline_ns;
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&wd->wake, &attr);
    pthread_condattr_destroy(&attr);
    pthread_mutex_init(&wd->lock, NULL);
    int rc = pthread_create(&wd->thread, NULL, watchdog_main, wd);
    if (rc != 0) {
        pthread_cond_destroy(&wd->wake);
        pthread_mutex_destroy(&wd->lock);
        return pr_error_set(err, PR_ERR_INTERNAL, "%s: cannot start the timeout thread: %s", what,
                            strerror(rc));
    }
    wd->running = true;
    return 0;
}

bool pr_ssh_watchdog_fired(struct pr_ssh_watchdog *wd)
{
    if (!wd->running)
        return false;
    pthread_mutex_lock(&wd->lock);
    bool fired = wd->fired;
    pthread_mutex_unlock(&wd->lock);
    return fired || pr_ssh_now_ns() >= wd->deadline_ns;
}

void pr_ssh_watchdog_stop(struct pr_ssh_watchdog *wd)
{
    if (wd == NULL || !wd->running)
        return;
    pthread_mutex_lock(&wd->lock);
    wd->stop = true;
    pthread_cond_signal(&wd->wake);
    pthread_mutex_unlock(&wd->lock);
    pthread_join(wd->thread, NULL);
    pthread_cond_destroy(&wd->wake);
    pthread_mutex_destroy(&wd->lock);
    wd->running = false;
}
