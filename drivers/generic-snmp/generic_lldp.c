/* SPDX-License-Identifier: BSD-3-Clause */
/* LLDP neighbours as role signals (LLDP-MIB, LLDP-V2-MIB; the objects and
 * their MIB files are in snmp/mib_objects.h). A neighbour whose enabled
 * capabilities include bridge or router makes the port an uplink; one that
 * is a station only makes it a server port; any other (an access point, a
 * phone, one advertising nothing) is a note.
 *
 * lldpRemLocalPortNum is an LldpPortNumber: the MIB says dot1dBasePort on a
 * bridge and ifIndex elsewhere, and agents do either (the recordings in
 * ../shared/fixtures: Arista and Aruba number the bridge ports, which equal
 * their ifIndex; NX-OS and Junos use the ifIndex; RouterOS writes 0). So a
 * local port is first looked up by name in lldpLocPortTable, then as a
 * bridge port and as an ifIndex; when those two name different ports the
 * row is not used. LLDP-V2-MIB indexes by ifIndex itself. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "generic-snmp/generic_snmp.h"
#include "util/strutil.h"

/* The longest neighbour name put in a one-line reason. */
#define NAME_SHOWN 40

static const char *const cap_names[] = {
    "other",           "repeater",          "bridge",      "wlanAccessPoint", "router",
    "telephone",       "docsisCableDevice", "stationOnly", "cVLANComponent",  "sVLANComponent",
    "twoPortMACRelay",
};
#define N_CAPS (sizeof cap_names / sizeof cap_names[0])

static unsigned bits_of(const uint8_t *bytes, size_t len)
{
    unsigned caps = 0;
    for (size_t i = 0; i < len * 8 && i < 16; i++) {
        if (bytes[i / 8] & (0x80u >> (i % 8)))
            caps |= 1u << i;
    }
    return caps;
}

static bool all_digits(const char *s)
{
    if (*s == '\0')
        return false;
    for (; *s; s++) {
        if (!isdigit((unsigned char)*s))
            return false;
    }
    return true;
}

/* net-snmp prints BITS as the bytes in hex and then the numbers of the
 * bits set ("28 2 4": 0x28 is bridge(2) and router(4)), and recordings
 * made from that output keep the text: "28 2 4", "28 00 2 4", "00 00",
 * "10 3". Taken for that form only when the numbers are exactly the bits
 * the bytes set. */
static bool caps_text_form(const uint8_t *bytes, size_t len, unsigned *caps)
{
    char text[64];
    if (len < 2 || len >= sizeof text)
        return false;
    for (size_t i = 0; i < len; i++) {
        if (!isxdigit(bytes[i]) && bytes[i] != ' ')
            return false;
        text[i] = (char)bytes[i];
    }
    text[len] = '\0';
    char *tok[16];
    size_t n = 0;
    for (char *save = NULL, *t = strtok_r(text, " ", &save); t != NULL && n < 16;
         t = strtok_r(NULL, " ", &save))
        tok[n++] = t;
    for (size_t k = 1; k <= n && k <= 2; k++) {
        uint8_t b[2];
        bool ok = true;
        for (size_t i = 0; i < k && ok; i++) {
            ok = strlen(tok[i]) == 2;
            b[i] = (uint8_t)strtoul(tok[i], NULL, 16);
        }
        unsigned listed = 0;
        for (size_t i = k; i < n && ok; i++) {
            ok = all_digits(tok[i]) && strlen(tok[i]) <= 2 && (size_t)atoi(tok[i]) < k * 8;
            if (ok)
                listed |= 1u << atoi(tok[i]);
        }
        if (ok && listed == bits_of(b, k)) {
            *caps = listed;
            return true;
        }
    }
    return false;
}

bool generic_lldp_caps(const struct pr_snmp_value *value, unsigned *caps, bool *text_form)
{
    *caps = 0;
    *text_form = false;
    if (value->type != PR_SNMP_T_OCTETS)
        return false;
    if (caps_text_form(value->bytes, value->len, caps)) {
        *text_form = true;
        return true;
    }
    *caps = bits_of(value->bytes, value->len);
    return true;
}

void generic_lldp_caps_names(unsigned caps, char *buf, size_t len)
{
    buf[0] = '\0';
    for (size_t i = 0; i < N_CAPS; i++) {
        if (caps & (1u << i))
            pr_strlcatf(buf, len, "%s%s", buf[0] ? ", " : "", cap_names[i]);
    }
    if (buf[0] == '\0')
        pr_strlcpy(buf, "none", len);
}

/* The varbind of column at the row suffix of vb under its own column. */
static const struct pr_snmp_varbind *same_row(struct pr_snmp_store *store,
                                              const struct mib_object *column,
                                              const struct pr_snmp_varbind *vb, size_t col_len)
{
    uint32_t oid[PR_SNMP_OID_MAX];
    size_t suffix = vb->name_len - col_len;
    if (column->len + suffix > PR_SNMP_OID_MAX)
        return NULL;
    memcpy(oid, column->oid, column->len * sizeof(uint32_t));
    memcpy(oid + column->len, vb->name + col_len, suffix * sizeof(uint32_t));
    return pr_snmp_store_get(store, oid, column->len + suffix);
}

/* A name as text: up to the first NUL (agents pad names with them),
 * printable characters only, at most NAME_SHOWN of them. */
static void copy_name(char *dst, size_t len, const struct pr_snmp_varbind *vb)
{
    if (vb == NULL || vb->value.type != PR_SNMP_T_OCTETS) {
        dst[0] = '\0';
        return;
    }
    struct pr_snmp_varbind cut = *vb;
    const uint8_t *nul = memchr(vb->value.bytes, 0, vb->value.len);
    if (nul != NULL)
        cut.value.len = (size_t)(nul - vb->value.bytes);
    generic_copy_octets(dst, len < NAME_SHOWN + 1 ? len : NAME_SHOWN + 1, &cut);
}

/* A neighbour's name for one line: its system name, else its chassis ID (a
 * MAC address as such), printable characters only. */
static void neighbour_name(const struct pr_snmp_varbind *name,
                           const struct pr_snmp_varbind *chassis, char *buf, size_t len)
{
    copy_name(buf, len, name);
    if (buf[0] != '\0')
        return;
    if (chassis != NULL && chassis->value.type == PR_SNMP_T_OCTETS && chassis->value.len == 6) {
        const uint8_t *m = chassis->value.bytes;
        snprintf(buf, len, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
        return;
    }
    copy_name(buf, len, chassis);
    if (buf[0] == '\0')
        pr_strlcpy(buf, "(unnamed)", len);
}

/* The port whose ifName or ifDescr is text; NULL when none or several. */
static struct pr_port *port_named(struct pr_switch *sw, const char *text)
{
    if (text[0] == '\0')
        return NULL;
    struct pr_port *found = NULL;
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_port *p = &sw->ports[i];
        if (strcmp(p->name, text) == 0 || (p->descr[0] && strcmp(p->descr, text) == 0)) {
            if (found != NULL && found != p)
                return NULL;
            found = p;
        }
    }
    return found;
}

static bool usable(const struct pr_port *p)
{
    return p != NULL && pr_port_is_physical(p);
}

/* The port lldpRemLocalPortNum names, and how it was found (for the
 * evidence); NULL when it cannot be told: *either and *or are then the two
 * ports it could be (NULL when none). */
static struct pr_port *local_port(struct pr_snmp_store *store, struct pr_switch *sw, uint32_t num,
                                  char *how, size_t how_len, struct pr_port **either,
                                  struct pr_port ** or)
{
    how[0] = '\0';
    *either = * or = NULL;
    if (num == 0)
        return NULL;
    static const struct mib_object *const by_name[] = {&MIB_LLDP_LOC_PORT_ID,
                                                       &MIB_LLDP_LOC_PORT_DESC};
    for (size_t i = 0; i < sizeof by_name / sizeof by_name[0]; i++) {
        const struct pr_snmp_varbind *vb =
            pr_snmp_store_get_indexed(store, by_name[i]->oid, by_name[i]->len, num);
        char text[PR_NAME_MAX];
        generic_copy_octets(text, sizeof text, vb);
        struct pr_port *p = port_named(sw, text);
        if (p != NULL) {
            snprintf(how, how_len, "%s.%u = \"%s\"", by_name[i]->name, num, text);
            return p;
        }
    }
    struct pr_port *by_bridge = generic_port_by_bridge_port(sw, num);
    struct pr_port *by_ifindex = pr_switch_find_ifindex(sw, num);
    if (!usable(by_bridge))
        by_bridge = NULL;
    if (!usable(by_ifindex))
        by_ifindex = NULL;
    if (by_bridge != NULL && by_ifindex != NULL && by_bridge != by_ifindex) {
        *either = by_bridge; /* bridge port N and ifIndex N are different ports */
        * or = by_ifindex;
        return NULL;
    }
    if (by_bridge != NULL) {
        snprintf(how, how_len, "local port %u = bridge port %u", num, num);
        return by_bridge;
    }
    if (by_ifindex != NULL)
        snprintf(how, how_len, "local port %u = ifIndex %u", num, num);
    return by_ifindex;
}

/* The neighbour's port for the evidence: its ID as text, a MAC address
 * as such; "" when it has none. */
static void neighbour_port(const struct pr_snmp_varbind *vb, char *buf, size_t len)
{
    buf[0] = '\0';
    if (vb == NULL || vb->value.type != PR_SNMP_T_OCTETS)
        return;
    const uint8_t *m = vb->value.bytes;
    bool binary = false;
    for (size_t i = 0; i < vb->value.len && !binary; i++)
        binary = m[i] != 0 && (m[i] < 0x20 || m[i] > 0x7e);
    if (binary && vb->value.len == 6)
        snprintf(buf, len, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
    else
        copy_name(buf, len, vb);
}

/* The signal of one neighbour on port. */
static void add_neighbour(struct pr_port *port, const char *mib, const char *cap_object,
                          const char *index, const struct pr_snmp_varbind *caps_vb,
                          const char *name, const char *their_port, const char *where)
{
    unsigned caps;
    bool text_form;
    if (!generic_lldp_caps(&caps_vb->value, &caps, &text_form))
        return;
    char raw[64] = "", names[128], reason[PR_ROLE_REASON_MAX];
    if (text_form)
        pr_snmp_value_format(&caps_vb->value, raw, sizeof raw);
    for (size_t i = 0; !text_form && i < caps_vb->value.len && i < 8; i++)
        pr_strlcatf(raw, sizeof raw, i ? " %02x" : "%02x", caps_vb->value.bytes[i]);
    if (raw[0] == '\0')
        pr_strlcpy(raw, "\"\"", sizeof raw);
    generic_lldp_caps_names(caps, names, sizeof names);
    const unsigned bridge = 1u << 2, router = 1u << 4, station = 1u << 7;
    enum pr_role says = PR_ROLE_UNKNOWN;
    char kinds[48] = "";
    if (caps & (bridge | router)) {
        says = PR_ROLE_UPLINK;
        snprintf(kinds, sizeof kinds, "%s%s%s", caps & bridge ? "bridge" : "",
                 (caps & bridge) && (caps & router) ? ", " : "", caps & router ? "router" : "");
    } else if ((caps & 0xffu) == station) {
        says = PR_ROLE_SERVER;
        pr_strlcpy(kinds, "station only", sizeof kinds);
    } else {
        snprintf(kinds, sizeof kinds, "%s", caps ? names : "no capability enabled");
    }
    snprintf(reason, sizeof reason, "LLDP neighbour %s, %s", name, kinds);
    pr_role_add_neighbour(
        &port->role, says, reason, "%s %s.%s = %s (%s)%s; neighbour %s%s%s%s; %s", mib, cap_object,
        index, raw, names, text_form ? " in net-snmp's text form of BITS" : "", name,
        their_port[0] ? " port \"" : "", their_port, their_port[0] ? "\"" : "", where);
}

static void format_index(char *buf, size_t len, const struct pr_snmp_varbind *vb, size_t col_len)
{
    buf[0] = '\0';
    for (size_t i = col_len; i < vb->name_len; i++)
        pr_strlcatf(buf, len, "%s%u", i > col_len ? "." : "", vb->name[i]);
}

/* LLDP-MIB: index lldpRemTimeMark.lldpRemLocalPortNum.lldpRemIndex. */
static void read_v1(struct pr_snmp_store *store, struct pr_switch *sw)
{
    const struct mib_object *caps = &MIB_LLDP_REM_SYS_CAP_ENABLED;
    size_t first, count;
    pr_snmp_store_subtree(store, caps->oid, caps->len, &first, &count);
    for (size_t i = first; i < first + count; i++) {
        const struct pr_snmp_varbind *vb = &store->vb[i];
        if (vb->name_len != caps->len + 3)
            continue;
        char how[PR_EVIDENCE_MAX / 2], name[NAME_SHOWN + 8], their[NAME_SHOWN + 8], index[48];
        uint32_t num = vb->name[caps->len + 1];
        struct pr_port *either, * or ;
        struct pr_port *port = local_port(store, sw, num, how, sizeof how, &either, & or);
        if (port == NULL && either != NULL) {
            format_index(index, sizeof index, vb, caps->len);
            for (int k = 0; k < 2; k++)
                pr_role_add_signal(&(k ? or : either)->role, PR_ROLE_UNKNOWN, "",
                                   "LLDP-MIB lldpRemSysCapEnabled.%s: local port %u is bridge "
                                   "port %u (%s) and ifIndex %u (%s), which one the agent means "
                                   "cannot be told",
                                   index, num, num, either->name, num, or->name);
        }
        if (port == NULL)
            continue;
        neighbour_name(same_row(store, &MIB_LLDP_REM_SYS_NAME, vb, caps->len),
                       same_row(store, &MIB_LLDP_REM_CHASSIS_ID, vb, caps->len), name, sizeof name);
        neighbour_port(same_row(store, &MIB_LLDP_REM_PORT_ID, vb, caps->len), their, sizeof their);
        format_index(index, sizeof index, vb, caps->len);
        add_neighbour(port, "LLDP-MIB", caps->name, index, vb, name, their, how);
    }
}

/* LLDP-V2-MIB: index lldpV2RemTimeMark.lldpV2RemLocalIfIndex.
 * lldpV2RemLocalDestMACAddress.lldpV2RemIndex. */
static void read_v2(struct pr_snmp_store *store, struct pr_switch *sw)
{
    const struct mib_object *caps = &MIB_LLDP_V2_REM_SYS_CAP_ENABLED;
    size_t first, count;
    pr_snmp_store_subtree(store, caps->oid, caps->len, &first, &count);
    for (size_t i = first; i < first + count; i++) {
        const struct pr_snmp_varbind *vb = &store->vb[i];
        if (vb->name_len != caps->len + 4)
            continue;
        uint32_t ifindex = vb->name[caps->len + 1];
        struct pr_port *port = pr_switch_find_ifindex(sw, ifindex);
        if (port == NULL || ifindex == 0)
            continue;
        char how[48], name[NAME_SHOWN + 8], their[NAME_SHOWN + 8], index[64];
        snprintf(how, sizeof how, "lldpV2RemLocalIfIndex %u", ifindex);
        neighbour_name(same_row(store, &MIB_LLDP_V2_REM_SYS_NAME, vb, caps->len),
                       same_row(store, &MIB_LLDP_V2_REM_CHASSIS_ID, vb, caps->len), name,
                       sizeof name);
        neighbour_port(same_row(store, &MIB_LLDP_V2_REM_PORT_ID, vb, caps->len), their,
                       sizeof their);
        format_index(index, sizeof index, vb, caps->len);
        add_neighbour(port, "LLDP-V2-MIB", caps->name, index, vb, name, their, how);
    }
}

void generic_lldp_read(struct pr_snmp_store *store, struct pr_switch *sw)
{
    read_v1(store, sw);
    read_v2(store, sw);
}
