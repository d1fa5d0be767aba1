/* SPDX-License-Identifier: BSD-3-Clause */
/* net-snmp `snmpwalk -On` output: `.1.3.6... = TYPE: VALUE`, one varbind
 * per line except quoted strings holding newlines and Hex-STRINGs wrapped
 * onto continuation lines; also snmpwalk's default output without MIB
 * files, `iso.3.6... = TYPE: VALUE` (iso is 1). Names from MIB files
 * (`IF-MIB::ifName.1`) are refused with the way to record numbers (-On).
 * Exception lines (No Such Object/Instance, No more variables) are skipped
 * and counted. */
#include "snmp/walk.h"

#include <stdlib.h>
#include <string.h>

struct pending {
    enum { PEND_NONE, PEND_HEX, PEND_QUOTED } kind;
    uint32_t name[PR_SNMP_OID_MAX];
    size_t name_len;
    size_t start_line;
    struct walk_bytes bytes;
};

/* snmpwalk names the top arcs when it has no MIB files: "iso.3.6.1..."
 * (1), "ccitt.0" (0), "joint-iso-ccitt.1" (2). Rewrites such a name in
 * place to numbers and returns where the numeric OID starts; text itself
 * otherwise. */
static char *numeric_top_arc(char *text)
{
    static const struct {
        const char *name;
        char arc;
    } arcs[] = {{"iso", '1'}, {"ccitt", '0'}, {"joint-iso-ccitt", '2'}};
    for (size_t i = 0; i < sizeof arcs / sizeof arcs[0]; i++) {
        size_t n = strlen(arcs[i].name);
        if (strncmp(text, arcs[i].name, n) == 0 &&
            (text[n] == '.' || text[n] == '\0' || text[n] == ' ')) {
            text[n - 1] = arcs[i].arc;
            return text + n - 1;
        }
    }
    return text;
}

/* Whether text (an OID as snmpwalk printed it) is a MIB name such as
 * "IF-MIB::ifName.1" or "SNMPv2-SMI::enterprises.9". */
static bool mib_name(const char *text, const char *end)
{
    const char *colons = strstr(text, "::");
    return colons != NULL && (end == NULL || colons < end);
}

static int pending_flush(struct walk_cursor *c, struct pending *p, struct pr_error *err)
{
    if (p->kind == PEND_NONE)
        return 0;
    struct pr_snmp_value v;
    memset(&v, 0, sizeof v);
    v.type = PR_SNMP_T_OCTETS;
    v.bytes = p->bytes.data;
    v.len = p->bytes.len;
    p->kind = PEND_NONE;
    size_t line_no = c->line_no;
    c->line_no = p->start_line; /* errors name the varbind's first line */
    int rc = walk_add(c, p->name, p->name_len, &v, err);
    c->line_no = line_no;
    return rc;
}

/* Reads quoted text after the opening quote (or a continuation line),
 * undoing net-snmp's \" and \\ escapes. Sets *closed when the closing quote
 * is found; anything but blanks after it is an error. */
static int quoted_append(struct walk_cursor *c, const char *text, struct pending *p, bool *closed,
                         struct pr_error *err)
{
    const char *s = text;
    *closed = false;
    while (*s != '\0') {
        if (*s == '\\' && (s[1] == '"' || s[1] == '\\')) {
            s++;
        } else if (*s == '"') {
            *closed = true;
            s++;
            break;
        }
        if (walk_bytes_append(&p->bytes, s, 1) != 0)
            return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
        s++;
    }
    if (*closed) {
        s += strspn(s, " \t");
        if (*s != '\0')
            return walk_error(c, err, "text after the closing quote: '%.40s'", s);
    } else if (walk_bytes_append(&p->bytes, "\n", 1) != 0) {
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    return 0;
}

/* A number, then nothing or a blank and a unit ("100 seconds"). */
static bool number_then_units(const char *text, int64_t min, uint64_t max, int64_t *out)
{
    uint64_t bits;
    const char *end;
    if (!walk_parse_number(text, min, max, &bits, &end) || (*end != '\0' && *end != ' '))
        return false;
    *out = (int64_t)bits;
    return true;
}

/* INTEGER: "5", "-3" or the enum form "up(1)". */
static bool parse_integer(const char *text, int64_t *out)
{
    const char *open = strrchr(text, '(');
    if (open != NULL) {
        uint64_t bits;
        const char *end;
        if (!walk_parse_number(open + 1, INT32_MIN, INT32_MAX, &bits, &end) || strcmp(end, ")"))
            return false;
        *out = (int64_t)bits;
        return true;
    }
    return number_then_units(text, INT32_MIN, INT32_MAX, out);
}

static void trim_right(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
}

static int set_bytes(struct pr_snmp_value *v, struct pending *p)
{
    v->bytes = p->bytes.data;
    v->len = p->bytes.len;
    return 0;
}

/* Parses "TYPE: VALUE" into v (bytes in p->bytes). Returns 1 when the value
 * is complete, 2 when it continues on later lines (p->kind set), 0 for an
 * exception line to skip, -1 on error. */
static int parse_typed(struct walk_cursor *c, char *text, struct pr_snmp_value *v,
                       struct pending *p, uint32_t *oid, struct pr_error *err)
{
    if (strncmp(text, "Wrong Type (should be ", 22) == 0) {
        char *close = strstr(text, "): ");
        if (close != NULL)
            text = close + 3;
    }
    if (strncmp(text, "No Such Object", 14) == 0 || strncmp(text, "No Such Instance", 16) == 0 ||
        strncmp(text, "No more variables", 17) == 0)
        return 0;
    if (strcmp(text, "NULL") == 0) {
        v->type = PR_SNMP_T_NULL;
        return 1;
    }
    bool closed;
    if (text[0] == '"') { /* -OQ style, and `= ""` for an empty string */
        v->type = PR_SNMP_T_OCTETS;
        if (quoted_append(c, text + 1, p, &closed, err) != 0)
            return -1;
        p->kind = closed ? PEND_NONE : PEND_QUOTED;
        return closed ? set_bytes(v, p) + 1 : 2;
    }
    char *colon = strstr(text, ": ");
    if (colon == NULL && text[0] != '\0' && text[strlen(text) - 1] == ':')
        colon = text + strlen(text) - 1; /* "TYPE:" with no value */
    if (colon == NULL)
        return walk_error(c, err, "value '%.40s' has no type (expected TYPE: VALUE)", text);
    *colon = '\0';
    const char *type = text;
    char *rest = colon[1] == ' ' ? colon + 2 : colon + 1;
    const char *bad = NULL;
    if (strcmp(type, "STRING") == 0) {
        v->type = PR_SNMP_T_OCTETS;
        if (rest[0] == '"') {
            if (quoted_append(c, rest + 1, p, &closed, err) != 0)
                return -1;
            p->kind = closed ? PEND_NONE : PEND_QUOTED;
            return closed ? set_bytes(v, p) + 1 : 2;
        }
        if (walk_bytes_append(&p->bytes, rest, strlen(rest)) != 0)
            return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
        return set_bytes(v, p) + 1;
    }
    if (strcmp(type, "Hex-STRING") == 0) {
        if (walk_hex_append(rest, &p->bytes, &bad) != 0)
            return walk_error(c, err, "bad Hex-STRING byte '%.20s'", bad);
        p->kind = PEND_HEX;
        return 2;
    }
    trim_right(rest);
    if (strcmp(type, "INTEGER") == 0) {
        v->type = PR_SNMP_T_INTEGER;
        if (!parse_integer(rest, &v->num))
            return walk_error(c, err, "INTEGER value '%.40s' is not a 32-bit integer", rest);
        return 1;
    }
    static const struct {
        const char *name;
        enum pr_snmp_type type;
        uint64_t max;
    } unsigned_types[] = {
        {"Counter32", PR_SNMP_T_COUNTER32, UINT32_MAX},
        {"Gauge32", PR_SNMP_T_GAUGE32, UINT32_MAX},
        {"Unsigned32", PR_SNMP_T_GAUGE32, UINT32_MAX},
        {"UInteger32", PR_SNMP_T_GAUGE32, UINT32_MAX},
        {"Counter64", PR_SNMP_T_COUNTER64, UINT64_MAX},
    };
    for (size_t i = 0; i < sizeof unsigned_types / sizeof unsigned_types[0]; i++) {
        if (strcmp(type, unsigned_types[i].name) != 0)
            continue;
        v->type = unsigned_types[i].type;
        if (!number_then_units(rest, 0, unsigned_types[i].max, &v->num))
            return walk_error(c, err, "%s value '%.40s' is not an unsigned number", type, rest);
        return 1;
    }
    if (strcmp(type, "Timeticks") == 0) {
        v->type = PR_SNMP_T_TIMETICKS;
        const char *num = rest[0] == '(' ? rest + 1 : rest;
        uint64_t bits;
        const char *end;
        if (!walk_parse_number(num, 0, UINT32_MAX, &bits, &end) ||
            (rest[0] == '(' ? *end != ')' : (*end != '\0' && *end != ' ')))
            return walk_error(c, err, "Timeticks value '%.40s' is not '(N) ...'", rest);
        v->num = (int64_t)bits;
        return 1;
    }
    if (strcmp(type, "OID") == 0) {
        v->type = PR_SNMP_T_OID;
        if (mib_name(rest, NULL)) {
            walk_error(c, err,
                       "OID value '%.40s' is a MIB name, not a number: record the walk with "
                       "snmpwalk -On",
                       rest);
            if (err != NULL)
                err->code = PR_ERR_UNSUPPORTED; /* the whole walk, as above */
            return -1;
        }
        if (pr_snmp_oid_parse(numeric_top_arc(rest), oid, PR_SNMP_OID_MAX, &v->oid_len, err) != 0)
            return walk_error(c, err, "%s", err->msg);
        v->oid = oid;
        return 1;
    }
    if (strcmp(type, "IpAddress") == 0) {
        v->type = PR_SNMP_T_IPADDR;
        if (walk_bytes_append(&p->bytes, "\0\0\0\0", 4) != 0)
            return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
        if (!walk_parse_ipv4(rest, p->bytes.data))
            return walk_error(c, err, "IpAddress value '%.40s' is not a dotted quad", rest);
        return set_bytes(v, p) + 1;
    }
    if (strcmp(type, "Network Address") == 0) {
        v->type = PR_SNMP_T_IPADDR;
        for (char *s = rest; *s != '\0'; s++)
            if (*s == ':')
                *s = ' ';
        if (walk_hex_append(rest, &p->bytes, &bad) != 0 || p->bytes.len != 4)
            return walk_error(c, err, "Network Address value is not 4 hex bytes");
        return set_bytes(v, p) + 1;
    }
    if (strcmp(type, "BITS") == 0 || strcmp(type, "Opaque") == 0) {
        /* BITS: "80 00 name(0) ..." keeps the hex bytes; an Opaque that is
         * not plain hex (Float:, Double:) is skipped. */
        bool bits = type[0] == 'B';
        char *save = NULL;
        for (char *tok = strtok_r(rest, " ", &save); tok != NULL;
             tok = strtok_r(NULL, " ", &save)) {
            if (strlen(tok) != 2 || walk_hex_append(tok, &p->bytes, &bad) != 0) {
                if (!bits)
                    return 0;
                break;
            }
        }
        v->type = bits ? PR_SNMP_T_OCTETS : PR_SNMP_T_OPAQUE;
        return set_bytes(v, p) + 1;
    }
    return walk_error(c, err, "unknown type '%.30s'", type);
}

/* `OID = VALUE`: the OID text before " =" looks numeric (or starts with
 * snmpwalk's "iso"). */
static char *split_varbind(char *line)
{
    char *eq = strstr(line, " =");
    if (eq == NULL || (eq[2] != ' ' && eq[2] != '\0'))
        return NULL;
    const char *s = line;
    if (strncmp(s, "iso", 3) == 0 && (s[3] == '.' || s + 3 == eq))
        s += 3;
    else if (!(s[0] == '.' || (s[0] >= '0' && s[0] <= '9')))
        return NULL;
    for (; s < eq; s++)
        if (!(*s == '.' || (*s >= '0' && *s <= '9')))
            return NULL;
    return eq;
}

static int parse_line(struct walk_cursor *c, struct pending *p, struct pr_error *err)
{
    char *line = c->line;
    bool closed;
    if (p->kind == PEND_QUOTED) {
        if (quoted_append(c, line, p, &closed, err) != 0) {
            if (split_varbind(line) == NULL)
                return -1;
            size_t here = c->line_no;
            c->line_no = p->start_line;
            return walk_error(c, err, "quoted string never closed (line %zu starts a new varbind)",
                              here);
        }
        if (closed)
            return pending_flush(c, p, err);
        return 0;
    }
    char *eq = split_varbind(line);
    if (eq == NULL) {
        const char *bad = NULL;
        if (p->kind == PEND_HEX && c->line_len > 0) {
            if (walk_hex_append(line, &p->bytes, &bad) != 0)
                return walk_error(c, err, "bad Hex-STRING continuation '%.20s'", bad);
            return 0;
        }
        if (c->line_len == 0)
            return pending_flush(c, p, err);
        if (mib_name(line, strstr(line, " = "))) {
            /* Not a malformed line but a walk recorded the wrong way: the
             * whole file is refused, with the way to record it. */
            walk_error(c, err,
                       "'%.60s' names the object from a MIB file, not by number: record the walk "
                       "with snmpwalk -On (numeric OIDs)",
                       line);
            if (err != NULL)
                err->code = PR_ERR_UNSUPPORTED;
            return -1;
        }
        return walk_error(c, err, "expected 'OID = TYPE: VALUE', found '%.60s'", line);
    }
    if (pending_flush(c, p, err) != 0)
        return -1;
    *eq = '\0';
    char *value = eq[2] == ' ' ? eq + 3 : eq + 2;
    if (pr_snmp_oid_parse(numeric_top_arc(line), p->name, PR_SNMP_OID_MAX, &p->name_len, err) != 0)
        return walk_error(c, err, "%s", err->msg);
    if (*value == '\0')
        return walk_error(c, err, "no value after '=' (truncated line?)");
    struct pr_snmp_value v;
    memset(&v, 0, sizeof v);
    uint32_t oid[PR_SNMP_OID_MAX];
    p->bytes.len = 0;
    p->start_line = c->line_no;
    int kind = parse_typed(c, value, &v, p, oid, err);
    if (kind < 0)
        return -1;
    if (kind == 0) {
        c->stats->skipped++;
        return 0;
    }
    if (kind == 2)
        return 0; /* continues on the next lines */
    return walk_add(c, p->name, p->name_len, &v, err);
}

int walk_parse_snmpwalk(struct walk_cursor *c, struct pr_error *err)
{
    struct pending *p = calloc(1, sizeof *p);
    if (p == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    int rc = 0, more;
    while (rc == 0 && (more = walk_next_line(c, err)) != 0) {
        if (more < 0) {
            rc = walk_malformed(c, -1, err);
            continue;
        }
        size_t line_no = c->line_no;
        bool was_quoted = p->kind == PEND_QUOTED;
        rc = parse_line(c, p, err);
        if (rc != 0 && err != NULL && err->code == PR_ERR_INPUT) {
            /* The varbind being read is dropped; a line that starts a new
             * one after a quote never closed is read again on its own. */
            p->kind = PEND_NONE;
            rc = walk_malformed(c, rc, err);
            c->line_no = line_no;
            if (was_quoted && split_varbind(c->line) != NULL)
                rc = walk_malformed(c, parse_line(c, p, err), err);
        }
    }
    if (rc == 0 && p->kind == PEND_QUOTED) {
        c->line_no = p->start_line;
        p->kind = PEND_NONE;
        rc = walk_malformed(c, walk_error(c, err, "quoted string never closed (truncated file?)"),
                            err);
    }
    if (rc == 0)
        rc = pending_flush(c, p, err);
    free(p->bytes.data);
    free(p);
    return rc;
}
