/* SPDX-License-Identifier: BSD-3-Clause */
/* Private to lib/netconf: the pieces netconf_get_config() is made of.
 * Every step takes the exchange's deadline so the whole fetch ends within
 * the user's timeout, whatever libssh's and libnetconf2's own timeouts. */
#ifndef PR_NETCONF_PRIVATE_H
#define PR_NETCONF_PRIVATE_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include <libssh/libssh.h>

#include "util/error.h"
#include "netconf/frames.h"
#include "netconf/netconf.h"

/* CLOCK_MONOTONIC in nanoseconds. */
int64_t netconf_now_ns(void);

/* Milliseconds left until deadline_ns, at least 1 (0 once it has passed). */
int netconf_left_ms(int64_t deadline_ns);

/* A thread that shuts the connection's socket down at the deadline, so any
 * read or write blocked in libssh or libnetconf2 fails at once. It works on
 * its own dup() of the socket, so it can never touch a descriptor number
 * that libssh has closed and the process reused. */
struct netconf_watchdog {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    int fd; /* owned dup of the connection's socket */
    int64_t deadline_ns;
    bool stop;
    bool fired;
    bool running;
};

/* Starts watching fd (which stays the caller's and must stay open until
 * netconf_watchdog_stop()). */
int netconf_watchdog_start(struct netconf_watchdog *wd, int fd, int64_t deadline_ns,
                           struct pr_error *err);

/* True once the deadline cut the connection (or has passed). */
bool netconf_watchdog_fired(struct netconf_watchdog *wd);

/* Stops and joins the thread. Accepts a watchdog that never started. */
void netconf_watchdog_stop(struct netconf_watchdog *wd);

/* The thread between the SSH channel and libnetconf2 (relay.c): it copies
 * both ways and checks what the switch sends against max_bytes and the XML
 * bounds as it arrives, cutting libnetconf2's input at the first one
 * exceeded. Only the relay uses the SSH session while it runs. */
struct netconf_relay {
    pthread_t thread;
    pthread_mutex_t lock;
    ssh_session ssh;
    ssh_channel chan;
    int fd;                       /* the relay's end of the socket pair */
    int nc_fd;                    /* libnetconf2's end */
    struct netconf_frames frames; /* what the switch sent, checked */
    char label[300];
    bool cut; /* a bound was exceeded (error says which) */
    char error[512];
    bool running;
};

/* Starts relaying chan; *nc_fd is the descriptor to give libnetconf2
 * (nc_connect_inout), owned by the relay. */
int netconf_relay_start(struct netconf_relay *r, ssh_session ssh, ssh_channel chan,
                        size_t max_bytes, const char *label, int *nc_fd, struct pr_error *err);

/* True when the relay cut the exchange at a bound; err then says which. */
bool netconf_relay_error(struct netconf_relay *r, struct pr_error *err);

/* Stops and joins the relay and closes both descriptors (after libnetconf2
 * is done with its end). Accepts a relay that never started. */
void netconf_relay_stop(struct netconf_relay *r);

/* Non-blocking connect to host:port with TCP_NODELAY, bounded by the
 * deadline. *fd_out is the caller's. */
int netconf_tcp_connect(const char *host, int port, int64_t deadline_ns, int *fd_out,
                        struct pr_error *err);

/* SSH transport over the connected fd: key exchange, host key check
 * against known_hosts, authentication (key file or ssh-agent and default
 * keys, then password). fd is given to libssh: on success *out is an
 * authenticated session holding it; on failure it is freed, and fd is
 * closed unless libssh left it open (see client.c). */
int netconf_ssh_login(const struct netconf_options *opts, int fd, int64_t deadline_ns,
                      struct netconf_watchdog *wd, ssh_session *out, struct pr_error *err);

/* Host key step of netconf_ssh_login (hostkey.c). */
int netconf_hostkey_check(const struct netconf_options *opts, ssh_session ssh,
                          const char *known_hosts, struct pr_error *err);

/* "[host]:port" as known_hosts and messages write it ("host" for 22). */
void netconf_host_label(const struct netconf_options *opts, char *buf, size_t len);

/* libnetconf2 and libyang log capture, per thread: the first error logged
 * since the last clear ("" when none). */
void netconf_log_install(void);
void netconf_log_clear(void);
const char *netconf_log_first_error(void);

#endif
