/* SPDX-License-Identifier: BSD-3-Clause */
/* libnetconf2 and libyang print to stderr unless given a callback; here
 * their errors are kept, per thread, for the error value instead. */
#include "netconf/nc_private.h"

#include <nc_client.h>

#include "util/strutil.h"

static _Thread_local char log_first_error[256];

static void log_capture(const struct nc_session *session, NC_VERB_LEVEL level, const char *msg)
{
    (void)session;
    if (level != NC_VERB_ERROR || msg == NULL || log_first_error[0] != '\0')
        return;
    /* Peers' bytes end up in these messages: keep them printable. */
    size_t i = 0;
    for (; msg[i] != '\0' && i + 1 < sizeof log_first_error; i++) {
        unsigned char c = (unsigned char)msg[i];
        log_first_error[i] = c < 0x20 || c >= 0x7f ? '?' : (char)c;
    }
    log_first_error[i] = '\0';
}

void netconf_log_install(void)
{
    nc_verbosity(NC_VERB_ERROR);
    nc_set_print_clb_session(log_capture);
}

void netconf_log_clear(void)
{
    log_first_error[0] = '\0';
}

const char *netconf_log_first_error(void)
{
    return log_first_error;
}
