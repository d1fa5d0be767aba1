/* SPDX-License-Identifier: BSD-3-Clause */
/* TCP connect bounded by the exchange's deadline. The socket is ours (not
 * libssh's or libnetconf2's) so the deadline can cut it, and it gets
 * TCP_NODELAY: without it every NETCONF message, and every CLI command,
 * waits ~40 ms for a delayed ACK. */
#include "ssh/transport.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* One address: 0 connected, -1 failed (errno-like code in *why), 1 the
 * deadline passed. */
static int tcp_try(const struct addrinfo *ai, int64_t deadline_ns, int *fd_out, int *why)
{
    int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd < 0) {
        *why = errno;
        return -1;
    }
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
        if (errno != EINPROGRESS) {
            *why = errno;
            close(fd);
            return -1;
        }
        for (;;) {
            int left = pr_ssh_left_ms(deadline_ns);
            if (left == 0) {
                close(fd);
                return 1;
            }
            struct pollfd pfd = {.fd = fd, .events = POLLOUT};
            int n = poll(&pfd, 1, left);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                *why = errno;
                close(fd);
                return -1;
            }
            if (n == 0)
                continue;
            int soerr = 0;
            socklen_t len = sizeof soerr;
            if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &len) != 0)
                soerr = errno;
            if (soerr != 0) {
                *why = soerr;
                close(fd);
                return -1;
            }
            break;
        }
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    *fd_out = fd;
    return 0;
}

int pr_ssh_tcp_connect(const char *host, int port, int64_t deadline_ns,
                       const struct pr_ssh_purpose *purpose, int *fd_out, struct pr_error *err)
{
    *fd_out = -1;
    char service[16];
    snprintf(service, sizeof service, "%d", port);
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM};
    struct addrinfo *list = NULL;
    int gai = getaddrinfo(host, service, &hints, &list);
    if (gai != 0)
        return pr_error_set(err, PR_ERR_IO, "%s: cannot resolve host '%s': %s", purpose->what, host,
                            gai_strerror(gai));

    int why = 0;
    bool timed_out = false;
    for (const struct addrinfo *ai = list; ai != NULL; ai = ai->ai_next) {
        int rc = tcp_try(ai, deadline_ns, fd_out, &why);
        if (rc == 0)
            break;
        if (rc == 1) {
            timed_out = true;
            break;
        }
    }
    freeaddrinfo(list);
    if (*fd_out >= 0)
        return 0;
    if (timed_out)
        return pr_error_set(err, PR_ERR_TIMEOUT,
                            "%s: timeout while connecting (TCP) to %s port %d: no answer",
                            purpose->what, host, port);
    if (why == ECONNREFUSED)
        return pr_error_set(err, PR_ERR_IO,
                            "%s: connection refused by %s port %d (is %s enabled on that port?)",
                            purpose->what, host, port, purpose->service);
    return pr_error_set(err, PR_ERR_IO, "%s: cannot connect to %s port %d: %s", purpose->what, host,
                        port, strerror(why));
}
