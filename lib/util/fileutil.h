/* SPDX-License-Identifier: BSD-3-Clause */
/* Reading whole files with a size cap. */
#ifndef PR_FILEUTIL_H
#define PR_FILEUTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

#define PR_CONFIG_MAX_BYTES (64u * 1024u * 1024u)

/* Reads path ("-" is standard input) into a NUL-terminated buffer the
 * caller frees. Errors name the file: more than max_bytes is PR_ERR_INPUT
 * ("larger than N bytes"), an allocation that fails PR_ERR_INTERNAL; on any
 * error *out is NULL, never a part of the file. */
int pr_read_file(const char *path, size_t max_bytes, char **out, size_t *out_len,
                 struct pr_error *err);

#endif
