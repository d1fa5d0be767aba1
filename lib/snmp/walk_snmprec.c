/* SPDX-License-Identifier: BSD-3-Clause */
/* snmprec recordings (snmpsim's format): one `OID|TAG|VALUE` per line, TAG
 * the ASN.1 tag number, with an `x` suffix when VALUE is hex-encoded. Tags
 * carrying a variation module (`2:numeric`) describe generated values; they
 * are skipped and counted. */
#include "snmp/walk.h"

#include <stdlib.h>
#include <string.h>

static bool tag_known(long tag)
{
    switch (tag) {
    case PR_SNMP_T_INTEGER:
    case PR_SNMP_T_OCTETS:
    case PR_SNMP_T_NULL:
    case PR_SNMP_T_OID:
    case PR_SNMP_T_IPADDR:
    case PR_SNMP_T_COUNTER32:
    case PR_SNMP_T_GAUGE32:
    case PR_SNMP_T_TIMETICKS:
    case PR_SNMP_T_OPAQUE:
    case PR_SNMP_T_COUNTER64:
        return true;
    default:
        return false;
    }
}

/* Parses the TAG field. 1: a value to read (*tag, *hex); 0: a variation
 * line to skip; -1: bad. */
static int parse_tag(const char *text, long *tag, bool *hex)
{
    uint64_t n;
    const char *end;
    if (!walk_parse_number(text, 0, 255, &n, &end))
        return -1;
    *tag = (long)n;
    *hex = false;
    if (*end == ':' && end[1] != '\0')
        return 0;
    if (*end == 'x') {
        *hex = true;
        end++;
    }
    if (*end != '\0' || !tag_known(*tag))
        return -1;
    return 1;
}

static int parse_value(struct walk_cursor *c, long tag, bool hex, const char *text,
                       struct pr_snmp_value *v, struct walk_bytes *bytes, uint32_t *oid,
                       struct pr_error *err)
{
    const char *bad = NULL;
    const char *end;
    uint64_t bits;
    v->type = (enum pr_snmp_type)tag;
    if (hex) {
        if (tag != PR_SNMP_T_OCTETS && tag != PR_SNMP_T_IPADDR && tag != PR_SNMP_T_OPAQUE)
            return walk_error(c, err, "hex value for tag %ld, which is not a string type", tag);
        if (walk_hex_append(text, bytes, &bad) != 0)
            return walk_error(c, err, "bad hex value '%s' (odd length or not hex)", text);
        if (tag == PR_SNMP_T_IPADDR && bytes->len != 4)
            return walk_error(c, err, "IpAddress of %zu bytes, not 4", bytes->len);
        v->bytes = bytes->data;
        v->len = bytes->len;
        return 0;
    }
    switch (tag) {
    case PR_SNMP_T_INTEGER:
        if (*text == '\0')
            return walk_error(c, err, "empty INTEGER value (truncated line?)");
        if (!walk_parse_number(text, INT32_MIN, INT32_MAX, &bits, &end) || *end != '\0')
            return walk_error(c, err, "INTEGER value '%s' is not a 32-bit integer", text);
        v->num = (int64_t)bits;
        return 0;
    case PR_SNMP_T_COUNTER32:
    case PR_SNMP_T_GAUGE32:
    case PR_SNMP_T_TIMETICKS:
    case PR_SNMP_T_COUNTER64:
        if (*text == '\0')
            return walk_error(c, err, "empty %s value (truncated line?)",
                              pr_snmp_type_name(v->type));
        if (!walk_parse_number(text, 0, tag == PR_SNMP_T_COUNTER64 ? UINT64_MAX : UINT32_MAX, &bits,
                               &end) ||
            *end != '\0')
            return walk_error(c, err, "%s value '%s' is not an unsigned number",
                              pr_snmp_type_name(v->type), text);
        v->num = (int64_t)bits;
        return 0;
    case PR_SNMP_T_OCTETS:
    case PR_SNMP_T_OPAQUE:
        if (walk_bytes_append(bytes, text, strlen(text)) != 0)
            return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
        v->bytes = bytes->data;
        v->len = bytes->len;
        return 0;
    case PR_SNMP_T_NULL:
        return 0;
    case PR_SNMP_T_OID:
        if (*text == '\0')
            return walk_error(c, err, "empty OID value (truncated line?)");
        if (pr_snmp_oid_parse(text, oid, PR_SNMP_OID_MAX, &v->oid_len, err) != 0)
            return walk_error(c, err, "%s", err->msg);
        v->oid = oid;
        return 0;
    case PR_SNMP_T_IPADDR:
        if (walk_bytes_append(bytes, "\0\0\0\0", 4) != 0)
            return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
        if (!walk_parse_ipv4(text, bytes->data))
            return walk_error(c, err, "IpAddress value '%s' is not a dotted quad", text);
        v->bytes = bytes->data;
        v->len = 4;
        return 0;
    default:
        return walk_error(c, err, "unknown tag %ld", tag);
    }
}

static int parse_line(struct walk_cursor *c, struct walk_bytes *bytes, struct pr_error *err)
{
    char *line = c->line;
    char *bar1 = strchr(line, '|');
    char *bar2 = bar1 ? strchr(bar1 + 1, '|') : NULL;
    if (bar2 == NULL)
        return walk_error(c, err, "expected OID|TYPE|VALUE, found '%.60s'", line);
    *bar1 = '\0';
    *bar2 = '\0';
    const char *tag_text = bar1 + 1, *value_text = bar2 + 1;
    uint32_t name[PR_SNMP_OID_MAX];
    size_t name_len;
    if (pr_snmp_oid_parse(line, name, PR_SNMP_OID_MAX, &name_len, err) != 0)
        return walk_error(c, err, "%s", err->msg);
    long tag;
    bool hex;
    int kind = parse_tag(tag_text, &tag, &hex);
    if (kind < 0)
        return walk_error(c, err, "unknown type '%s'", tag_text);
    if (kind == 0) {
        c->stats->skipped++;
        return 0;
    }
    struct pr_snmp_value v;
    memset(&v, 0, sizeof v);
    uint32_t oid[PR_SNMP_OID_MAX];
    bytes->len = 0;
    if (parse_value(c, tag, hex, value_text, &v, bytes, oid, err) != 0)
        return -1;
    return walk_add(c, name, name_len, &v, err);
}

int walk_parse_snmprec(struct walk_cursor *c, struct pr_error *err)
{
    struct walk_bytes bytes = {0};
    int rc = 0, more;
    while (rc == 0 && (more = walk_next_line(c, err)) != 0) {
        if (more < 0) {
            rc = walk_malformed(c, -1, err);
            continue;
        }
        if (c->line_len == 0 || c->line[0] == '#')
            continue;
        rc = walk_malformed(c, parse_line(c, &bytes, err), err);
    }
    free(bytes.data);
    return rc;
}
