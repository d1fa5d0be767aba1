/* SPDX-License-Identifier: BSD-3-Clause */
/* NETCONF source: <get-config> of the running datastore over SSH, returned
 * as XML text.
 *
 * The source only fetches: it never interprets configuration; the
 * interpreters parse the text it returns with pr_xml_parse() (util/xml.h).
 *
 * Thread safety: netconf_get_config() may run in several threads at once
 * (one session per call; libnetconf2's client options are per thread).
 */
#ifndef PR_NETCONF_H
#define PR_NETCONF_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

#define NETCONF_DEFAULT_PORT 830

/* The most a switch may send in one exchange (its hello and the reply),
 * unless netconf_options.max_bytes says otherwise: as for configuration
 * files. */
#define NETCONF_DEFAULT_MAX_BYTES (64u * 1024u * 1024u)

/* The environment variable a caller may read the password from. */
#define NETCONF_PASSWORD_ENV "PORTREADY_NETCONF_PASSWORD"

struct netconf_options {
    char user[128];          /* empty: the login name of the current user */
    char host[256];          /* name or address, without brackets */
    int port;                /* 830 when not given */
    char ssh_key[1024];      /* private key file; empty: ssh-agent, then password */
    char password[256];      /* filled by the caller from a file or the env; never printed */
    char known_hosts[1024];  /* empty: ~/.ssh/known_hosts */
    bool accept_new_hostkey; /* an unknown host key is added instead of refused */
    double timeout_s;        /* bound on the whole exchange; <= 0: 10 s; at most a day */
    size_t max_bytes;        /* bound on what the switch sends; 0: NETCONF_DEFAULT_MAX_BYTES */
};

/* Sets every field of opts to its default (port 830, timeout 10 s, at
 * most NETCONF_DEFAULT_MAX_BYTES, the rest empty). */
void netconf_options_init(struct netconf_options *opts);

/* Parses "[USER@]HOST[:PORT]" (IPv6: "[USER@][ADDR]:PORT" or a bare ADDR)
 * into opts->user, opts->host and opts->port, leaving other fields as they
 * are. A missing port gives 830, a missing user leaves opts->user as it
 * was. Returns -1 with PR_ERR_USAGE naming the problem. */
int netconf_target_parse(const char *target, struct netconf_options *opts, struct pr_error *err);

/* Connects over SSH, checks the host key, authenticates, exchanges hellos
 * and sends <get-config> of <running/> with subtree_filter_xml (one or more
 * elements; NULL or "": no filter). On success *out_xml holds the reply's
 * <data> element, namespace included, as one well-formed XML document of
 * *out_len bytes (NUL-terminated; the caller frees it with free()).
 *
 * The whole exchange (TCP connect, SSH, authentication, hello, reply) ends
 * within opts->timeout_s. What the switch sends is checked as it arrives,
 * before libnetconf2 and libyang parse it: more than opts->max_bytes, or
 * XML past the bounds of util/xml_scan.h, ends the exchange at once.
 * Errors (return -1, *out_xml NULL):
 *   PR_ERR_IO        connection refused / unreachable
 *   PR_ERR_TIMEOUT   no progress in time; the message names the phase
 *   PR_ERR_AUTH      authentication failed; unknown or changed host key
 *   PR_ERR_PROTOCOL  not a NETCONF server (no hello, garbage), rpc-error
 *                    (with the server's error-message), malformed reply,
 *                    a reply past a bound (the message names it)
 * The password never appears in a message. */
int netconf_get_config(const struct netconf_options *opts, const char *subtree_filter_xml,
                       char **out_xml, size_t *out_len, struct pr_error *err);

#endif
