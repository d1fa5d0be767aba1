/* SPDX-License-Identifier: BSD-3-Clause */
/* Values rendered for evidence text and for the canonical test output. */
#include "snmp/store.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "util/strutil.h"

const char *pr_snmp_type_name(enum pr_snmp_type type)
{
    switch (type) {
    case PR_SNMP_T_INTEGER:
        return "INTEGER";
    case PR_SNMP_T_OCTETS:
        return "STRING";
    case PR_SNMP_T_NULL:
        return "NULL";
    case PR_SNMP_T_OID:
        return "OID";
    case PR_SNMP_T_IPADDR:
        return "IpAddress";
    case PR_SNMP_T_COUNTER32:
        return "Counter32";
    case PR_SNMP_T_GAUGE32:
        return "Gauge32";
    case PR_SNMP_T_TIMETICKS:
        return "Timeticks";
    case PR_SNMP_T_OPAQUE:
        return "Opaque";
    case PR_SNMP_T_COUNTER64:
        return "Counter64";
    case PR_SNMP_T_NOSUCHOBJECT:
        return "noSuchObject";
    case PR_SNMP_T_NOSUCHINSTANCE:
        return "noSuchInstance";
    case PR_SNMP_T_ENDOFMIBVIEW:
        return "endOfMibView";
    }
    return "unknown";
}

/* Printable: ASCII graphic characters, space, tab, CR and LF. */
static bool bytes_printable(const uint8_t *bytes, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        uint8_t c = bytes[i];
        if ((c < 0x20 || c > 0x7e) && c != '\t' && c != '\r' && c != '\n')
            return false;
    }
    return true;
}

static void format_quoted(const uint8_t *bytes, size_t len, char *buf, size_t buf_len)
{
    pr_strlcatf(buf, buf_len, "\"");
    for (size_t i = 0; i < len; i++) {
        switch (bytes[i]) {
        case '"':
            pr_strlcatf(buf, buf_len, "\\\"");
            break;
        case '\\':
            pr_strlcatf(buf, buf_len, "\\\\");
            break;
        case '\n':
            pr_strlcatf(buf, buf_len, "\\n");
            break;
        case '\r':
            pr_strlcatf(buf, buf_len, "\\r");
            break;
        case '\t':
            pr_strlcatf(buf, buf_len, "\\t");
            break;
        default:
            pr_strlcatf(buf, buf_len, "%c", bytes[i]);
        }
    }
    pr_strlcatf(buf, buf_len, "\"");
}

static void format_hex(const uint8_t *bytes, size_t len, char *buf, size_t buf_len)
{
    for (size_t i = 0; i < len; i++)
        pr_strlcatf(buf, buf_len, i == 0 ? "%02x" : " %02x", bytes[i]);
}

void pr_snmp_value_format(const struct pr_snmp_value *value, char *buf, size_t buf_len)
{
    if (buf_len == 0)
        return;
    buf[0] = '\0';
    switch (value->type) {
    case PR_SNMP_T_INTEGER:
        snprintf(buf, buf_len, "%" PRId64, value->num);
        break;
    case PR_SNMP_T_COUNTER32:
    case PR_SNMP_T_GAUGE32:
    case PR_SNMP_T_TIMETICKS:
    case PR_SNMP_T_COUNTER64:
        snprintf(buf, buf_len, "%" PRIu64, (uint64_t)value->num);
        break;
    case PR_SNMP_T_OCTETS:
        if (bytes_printable(value->bytes, value->len))
            format_quoted(value->bytes, value->len, buf, buf_len);
        else
            format_hex(value->bytes, value->len, buf, buf_len);
        break;
    case PR_SNMP_T_OPAQUE:
        format_hex(value->bytes, value->len, buf, buf_len);
        break;
    case PR_SNMP_T_IPADDR:
        if (value->len == 4)
            snprintf(buf, buf_len, "%u.%u.%u.%u", value->bytes[0], value->bytes[1], value->bytes[2],
                     value->bytes[3]);
        else
            format_hex(value->bytes, value->len, buf, buf_len);
        break;
    case PR_SNMP_T_OID:
        pr_snmp_oid_format(value->oid, value->oid_len, buf, buf_len);
        break;
    case PR_SNMP_T_NULL:
    case PR_SNMP_T_NOSUCHOBJECT:
    case PR_SNMP_T_NOSUCHINSTANCE:
    case PR_SNMP_T_ENDOFMIBVIEW:
        pr_strlcpy(buf, pr_snmp_type_name(value->type), buf_len);
        break;
    }
}
