/* SPDX-License-Identifier: BSD-3-Clause */
/* What `portready time` reports: the one-line timeline of each bounce or
 * outage, the summary, and the JSON document. Writers take a FILE or a
 * buffer; the command layer decides where they go. */
#ifndef PR_TIMER_REPORT_H
#define PR_TIMER_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "timer/timer_run.h"

/* "4043.217 ms" style, or "-" for TIMER_NONE. */
void timer_format_ms(int64_t ns, char *buf, size_t len);

/* One line, no newline:
 * "bounce 1/3: down 5.00 s | up -> carrier 0.1 ms | carrier -> ARP reply
 *  4042.8 ms | up -> first reply 4043.2 ms | warning | put back 1 address, 1 route" */
void timer_text_bounce(const struct timer_run *run, size_t index, char *buf, size_t len);
/* "outage 1: last reply -> first lost probe 9.8 ms | first lost probe ->
 *  first reply 9043.2 ms | 904 probes lost [| less --down-for 5.00 s:
 *  4043.2 ms] | warning" */
void timer_text_outage(const struct timer_run *run, size_t index, char *buf, size_t len);
/* What follows the run's verdict, "" when nothing does: the cause of the
 * measured verdict; when the run was cut short (interrupted, or something
 * of the interface not put back), what was, then the measured verdict
 * ("eth0 was not restored: 1 of what it had is missing; measured: ready").
 * The text's verdict line and the JSON summary's cause alike. */
#define TIMER_REASON_LEN 768
void timer_verdict_reason(const struct timer_run *run, const struct timer_summary *s, char *buf,
                          size_t len);
/* The closing lines (with newlines). */
void timer_text_summary(FILE *out, const struct timer_run *run, const struct timer_summary *s);

/* {"portready": 1, "timestamp": ..., "time": {...}, "error": ...}
 * (docs/json.md): settings, every bounce (or outage) with its events on
 * both clocks and every probe's send and reply times, and the summary s.
 * run NULL (the command failed before it knew what to measure): "time" is
 * null. err: what stopped the run, NULL none. */
void timer_json_write(FILE *out, const struct timer_run *run, const struct timer_summary *s,
                      const struct pr_error *err, bool pretty);

#endif
