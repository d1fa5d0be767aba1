/* SPDX-License-Identifier: BSD-3-Clause */
/* Private to lib/ssh: the steps pr_ssh_connect() is made of. */
#ifndef PR_SSH_PRIVATE_H
#define PR_SSH_PRIVATE_H

#include "ssh/transport.h"

/* Host key step of the login (hostkey.c): a known key passes, an unknown
 * one is refused unless t->accept_new_hostkey (then it is added), a
 * changed one is always refused. what prefixes messages. */
int pr_ssh_hostkey_check(const struct pr_ssh_target *t, const char *what, ssh_session ssh,
                         const char *known_hosts, struct pr_error *err);

/* Key exchange, host key and authentication over c->ssh_fd, which libssh
 * owns from the call on (login.c). On success c->ssh is an authenticated
 * session; on failure it is freed and NULL. */
int pr_ssh_login(const struct pr_ssh_target *t, struct pr_ssh_conn *c, struct pr_error *err);

#endif
