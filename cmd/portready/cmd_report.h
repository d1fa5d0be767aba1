/* SPDX-License-Identifier: BSD-3-Clause */
/* What check and audit share around their report: the writer a failed
 * parse still needs, the status line of a failure, stderr held behind a
 * plugin's status line, and the run's limits (SIGINT/SIGTERM,
 * --timeout-total). */
#ifndef PR_CMD_REPORT_H
#define PR_CMD_REPORT_H

#include <signal.h>
#include <stdint.h>

#include "report/report.h"

/* The writer --format names in argv (also --format=NAME and abbreviations
 * down to --fo), looked for before the options are parsed: a usage error
 * must still print a plugin's status line. NULL when none is named (the last
 * one given counts, as for getopt). */
const struct report_writer *cmd_format_in_argv(int argc, char **argv);

/* Called first, before anything is printed. With --format nagios, what
 * goes to stderr is held back until cmd_report_done(): an engine that reads
 * the plugin's stdout and stderr as one stream (Icinga 2 does) must see the
 * status line first. */
void cmd_report_prepare(int argc, char **argv);

/* After the report: flushes stdout, then what stderr held. */
void cmd_report_done(void);

/* As cmd_fail (the message to stderr), then the writer's report of a
 * failure on stdout (nagios: "PORTREADY UNKNOWN - MESSAGE"), then
 * cmd_report_done(). writer may be NULL. Returns PR_EXIT_UNKNOWN. */
int cmd_fail_report(const struct report_writer *writer, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A failure err of command what ("check", "audit") before any switch was
 * read: as cmd_fail_report() with "WHAT: MESSAGE", and with the JSON writer
 * the command's one document, empty, with err as its "error" (round: the
 * audit's, 0 for check; docs/json.md). Returns PR_EXIT_UNKNOWN. */
int cmd_fail_doc(const struct report_writer *writer, unsigned round, const char *hint,
                 const char *what, const struct pr_error *err);

/* Set by SIGINT or SIGTERM once cmd_signals_catch() has run. The handler
 * resets itself, so a second signal ends the process at once. */
extern volatile sig_atomic_t cmd_signalled;

struct cmd_signals {
    struct sigaction old_int, old_term;
};

void cmd_signals_catch(struct cmd_signals *saved);
void cmd_signals_restore(const struct cmd_signals *saved);

/* The deadline (audit_monotonic_ns's clock) of a run that started at
 * start_ns and may last seconds; 0 when seconds is 0 (no limit). */
int64_t cmd_deadline_ns(int64_t start_ns, double seconds);

/* The survey of an inventory switch, as audit runs it: ports (isw's
 * n_ports of them) filled from its port list; nc and ssh may be NULL;
 * clients: the --client set, 0 for none (cmd_audit.c). */
struct inventory_switch;
struct survey_spec;
struct survey_port;
struct netconf_options;
struct pr_ssh_target;
void spec_from_inventory(const struct inventory_switch *isw, struct survey_spec *spec,
                         struct survey_port *ports, const struct netconf_options *nc,
                         const struct pr_ssh_target *ssh, const char *save_config,
                         uint32_t clients);

#endif
