/* SPDX-License-Identifier: BSD-3-Clause */
#include "cmd_report.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli_json.h"
#include "commands.h"

const struct report_writer *cmd_format_in_argv(int argc, char **argv)
{
    static const char option[] = "--format";
    const struct report_writer *last = NULL;
    for (int i = 1; i < argc && argv[i] != NULL; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--") == 0)
            break;
        const char *eq = strchr(arg, '=');
        size_t len = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
        /* getopt_long takes any unambiguous abbreviation: --fo is the
         * shortest (--f could be --fix). */
        if (len < 4 || len > sizeof option - 1 || strncmp(arg, option, len) != 0)
            continue;
        const char *name = eq != NULL ? eq + 1 : i + 1 < argc ? argv[++i] : NULL;
        if (name != NULL)
            last = report_writer_find(name); /* the last one given counts */
    }
    return last;
}

/* Big enough for every warning a run prints; more is written out early. */
static char held_stderr[64 * 1024];

void cmd_report_prepare(int argc, char **argv)
{
    if (cmd_format_in_argv(argc, argv) == &report_writer_nagios)
        setvbuf(stderr, held_stderr, _IOFBF, sizeof held_stderr);
}

void cmd_report_done(void)
{
    fflush(stdout);
    fflush(stderr);
}

int cmd_fail_report(const struct report_writer *writer, const char *hint, const char *fmt, ...)
{
    char message[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    cmd_fail(hint, "%s", message);
    if (writer != NULL && writer->write_failure != NULL)
        writer->write_failure(stdout, message);
    cmd_report_done();
    return PR_EXIT_UNKNOWN;
}

int cmd_fail_doc(const struct report_writer *writer, unsigned round, const char *hint,
                 const char *what, const struct pr_error *err)
{
    if (writer != &report_writer_json)
        return cmd_fail_report(writer, hint, "%s: %s", what, err->msg);
    cli_report_error_doc(round, err);
    cmd_fail(hint, "%s: %s", what, err->msg);
    cmd_report_done();
    return PR_EXIT_UNKNOWN;
}

volatile sig_atomic_t cmd_signalled;

static void on_signal(int sig)
{
    (void)sig;
    cmd_signalled = 1;
}

void cmd_signals_catch(struct cmd_signals *saved)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    cmd_signalled = 0;
    sigaction(SIGINT, &sa, &saved->old_int);
    sigaction(SIGTERM, &sa, &saved->old_term);
}

void cmd_signals_restore(const struct cmd_signals *saved)
{
    sigaction(SIGINT, &saved->old_int, NULL);
    sigaction(SIGTERM, &saved->old_term, NULL);
}

int64_t cmd_deadline_ns(int64_t start_ns, double seconds)
{
    if (!(seconds > 0))
        return 0;
    return start_ns + (int64_t)(seconds * 1e9);
}
