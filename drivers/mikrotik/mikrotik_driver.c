/* SPDX-License-Identifier: BSD-3-Clause */
/* The MikroTik RouterOS driver: `/export` configurations through their
 * interpreter (routeros_*.c); agents (enterprise 14988) through the
 * generic MIBs, since MIKROTIK-MIB carries no bridge or spanning-tree
 * object; fixes in RouterOS syntax. */
#include <stdlib.h>
#include <string.h>

#include "driver.h"
#include "mikrotik/mikrotik.h"
#include "cli/cli_text.h"
#include "mikrotik/routeros.h"

static void priv_free(void *p)
{
    routeros_model_free(p);
}

static const struct routeros_model *switch_model(const struct pr_switch *sw)
{
    if (sw == NULL || sw->driver_priv_free != priv_free)
        return NULL;
    return sw->driver_priv;
}

bool mikrotik_switch_has_config(const struct pr_switch *sw)
{
    return switch_model(sw) != NULL;
}

int mikrotik_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                         struct pr_error *err)
{
    if (origin == NULL)
        origin = "configuration";
    if (text == NULL || routeros_detect(text, len, NULL, 0) == 0)
        return pr_error_set(err, PR_ERR_UNSUPPORTED,
                            "%s: not a MikroTik RouterOS export (no \"by RouterOS\" header and "
                            "too few of its menus)",
                            origin);
    return mikrotik_config_read_as(text, len, origin, sw, err);
}

int mikrotik_config_read_as(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                            struct pr_error *err)
{
    struct routeros_model *m;
    if (routeros_model_build(text, len, origin, &m, err) != 0)
        return -1;
    if (routeros_fill_switch(m, sw, err) != 0) {
        routeros_model_free(m);
        return -1;
    }
    pr_driver_install_priv(sw, m, priv_free);
    return 0;
}

void mikrotik_snippet(const struct pr_switch *sw, const struct pr_port *port,
                      const struct pr_finding *finding, char *buf, size_t buf_len)
{
    const struct routeros_model *m = switch_model(sw);
    routeros_snippet(m, port, finding, buf, buf_len);
    if (m == NULL && buf_len > 0 && buf[0] == '\0')
        pr_driver_generic_snmp.snippet(sw, port, finding, buf, buf_len);
}

int mikrotik_config_apply(const char *text, size_t len, const char *snippet, char **out,
                          size_t *out_len, struct pr_error *err)
{
    return cli_text_append(text, len, snippet, out, out_len, err);
}

static int mikrotik_match(const char *sys_object_id, const char *sys_descr, const char *config_text,
                          size_t config_len)
{
    if (config_text != NULL && config_len > 0) {
        int score = routeros_detect(config_text, config_len, NULL, 0);
        return score == 0 ? 0 : 50 + (score > 40 ? 40 : score);
    }
    /* RouterOS agents answer 1.3.6.1.4.1.14988.1; SwOS switches (14988.2)
     * run another system, whose fixes these are not. */
    if (sys_object_id != NULL && (strcmp(sys_object_id, "1.3.6.1.4.1.14988.1") == 0 ||
                                  strncmp(sys_object_id, "1.3.6.1.4.1.14988.1.", 20) == 0))
        return 40;
    return sys_descr != NULL && strncmp(sys_descr, "RouterOS ", 9) == 0 ? 20 : 0;
}

static int mikrotik_read_config(const struct pr_config_text *config, struct pr_switch *sw,
                                struct pr_error *err)
{
    return pr_driver_read_config_with(config, sw, "mikrotik", mikrotik_config_read, err);
}

/* MIKROTIK-MIB (LibreNMS's mibs/mikrotik/MIKROTIK-MIB) has groups for
 * wireless, queues, health, DHCP, neighbours, interface statistics, PoE,
 * optics and IPsec, none for the bridge or its ports: the standard MIBs
 * are all an agent says about spanning tree. */
static int mikrotik_read_snmp(struct pr_snmp_source *snmp, struct pr_switch *sw,
                              struct pr_error *err)
{
    return pr_driver_generic_snmp.read_snmp(snmp, sw, err);
}

static int mikrotik_merge_fixes(const struct pr_switch *sw, struct pr_fix_block *block)
{
    return pr_driver_merge_config_fixes(sw, mikrotik_switch_has_config(sw), "#", block);
}

const struct pr_driver pr_driver_mikrotik = {
    .name = "mikrotik",
    .config_dialects = "RouterOS (/export)",
    .netconf_filter = NULL,
    .cli = NULL,
    .match = mikrotik_match,
    .read_snmp = mikrotik_read_snmp,
    .read_config = mikrotik_read_config,
    .names_match = pr_driver_names_equal,
    .snippet = mikrotik_snippet,
    .merge_fixes = mikrotik_merge_fixes,
};
