/* SPDX-License-Identifier: BSD-3-Clause */
/* Whether a GETBULK (or GETNEXT) answer is in the order the protocol
 * promises (RFC 3416 4.2.3): varbind r * n + c is the successor, in the
 * agent's MIB, of varbind (r - 1) * n + c, and the first row follows the
 * OIDs asked for. An agent that drops, repeats or transposes a varbind
 * breaks that order, and every column after the gap would silently read
 * its neighbour's rows as its own end.
 *
 * The check uses only what the answer itself shows: an OID Y that the
 * answer holds strictly between a column's previous OID and its next one
 * proves the next one is not the successor. It looks only at varbinds that
 * lie in one of the requested columns, so an agent whose walk jumps
 * elsewhere past a column's end (as subagents do) is not taken for one
 * that answered out of order. */
#include "snmp/live.h"

#include <stdlib.h>
#include <string.h>

#include "util/strutil.h"

struct name_ref {
    const oid *name;
    size_t len;
};

static int compare_refs(const void *a, const void *b)
{
    const struct name_ref *x = a, *y = b;
    return snmp_oid_compare(x->name, x->len, y->name, y->len);
}

static bool in_prefix(const oid *name, size_t len, const uint32_t *prefix, size_t prefix_len)
{
    if (len <= prefix_len)
        return false;
    for (size_t i = 0; i < prefix_len; i++) {
        if (name[i] != prefix[i])
            return false;
    }
    return true;
}

static bool in_any_column(const netsnmp_variable_list *vb, const struct live_align_column *cols,
                          size_t n)
{
    for (size_t c = 0; c < n; c++) {
        if (in_prefix(vb->name, vb->name_length, cols[c].prefix, cols[c].prefix_len))
            return true;
    }
    return false;
}

static bool is_exception(u_char type)
{
    return type == SNMP_NOSUCHOBJECT || type == SNMP_NOSUCHINSTANCE || type == SNMP_ENDOFMIBVIEW;
}

static void format_name(const oid *name, size_t len, char *buf, size_t buf_len)
{
    buf[0] = '\0';
    for (size_t i = 0; i < len; i++)
        pr_strlcatf(buf, buf_len, "%s%lu", i ? "." : "", (unsigned long)name[i]);
}

/* X went back to or below its column's previous OID P. */
static int went_back(const char *where, const oid *got, size_t got_len, const oid *prev,
                     size_t prev_len, struct pr_error *err)
{
    char g[256], p[256];
    format_name(got, got_len, g, sizeof g);
    format_name(prev, prev_len, p, sizeof p);
    return pr_error_set(err, PR_ERR_PROTOCOL,
                        "%s: the agent answered out of order (%s after %s); walk stopped", where, g,
                        p);
}

/* X is above P, but the answer holds an OID between them. */
static int skipped(const char *where, size_t index, const oid *got, size_t got_len, const oid *prev,
                   size_t prev_len, struct pr_error *err)
{
    char g[256], p[256];
    format_name(got, got_len, g, sizeof g);
    format_name(prev, prev_len, p, sizeof p);
    return pr_error_set(err, PR_ERR_PROTOCOL,
                        "%s: the agent answered out of order (varbind %zu, %s, does not follow "
                        "%s in its column: a varbind dropped, repeated or moved); walk stopped",
                        where, index + 1, g, p);
}

int live_check_alignment(const char *where, const netsnmp_pdu *resp, size_t skip,
                         const struct live_align_column *cols, size_t n, size_t max_rows,
                         struct pr_error *err)
{
    const netsnmp_variable_list *rows = resp->variables;
    for (size_t i = 0; i < skip && rows != NULL; i++)
        rows = rows->next_variable;
    size_t count = 0;
    for (const netsnmp_variable_list *vb = rows; vb != NULL; vb = vb->next_variable)
        count++;
    if (count == 0 || n == 0)
        return 0;
    if (count > n * max_rows)
        return pr_error_set(err, PR_ERR_PROTOCOL,
                            "%s: the agent answered out of order (%zu varbinds for %zu columns "
                            "of at most %zu rows); walk stopped",
                            where, count, n, max_rows);
    struct name_ref *sorted = malloc(count * sizeof *sorted);
    const netsnmp_variable_list **slot = malloc(count * sizeof *slot);
    if (sorted == NULL || slot == NULL) {
        free(sorted);
        free(slot);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    size_t n_sorted = 0, i = 0;
    for (const netsnmp_variable_list *vb = rows; vb != NULL; vb = vb->next_variable) {
        slot[i++] = vb;
        if (!is_exception(vb->type) && in_any_column(vb, cols, n))
            sorted[n_sorted++] = (struct name_ref){vb->name, vb->name_length};
    }
    qsort(sorted, n_sorted, sizeof *sorted, compare_refs);
    int rc = 0;
    for (size_t c = 0; c < n && rc == 0; c++) {
        oid first[PR_SNMP_OID_MAX];
        for (size_t k = 0; k < cols[c].last_len; k++)
            first[k] = cols[c].last[k];
        const oid *prev = first;
        size_t prev_len = cols[c].last_len;
        for (size_t at = c; at < count; at += n) {
            const netsnmp_variable_list *vb = slot[at];
            if (is_exception(vb->type))
                break; /* endOfMibView: the rest of the column is too */
            if (in_any_column(vb, cols, n)) {
                if (snmp_oid_compare(vb->name, vb->name_length, prev, prev_len) <= 0) {
                    rc = went_back(where, vb->name, vb->name_length, prev, prev_len, err);
                    break;
                }
                /* The first OID of the answer above prev must be this one. */
                struct name_ref key = {prev, prev_len};
                size_t lo = 0, hi = n_sorted;
                while (lo < hi) {
                    size_t mid = lo + (hi - lo) / 2;
                    if (compare_refs(&sorted[mid], &key) <= 0)
                        lo = mid + 1;
                    else
                        hi = mid;
                }
                if (lo < n_sorted && snmp_oid_compare(sorted[lo].name, sorted[lo].len, vb->name,
                                                      vb->name_length) < 0) {
                    rc = skipped(where, at, vb->name, vb->name_length, prev, prev_len, err);
                    break;
                }
            }
            prev = vb->name;
            prev_len = vb->name_length;
        }
    }
    free(sorted);
    free(slot);
    return rc;
}
