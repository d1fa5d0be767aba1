/* SPDX-License-Identifier: BSD-3-Clause */
/* The relay between the SSH channel and libnetconf2. libnetconf2 reads a
 * whole message and has libyang parse it before the caller sees a byte, and
 * libyang's handling of attributes is quadratic: a bound checked on the
 * reply afterwards comes too late. So libnetconf2 gets one end of a socket
 * pair (nc_connect_inout), and this thread copies the channel to the other
 * end, counting the bytes and scanning every message the switch sends
 * (util/xml_scan.h) as it arrives. At the first bound exceeded it stops
 * copying and closes libnetconf2's input: what libnetconf2 holds is an
 * unfinished message that nothing parses.
 *
 * The checks themselves, framing included, are frames.c. */
#include "netconf/nc_private.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* Checks n bytes from the switch; -1 (and the error kept) at a bound. */
static int relay_inspect(struct netconf_relay *r, const char *data, size_t n)
{
    if (netconf_frames_feed(&r->frames, data, n) == 0)
        return 0;
    pthread_mutex_lock(&r->lock);
    r->cut = true;
    if (strncmp(r->frames.error, "XML: ", 5) == 0)
        snprintf(r->error, sizeof r->error, "NETCONF: reply from %s refused: %s", r->label,
                 r->frames.error);
    else
        snprintf(r->error, sizeof r->error, "NETCONF: %s sent %s (--netconf-max-bytes)", r->label,
                 r->frames.error);
    pthread_mutex_unlock(&r->lock);
    return -1;
}

static int relay_write_all(int fd, const char *buf, size_t n)
{
    while (n > 0) {
        ssize_t w = send(fd, buf, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        buf += w;
        n -= (size_t)w;
    }
    return 0;
}

static void *relay_main(void *arg)
{
    struct netconf_relay *r = arg;
    static _Thread_local char buf[32768];
    int ssh_fd = ssh_get_fd(r->ssh);
    for (;;) {
        /* From the switch to libnetconf2: all that libssh has, then wait. */
        int n;
        while ((n = ssh_channel_read_nonblocking(r->chan, buf, sizeof buf, 0)) > 0) {
            if (relay_inspect(r, buf, (size_t)n) != 0 ||
                relay_write_all(r->fd, buf, (size_t)n) != 0)
                goto done;
        }
        if (n < 0 || ssh_channel_is_eof(r->chan))
            goto done; /* SSH_ERROR (the deadline cut the socket), SSH_EOF */
        struct pollfd p[2] = {{.fd = ssh_fd, .events = POLLIN}, {.fd = r->fd, .events = POLLIN}};
        if (poll(p, 2, 50) < 0 && errno != EINTR)
            goto done;
        /* libnetconf2 to the switch. */
        if (p[1].revents != 0) {
            ssize_t m = recv(r->fd, buf, sizeof buf, MSG_DONTWAIT);
            if (m == 0 || (m < 0 && errno != EAGAIN && errno != EINTR))
                goto done; /* libnetconf2 is finished */
            if (m > 0 && ssh_channel_write(r->chan, buf, (uint32_t)m) != m)
                goto done;
        }
    }
done:
    /* libnetconf2 reads the end of its input and stops. */
    shutdown(r->fd, SHUT_WR);
    return NULL;
}

int netconf_relay_start(struct netconf_relay *r, ssh_session ssh, ssh_channel chan,
                        size_t max_bytes, const char *label, int *nc_fd, struct pr_error *err)
{
    memset(r, 0, sizeof *r);
    r->ssh = ssh;
    r->chan = chan;
    netconf_frames_init(&r->frames, max_bytes);
    snprintf(r->label, sizeof r->label, "%s", label);
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
        return pr_error_set(err, PR_ERR_INTERNAL, "NETCONF: socketpair: %s", strerror(errno));
    r->fd = sv[0];
    r->nc_fd = sv[1];
    pthread_mutex_init(&r->lock, NULL);
    int rc = pthread_create(&r->thread, NULL, relay_main, r);
    if (rc != 0) {
        close(sv[0]);
        close(sv[1]);
        pthread_mutex_destroy(&r->lock);
        return pr_error_set(err, PR_ERR_INTERNAL, "NETCONF: cannot start the relay thread: %s",
                            strerror(rc));
    }
    r->running = true;
    *nc_fd = r->nc_fd;
    return 0;
}

bool netconf_relay_error(struct netconf_relay *r, struct pr_error *err)
{
    if (!r->running)
        return false;
    pthread_mutex_lock(&r->lock);
    bool cut = r->cut;
    if (cut)
        pr_error_set(err, PR_ERR_PROTOCOL, "%s", r->error);
    pthread_mutex_unlock(&r->lock);
    return cut;
}

void netconf_relay_stop(struct netconf_relay *r)
{
    if (r == NULL || !r->running)
        return;
    /* The relay sees the end of libnetconf2's side and stops. */
    shutdown(r->nc_fd, SHUT_RDWR);
    pthread_join(r->thread, NULL);
    close(r->fd);
    close(r->nc_fd);
    pthread_mutex_destroy(&r->lock);
    r->running = false;
}
