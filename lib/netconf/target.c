/* SPDX-License-Identifier: BSD-3-Clause */
/* "[USER@]HOST[:PORT]" as given to --netconf, and the options' defaults. */
#include "netconf/netconf.h"

#include <string.h>

#include "util/strutil.h"

void netconf_options_init(struct netconf_options *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->port = NETCONF_DEFAULT_PORT;
    opts->timeout_s = 10.0;
    opts->max_bytes = NETCONF_DEFAULT_MAX_BYTES;
}

static int target_port(const char *target, const char *text, int *port, struct pr_error *err)
{
    long long value;
    if (!pr_parse_int(text, 1, 65535, &value))
        return pr_error_set(err, PR_ERR_USAGE,
                            "--netconf %s: port '%s' is not a number from 1 to 65535", target,
                            text);
    *port = (int)value;
    return 0;
}

static bool target_host_ok(const char *host)
{
    if (host[0] == '\0')
        return false;
    for (const char *c = host; *c != '\0'; c++) {
        if (*c == '@' || *c == '[' || *c == ']' || *c == '/' || *c == ' ' || *c == '\t')
            return false;
    }
    return true;
}

int netconf_target_parse(const char *target, struct netconf_options *opts, struct pr_error *err)
{
    if (target == NULL || target[0] == '\0')
        return pr_error_set(err, PR_ERR_USAGE,
                            "--netconf: empty target, expected [USER@]HOST[:PORT]");

    const char *rest = target;
    const char *at = strrchr(target, '@');
    char user[sizeof opts->user] = "";
    if (at != NULL) {
        size_t user_len = (size_t)(at - target);
        if (user_len == 0)
            return pr_error_set(err, PR_ERR_USAGE, "--netconf %s: empty user name before '@'",
                                target);
        if (user_len >= sizeof user)
            return pr_error_set(err, PR_ERR_USAGE, "--netconf %s: user name is too long", target);
        memcpy(user, target, user_len);
        user[user_len] = '\0';
        rest = at + 1;
    }

    char host[sizeof opts->host];
    int port = NETCONF_DEFAULT_PORT;
    if (rest[0] == '[') {
        const char *close = strchr(rest, ']');
        if (close == NULL)
            return pr_error_set(err, PR_ERR_USAGE, "--netconf %s: '[' without a closing ']'",
                                target);
        size_t host_len = (size_t)(close - rest - 1);
        if (host_len >= sizeof host)
            return pr_error_set(err, PR_ERR_USAGE, "--netconf %s: host name is too long", target);
        memcpy(host, rest + 1, host_len);
        host[host_len] = '\0';
        if (close[1] == ':') {
            if (target_port(target, close + 2, &port, err) != 0)
                return -1;
        } else if (close[1] != '\0') {
            return pr_error_set(err, PR_ERR_USAGE,
                                "--netconf %s: expected ':PORT' or nothing after ']'", target);
        }
    } else {
        const char *colon = strchr(rest, ':');
        size_t host_len = strlen(rest);
        if (colon != NULL && strchr(colon + 1, ':') == NULL) {
            host_len = (size_t)(colon - rest);
            if (target_port(target, colon + 1, &port, err) != 0)
                return -1;
        }
        /* Two colons or more without brackets: a bare IPv6 address. */
        if (host_len >= sizeof host)
            return pr_error_set(err, PR_ERR_USAGE, "--netconf %s: host name is too long", target);
        memcpy(host, rest, host_len);
        host[host_len] = '\0';
    }
    if (!target_host_ok(host))
        return pr_error_set(err, PR_ERR_USAGE,
                            "--netconf %s: missing or invalid host, expected [USER@]HOST[:PORT]",
                            target);

    if (user[0] != '\0')
        pr_strlcpy(opts->user, user, sizeof opts->user);
    pr_strlcpy(opts->host, host, sizeof opts->host);
    opts->port = port;
    return 0;
}
