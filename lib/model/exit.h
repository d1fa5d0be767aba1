/* SPDX-License-Identifier: BSD-3-Clause */
/* The process exit codes of every command (the monitoring-plugin
 * convention), documented in README and the man page. */
#ifndef PR_MODEL_EXIT_H
#define PR_MODEL_EXIT_H

enum pr_exit {
    PR_EXIT_READY = 0,     /* every port ready / every handshake complete */
    PR_EXIT_WARNING = 1,   /* warnings only */
    PR_EXIT_NOT_READY = 2, /* at least one port not ready / handshake failed */
    PR_EXIT_UNKNOWN = 3,   /* unreadable switch or input, bad arguments, internal error */
};

#endif
