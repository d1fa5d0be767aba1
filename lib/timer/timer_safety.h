/* SPDX-License-Identifier: BSD-3-Clause */
/* Refusals before `portready time` takes an interface down: the interface
 * carrying the user's own SSH connection, and the interface carrying the only
 * default route. Each returns 0 when it is safe, -1 with an error (code
 * PR_ERR_USAGE) that says what would be cut and how to override. */
#ifndef PR_TIMER_SAFETY_H
#define PR_TIMER_SAFETY_H

#include <stdbool.h>
#include <stdint.h>

#include "util/error.h"

/* Pure: the client address of SSH_CONNECTION ("CLIENT_IP CLIENT_PORT
 * SERVER_IP SERVER_PORT"). False when absent or malformed. */
bool timer_ssh_peer_parse(const char *ssh_connection, int *family, uint8_t addr[16]);

/* ssh_connection may be NULL (not under SSH). */
int timer_safety_check_ssh(const char *ssh_connection, int ifindex, const char *ifname,
                           struct pr_error *err);
int timer_safety_check_default_route(int ifindex, const char *ifname, struct pr_error *err);

#endif
