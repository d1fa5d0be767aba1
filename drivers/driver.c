/* SPDX-License-Identifier: BSD-3-Clause */
#include "driver.h"

#include <string.h>

#include "util/strutil.h"

static const struct pr_driver *const driver_table[] = {
    &pr_driver_generic_snmp,
    &pr_driver_cisco,
    &pr_driver_juniper,
    &pr_driver_aruba,    /* AOS-CX, ArubaOS-Switch (ProCurve) */
    &pr_driver_ruckus,   /* FastIron (Ruckus/Brocade ICX) */
    &pr_driver_mikrotik, /* RouterOS */
    &pr_driver_fastpath, /* Broadcom FASTPATH, EFOS */
    &pr_driver_fsos,     /* FS.com FSOS */
    &pr_driver_tplink,   /* TP-Link */
    /* the #-sectioned family: Huawei VRP, H3C / HPE Comware */
    &pr_driver_huawei,
    &pr_driver_comware,
    &pr_driver_dell,    /* OS10; PowerConnect, N-series, OS9 agents */
    &pr_driver_extreme, /* EXOS */
    &pr_driver_cumulus, /* Cumulus Linux: ifupdown2, NVUE */
    NULL,
};

/* Junos first, then IOS-XE, the order portready has always asked in. A
 * server answers a filter of a namespace it does not have with empty data
 * (RFC 6241, 6.2.1), so a wrong guess costs one more session, not an
 * error. */
static const struct pr_driver *const netconf_probes[] = {
    &pr_driver_juniper,
    &pr_driver_cisco,
    NULL,
};

const struct pr_driver *const *pr_driver_table(void)
{
    return driver_table;
}

size_t pr_driver_cli_list(const struct pr_driver **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; driver_table[i] != NULL; i++) {
        if (driver_table[i]->cli != NULL && n < max)
            out[n++] = driver_table[i];
    }
    return n;
}

const struct pr_driver *const *pr_driver_netconf_probes(void)
{
    return netconf_probes;
}

const struct pr_driver *pr_driver_find(const char *name)
{
    for (size_t i = 0; driver_table[i] != NULL; i++) {
        if (strcmp(driver_table[i]->name, name) == 0)
            return driver_table[i];
    }
    return NULL;
}

void pr_driver_names(char *buf, size_t buf_len)
{
    if (buf_len == 0)
        return;
    buf[0] = '\0';
    for (size_t i = 0; driver_table[i] != NULL; i++)
        pr_strlcatf(buf, buf_len, "%s%s", i > 0 ? ", " : "", driver_table[i]->name);
}

void pr_driver_config_dialects(char *buf, size_t buf_len)
{
    if (buf_len == 0)
        return;
    buf[0] = '\0';
    for (size_t i = 0; driver_table[i] != NULL; i++) {
        if (driver_table[i]->config_dialects != NULL)
            pr_strlcatf(buf, buf_len, "%s%s", buf[0] ? ", " : "", driver_table[i]->config_dialects);
    }
}

const struct pr_driver *pr_driver_choose(const char *sys_object_id, const char *sys_descr,
                                         const char *config_text, size_t config_len)
{
    const struct pr_driver *best = &pr_driver_generic_snmp;
    int best_score = 0;
    for (size_t i = 0; driver_table[i] != NULL; i++) {
        int score = driver_table[i]->match(sys_object_id, sys_descr, config_text, config_len);
        if (score > best_score) {
            best_score = score;
            best = driver_table[i];
        }
    }
    return best;
}

bool pr_driver_names_equal(const char *config_name, const char *snmp_name)
{
    return pr_str_ieq(config_name, snmp_name);
}
