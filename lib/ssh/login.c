/* SPDX-License-Identifier: BSD-3-Clause */
/* The SSH login, done with libssh directly (for NETCONF rather than
 * inside libnetconf2) so each failure gets its own clear error and nothing
 * ever prompts on a terminal: key exchange, host key, then authentication
 * by key file (or ssh-agent and the default keys), by password and by
 * keyboard-interactive answered with the password. */
#include "ssh/ssh_private.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libssh/callbacks.h>

#include "util/strutil.h"

/* libssh hands a PEM key without a passphrase callback to OpenSSL, whose
 * own callback asks on the terminal (and waits there past any timeout).
 * portready never prompts: encrypted keys belong in ssh-agent. */
static int ssh_no_passphrase(const char *prompt, char *buf, size_t len, int echo, int verify,
                             void *userdata)
{
    (void)prompt;
    (void)buf;
    (void)len;
    (void)echo;
    (void)verify;
    (void)userdata;
    return -1;
}

/* Read-only once initialised, so every session of every thread shares it;
 * used by ssh_userauth_publickey_auto() for the default keys. */
static struct ssh_callbacks_struct ssh_refusing_callbacks = {
    .size = sizeof(struct ssh_callbacks_struct),
    .auth_function = ssh_no_passphrase,
};

static void ssh_default_known_hosts(char *buf, size_t len)
{
    const char *home = getenv("HOME");
    if (home == NULL || home[0] == '\0') {
        struct passwd *pw = getpwuid(getuid());
        home = pw != NULL ? pw->pw_dir : "/";
    }
    snprintf(buf, len, "%s/.ssh/known_hosts", home);
}

/* Errors of a blocking libssh call: a timeout when the deadline cut it,
 * else what libssh says. */
static int ssh_fail(struct pr_ssh_conn *c, ssh_session ssh, const char *phase, struct pr_error *err)
{
    if (pr_ssh_watchdog_fired(&c->wd))
        return pr_error_set(err, PR_ERR_TIMEOUT, "%s: timeout after %.1f s during %s with %s%s",
                            c->purpose->what, c->timeout_s, phase, c->label,
                            strcmp(phase, "the SSH handshake") == 0
                                ? " (TCP connected, but no SSH server answered)"
                                : "");
    return pr_error_set(err, PR_ERR_PROTOCOL, "%s: %s with %s failed: %s", c->purpose->what, phase,
                        c->label, ssh_get_error(ssh));
}

/* Answers keyboard-interactive with the password when the server asks for
 * exactly one hidden answer (what "Password:" prompts look like). */
static int ssh_kbdint_password(ssh_session ssh, const char *password)
{
    int rc = ssh_userauth_kbdint(ssh, NULL, NULL);
    for (int round = 0; rc == SSH_AUTH_INFO && round < 4; round++) {
        int prompts = ssh_userauth_kbdint_getnprompts(ssh);
        if (prompts == 1) {
            char echo = 1;
            ssh_userauth_kbdint_getprompt(ssh, 0, &echo);
            if (echo)
                return SSH_AUTH_DENIED;
            if (ssh_userauth_kbdint_setanswer(ssh, 0, password) < 0)
                return SSH_AUTH_ERROR;
        } else if (prompts != 0) {
            return SSH_AUTH_DENIED;
        }
        rc = ssh_userauth_kbdint(ssh, NULL, NULL);
    }
    return rc == SSH_AUTH_INFO ? SSH_AUTH_DENIED : rc;
}

/* Returns -1 when the key file cannot be used, else 0 with libssh's
 * answer in *auth_rc. */
static int ssh_auth_key_file(ssh_session ssh, const char *path, const struct pr_ssh_conn *c,
                             int *auth_rc, struct pr_error *err)
{
    if (access(path, R_OK) != 0)
        return pr_error_set(err, PR_ERR_IO, "%s: cannot read SSH private key %s: %s",
                            c->purpose->what, path, strerror(errno));
    ssh_key key = NULL;
    if (ssh_pki_import_privkey_file(path, NULL, ssh_no_passphrase, NULL, &key) != SSH_OK)
        return pr_error_set(err, PR_ERR_INPUT,
                            "%s: cannot load SSH private key %s (not a private key, or "
                            "protected by a passphrase: load those into ssh-agent) for %s",
                            c->purpose->what, path, c->label);
    *auth_rc = ssh_userauth_publickey(ssh, NULL, key);
    ssh_key_free(key);
    return 0;
}

static int ssh_authenticate(const struct pr_ssh_target *opts, ssh_session ssh,
                            struct pr_ssh_conn *c, struct pr_error *err)
{
    const char *what = c->purpose->what, *label = c->label, *user = c->user;
    int rc = ssh_userauth_none(ssh, NULL);
    if (rc == SSH_AUTH_SUCCESS)
        return 0;
    if (rc == SSH_AUTH_ERROR)
        return ssh_fail(c, ssh, "SSH authentication", err);
    int methods = ssh_userauth_list(ssh, NULL);
    char tried[160] = "";

    if ((methods & SSH_AUTH_METHOD_PUBLICKEY) != 0) {
        if (opts->ssh_key[0] != '\0') {
            if (ssh_auth_key_file(ssh, opts->ssh_key, c, &rc, err) != 0)
                return -1;
            pr_strlcatf(tried, sizeof tried, "%spublic key %s", tried[0] ? ", " : "",
                        opts->ssh_key);
        } else {
            rc = ssh_userauth_publickey_auto(ssh, NULL, NULL);
            pr_strlcatf(tried, sizeof tried, "%sssh-agent and default keys", tried[0] ? ", " : "");
        }
        if (rc == SSH_AUTH_SUCCESS)
            return 0;
        if (rc == SSH_AUTH_ERROR)
            return ssh_fail(c, ssh, "SSH public-key authentication", err);
    }
    const char *password = opts->password_at != NULL ? opts->password_at : opts->password;
    if (password[0] != '\0' && (methods & SSH_AUTH_METHOD_PASSWORD) != 0) {
        rc = ssh_userauth_password(ssh, NULL, password);
        pr_strlcatf(tried, sizeof tried, "%spassword", tried[0] ? ", " : "");
        if (rc == SSH_AUTH_SUCCESS)
            return 0;
        if (rc == SSH_AUTH_ERROR)
            return ssh_fail(c, ssh, "SSH password authentication", err);
    } else if (password[0] != '\0' && (methods & SSH_AUTH_METHOD_INTERACTIVE) != 0) {
        rc = ssh_kbdint_password(ssh, password);
        pr_strlcatf(tried, sizeof tried, "%spassword (keyboard-interactive)", tried[0] ? ", " : "");
        if (rc == SSH_AUTH_SUCCESS)
            return 0;
        if (rc == SSH_AUTH_ERROR)
            return ssh_fail(c, ssh, "SSH keyboard-interactive authentication", err);
    }
    if (pr_ssh_watchdog_fired(&c->wd))
        return ssh_fail(c, ssh, "SSH authentication", err);
    if (tried[0] == '\0')
        return pr_error_set(err, PR_ERR_AUTH,
                            "%s: no way to log in as '%s' at %s: the server accepts %s%s%s; "
                            "give --ssh-key FILE, an ssh-agent, or a password (--password-file "
                            "or %s)",
                            what, user, label,
                            (methods & SSH_AUTH_METHOD_PUBLICKEY) ? "publickey " : "",
                            (methods & SSH_AUTH_METHOD_PASSWORD) ? "password " : "",
                            (methods & SSH_AUTH_METHOD_INTERACTIVE) ? "keyboard-interactive" : "",
                            c->purpose->password_env);
    return pr_error_set(err, PR_ERR_AUTH,
                        "%s: authentication failed for user '%s' at %s (tried: %s)", what, user,
                        label, tried);
}

int pr_ssh_login(const struct pr_ssh_target *opts, struct pr_ssh_conn *c, struct pr_error *err)
{
    c->ssh = NULL;
    const char *what = c->purpose->what;
    ssh_session ssh = ssh_new();
    if (ssh == NULL) {
        close(c->ssh_fd);
        c->ssh_fd = -1;
        return pr_error_set(err, PR_ERR_INTERNAL, "%s: cannot create an SSH session", what);
    }

    char known_hosts[1100];
    if (opts->known_hosts[0] != '\0')
        pr_strlcpy(known_hosts, opts->known_hosts, sizeof known_hosts);
    else
        ssh_default_known_hosts(known_hosts, sizeof known_hosts);
    if (opts->user[0] != '\0') {
        pr_strlcpy(c->user, opts->user, sizeof c->user);
    } else {
        struct passwd *pw = getpwuid(getuid());
        pr_strlcpy(c->user, pw != NULL ? pw->pw_name : "root", sizeof c->user);
    }
    unsigned int port = (unsigned int)opts->port;
    int no = 0;
    long timeout = (long)(pr_ssh_left_ms(c->deadline_ns) / 1000) + 1;
    /* The options are explicit: ~/.ssh/config (which could add a
     * ProxyCommand or another host name) is not read. */
    if (ssh_options_set(ssh, SSH_OPTIONS_PROCESS_CONFIG, &no) != SSH_OK ||
        ssh_options_set(ssh, SSH_OPTIONS_HOST, opts->host) != SSH_OK ||
        ssh_options_set(ssh, SSH_OPTIONS_PORT, &port) != SSH_OK ||
        ssh_options_set(ssh, SSH_OPTIONS_USER, c->user) != SSH_OK ||
        ssh_options_set(ssh, SSH_OPTIONS_KNOWNHOSTS, known_hosts) != SSH_OK ||
        ssh_options_set(ssh, SSH_OPTIONS_TIMEOUT, &timeout) != SSH_OK) {
        pr_error_set(err, PR_ERR_INTERNAL, "%s: cannot set SSH options: %s", what,
                     ssh_get_error(ssh));
        ssh_free(ssh);
        close(c->ssh_fd);
        c->ssh_fd = -1;
        return -1;
    }
    ssh_set_callbacks(ssh, &ssh_refusing_callbacks);
    socket_t sock = c->ssh_fd;
    ssh_options_set(ssh, SSH_OPTIONS_FD, &sock); /* from here on libssh owns the fd */

    int rc = -1;
    if (ssh_connect(ssh) != SSH_OK)
        ssh_fail(c, ssh, "the SSH handshake", err);
    else if (pr_ssh_hostkey_check(opts, what, ssh, known_hosts, err) == 0 &&
             ssh_authenticate(opts, ssh, c, err) == 0)
        rc = 0;
    if (rc != 0) {
        /* Not ssh_disconnect(): libssh 0.10 never closes a descriptor set
         * with SSH_OPTIONS_FD there, while ssh_free() closes it if open. */
        ssh_free(ssh);
        return -1;
    }
    c->ssh = ssh;
    return 0;
}
