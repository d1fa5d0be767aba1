/* SPDX-License-Identifier: BSD-3-Clause */
/* Recorded walks: reading the file and telling the two formats apart. */
#include "snmp/walk.h"
#include "util/strutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int pr_snmp_walk_parse_buffer(const char *data, size_t len, const char *name,
                              struct pr_snmp_store *out, struct pr_snmp_walk_stats *stats,
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
    int found = detect_format(&c, &stats->format, err);
    int rc = -1;
    if (found == 0)
        rc = pr_error_set(err, PR_ERR_INPUT, "%s: empty: no varbinds", name);
    if (found == 1) {
        /* Start again so the detected line is parsed like every other. */
        c.pos = 0;
        c.line_no = 0;
        rc = stats->format == PR_SNMP_WALK_SNMPREC ? walk_parse_snmprec(&c, err)
                                                   : walk_parse_snmpwalk(&c, err);
    }
    free(c.line);
    if (rc == 0 && stats->varbinds == 0 && stats->malformed > 0)
        rc = pr_error_set(err, PR_ERR_INPUT,
                          "%s:%zu: no usable varbind: %zu malformed line%s, the first: %s", name,
                          stats->malformed_lines[0], stats->malformed,
                          stats->malformed == 1 ? "" : "s", stats->first_malformed);
    else if (rc == 0 && stats->varbinds == 0)
        rc = pr_error_set(err, PR_ERR_INPUT, "%s: no varbinds (%zu lines skipped)", name,
                          stats->skipped);
    if (rc == 0)
        pr_snmp_store_finish(out);
    return rc;
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
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return pr_error_set(err, errno == ENOENT ? PR_ERR_NOT_FOUND : PR_ERR_IO, "%s: %s", path,
                            strerror(errno));
    size_t cap = 1 << 16, len = 0;
    char *data = malloc(cap);
    size_t got;
    while (data != NULL && (got = fread(data + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            char *grown = realloc(data, cap * 2);
            if (grown == NULL) {
                free(data);
                data = NULL;
                break;
            }
            data = grown;
            cap *= 2;
        }
    }
    bool read_failed = ferror(f) != 0;
    fclose(f);
    if (data == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "%s: out of memory", path);
    if (read_failed) {
        free(data);
        return pr_error_set(err, PR_ERR_IO, "%s: read error", path);
    }
    int rc = pr_snmp_walk_parse_buffer(data, len, path, out, stats, err);
    free(data);
    return rc;
}
