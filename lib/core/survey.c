/* SPDX-License-Identifier: BSD-3-Clause */
#include "core/survey.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cliread.h"
#include "core/merge.h"
#include "core/saveconf.h"
#include "core/roles.h"
#include "driver.h"
#include "snmp/mib_objects.h"
#include "rules/rules.h"
#include "util/safe_text.h"
#include "util/fileutil.h"
#include "util/strutil.h"

/* sysObjectID and sysDescr, to choose a driver before collecting. */
int survey_identify(struct pr_snmp_source *src, char *object_id, size_t object_id_len, char *descr,
                    size_t descr_len, struct pr_error *err)
{
    const struct pr_snmp_request req[] = {
        {MIB_SYS_OBJECT_ID.oid, MIB_SYS_OBJECT_ID.len, true},
        {MIB_SYS_DESCR.oid, MIB_SYS_DESCR.len, true},
    };
    struct pr_snmp_store store;
    pr_snmp_store_init(&store);
    int rc = pr_snmp_source_fetch(src, NULL, req, 2, &store, err);
    if (rc == 0) {
        const struct pr_snmp_varbind *vb =
            pr_snmp_store_get(&store, MIB_SYS_OBJECT_ID.oid, MIB_SYS_OBJECT_ID.len);
        if (vb != NULL && vb->value.type == PR_SNMP_T_OID)
            pr_snmp_oid_format(vb->value.oid, vb->value.oid_len, object_id, object_id_len);
        vb = pr_snmp_store_get(&store, MIB_SYS_DESCR.oid, MIB_SYS_DESCR.len);
        if (vb != NULL && vb->value.type == PR_SNMP_T_OCTETS)
            snprintf(descr, descr_len, "%.*s", (int)vb->value.len, (const char *)vb->value.bytes);
    }
    pr_snmp_store_free(&store);
    return rc;
}

static int get_config(const struct survey_spec *spec, const char *filter, char **xml,
                      size_t *xml_len, struct pr_error *err)
{
    if (netconf_get_config(spec->netconf, filter, xml, xml_len, err) != 0) {
        /* lib/netconf names itself in most of its errors: say it once. */
        if (strncmp(err->msg, "NETCONF", 7) != 0)
            pr_error_prefix(err, "NETCONF");
        return -1;
    }
    return 0;
}

/* <get-config> over NETCONF with the filter of the switch's driver, as far
 * as it is known (from --driver or SNMP). A switch of no known family, or
 * one whose driver has no filter, is asked with each driver's filter in
 * turn until a driver recognises the reply (pr_driver_netconf_probes). */
static int fetch_netconf(const struct survey_spec *spec, const struct pr_driver *known, char **xml,
                         size_t *xml_len, char *origin, size_t origin_len, struct pr_error *err)
{
    snprintf(origin, origin_len, "netconf %s", spec->netconf->host);
    if (known->netconf_filter != NULL)
        return get_config(spec, known->netconf_filter, xml, xml_len, err);
    const struct pr_driver *const *probes = pr_driver_netconf_probes();
    for (size_t i = 0; probes[i] != NULL; i++) {
        if (get_config(spec, probes[i]->netconf_filter, xml, xml_len, err) != 0)
            return -1;
        if (probes[i + 1] == NULL || probes[i]->match(NULL, NULL, *xml, *xml_len) > 0)
            return 0;
        free(*xml);
        *xml = NULL;
    }
    return pr_error_set(err, PR_ERR_INTERNAL, "no driver reads NETCONF");
}

/* The running configuration through the switch's CLI, in the dialect of
 * its driver as far as it is known (from --driver or SNMP); else the CLI
 * itself tells (core/cliread.h). */
static int fetch_ssh(const struct survey_spec *spec, const struct pr_driver *named,
                     const char *object_id, const char *descr, char **text, size_t *len,
                     char *origin, size_t origin_len, struct pr_error *err)
{
    const struct pr_driver *known = named;
    if (known == NULL && (object_id[0] != '\0' || descr[0] != '\0')) {
        known = pr_driver_choose(object_id, descr, NULL, 0);
        if (known->cli == NULL)
            known = NULL;
    }
    snprintf(origin, origin_len, "ssh %s", spec->ssh->host);
    const struct pr_driver *used = NULL;
    return cliread_config(spec->ssh, known, text, len, &used, err);
}

/* The driver --driver names (NULL for auto); an unknown name is an
 * error. */
static int named_driver(const char *name, const struct pr_driver **out, struct pr_error *err)
{
    *out = NULL;
    if (name == NULL || strcmp(name, "auto") == 0)
        return 0;
    *out = pr_driver_find(name);
    if (*out != NULL)
        return 0;
    char names[160];
    pr_driver_names(names, sizeof names);
    return pr_error_set(err, PR_ERR_USAGE, "unknown driver '%s' (auto, %s)", name, names);
}

/* A saved configuration the drivers cannot read (empty, binary, another
 * family's) is said to be that, with the dialects portready reads, never
 * left to a driver that reads none to refuse in its own words. */
static int check_config_file(const struct survey_spec *spec, const struct pr_driver *named,
                             const char *config, size_t config_len, struct pr_error *err)
{
    char dialects[256];
    pr_driver_config_dialects(dialects, sizeof dialects);
    if (named != NULL) {
        if (named->config_dialects != NULL)
            return 0;
        return pr_error_set(err, PR_ERR_USAGE,
                            "driver %s reads no configuration; %s is read by driver auto (it "
                            "reads %s)",
                            named->name, spec->config_path, dialects);
    }
    const struct pr_driver *const *table = pr_driver_table();
    for (size_t i = 0; table[i] != NULL; i++) {
        if (table[i]->config_dialects != NULL && config_len > 0 &&
            table[i]->match(NULL, NULL, config, config_len) > 0)
            return 0;
    }
    const char *what = config_len == 0                            ? " is empty"
                       : memchr(config, '\0', config_len) != NULL ? " is binary"
                                                                  : "";
    return pr_error_set(err, PR_ERR_INPUT,
                        "%s%s: not a configuration portready can read (it reads %s)",
                        spec->config_path, what, dialects);
}

/* Reads each source; with both an agent and a configuration, state comes
 * from the agent and configuration from the configuration (core/merge.h),
 * and the driver's parsed configuration moves to sw for its snippets.
 * config is NULL when there is none. */
static int read_sources(const struct pr_driver *drv, struct pr_switch *sw,
                        struct pr_snmp_source *src, const struct pr_config_text *config,
                        struct pr_error *err)
{
    if (src == NULL)
        return drv->read_config(config, sw, err);
    if (drv->read_snmp(src, sw, err) != 0)
        return -1;
    /* After every object the driver read, the vendor's too: an edge only a
     * vendor MIB gives an aggregate reaches its members. Before the
     * configuration, whose members' facts win as any configured fact. */
    pr_switch_lag_inherit_stp(sw);
    if (config == NULL)
        return 0;
    struct pr_switch from_config;
    pr_switch_init(&from_config, sw->name, sw->host);
    int rc = drv->read_config(config, &from_config, err);
    if (rc == 0) {
        merge_config_into_live(sw, &from_config, drv);
        for (size_t i = 0; i < from_config.n_sources; i++)
            pr_switch_add_source(sw, from_config.sources[i]);
        if (sw->driver_priv == NULL) {
            sw->driver_priv = from_config.driver_priv;
            sw->driver_priv_free = from_config.driver_priv_free;
            from_config.driver_priv = NULL;
            from_config.driver_priv_free = NULL;
        }
    }
    pr_switch_free(&from_config);
    return rc;
}

void survey_write_fixes(const struct pr_driver *drv, struct pr_switch *sw)
{
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_port *port = &sw->ports[i];
        for (size_t k = 0; k < port->n_findings; k++) {
            struct pr_finding *f = &port->findings[k];
            f->fix[0] = '\0';
            if (port->role.role == PR_ROLE_UPLINK && roles_fix_withheld(f->id))
                continue;
            drv->snippet(sw, port, f, f->fix, sizeof f->fix);
        }
    }
    pr_fix_block_free(&sw->fix);
    int rc = drv->merge_fixes != NULL ? drv->merge_fixes(sw, &sw->fix)
                                      : pr_driver_merge_fixes(sw, "#", &sw->fix);
    if (rc != 0)
        pr_fix_block_free(&sw->fix); /* out of memory: the findings keep their fixes */
}

/* A switch that could not be read judges nothing: whatever ports a
 * source gave before another failed are dropped, and every port asked for
 * is unchecked. */
static int fail(const struct survey_spec *spec, struct pr_switch *sw, struct pr_error *err)
{
    sw->error = *err;
    if (sw->error.code == PR_OK)
        pr_error_set(&sw->error, PR_ERR_INTERNAL, "failed without a reason");
    for (size_t i = 0; i < sw->n_ports; i++)
        pr_port_clear_findings(&sw->ports[i]);
    sw->n_ports = 0;
    sw->unchecked = (unsigned)spec->n_ports;
    return -1;
}

/* The interfaces of spec->keep_ifindex that are not physical (a LAG, say),
 * copied out before selection keeps the physical ports alone; *n of them
 * (the caller frees *out). */
static int copy_kept(const struct survey_spec *spec, const struct pr_switch *sw,
                     struct pr_port **out, size_t *n, struct pr_error *err)
{
    *out = calloc(sw->n_ports ? sw->n_ports : 1, sizeof **out);
    *n = 0;
    if (*out == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory keeping interfaces");
    for (size_t i = 0; i < sw->n_ports; i++) {
        const struct pr_port *port = &sw->ports[i];
        bool kept = false;
        for (size_t k = 0; k < spec->n_keep_ifindex && !kept && port->ifindex != 0; k++)
            kept = spec->keep_ifindex[k] == port->ifindex;
        if (kept && !pr_port_is_physical(port))
            (*out)[(*n)++] = *port; /* no findings yet: a plain copy */
    }
    return 0;
}

static int add_aggregates(struct pr_switch *sw, const struct pr_port *lags, size_t n,
                          int64_t default_vlan, struct pr_error *err)
{
    for (size_t i = 0; i < n; i++) {
        struct pr_port *port = pr_switch_add_port(sw, lags[i].name, err);
        if (port == NULL)
            return -1;
        *port = lags[i];
        port->expect_vlan = default_vlan;
    }
    return 0;
}

/* The sources of spec, for messages: "the recording FILE", "the agent
 * HOST and the configuration FILE", ... */
static void source_label(const struct survey_spec *spec, char *buf, size_t len)
{
    buf[0] = '\0';
    if (spec->walk_path != NULL)
        pr_strlcatf(buf, len, "the recording %s", spec->walk_path);
    else if (spec->host != NULL)
        pr_strlcatf(buf, len, "the agent %s", spec->host);
    const char *and = buf[0] ? " and " : "";
    if (spec->netconf != NULL)
        pr_strlcatf(buf, len, "%sthe NETCONF configuration of %s", and, spec->netconf->host);
    else if (spec->config_path != NULL)
        pr_strlcatf(buf, len, "%sthe configuration %s", and, spec->config_path);
}

/* With no PORT named, a source that has no switch port (only a management
 * port, VLAN interfaces, a router's interfaces) judges nothing: said in
 * the switch's port errors, with what it does have. interfaces is the
 * switch's interfaces before selection, n of them. */
static int no_switch_port(const struct survey_spec *spec, struct pr_switch *sw,
                          const char *interfaces, size_t n)
{
    char where[PR_ERROR_MSG_MAX / 2];
    source_label(spec, where, sizeof where);
    if (n == 0)
        return pr_switch_add_port_error(sw,
                                        "no switch port found in %s (management, VLAN, loopback "
                                        "and virtual interfaces are not switch ports)",
                                        where);
    return pr_switch_add_port_error(sw,
                                    "no switch port found in %s: its %zu interface%s (%s) %s "
                                    "management, VLAN, loopback or virtual",
                                    where, n, n == 1 ? "" : "s", interfaces, n == 1 ? "is" : "are");
}

int survey_switch(const struct survey_spec *spec, struct pr_switch *sw, struct pr_error *err)
{
    pr_switch_init(sw, spec->name,
                   spec->host ? spec->host
                              : (spec->walk_path ? spec->walk_path : spec->config_path));
    struct pr_snmp_source *src = NULL;
    char *config = NULL;
    size_t config_len = 0;
    char object_id[128] = "", descr[256] = "";
    char config_origin[300] = "";
    const char *config_kind = "config";
    int rc = -1;
    if (spec->config_path != NULL)
        pr_strlcpy(config_origin, spec->config_path, sizeof config_origin);
    const struct pr_driver *named;
    if (named_driver(spec->driver, &named, err) != 0)
        return fail(spec, sw, err);

    if (spec->walk_path != NULL)
        src = pr_snmp_source_open_walk(spec->walk_path, err);
    else if (spec->host != NULL)
        src = pr_snmp_source_open_live(spec->host, spec->snmp, err);
    if ((spec->walk_path != NULL || spec->host != NULL) && src == NULL)
        return fail(spec, sw, err);
    /* Whichever driver is chosen reads these next: a live agent is asked
     * for them in the same requests as the objects that choose it. */
    size_t n_common = 0;
    const struct pr_snmp_request *common = pr_driver_snmp_common(&n_common);
    if (src != NULL)
        pr_snmp_source_expect(src, common, n_common);
    if (src != NULL &&
        survey_identify(src, object_id, sizeof object_id, descr, sizeof descr, err) != 0)
        goto out;
    if (spec->config_path != NULL &&
        (pr_read_file(spec->config_path, PR_CONFIG_MAX_BYTES, &config, &config_len, err) != 0 ||
         check_config_file(spec, named, config, config_len, err) != 0))
        goto out;
    if (spec->netconf != NULL) {
        free(config);
        config = NULL;
        const struct pr_driver *known =
            named != NULL ? named : pr_driver_choose(object_id, descr, NULL, 0);
        if (fetch_netconf(spec, known, &config, &config_len, config_origin, sizeof config_origin,
                          err) != 0)
            goto out;
        config_kind = "netconf";
    } else if (spec->ssh != NULL) {
        free(config);
        config = NULL;
        if (fetch_ssh(spec, named, object_id, descr, &config, &config_len, config_origin,
                      sizeof config_origin, err) != 0)
            goto out;
        config_kind = "ssh";
    }
    if (src == NULL && config == NULL) {
        pr_error_set(err, PR_ERR_USAGE,
                     "no source for %s: give an SNMP agent, --walk, --config, --netconf or --ssh",
                     spec->name);
        goto out;
    }
    if (spec->save_config_dir != NULL && (spec->netconf != NULL || spec->ssh != NULL) &&
        saveconf_write(spec->save_config_dir, spec->name, config, config_len, err) != 0)
        goto out;

    const struct pr_driver *drv =
        named != NULL ? named : pr_driver_choose(object_id, descr, config, config_len);
    sw->driver_name = drv->name;
    const struct pr_config_text config_text = {
        .text = config,
        .len = config_len,
        .origin = config_origin,
        .kind = config_kind,
    };
    if (read_sources(drv, sw, src, config != NULL ? &config_text : NULL, err) != 0)
        goto out;
    char interfaces[160] = "";
    size_t n_interfaces = sw->n_ports;
    for (size_t i = 0; i < sw->n_ports && i < 4; i++)
        pr_strlcatf(interfaces, sizeof interfaces, "%s%s", i ? ", " : "",
                    i == 3 && sw->n_ports > 4 ? "..." : sw->ports[i].name);
    roles_assign(sw);
    if (spec->n_ports == 0 && !spec->all_ports)
        roles_leave_out_uplinks(sw); /* out of memory: the uplinks stay, judged */
    struct pr_port *lags = NULL;
    size_t n_lags = 0;
    rc = spec->n_keep_ifindex > 0 && spec->n_ports == 0 ? copy_kept(spec, sw, &lags, &n_lags, err)
                                                        : 0;
    if (rc == 0)
        rc = survey_select_ports(sw, spec->ports, spec->n_ports, spec->expect_vlan, err);
    if (rc == 0 && n_lags > 0)
        rc = add_aggregates(sw, lags, n_lags, spec->expect_vlan, err);
    free(lags);
    /* Uplinks left out are switch ports: only a source with none at all
     * has no switch port. */
    if (rc == 0 && spec->n_ports == 0 && sw->n_ports == 0 && sw->n_uplinks == 0 &&
        no_switch_port(spec, sw, interfaces, n_interfaces) != 0)
        rc = pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    for (size_t i = 0; i < sw->n_ports; i++) {
        if (sw->ports[i].clients_named == 0)
            sw->ports[i].clients_named = spec->clients;
    }
    rules_judge_switch(sw);
    survey_write_fixes(drv, sw);
out:
    if (rc != 0)
        fail(spec, sw, err);
    if (src != NULL) {
        sw->pr_snmp_requests = pr_snmp_source_requests(src);
        sw->pr_snmp_varbinds = pr_snmp_source_varbinds(src);
        pr_strlcpy(sw->source_warning, pr_snmp_source_warning(src), sizeof sw->source_warning);
    }
    /* Bytes from the switch, a file or a log reach the report and the
     * command's messages only made safe. */
    pr_switch_make_safe(sw);
    pr_text_make_safe(sw->source_warning);
    if (rc != 0)
        pr_text_make_safe(err->msg);
    free(config);
    pr_snmp_source_close(src);
    return rc;
}
