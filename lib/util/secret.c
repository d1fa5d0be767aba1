/* SPDX-License-Identifier: BSD-3-Clause */
#include "util/secret.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

extern char **environ;

void secret_wipe(void *p, size_t n)
{
    if (p != NULL && n > 0)
        explicit_bzero(p, n);
}

void secret_protect_process(void)
{
    /* Cannot fail with these arguments; a process that is already not
     * dumpable stays so. */
    (void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

static ssize_t read_some(int fd, void *buf, size_t len)
{
    ssize_t got;
    do {
        got = read(fd, buf, len);
    } while (got < 0 && errno == EINTR);
    return got;
}

static void mode_warning(const char *path, const struct stat *st, char *warning, size_t warning_len)
{
    if (warning == NULL || warning_len == 0 || !S_ISREG(st->st_mode))
        return;
    unsigned mode = (unsigned)st->st_mode & 07777;
    const char *who = NULL;
    if (st->st_mode & S_IROTH)
        who = "others";
    else if (st->st_mode & S_IRGRP)
        who = "its group";
    if (who != NULL)
        snprintf(warning, warning_len,
                 "credential file %s is readable by %s (mode %04o); chmod 600 it", path, who, mode);
}

/* Reads into out until a newline, end of file, or out_len - 1 bytes.
 * Returns the line length, or -1 with err set. */
static int read_first_line(int fd, const char *path, char *out, size_t out_len,
                           struct pr_error *err)
{
    size_t used = 0;
    bool newline = false;
    while (used < out_len - 1) {
        ssize_t got = read_some(fd, out + used, out_len - 1 - used);
        if (got < 0)
            return pr_error_set(err, PR_ERR_IO, "cannot read credential file %s: %s", path,
                                strerror(errno));
        if (got == 0)
            break;
        char *nl = memchr(out + used, '\n', (size_t)got);
        if (nl != NULL) {
            /* Whatever follows the first line is not kept. */
            size_t line_end = (size_t)(nl - out);
            secret_wipe(out + line_end, used + (size_t)got - line_end);
            used = line_end;
            newline = true;
            break;
        }
        used += (size_t)got;
    }
    if (!newline && used == out_len - 1) {
        /* Full: fine only when the line ends right here. */
        char next = 0;
        ssize_t got = read_some(fd, &next, 1);
        if (got < 0)
            return pr_error_set(err, PR_ERR_IO, "cannot read credential file %s: %s", path,
                                strerror(errno));
        bool ends = got == 0 || next == '\n';
        secret_wipe(&next, sizeof next);
        if (!ends)
            return pr_error_set(err, PR_ERR_INPUT,
                                "the secret in credential file %s is longer than %zu characters",
                                path, out_len - 1);
    }
    out[used] = '\0';
    if (used > 0 && out[used - 1] == '\r')
        out[--used] = '\0';
    if (memchr(out, '\0', used) != NULL)
        return pr_error_set(err, PR_ERR_INPUT, "credential file %s contains a NUL byte", path);
    if (used == 0)
        return pr_error_set(err, PR_ERR_INPUT,
                            "credential file %s is empty (the secret is its first line)", path);
    return (int)used;
}

int secret_read_file(const char *path, char *out, size_t out_len, char *warning, size_t warning_len,
                     struct pr_error *err)
{
    if (warning != NULL && warning_len > 0)
        warning[0] = '\0';
    if (out == NULL || out_len < 2)
        return pr_error_set(err, PR_ERR_INTERNAL, "no room for the secret of %s", path);
    out[0] = '\0';
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return pr_error_set(err, PR_ERR_IO, "cannot open credential file %s: %s", path,
                            strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int saved = errno;
        close(fd);
        return pr_error_set(err, PR_ERR_IO, "cannot read credential file %s: %s", path,
                            strerror(saved));
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        return pr_error_set(err, PR_ERR_INPUT, "credential file %s is a directory", path);
    }
    int rc = read_first_line(fd, path, out, out_len, err);
    close(fd);
    if (rc < 0) {
        secret_wipe(out, out_len);
        return -1;
    }
    mode_warning(path, &st, warning, warning_len);
    secret_protect_process();
    return 0;
}

static bool valid_env_name(const char *name)
{
    if (name == NULL || name[0] == '\0' || (name[0] >= '0' && name[0] <= '9'))
        return false;
    for (const char *c = name; *c != '\0'; c++) {
        bool ok = (*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
                  (*c >= '0' && *c <= '9') || *c == '_';
        if (!ok)
            return false;
    }
    return true;
}

int secret_from_env(const char *name, char *out, size_t out_len, struct pr_error *err)
{
    if (out == NULL || out_len < 2)
        return pr_error_set(err, PR_ERR_INTERNAL, "no room for a secret");
    out[0] = '\0';
    if (!valid_env_name(name))
        return pr_error_set(err, PR_ERR_INPUT,
                            "'%.64s' is not an environment variable name (letters, digits and _)",
                            name != NULL ? name : "");
    const char *value = secure_getenv(name);
    if (value == NULL)
        return pr_error_set(err, PR_ERR_INPUT, "environment variable %s is not set", name);
    size_t len = strlen(value);
    if (len == 0)
        return pr_error_set(err, PR_ERR_INPUT, "environment variable %s is empty", name);
    if (len >= out_len)
        return pr_error_set(err, PR_ERR_INPUT,
                            "the value of environment variable %s is longer than %zu characters",
                            name, out_len - 1);
    memcpy(out, value, len + 1);
    secret_protect_process();
    return 0;
}

void secret_wipe_env(const char *name)
{
    if (!valid_env_name(name))
        return;
    size_t name_len = strlen(name);
    /* Every entry: an environment may hold the same name twice, and
     * getenv() shows the first only. */
    for (char **entry = environ; entry != NULL && *entry != NULL; entry++) {
        if (strncmp(*entry, name, name_len) == 0 && (*entry)[name_len] == '=') {
            char *value = *entry + name_len + 1;
            secret_wipe(value, strlen(value));
        }
    }
    unsetenv(name);
}

int secret_take_env(const char *name, char *out, size_t out_len, struct pr_error *err)
{
    int rc = secret_from_env(name, out, out_len, err);
    secret_wipe_env(name);
    return rc;
}
