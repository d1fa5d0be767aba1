/* SPDX-License-Identifier: BSD-3-Clause */
/* SSH transport shared by the sources that talk to a switch over SSH (the
 * NETCONF client and the CLI reader): the target "[USER@]HOST[:PORT]", a
 * TCP connection of our own, the host key checked against known_hosts,
 * authentication by key, ssh-agent, password or keyboard-interactive, and
 * a watchdog that cuts the socket at the exchange's deadline, so nothing
 * in libssh (or in a library above it) waits past the user's timeout.
 *
 * Nothing here prompts on a terminal, reads ~/.ssh/config, or puts a
 * password into a message.
 *
 * Thread safety: separate connections may live in separate threads at
 * once; one connection belongs to one thread.
 *
 * Ownership: struct pr_ssh_conn is the caller's; pr_ssh_connect() fills
 * it and pr_ssh_conn_close() releases everything it holds. */
#ifndef PR_SSH_TRANSPORT_H
#define PR_SSH_TRANSPORT_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libssh/libssh.h>

#include "util/error.h"

#define PR_SSH_DEFAULT_PORT 22

/* Where and how to log in. */
struct pr_ssh_target {
    char user[128];          /* empty: the login name of the current user */
    char host[256];          /* name or address, without brackets */
    int port;                /* 22 unless given */
    char ssh_key[1024];      /* private key file; empty: ssh-agent and default keys */
    char password[256];      /* filled by the caller from a file or the env; never printed */
    const char *password_at; /* when not NULL, the password is read there instead: the
                              * caller's one copy, which outlives pr_ssh_connect() */
    char known_hosts[1024];  /* empty: ~/.ssh/known_hosts */
    bool accept_new_hostkey; /* an unknown host key is added instead of refused */
    double timeout_s;        /* bound on the whole exchange; <= 0: 10 s; at most a day */
};

/* Sets every field to its default (port 22, timeout 10 s, the rest
 * empty). */
void pr_ssh_target_init(struct pr_ssh_target *t);

/* Parses "[USER@]HOST[:PORT]" (IPv6: "[USER@][ADDR]:PORT" or a bare ADDR;
 * the last '@' separates the user) into user, host and port. A missing
 * port gives default_port, a missing user leaves user as it was. option
 * ("--ssh") names the value in messages. Returns -1 with PR_ERR_USAGE
 * naming the problem. */
int pr_ssh_target_parse(const char *target, const char *option, int default_port, char *user,
                        size_t user_len, char *host, size_t host_len, int *port,
                        struct pr_error *err);

/* What the connection is for, in messages. */
struct pr_ssh_purpose {
    const char *what;         /* message prefix: "NETCONF", "SSH" */
    const char *service;      /* "NETCONF over SSH", "SSH": in "is ... enabled on that port?" */
    const char *password_env; /* the variable a password may come from */
};

/* CLOCK_MONOTONIC in nanoseconds. */
int64_t pr_ssh_now_ns(void);

/* Milliseconds left until deadline_ns, at least 1 (0 once it has passed). */
int pr_ssh_left_ms(int64_t deadline_ns);

/* A thread that shuts the connection's socket down at the deadline, so any
 * read or write blocked in libssh fails at once. It works on its own
 * socket (the caller's, which libssh never sees: libssh gets a dup()), so
 * it never touches a descriptor number that libssh has closed and the
 * process reused. */
struct pr_ssh_watchdog {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    int fd;
    int64_t deadline_ns;
    bool stop;
    bool fired;
    bool running;
};

/* Starts watching fd (which stays the caller's and must stay open until
 * pr_ssh_watchdog_stop()). */
int pr_ssh_watchdog_start(struct pr_ssh_watchdog *wd, int fd, int64_t deadline_ns, const char *what,
                          struct pr_error *err);

/* True once the deadline cut the connection (or has passed). */
bool pr_ssh_watchdog_fired(struct pr_ssh_watchdog *wd);

/* Stops and joins the thread. Accepts a watchdog that never started. */
void pr_ssh_watchdog_stop(struct pr_ssh_watchdog *wd);

/* Non-blocking connect to host:port with TCP_NODELAY, bounded by the
 * deadline. *fd_out is the caller's. */
int pr_ssh_tcp_connect(const char *host, int port, int64_t deadline_ns,
                       const struct pr_ssh_purpose *purpose, int *fd_out, struct pr_error *err);

/* "[host]:port" as known_hosts and messages write it ("host" for 22). */
void pr_ssh_host_label(const char *host, int port, char *buf, size_t len);

/* One authenticated SSH connection. */
struct pr_ssh_conn {
    ssh_session ssh; /* authenticated; NULL once handed over (see below) */
    int fd;          /* our socket, cut by the watchdog */
    int ssh_fd;      /* the dup() libssh owns */
    struct pr_ssh_watchdog wd;
    int64_t deadline_ns;
    double timeout_s; /* the bound actually applied */
    char label[300];  /* "[host]:port" */
    char user[128];   /* the user logged in as */
    const struct pr_ssh_purpose *purpose;
};

/* Connects (TCP), runs the key exchange, checks the host key and
 * authenticates, all within t->timeout_s from now; the deadline and the
 * watchdog then keep bounding whatever the caller does on c->ssh until
 * pr_ssh_conn_close(). Tries, each when the server offers it: the key
 * file (else ssh-agent and the default keys), the password, and
 * keyboard-interactive answered with the password (one hidden prompt).
 * Errors (return -1, c holds nothing to release):
 *   PR_ERR_IO        refused, unreachable, unreadable key file
 *   PR_ERR_TIMEOUT   no progress in time; the message names the phase
 *   PR_ERR_AUTH      authentication failed; unknown or changed host key
 *   PR_ERR_PROTOCOL  not an SSH server, or libssh's own failure
 * Messages start with purpose->what and never contain the password. */
int pr_ssh_connect(const struct pr_ssh_target *t, const struct pr_ssh_purpose *purpose,
                   struct pr_ssh_conn *c, struct pr_error *err);

/* Whether the deadline cut the connection. */
bool pr_ssh_conn_timed_out(struct pr_ssh_conn *c);

/* Releases the connection: frees c->ssh unless it is NULL (a library that
 * took the session, as libnetconf2 does, frees it itself and the caller
 * sets c->ssh to NULL after that), closes what libssh left open, stops the
 * watchdog and closes the socket. Accepts a connection that failed or was
 * already closed. */
void pr_ssh_conn_close(struct pr_ssh_conn *c);

#endif
