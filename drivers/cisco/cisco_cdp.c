/* SPDX-License-Identifier: BSD-3-Clause */
/* CDP neighbours as role signals (CISCO-CDP-MIB cdpCacheTable; objects and
 * capability bits in cisco_mib.h). */
#include <stdio.h>
#include <string.h>

#include "cisco/cisco_mib.h"
#include "cisco/cisco_snmp.h"
#include "generic-snmp/generic_snmp.h"
#include "util/strutil.h"

/* The longest neighbour name or platform put in a one-line reason. */
#define NAME_SHOWN 32

static const struct {
    unsigned bit;
    const char *name;
} cdp_caps[] = {
    {0x01, "router"}, {0x02, "trans-bridge"}, {0x04, "sr-bridge"}, {0x08, "switch"},
    {0x10, "host"},   {0x20, "igmp"},         {0x40, "repeater"},
};

#define CDP_BRIDGING (0x01u | 0x02u | 0x04u | 0x08u) /* router, bridges, switch */
#define CDP_HOST     0x10u
#define CDP_IGMP     0x20u

static const struct pr_snmp_varbind *cache_column(struct pr_snmp_store *store,
                                                  const struct mib_object *column, uint32_t ifindex,
                                                  uint32_t device)
{
    uint32_t oid[PR_SNMP_OID_MAX];
    memcpy(oid, column->oid, column->len * sizeof(uint32_t));
    oid[column->len] = ifindex;
    oid[column->len + 1] = device;
    return pr_snmp_store_get(store, oid, column->len + 2);
}

/* The capabilities as a number: the TLV's bytes big-endian (4 of them; an
 * agent may send fewer). */
static bool caps_value(const struct pr_snmp_value *v, unsigned *caps)
{
    if (v->type != PR_SNMP_T_OCTETS || v->len == 0 || v->len > 4)
        return false;
    *caps = 0;
    for (size_t i = 0; i < v->len; i++)
        *caps = *caps << 8 | v->bytes[i];
    return true;
}

static void caps_names(unsigned caps, char *buf, size_t len)
{
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof cdp_caps / sizeof cdp_caps[0]; i++) {
        if (caps & cdp_caps[i].bit)
            pr_strlcatf(buf, len, "%s%s", buf[0] ? ", " : "", cdp_caps[i].name);
    }
    if (caps & ~0x7fu)
        pr_strlcatf(buf, len, "%sother bits 0x%x", buf[0] ? ", " : "", caps & ~0x7fu);
    if (buf[0] == '\0')
        pr_strlcpy(buf, "none", len);
}

static void copy_shown(char *dst, size_t len, const struct pr_snmp_varbind *vb)
{
    generic_copy_octets(dst, len < NAME_SHOWN + 1 ? len : NAME_SHOWN + 1, vb);
}

void cisco_cdp_read(struct pr_snmp_store *store, struct pr_switch *sw)
{
    const struct mib_object *col = &MIB_CDP_CACHE_CAPABILITIES;
    size_t first, count;
    pr_snmp_store_subtree(store, col->oid, col->len, &first, &count);
    for (size_t i = first; i < first + count; i++) {
        const struct pr_snmp_varbind *vb = &store->vb[i];
        unsigned caps;
        if (vb->name_len != col->len + 2 || !caps_value(&vb->value, &caps))
            continue;
        uint32_t ifindex = vb->name[col->len], device = vb->name[col->len + 1];
        struct pr_port *port = ifindex ? pr_switch_find_ifindex(sw, ifindex) : NULL;
        if (port == NULL)
            continue;
        char name[NAME_SHOWN + 1], platform[NAME_SHOWN + 1], their[NAME_SHOWN + 1];
        copy_shown(name, sizeof name,
                   cache_column(store, &MIB_CDP_CACHE_DEVICE_ID, ifindex, device));
        copy_shown(platform, sizeof platform,
                   cache_column(store, &MIB_CDP_CACHE_PLATFORM, ifindex, device));
        copy_shown(their, sizeof their,
                   cache_column(store, &MIB_CDP_CACHE_DEVICE_PORT, ifindex, device));
        if (name[0] == '\0')
            pr_strlcpy(name, "(unnamed)", sizeof name);
        char names[128], raw[48], kinds[64] = "", reason[PR_ROLE_REASON_MAX];
        caps_names(caps, names, sizeof names);
        pr_snmp_value_format(&vb->value, raw, sizeof raw);
        enum pr_role says = PR_ROLE_UNKNOWN;
        if (caps & CDP_BRIDGING) {
            says = PR_ROLE_UPLINK;
            caps_names(caps & CDP_BRIDGING, kinds, sizeof kinds);
        } else if ((caps & ~CDP_IGMP) == CDP_HOST) {
            says = PR_ROLE_SERVER;
            pr_strlcpy(kinds, "host", sizeof kinds);
        } else {
            pr_strlcpy(kinds, names, sizeof kinds);
        }
        snprintf(reason, sizeof reason, "CDP neighbour %s, %s", name, kinds);
        pr_role_add_neighbour(&port->role, says, reason,
                              "CISCO-CDP-MIB %s.%u.%u = %s (%s); neighbour %s%s%s%s%s%s", col->name,
                              ifindex, device, raw, names, name, platform[0] ? " (" : "", platform,
                              platform[0] ? ")" : "", their[0] ? " port " : "", their);
    }
}
