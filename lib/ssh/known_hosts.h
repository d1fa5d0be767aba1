/* SPDX-License-Identifier: BSD-3-Clause */
/* The known_hosts markers libssh skips: "@revoked" (this key must never be
 * accepted) and "@cert-authority" (hosts matching the pattern prove
 * themselves with a certificate signed by this key). libssh's own check
 * (ssh_session_is_known_server) reads the other lines only, so a revoked
 * key would pass as unknown, and --accept-new-hostkey would append and
 * trust it. Every SSH source (NETCONF and the SSH CLI) asks this
 * first.
 *
 * Ownership: nothing is kept; the caller owns every argument. */
#ifndef PR_SSH_KNOWN_HOSTS_H
#define PR_SSH_KNOWN_HOSTS_H

#include <stddef.h>

#include <libssh/libssh.h>

#include "util/error.h"

enum known_hosts_marker {
    KNOWN_HOSTS_NO_MARKER = 0,  /* no marker line concerns this host or key */
    KNOWN_HOSTS_REVOKED,        /* the key is on an @revoked line */
    KNOWN_HOSTS_CERT_AUTHORITY, /* an @cert-authority line covers the host */
};

/* Where the marker that applies was found. */
struct known_hosts_mark {
    enum known_hosts_marker marker;
    char file[1024];
    size_t line; /* 1-based */
};

/* Reads the known_hosts files (n_files paths; a missing file is skipped)
 * for marker lines concerning host, as known_hosts writes it ("name" for
 * port 22, "[name]:port" otherwise; compared without case, with hashed
 * names, lists and wildcard patterns as libssh matches them), and key, the server's
 * host key. An @revoked line of the same key wins, whatever hosts it names
 * and wherever it stands; else the first @cert-authority line whose
 * pattern covers host. Lines that are not markers, and marker lines that
 * do not parse, are left to libssh. 0 with *out filled (marker
 * KNOWN_HOSTS_NO_MARKER when none applies), or -1 (PR_ERR_IO) when a file
 * exists but cannot be read. */
int known_hosts_find_marker(const char *host, ssh_key key, const char *const *files, size_t n_files,
                            struct known_hosts_mark *out, struct pr_error *err);

#endif
