/* SPDX-License-Identifier: BSD-3-Clause */
/* Private to lib/netconf. The SSH transport (socket, watchdog, login) is
 * lib/ssh's (ssh/transport.h); what is left here is libnetconf2's. */
#ifndef PR_NETCONF_PRIVATE_H
#define PR_NETCONF_PRIVATE_H

#include <pthread.h>
#include <stdbool.h>

#include <libssh/libssh.h>

#include "util/error.h"
#include "netconf/frames.h"
#include "netconf/netconf.h"

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

/* libnetconf2 and libyang log capture, per thread: the first error logged
 * since the last clear ("" when none). */
void netconf_log_install(void);
void netconf_log_clear(void);
const char *netconf_log_first_error(void);

#endif
