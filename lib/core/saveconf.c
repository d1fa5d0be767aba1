/* SPDX-License-Identifier: BSD-3-Clause */
#include "core/saveconf.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void saveconf_file_name(const char *switch_name, char *buf, size_t len)
{
    if (len == 0)
        return;
    size_t at = 0;
    for (const char *c = switch_name; *c != '\0' && at + 5 < len; c++) {
        char ch = *c;
        bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
                  (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' || (ch == '.' && at > 0);
        buf[at++] = ok ? ch : '_';
    }
    if (at == 0 && len > 6)
        buf[at++] = '_';
    snprintf(buf + at, len - at, ".cfg");
}

static int write_all(int fd, const char *text, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, text, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        text += n;
        len -= (size_t)n;
    }
    return 0;
}

int saveconf_write(const char *dir, const char *switch_name, const char *text, size_t len,
                   struct pr_error *err)
{
    char name[256], path[1400], tmp[1420];
    saveconf_file_name(switch_name, name, sizeof name);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    snprintf(tmp, sizeof tmp, "%s/.%s.XXXXXX", dir, name);
    int fd = mkostemp(tmp, O_CLOEXEC);
    if (fd < 0)
        return pr_error_set(err, PR_ERR_IO, "cannot save the configuration to %s: %s", path,
                            strerror(errno));
    int rc = fchmod(fd, 0600) == 0 && write_all(fd, text, len) == 0 ? 0 : -1;
    int saved = errno;
    if (close(fd) != 0 && rc == 0) {
        rc = -1;
        saved = errno;
    }
    if (rc == 0 && rename(tmp, path) != 0) {
        rc = -1;
        saved = errno;
    }
    if (rc != 0) {
        unlink(tmp);
        return pr_error_set(err, PR_ERR_IO, "cannot save the configuration to %s: %s", path,
                            strerror(saved));
    }
    return 0;
}
