/* SPDX-License-Identifier: BSD-3-Clause */
#include "util/fileutil.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int pr_read_file(const char *path, size_t max_bytes, char **out, size_t *out_len,
                 struct pr_error *err)
{
    *out = NULL;
    *out_len = 0;
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (f == NULL)
        return pr_error_set(err, PR_ERR_IO, "%s: %s", path, strerror(errno));
    size_t cap = 65536, len = 0;
    char *buf = malloc(cap + 1);
    int rc = 0;
    while (buf != NULL) {
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
        if (len == cap) {
            if (cap >= max_bytes) {
                rc = pr_error_set(err, PR_ERR_INPUT, "%s: larger than %zu bytes", path, max_bytes);
                break;
            }
            char *bigger = realloc(buf, cap * 2 + 1);
            if (bigger == NULL) {
                /* Never a silently shortened file: what was read is freed. */
                rc = pr_error_set(err, PR_ERR_INTERNAL, "%s: out of memory after %zu bytes", path,
                                  len);
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    if (rc == 0 && buf != NULL && ferror(f))
        rc = pr_error_set(err, PR_ERR_IO, "%s: %s", path, strerror(errno));
    if (!is_stdin)
        fclose(f);
    if (buf == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "%s: out of memory", path);
    if (rc != 0) {
        free(buf);
        return rc;
    }
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return 0;
}
