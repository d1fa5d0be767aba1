/* SPDX-License-Identifier: BSD-3-Clause */
/* Secrets (SNMP communities, passphrases, NETCONF passwords) read from a
 * file or from the environment, so they never sit in argv, shell history or
 * the inventory itself. Used by the inventory reader and by the command
 * layer's --community-file / --password-file options alike.
 *
 * No function here ever puts a secret's value into an error or a warning:
 * messages name the file or the variable only.
 *
 * Ownership: the caller owns every buffer; nothing is allocated. Callers
 * wipe secret buffers with secret_wipe() when done. */
#ifndef PR_SECRET_H
#define PR_SECRET_H

#include <stddef.h>

#include "util/error.h"

/* Reads the first line of the file at path into out (the trailing "\n" and
 * a "\r" before it are stripped). Fails, with out wiped, when the file
 * cannot be opened or read (PR_ERR_IO), when the line is empty or contains
 * a NUL byte, or when it does not fit in out_len - 1 bytes (PR_ERR_INPUT).
 * Pipes and /dev/fd/N work (read until the first newline or end of file).
 *
 * When warning is not NULL it is set to "" or, for a regular file that its
 * group or others may read, to a message such as "credential file F is
 * readable by others (mode 0644); chmod 600 it". */
int secret_read_file(const char *path, char *out, size_t out_len, char *warning, size_t warning_len,
                     struct pr_error *err);

/* Copies the value of environment variable name into out, leaving the
 * variable as it is (for a reader that may meet the same name again, such
 * as the inventory's env:NAME; it calls secret_wipe_env() once done). Fails
 * (PR_ERR_INPUT), naming the variable and never its value, when name is not
 * a valid variable name, or the variable is unset, empty or longer than
 * out_len - 1 bytes. */
int secret_from_env(const char *name, char *out, size_t out_len, struct pr_error *err);

/* Takes the secret in environment variable name: copies it into out as
 * secret_from_env() does, then wipes the variable (secret_wipe_env()),
 * also when the copy fails. The one way a command reads a secret from its
 * environment. */
int secret_take_env(const char *name, char *out, size_t out_len, struct pr_error *err);

/* Overwrites the value of every entry of environment variable name with
 * zeros in place, then removes the variable (unsetenv). The value of a
 * variable the process started with sits in the block /proc/PID/environ
 * shows: overwriting it there is what hides it. Nothing happens when the
 * variable is unset or name is not a variable name. Also for a secret
 * variable an option made unnecessary (-c given beside
 * PORTREADY_COMMUNITY). */
void secret_wipe_env(const char *name);

/* Marks the process as holding a secret: PR_SET_DUMPABLE 0, so no core
 * dump is ever written, users other than root cannot ptrace it or read its
 * memory, and /proc/PID belongs to root. Idempotent. Every function here
 * that hands out a secret calls it; callers that copy a secret from
 * elsewhere (argv, an inventory value) call it themselves. */
void secret_protect_process(void);

/* Zeroes n bytes at p in a way the compiler may not optimise out. p may be
 * NULL. */
void secret_wipe(void *p, size_t n);

#endif
