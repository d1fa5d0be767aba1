/* SPDX-License-Identifier: BSD-3-Clause */
#include "timer/timer_guard.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define GUARD_STAND_DOWN 'D'

static void guardian_main(int sock, timer_restore_fn restore, void *ctx)
{
    /* Out of the terminal's process group and deaf to the signals that
     * stop portready itself: the guardian must outlive it. */
    setsid();
    signal(SIGINT, SIG_IGN);
    signal(SIGTERM, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGPIPE, SIG_IGN);
    signal(SIGTSTP, SIG_IGN);
    signal(SIGTTIN, SIG_IGN);
    signal(SIGTTOU, SIG_IGN);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    /* Never hold portready's standard output open for a reader. */
    int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (devnull >= 0) {
        dup2(devnull, STDIN_FILENO);
        dup2(devnull, STDOUT_FILENO);
        close(devnull);
    }
    char word = 0;
    ssize_t n;
    do
        n = read(sock, &word, 1);
    while (n < 0 && errno == EINTR);
    if (n == 1 && word == GUARD_STAND_DOWN)
        _exit(0);
    /* portready is gone without standing us down. Try a few times: a
     * restore can race with the kernel still taking the link down. */
    for (int attempt = 0; attempt < 5; attempt++) {
        if (restore(ctx) == 0)
            _exit(0);
        usleep(200000);
    }
    _exit(1);
}

int timer_guard_start(struct timer_guard *g, timer_restore_fn restore, void *ctx,
                      struct pr_error *err)
{
    g->pid = 0;
    g->fd = -1;
    /* A socket pair, not a pipe: each side sees the other end (EOF), and
     * writing to a dead guardian fails with EPIPE instead of a SIGPIPE. */
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) < 0)
        return pr_error_set(err, PR_ERR_IO, "guardian socket: %s", strerror(errno));
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(fds[0]);
        close(fds[1]);
        return pr_error_set(err, PR_ERR_IO, "starting the guardian: %s", strerror(e));
    }
    if (pid == 0) {
        close(fds[1]);
        guardian_main(fds[0], restore, ctx);
    }
    close(fds[0]);
    g->pid = pid;
    g->fd = fds[1];
    return 0;
}

void timer_guard_release(struct timer_guard *g)
{
    if (g == NULL || g->pid <= 0)
        return;
    char word = GUARD_STAND_DOWN;
    ssize_t n;
    do
        n = send(g->fd, &word, 1, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    close(g->fd);
    while (waitpid(g->pid, NULL, 0) < 0 && errno == EINTR)
        ;
    g->pid = 0;
    g->fd = -1;
}
