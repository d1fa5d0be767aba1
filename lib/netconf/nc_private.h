/* SPDX-License-Identifier: BSD-3-Clause */
/* Private to lib/netconf. The SSH transport (socket, watchdog, login) is
 * lib/ssh's (ssh/transport.h); what is left here is libnetconf2's. */
#ifndef PR_NETCONF_PRIVATE_H
#define PR_NETCONF_PRIVATE_H

#include "netconf/netconf.h"

/* libnetconf2 and libyang log capture, per thread: the first error logged
 * since the last clear ("" when none). */
void netconf_log_install(void);
void netconf_log_clear(void);
const char *netconf_log_first_error(void);

#endif
