/* SPDX-License-Identifier: BSD-3-Clause */
/* The command layer: one function per subcommand. Each takes the
 * arguments after the subcommand name (argv[0] is the subcommand), prints
 * its output and errors, and returns the process exit code. */
#ifndef PR_COMMANDS_H
#define PR_COMMANDS_H

#include <stdio.h>

/* Exit codes (monitoring-plugin convention), documented in README and the
 * man page. */
enum pr_exit {
    PR_EXIT_READY = 0,     /* every port ready / every handshake complete */
    PR_EXIT_WARNING = 1,   /* warnings only */
    PR_EXIT_NOT_READY = 2, /* at least one port not ready / handshake failed */
    PR_EXIT_UNKNOWN = 3,   /* unreadable switch or input, bad arguments, internal error */
};

int portready_main(int argc, char **argv);

int cmd_check(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_time(int argc, char **argv);
int cmd_dhcplog(int argc, char **argv);

/* Prints "portready: MESSAGE" (and a hint line when hint is not NULL) to
 * stderr; returns PR_EXIT_UNKNOWN. */
int cmd_fail(const char *hint, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
