/* SPDX-License-Identifier: BSD-3-Clause */
/* "[USER@]HOST[:PORT]" as given to --netconf, and the options' defaults. */
#include "netconf/netconf.h"

#include <string.h>

#include "ssh/transport.h"

void netconf_options_init(struct netconf_options *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->port = NETCONF_DEFAULT_PORT;
    opts->timeout_s = 10.0;
    opts->max_bytes = NETCONF_DEFAULT_MAX_BYTES;
}

int netconf_target_parse(const char *target, struct netconf_options *opts, struct pr_error *err)
{
    return pr_ssh_target_parse(target, "--netconf", NETCONF_DEFAULT_PORT, opts->user,
                               sizeof opts->user, opts->host, sizeof opts->host, &opts->port, err);
}
