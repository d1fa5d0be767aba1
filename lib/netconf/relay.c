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
 * Messages are framed as RFC 6242 says: the hello and NETCONF 1.0 messages
 * end with "]]>]]>", NETCONF 1.1 messages are chunks ("\n#SIZE\n" and SIZE
 * bytes) ending with "\n##\n". Only the XML inside is scanned. */
#include "netconf/nc_private.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

enum frame_state {
    F_START,     /* a message starts */
    F_START_LF,  /* "\n" at the start: a chunk header or XML */
    F_EOM,       /* inside a message ending with "]]>]]>" */
    F_HASH,      /* after "\n#" */
    F_SIZE,      /* the digits of a chunk size */
    F_DATA,      /* chunk data */
    F_NEXT_LF,   /* after a chunk: "\n" */
    F_NEXT_HASH, /* after a chunk and "\n": "#" */
    F_END_LF,    /* after "\n##": "\n" ends the message */
    F_UNFRAMED,  /* framing not understood: bytes are counted, no more */
};

static const char relay_eom[] = "]]>]]>";

static int relay_cut(struct netconf_relay *r, const char *fmt, const char *detail)
{
    pthread_mutex_lock(&r->lock);
    r->cut = true;
    snprintf(r->error, sizeof r->error, fmt, r->label, detail);
    pthread_mutex_unlock(&r->lock);
    return -1;
}

static int relay_scan(struct netconf_relay *r, const char *data, size_t n)
{
    if (pr_xml_scan_feed(&r->scan, data, n) != 0)
        return relay_cut(r, "NETCONF: reply from %s refused: XML: %s", r->scan.error);
    return 0;
}

static void relay_message_start(struct netconf_relay *r)
{
    pr_xml_scan_init(&r->scan);
    r->frame = F_START;
    r->eom_matched = 0;
}

/* One byte of a message framed with "]]>]]>". */
static int relay_eom_byte(struct netconf_relay *r, char c)
{
    if (relay_scan(r, &c, 1) != 0)
        return -1;
    r->eom_matched = c == relay_eom[r->eom_matched] ? r->eom_matched + 1
                     : c == relay_eom[0]            ? 1
                                                    : 0;
    if (r->eom_matched == sizeof relay_eom - 1)
        relay_message_start(r);
    return 0;
}

/* Follows the framing over n bytes from the switch, scanning the XML. */
static int relay_inspect(struct netconf_relay *r, const char *data, size_t n)
{
    r->received += n;
    if (r->received > r->max_bytes) {
        char detail[64];
        snprintf(detail, sizeof detail, "%zu", r->max_bytes);
        return relay_cut(r, "NETCONF: %s sent more than %s bytes (--netconf-max-bytes)", detail);
    }
    for (size_t i = 0; i < n; i++) {
        char c = data[i];
        switch ((enum frame_state)r->frame) {
        case F_START:
            if (c == '\n') {
                r->frame = F_START_LF;
                break;
            }
            r->frame = F_EOM; /* XML from this byte on */
            if (relay_eom_byte(r, c) != 0)
                return -1;
            break;
        case F_START_LF:
            if (c == '#') {
                r->frame = F_HASH;
                break;
            }
            r->frame = F_EOM;
            if (relay_eom_byte(r, '\n') != 0 || relay_eom_byte(r, c) != 0)
                return -1;
            break;
        case F_EOM:
            if (relay_eom_byte(r, c) != 0)
                return -1;
            break;
        case F_HASH:
            if (c == '#') {
                r->frame = F_END_LF;
            } else if (c >= '1' && c <= '9') {
                r->chunk_left = (size_t)(c - '0');
                r->frame = F_SIZE;
            } else {
                r->frame = F_UNFRAMED;
            }
            break;
        case F_SIZE:
            if (c >= '0' && c <= '9' && r->chunk_left < 429496729u) {
                r->chunk_left = r->chunk_left * 10 + (size_t)(c - '0');
            } else if (c == '\n') {
                r->frame = F_DATA;
            } else {
                r->frame = F_UNFRAMED;
            }
            break;
        case F_DATA: {
            size_t take = n - i < r->chunk_left ? n - i : r->chunk_left;
            if (relay_scan(r, data + i, take) != 0)
                return -1;
            r->chunk_left -= take;
            i += take - 1;
            if (r->chunk_left == 0)
                r->frame = F_NEXT_LF;
            break;
        }
        case F_NEXT_LF:
            r->frame = c == '\n' ? F_NEXT_HASH : F_UNFRAMED;
            break;
        case F_NEXT_HASH:
            r->frame = c == '#' ? F_HASH : F_UNFRAMED;
            break;
        case F_END_LF:
            if (c == '\n')
                relay_message_start(r);
            else
                r->frame = F_UNFRAMED;
            break;
        case F_UNFRAMED:
            return 0; /* libnetconf2 will say what is wrong */
        }
    }
    return 0;
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
        /* Switch to libnetconf2: everything libssh has, then wait. */
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
    r->max_bytes = max_bytes;
    snprintf(r->label, sizeof r->label, "%s", label);
    relay_message_start(r);
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
