/* SPDX-License-Identifier: BSD-3-Clause */
/* "[USER@]HOST[:PORT]" as given to --ssh and --netconf, and the target's
 * defaults. */
#include "ssh/transport.h"

#include <string.h>

#include "util/strutil.h"

void pr_ssh_target_init(struct pr_ssh_target *t)
{
    memset(t, 0, sizeof *t);
    t->port = PR_SSH_DEFAULT_PORT;
    t->timeout_s = 10.0;
}

static int target_port(const char *option, const char *target, const char *text, int *port,
                       struct pr_error *err)
{
    long long value;
    if (!pr_parse_int(text, 1, 65535, &value))
        return pr_error_set(err, PR_ERR_USAGE, "%s %s: port '%s' is not a number from 1 to 65535",
                            option, target, text);
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

int pr_ssh_target_parse(const char *target, const char *option, int default_port, char *user_out,
                        size_t user_len, char *host_out, size_t host_len, int *port_out,
                        struct pr_error *err)
{
    if (target == NULL || target[0] == '\0')
        return pr_error_set(err, PR_ERR_USAGE, "%s: empty target, expected [USER@]HOST[:PORT]",
                            option);

    const char *rest = target;
    const char *at = strrchr(target, '@');
    char user[256] = "";
    if (at != NULL) {
        size_t n = (size_t)(at - target);
        if (n == 0)
            return pr_error_set(err, PR_ERR_USAGE, "%s %s: empty user name before '@'", option,
                                target);
        if (n >= user_len || n >= sizeof user)
            return pr_error_set(err, PR_ERR_USAGE, "%s %s: user name is too long", option, target);
        memcpy(user, target, n);
        user[n] = '\0';
        rest = at + 1;
    }

    char host[256];
    int port = default_port;
    size_t n;
    if (rest[0] == '[') {
        const char *close = strchr(rest, ']');
        if (close == NULL)
            return pr_error_set(err, PR_ERR_USAGE, "%s %s: '[' without a closing ']'", option,
                                target);
        n = (size_t)(close - rest - 1);
        if (n >= host_len || n >= sizeof host)
            return pr_error_set(err, PR_ERR_USAGE, "%s %s: host name is too long", option, target);
        memcpy(host, rest + 1, n);
        host[n] = '\0';
        if (close[1] == ':') {
            if (target_port(option, target, close + 2, &port, err) != 0)
                return -1;
        } else if (close[1] != '\0') {
            return pr_error_set(err, PR_ERR_USAGE, "%s %s: expected ':PORT' or nothing after ']'",
                                option, target);
        }
    } else {
        const char *colon = strchr(rest, ':');
        n = strlen(rest);
        if (colon != NULL && strchr(colon + 1, ':') == NULL) {
            n = (size_t)(colon - rest);
            if (target_port(option, target, colon + 1, &port, err) != 0)
                return -1;
        }
        /* Two colons or more without brackets: a bare IPv6 address. */
        if (n >= host_len || n >= sizeof host)
            return pr_error_set(err, PR_ERR_USAGE, "%s %s: host name is too long", option, target);
        memcpy(host, rest, n);
        host[n] = '\0';
    }
    if (!target_host_ok(host))
        return pr_error_set(err, PR_ERR_USAGE,
                            "%s %s: missing or invalid host, expected [USER@]HOST[:PORT]", option,
                            target);

    if (user[0] != '\0')
        pr_strlcpy(user_out, user, user_len);
    pr_strlcpy(host_out, host, host_len);
    *port_out = port;
    return 0;
}
