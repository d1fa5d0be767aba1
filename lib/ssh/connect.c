/* SPDX-License-Identifier: BSD-3-Clause */
/* pr_ssh_connect(): the socket is ours (tcp.c), libssh gets a dup() of it
 * and logs in over it (login.c), and the watchdog holds ours to cut it at
 * the deadline. */
#include "ssh/ssh_private.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int pr_ssh_connect(const struct pr_ssh_target *t, const struct pr_ssh_purpose *purpose,
                   struct pr_ssh_conn *c, struct pr_error *err)
{
    memset(c, 0, sizeof *c);
    c->fd = -1;
    c->ssh_fd = -1;
    c->purpose = purpose;
    if (t->host[0] == '\0')
        return pr_error_set(err, PR_ERR_USAGE, "%s: no host given", purpose->what);
    if (t->port < 1 || t->port > 65535)
        return pr_error_set(err, PR_ERR_USAGE, "%s: port %d is out of range", purpose->what,
                            t->port);
    c->timeout_s = t->timeout_s > 0 ? t->timeout_s : 10.0;
    if (c->timeout_s > 86400.0)
        c->timeout_s = 86400.0; /* keeps the deadline arithmetic in range */
    c->deadline_ns = pr_ssh_now_ns() + (int64_t)(c->timeout_s * 1e9);
    pr_ssh_host_label(t->host, t->port, c->label, sizeof c->label);

    if (pr_ssh_tcp_connect(t->host, t->port, c->deadline_ns, purpose, &c->fd, err) != 0)
        return -1;
    c->ssh_fd = fcntl(c->fd, F_DUPFD_CLOEXEC, 0);
    if (c->ssh_fd < 0) {
        pr_error_set(err, PR_ERR_INTERNAL, "%s: dup: %s", purpose->what, strerror(errno));
        close(c->fd);
        c->fd = -1;
        return -1;
    }
    if (pr_ssh_watchdog_start(&c->wd, c->fd, c->deadline_ns, purpose->what, err) != 0) {
        close(c->ssh_fd);
        close(c->fd);
        c->fd = c->ssh_fd = -1;
        return -1;
    }
    if (pr_ssh_login(t, c, err) != 0) {
        pr_ssh_conn_close(c);
        return -1;
    }
    return 0;
}

bool pr_ssh_conn_timed_out(struct pr_ssh_conn *c)
{
    return pr_ssh_watchdog_fired(&c->wd);
}

/* libssh 0.10 never closes a descriptor given with SSH_OPTIONS_FD in
 * ssh_disconnect(), and a library that frees a still-connected session
 * with ssh_disconnect() then ssh_free() (libnetconf2 does) leaks it.
 * libssh got a dup() of ours, so whether it is still open is told by
 * comparing the socket behind it with ours (a reused number would name
 * another file). */
static void conn_close_leftover(int fd, int ssh_fd)
{
    struct stat ours, theirs;
    if (fd >= 0 && ssh_fd >= 0 && fstat(fd, &ours) == 0 && fstat(ssh_fd, &theirs) == 0 &&
        ours.st_dev == theirs.st_dev && ours.st_ino == theirs.st_ino)
        close(ssh_fd);
}

void pr_ssh_conn_close(struct pr_ssh_conn *c)
{
    if (c == NULL || c->fd < 0)
        return;
    /* The watchdog runs until the session is gone: a goodbye written to a
     * peer that reads nothing is cut at the deadline too. */
    if (c->ssh != NULL) {
        if (!pr_ssh_watchdog_fired(&c->wd))
            ssh_disconnect(c->ssh);
        ssh_free(c->ssh);
        c->ssh = NULL;
    }
    conn_close_leftover(c->fd, c->ssh_fd);
    pr_ssh_watchdog_stop(&c->wd);
    close(c->fd);
    c->fd = c->ssh_fd = -1;
}
