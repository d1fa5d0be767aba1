/* SPDX-License-Identifier: BSD-3-Clause */
/* The command layer: one function per subcommand. Each takes the
 * arguments after the subcommand name (argv[0] is the subcommand), prints
 * its output and errors, and returns the process exit code. */
#ifndef PR_COMMANDS_H
#define PR_COMMANDS_H

#include <stdio.h>

#include "model/exit.h"

int portready_main(int argc, char **argv);

int cmd_check(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_time(int argc, char **argv);
int cmd_dhcplog(int argc, char **argv);
int cmd_bootlog(int argc, char **argv);
int cmd_locate(int argc, char **argv);

/* Prints "portready: MESSAGE" (and a hint line when hint is not NULL) to
 * stderr; returns PR_EXIT_UNKNOWN. */
int cmd_fail(const char *hint, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A usage error: kept in *kept (code PR_ERR_USAGE, for a JSON document)
 * and printed as cmd_fail() prints; returns PR_EXIT_UNKNOWN. */
struct pr_error;
int cmd_fail_usage(struct pr_error *kept, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
