/* SPDX-License-Identifier: BSD-3-Clause */
/* Host key check against known_hosts, as OpenSSH does it: a revoked key is
 * always refused, a known key passes, an unknown key is refused unless the
 * user asked to accept it (then it is added), a changed key is always
 * refused. A host that known_hosts leaves to a certificate authority is
 * refused unless its own key is listed: portready cannot check host
 * certificates. */
#include "ssh/ssh_private.h"

#include <stdio.h>
#include <string.h>

#include "ssh/known_hosts.h"
#include "util/strutil.h"

void pr_ssh_host_label(const char *host, int port, char *buf, size_t len)
{
    if (port == 22)
        snprintf(buf, len, "%s", host);
    else
        snprintf(buf, len, "[%s]:%d", host, port);
}

/* "ssh-ed25519 SHA256:..." of the server's key. */
static void hostkey_describe(ssh_session ssh, char *buf, size_t len)
{
    pr_strlcpy(buf, "(key unavailable)", len);
    ssh_key key = NULL;
    if (ssh_get_server_publickey(ssh, &key) != SSH_OK)
        return;
    unsigned char *hash = NULL;
    size_t hash_len = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &hash_len) == 0) {
        char *fingerprint = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hash_len);
        if (fingerprint != NULL) {
            snprintf(buf, len, "%s %s", ssh_key_type_to_char(ssh_key_type(key)), fingerprint);
            ssh_string_free_char(fingerprint);
        }
        ssh_clean_pubkey_hash(&hash);
    }
    ssh_key_free(key);
}

/* The markers libssh skips, in the files it reads: the user's known_hosts
 * and the global one. */
static int hostkey_markers(ssh_session ssh, const char *what, const char *label,
                           const char *known_hosts, struct known_hosts_mark *mark,
                           struct pr_error *err)
{
    ssh_key server_key = NULL;
    if (ssh_get_server_publickey(ssh, &server_key) != SSH_OK)
        return pr_error_set(err, PR_ERR_PROTOCOL, "%s: %s presented no host key", what, label);
    char *global = NULL;
    if (ssh_options_get(ssh, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, &global) != SSH_OK)
        global = NULL;
    const char *files[] = {known_hosts, global};
    int rc = known_hosts_find_marker(label, server_key, files, global != NULL ? 2 : 1, mark, err);
    if (rc != 0)
        pr_error_prefix(err, "%s", what);
    ssh_string_free_char(global);
    ssh_key_free(server_key);
    return rc;
}

int pr_ssh_hostkey_check(const struct pr_ssh_target *opts, const char *what, ssh_session ssh,
                         const char *known_hosts, struct pr_error *err)
{
    char label[300];
    pr_ssh_host_label(opts->host, opts->port, label, sizeof label);
    char key[200];
    hostkey_describe(ssh, key, sizeof key);

    struct known_hosts_mark mark;
    if (hostkey_markers(ssh, what, label, known_hosts, &mark, err) != 0)
        return -1;
    if (mark.marker == KNOWN_HOSTS_REVOKED)
        return pr_error_set(err, PR_ERR_AUTH,
                            "%s: host key of %s (%s) is REVOKED: %s line %zu marks it "
                            "@revoked; it is refused, with or without --accept-new-hostkey",
                            what, label, key, mark.file, mark.line);

    enum ssh_known_hosts_e state = ssh_session_is_known_server(ssh);
    if (mark.marker == KNOWN_HOSTS_CERT_AUTHORITY &&
        (state == SSH_KNOWN_HOSTS_UNKNOWN || state == SSH_KNOWN_HOSTS_NOT_FOUND))
        return pr_error_set(err, PR_ERR_AUTH,
                            "%s: %s line %zu leaves the host keys of %s to a certificate "
                            "authority (@cert-authority), and portready cannot check host "
                            "certificates: the server's key (%s) is refused, with or without "
                            "--accept-new-hostkey; list the switch's own key for %s to trust it",
                            what, mark.file, mark.line, label, key, label);
    switch (state) {
    case SSH_KNOWN_HOSTS_OK:
        return 0;
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER:
        return pr_error_set(err, PR_ERR_AUTH,
                            "%s: host key of %s has CHANGED: the server presents %s, but %s "
                            "holds another key for it. Someone may be intercepting the "
                            "connection; if the switch was really re-keyed, remove the old entry "
                            "(ssh-keygen -R '%s' -f %s) and check the new fingerprint",
                            what, label, key, known_hosts, label, known_hosts);
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND:
        if (!opts->accept_new_hostkey)
            return pr_error_set(err, PR_ERR_AUTH,
                                "%s: unknown host key for %s (%s): not in %s; check the "
                                "fingerprint and rerun with --accept-new-hostkey to add it",
                                what, label, key, known_hosts);
        if (ssh_session_update_known_hosts(ssh) != SSH_OK)
            return pr_error_set(err, PR_ERR_IO, "%s: cannot add the host key of %s to %s: %s", what,
                                label, known_hosts, ssh_get_error(ssh));
        return 0;
    case SSH_KNOWN_HOSTS_ERROR:
        break;
    }
    return pr_error_set(err, PR_ERR_IO, "%s: cannot check the host key of %s against %s: %s", what,
                        label, known_hosts, ssh_get_error(ssh));
}
