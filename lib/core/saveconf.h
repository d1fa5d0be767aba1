/* SPDX-License-Identifier: BSD-3-Clause */
/* --save-config DIR: each configuration read over SSH or NETCONF is kept
 * as DIR/<switch>.cfg, so it can be judged again offline (--config, or an
 * inventory's config: key) and stays as evidence of what was judged. */
#ifndef PR_SAVECONF_H
#define PR_SAVECONF_H

#include <stddef.h>

#include "util/error.h"

/* The file name for a switch: its name with every byte other than
 * letters, digits, '.', '_' and '-' (and a leading '.') replaced by '_',
 * then ".cfg". */
void saveconf_file_name(const char *switch_name, char *buf, size_t len);

/* Writes len bytes of text to DIR/<switch>.cfg, mode 0600 (configurations
 * hold password hashes), through a temporary file renamed into place so a
 * reader never sees half of one. PR_ERR_IO naming the file on failure. */
int saveconf_write(const char *dir, const char *switch_name, const char *text, size_t len,
                   struct pr_error *err);

#endif
