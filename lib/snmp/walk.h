/* SPDX-License-Identifier: BSD-3-Clause */
/* Recorded walks: the two text formats (snmprec `OID|TYPE|VALUE`, net-snmp
 * `snmpwalk -On` output) read into a compact recording (recording.h) or a
 * store. Internal to lib/snmp, also used by the unit tests and the fuzz
 * harness.
 *
 * Ownership: the caller owns the recording or store; on error it may hold
 * the varbinds read before the bad line (free it either way). */
#ifndef PR_SNMP_WALK_H
#define PR_SNMP_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util/error.h"
#include "snmp/recording.h"
#include "snmp/store.h"

/* The largest walk file read: a walk of one switch, however large its
 * forwarding tables, is far smaller. Larger files, and devices or pipes
 * that never end, stop with "larger than N bytes". */
#define PR_SNMP_WALK_MAX_BYTES (256u * 1024u * 1024u)

enum pr_snmp_walk_format { PR_SNMP_WALK_SNMPREC, PR_SNMP_WALK_SNMPWALK };

#define PR_SNMP_WALK_MALFORMED_LINES 5

struct pr_snmp_walk_stats {
    enum pr_snmp_walk_format format;
    size_t varbinds; /* varbinds read (before de-duplication) */
    size_t skipped;  /* lines deliberately ignored: snmpsim variation tags,
                        "No Such Object", "No more variables", ... */
    /* Lines that could not be read (a cut-off or odd-length hex string, a
     * value that does not fit its type, a type the reader does not know):
     * skipped, counted, the first few named. Only a file with no usable
     * varbind is refused. */
    size_t malformed;
    size_t malformed_lines[PR_SNMP_WALK_MALFORMED_LINES]; /* the first ones, 1-based */
    char first_malformed[PR_ERROR_MSG_MAX];               /* what was wrong with the first */
};

/* "skipped 3 malformed lines (12, 40, 41): FILE:12: bad hex ..." into buf;
 * "" when none was. */
void pr_snmp_walk_malformed_note(const struct pr_snmp_walk_stats *stats, char *buf, size_t len);

/* Parses data[0..len) (need not be NUL-terminated); name is used in error
 * messages ("NAME:LINE: what"). The format is detected from the first
 * data line. stats may be NULL. */
int pr_snmp_walk_parse_buffer(const char *data, size_t len, const char *name,
                              struct pr_snmp_store *out, struct pr_snmp_walk_stats *stats,
                              struct pr_error *err);

/* Reads the file at path (at most PR_SNMP_WALK_MAX_BYTES, read line by
 * line, never whole) and parses it as above into a store. */
int pr_snmp_walk_load_file(const char *path, struct pr_snmp_store *out,
                           struct pr_snmp_walk_stats *stats, struct pr_error *err);

/* The same into a finished recording (what walk sources hold). max_bytes 0
 * is PR_SNMP_WALK_MAX_BYTES. */
int pr_snmp_walk_parse_recording(const char *data, size_t len, const char *name,
                                 struct pr_snmp_rec *out, struct pr_snmp_walk_stats *stats,
                                 struct pr_error *err);
int pr_snmp_walk_load_recording(const char *path, size_t max_bytes, struct pr_snmp_rec *out,
                                struct pr_snmp_walk_stats *stats, struct pr_error *err);

/* ---- shared by the two format readers ---- */

/* Walks the input line by line; the current line is NUL-terminated in
 * line (CR stripped). The input is a buffer (data, len) or, when file is
 * set, that file read in chunks into data, at most max_bytes in all. */
struct walk_cursor {
    const char *data;
    size_t len;
    size_t pos;
    FILE *file;
    char *chunk;
    size_t read_total;
    size_t max_bytes;
    bool eof;
    bool replay; /* the next call gives the current line again */
    size_t line_no;
    const char *name;
    char *line;
    size_t line_len;
    size_t line_cap;
    struct pr_snmp_rec *out;
    struct pr_snmp_walk_stats *stats;
};

/* 1: a line is in c->line; 0: end of input; -1: error (a NUL byte, a read
 * error, more than max_bytes). */
int walk_next_line(struct walk_cursor *c, struct pr_error *err);

/* "NAME:LINE: message"; returns -1. */
int walk_error(const struct walk_cursor *c, struct pr_error *err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Growable byte buffer, freed by the reader that owns it. */
struct walk_bytes {
    uint8_t *data;
    size_t len;
    size_t cap;
};
int walk_bytes_append(struct walk_bytes *b, const void *data, size_t len);

/* Appends hex bytes ("0a1b", "0A 1B 2C"): each whitespace-separated token
 * must be an even number of hex digits. Returns -1 on a bad or odd token
 * (*bad points at it). */
int walk_hex_append(const char *text, struct walk_bytes *out, const char **bad);

/* Decimal number at text (optional '-' when min < 0) within [min, max];
 * *end set past the digits. false when there are no digits or the value is
 * out of range. */
bool walk_parse_number(const char *text, int64_t min, uint64_t max, uint64_t *bits,
                       const char **end);

/* Dotted quad -> 4 bytes; false unless exactly a.b.c.d. */
bool walk_parse_ipv4(const char *text, uint8_t out[4]);

/* Adds one varbind (counting it); reports the line on failure. */
/* After a line's reader returned rc: a malformed line (an input error) is
 * counted in the stats, err cleared and 0 returned, so reading goes on;
 * any other failure (out of memory) is returned as it is. */
int walk_malformed(struct walk_cursor *c, int rc, struct pr_error *err);

int walk_add(struct walk_cursor *c, const uint32_t *name, size_t name_len,
             const struct pr_snmp_value *value, struct pr_error *err);

int walk_parse_snmprec(struct walk_cursor *c, struct pr_error *err);
int walk_parse_snmpwalk(struct walk_cursor *c, struct pr_error *err);

#endif
