/* SPDX-License-Identifier: BSD-3-Clause */
/* Errors as values: every fallible function of libportready fills a
 * struct pr_error and returns -1; only the command layer prints it. */
#ifndef PR_ERROR_H
#define PR_ERROR_H

#include <stddef.h>

enum pr_error_code {
    PR_OK = 0,
    PR_ERR_USAGE,       /* bad arguments or options */
    PR_ERR_INPUT,       /* a file or an answer could not be parsed */
    PR_ERR_IO,          /* a file could not be read or written */
    PR_ERR_TIMEOUT,     /* a peer did not answer in time */
    PR_ERR_AUTH,        /* credentials refused */
    PR_ERR_PROTOCOL,    /* a peer answered with an error or nonsense */
    PR_ERR_NOT_FOUND,   /* a named thing (port, switch) does not exist */
    PR_ERR_PERMISSION,  /* missing privilege */
    PR_ERR_UNSUPPORTED, /* the source cannot do what was asked */
    PR_ERR_INTERNAL,
    PR_ERR_INTERRUPTED, /* stopped by the user (SIGINT/SIGTERM) before it was done */
};

#define PR_ERROR_MSG_MAX 512

struct pr_error {
    enum pr_error_code code;
    char msg[PR_ERROR_MSG_MAX];
};

/* Sets code and a printf-style message; returns -1 so callers can write
 * `return pr_error_set(err, ...)`. err may be NULL. */
int pr_error_set(struct pr_error *err, enum pr_error_code code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Prepends "prefix: " to the message already in err. */
void pr_error_prefix(struct pr_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

void pr_error_clear(struct pr_error *err);

const char *pr_error_code_name(enum pr_error_code code);

#endif
