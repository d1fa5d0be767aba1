/* SPDX-License-Identifier: BSD-3-Clause */
/* Recorded walks: reading the file (in chunks, with a size cap) and telling
 * the two formats apart. */
#include "snmp/walk.h"
#include "util/strutil.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The first line that is neither blank nor a comment decides: a '|' before
 * any " = " is snmprec, a " = " is snmpwalk output. */
static int detect_format(struct walk_cursor *c, enum pr_snmp_walk_format *format,
                         struct pr_error *err)
{
    int more;
    while ((more = walk_next_line(c, err)) > 0) {
        if (c->line_len == 0 || c->line[0] == '#')
            continue;
        const char *bar = strchr(c->line, '|');
        const char *eq = strstr(c->line, " =");
        if (bar != NULL && (eq == NULL || bar < eq))
            *format = PR_SNMP_WALK_SNMPREC;
        else if (eq != NULL)
            *format = PR_SNMP_WALK_SNMPWALK;
        else
            return walk_error(c, err,
                              "neither snmprec (OID|TYPE|VALUE) nor snmpwalk -On output "
                              "(OID = TYPE: VALUE): '%.60s'",
                              c->line);
        return 1;
    }
    return more;
}

/* Detects the format and parses every line of c into c->out, finishing
 * the recording. */
static int walk_parse(struct walk_cursor *c, struct pr_snmp_walk_stats *stats, struct pr_error *err)
{
    int found = detect_format(c, &stats->format, err);
    int rc = -1;
    if (found == 0)
        rc = pr_error_set(err, PR_ERR_INPUT, "%s: empty: no varbinds", c->name);
    if (found == 1) {
        /* The detected line is parsed like every other. */
        c->replay = true;
        rc = stats->format == PR_SNMP_WALK_SNMPREC ? walk_parse_snmprec(c, err)
                                                   : walk_parse_snmpwalk(c, err);
    }
    free(c->line);
    c->line = NULL;
    if (rc == 0 && stats->varbinds == 0 && stats->malformed > 0)
        rc = pr_error_set(err, PR_ERR_INPUT,
                          "%s:%zu: no usable varbind: %zu malformed line%s, the first: %s", c->name,
                          stats->malformed_lines[0], stats->malformed,
                          stats->malformed == 1 ? "" : "s", stats->first_malformed);
    else if (rc == 0 && stats->varbinds == 0)
        rc = pr_error_set(err, PR_ERR_INPUT, "%s: no varbinds (%zu lines skipped)", c->name,
                          stats->skipped);
    if (rc == 0)
        rc = pr_snmp_rec_finish(c->out, err);
    return rc;
}

int pr_snmp_walk_parse_recording(const char *data, size_t len, const char *name,
                                 struct pr_snmp_rec *out, struct pr_snmp_walk_stats *stats,
                                 struct pr_error *err)
{
    struct pr_snmp_walk_stats local;
    struct pr_error local_err;
    if (stats == NULL)
        stats = &local;
    if (err == NULL)
        err = &local_err; /* malformed lines are told apart by the error's code */
    memset(stats, 0, sizeof *stats);
    struct walk_cursor c = {.data = data, .len = len, .name = name, .out = out, .stats = stats};
    return walk_parse(&c, stats, err);
}

int pr_snmp_walk_load_recording(const char *path, size_t max_bytes, struct pr_snmp_rec *out,
                                struct pr_snmp_walk_stats *stats, struct pr_error *err)
{
    struct pr_snmp_walk_stats local;
    if (stats == NULL)
        stats = &local;
    memset(stats, 0, sizeof *stats);
    if (max_bytes == 0)
        max_bytes = PR_SNMP_WALK_MAX_BYTES;
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return pr_error_set(err, errno == ENOENT ? PR_ERR_NOT_FOUND : PR_ERR_IO, "%s: %s", path,
                            strerror(errno));
    /* A regular file too large is refused before any of it is read;
     * devices and pipes are counted as they are read. */
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max_bytes) {
        fclose(f);
        return pr_error_set(err, PR_ERR_INPUT, "%s: larger than %zu bytes (%zu MiB)", path,
                            max_bytes, max_bytes >> 20);
    }
    struct walk_cursor c = {
        .file = f,
        .chunk = malloc(64 * 1024),
        .max_bytes = max_bytes,
        .name = path,
        .out = out,
        .stats = stats,
    };
    int rc = c.chunk != NULL ? walk_parse(&c, stats, err)
                             : pr_error_set(err, PR_ERR_INTERNAL, "%s: out of memory", path);
    free(c.chunk);
    fclose(f);
    return rc;
}

/* A recording copied whole into a store. */
static int recording_to_store(struct pr_snmp_rec *rec, int rc, struct pr_snmp_store *out,
                              struct pr_error *err)
{
    if (rc == 0)
        rc = pr_snmp_rec_copy_subtree(out, rec, NULL, 0, err);
    pr_snmp_rec_free(rec);
    if (rc == 0)
        pr_snmp_store_finish(out);
    return rc;
}

int pr_snmp_walk_parse_buffer(const char *data, size_t len, const char *name,
                              struct pr_snmp_store *out, struct pr_snmp_walk_stats *stats,
                              struct pr_error *err)
{
    struct pr_snmp_rec rec;
    pr_snmp_rec_init(&rec);
    int rc = pr_snmp_walk_parse_recording(data, len, name, &rec, stats, err);
    return recording_to_store(&rec, rc, out, err);
}

void pr_snmp_walk_malformed_note(const struct pr_snmp_walk_stats *stats, char *buf, size_t len)
{
    buf[0] = '\0';
    if (stats->malformed == 0)
        return;
    char lines[96] = "";
    size_t shown = stats->malformed < PR_SNMP_WALK_MALFORMED_LINES ? stats->malformed
                                                                   : PR_SNMP_WALK_MALFORMED_LINES;
    for (size_t i = 0; i < shown; i++)
        pr_strlcatf(lines, sizeof lines, "%s%zu", i ? ", " : "", stats->malformed_lines[i]);
    snprintf(buf, len, "skipped %zu malformed line%s (line%s %s%s), the first: %s",
             stats->malformed, stats->malformed == 1 ? "" : "s", stats->malformed == 1 ? "" : "s",
             lines, stats->malformed > shown ? ", ..." : "", stats->first_malformed);
}

int pr_snmp_walk_load_file(const char *path, struct pr_snmp_store *out,
                           struct pr_snmp_walk_stats *stats, struct pr_error *err)
{
    struct pr_snmp_rec rec;
    pr_snmp_rec_init(&rec);
    int rc = pr_snmp_walk_load_recording(path, 0, &rec, stats, err);
    return recording_to_store(&rec, rc, out, err);
}
