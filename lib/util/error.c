/* SPDX-License-Identifier: BSD-3-Clause */
#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int pr_error_set(struct pr_error *err, enum pr_error_code code, const char *fmt, ...)
{
    if (err == NULL)
        return -1;
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return -1;
}

void pr_error_prefix(struct pr_error *err, const char *fmt, ...)
{
    if (err == NULL)
        return;
    char prefix[PR_ERROR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    char joined[PR_ERROR_MSG_MAX];
    snprintf(joined, sizeof joined, "%s: %s", prefix, err->msg);
    memcpy(err->msg, joined, sizeof err->msg);
}

void pr_error_clear(struct pr_error *err)
{
    if (err == NULL)
        return;
    err->code = PR_OK;
    err->msg[0] = '\0';
}

const char *pr_error_code_name(enum pr_error_code code)
{
    switch (code) {
    case PR_OK:
        return "ok";
    case PR_ERR_USAGE:
        return "usage";
    case PR_ERR_INPUT:
        return "input";
    case PR_ERR_IO:
        return "io";
    case PR_ERR_TIMEOUT:
        return "timeout";
    case PR_ERR_AUTH:
        return "auth";
    case PR_ERR_PROTOCOL:
        return "protocol";
    case PR_ERR_NOT_FOUND:
        return "not-found";
    case PR_ERR_PERMISSION:
        return "permission";
    case PR_ERR_UNSUPPORTED:
        return "unsupported";
    case PR_ERR_INTERNAL:
        return "internal";
    case PR_ERR_INTERRUPTED:
        return "interrupted";
    }
    return "unknown";
}
