/* SPDX-License-Identifier: BSD-3-Clause */
/* The marker lines of known_hosts files (see known_hosts.h): each line
 * "@MARKER HOSTS KEYTYPE KEY [COMMENT]" is parsed by libssh's own line
 * parser once the marker is cut off, so host patterns, hashed names and
 * keys are read exactly as for the lines libssh checks itself. */
#include "ssh/known_hosts.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "util/strutil.h"

/* A longer line is no known_hosts entry (libssh stops at 8 KiB). */
#define KNOWN_HOSTS_LINE_MAX 65536

/* The marker that starts p, and in *rest what follows it; markers are
 * case-sensitive, as OpenSSH has them. */
static enum known_hosts_marker marker_of(const char *p, const char **rest)
{
    static const struct {
        const char *word;
        enum known_hosts_marker marker;
    } markers[] = {
        {"@revoked", KNOWN_HOSTS_REVOKED},
        {"@cert-authority", KNOWN_HOSTS_CERT_AUTHORITY},
    };
    for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++) {
        size_t n = strlen(markers[i].word);
        if (strncmp(p, markers[i].word, n) == 0 && p[n] == ' ') {
            for (p += n; *p == ' '; p++) {
            }
            *rest = p;
            return markers[i].marker;
        }
    }
    return KNOWN_HOSTS_NO_MARKER;
}

static void mark_set(struct known_hosts_mark *mark, enum known_hosts_marker marker,
                     const char *path, size_t line)
{
    mark->marker = marker;
    pr_strlcpy(mark->file, path, sizeof mark->file);
    mark->line = line;
}

/* One marker line (tabs already spaces): fills *revoked or *authority
 * when it applies and they are still empty. */
static void marker_line(const char *host, ssh_key key, const char *text, const char *path,
                        size_t lineno, struct known_hosts_mark *revoked,
                        struct known_hosts_mark *authority)
{
    const char *rest = NULL;
    enum known_hosts_marker marker = marker_of(text, &rest);
    if (marker == KNOWN_HOSTS_NO_MARKER ||
        (marker == KNOWN_HOSTS_REVOKED && revoked->marker != KNOWN_HOSTS_NO_MARKER) ||
        (marker == KNOWN_HOSTS_CERT_AUTHORITY && authority->marker != KNOWN_HOSTS_NO_MARKER))
        return;
    /* A revoked key is refused whatever hosts its line names: no host to
     * match (NULL). A certificate authority concerns the hosts it names. */
    struct ssh_knownhosts_entry *entry = NULL;
    int rc = ssh_known_hosts_parse_line(marker == KNOWN_HOSTS_REVOKED ? NULL : host, rest, &entry);
    if (rc == SSH_OK && entry != NULL) {
        if (marker == KNOWN_HOSTS_CERT_AUTHORITY)
            mark_set(authority, marker, path, lineno);
        else if (ssh_key_cmp(entry->publickey, key, SSH_KEY_CMP_PUBLIC) == 0)
            mark_set(revoked, marker, path, lineno);
    }
    SSH_KNOWNHOSTS_ENTRY_FREE(entry);
}

static int scan_file(const char *host, ssh_key key, const char *path,
                     struct known_hosts_mark *revoked, struct known_hosts_mark *authority,
                     struct pr_error *err)
{
    FILE *f = fopen(path, "re");
    if (f == NULL) {
        if (errno == ENOENT || errno == ENOTDIR)
            return 0;
        return pr_error_set(err, PR_ERR_IO, "cannot read known_hosts file %s: %s", path,
                            strerror(errno));
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (len > KNOWN_HOSTS_LINE_MAX)
            continue;
        line[strcspn(line, "\r\n")] = '\0';
        for (char *c = line; *c != '\0'; c++) {
            if (*c == '\t')
                *c = ' ';
        }
        const char *text = line;
        while (*text == ' ')
            text++;
        if (*text == '@')
            marker_line(host, key, text, path, lineno, revoked, authority);
    }
    int failed = ferror(f);
    free(line);
    fclose(f);
    if (failed)
        return pr_error_set(err, PR_ERR_IO, "cannot read known_hosts file %s", path);
    return 0;
}

int known_hosts_find_marker(const char *host, ssh_key key, const char *const *files, size_t n_files,
                            struct known_hosts_mark *out, struct pr_error *err)
{
    memset(out, 0, sizeof *out);
    /* libssh compares host names in lower case. */
    char lower[512];
    pr_strlcpy(lower, host, sizeof lower);
    for (char *c = lower; *c != '\0'; c++)
        *c = (char)tolower((unsigned char)*c);
    struct known_hosts_mark revoked = {0}, authority = {0};
    for (size_t i = 0; i < n_files; i++) {
        if (files[i] != NULL && files[i][0] != '\0' &&
            scan_file(lower, key, files[i], &revoked, &authority, err) != 0)
            return -1;
    }
    *out = revoked.marker != KNOWN_HOSTS_NO_MARKER ? revoked : authority;
    return 0;
}
