/* SPDX-License-Identifier: BSD-3-Clause */
/* net-snmp's own configuration (snmp.conf), read by the library itself
 * when it starts, as its command-line tools read it: the defaults it sets
 * fill the options nobody gave, before portready's own defaults. Nothing
 * of it may load MIB files or print, whatever the files say. */
#include "snmp/live.h"

#include <stdio.h>
#include <string.h>

#include "util/strutil.h"

/* defAuthType and defPrivType as written in snmp.conf: net-snmp keeps only
 * the protocol OID, which cannot tell "defAuthType MD5" from no line at
 * all, so portready reads these two lines with handlers of its own.
 * Written once, while the library starts (live_library_init). */
static char conf_auth_type[16];
static char conf_priv_type[16];

/* The first word of a line. */
static void keep_word(char *dst, size_t len, const char *line)
{
    line = line != NULL ? line : "";
    line += strspn(line, " \t");
    size_t n = strcspn(line, " \t\r\n");
    snprintf(dst, len, "%.*s", (int)n, line);
}

static void on_auth_type(const char *token, char *line)
{
    (void)token;
    keep_word(conf_auth_type, sizeof conf_auth_type, line);
}

static void on_priv_type(const char *token, char *line)
{
    (void)token;
    keep_word(conf_priv_type, sizeof conf_priv_type, line);
}

/* Runs after the files' pre-MIB tokens are read and before the MIBs would
 * be loaded and the other tokens read. */
static int after_premib_config(int major, int minor, void *server_arg, void *client_arg)
{
    (void)major;
    (void)minor;
    (void)server_arg;
    (void)client_arg;
    /* mibdirs, mibs, showMibErrors and mibWarningLevel in snmp.conf would
     * load MIB files and complain about the modules Debian does not ship:
     * portready needs numeric OIDs only. */
    netsnmp_set_mib_directory("");
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_MIB_ERRORS, 0);
    netsnmp_ds_set_int(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_MIB_WARNINGS, 0);
    /* A later registration of a token replaces the library's handler. */
    register_config_handler("snmp", "defAuthType", on_auth_type, NULL, "MD5|SHA|SHA-512|...");
    register_config_handler("snmp", "defPrivType", on_priv_type, NULL, "DES|AES|AES-256|...");
    return 0;
}

void live_conf_hook(void)
{
    snmp_register_callback(SNMP_CALLBACK_LIBRARY, SNMP_CALLBACK_POST_PREMIB_READ_CONFIG,
                           after_premib_config, NULL);
}

static void take_string(char *dst, size_t len, int which)
{
    const char *value = netsnmp_ds_get_string(NETSNMP_DS_LIBRARY_ID, which);
    if (value != NULL && value[0] != '\0')
        pr_strlcpy(dst, value, len);
}

void pr_snmp_options_from_netsnmp(struct pr_snmp_options *opts, unsigned given)
{
    live_library_init();
    opts->community_from =
        (given & PR_SNMP_GIVEN_COMMUNITY) ? PR_SNMP_FROM_USER : PR_SNMP_FROM_DEFAULT;
    if (!(given & PR_SNMP_GIVEN_VERSION)) {
        switch (netsnmp_ds_get_int(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_SNMPVERSION)) {
        case NETSNMP_DS_SNMP_VERSION_1:
            opts->version = PR_SNMP_V1;
            break;
        case NETSNMP_DS_SNMP_VERSION_2c:
            opts->version = PR_SNMP_V2C;
            break;
        case NETSNMP_DS_SNMP_VERSION_3:
            opts->version = PR_SNMP_V3;
            break;
        }
    }
    if (!(given & PR_SNMP_GIVEN_COMMUNITY)) {
        const char *community =
            netsnmp_ds_get_string(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_COMMUNITY);
        if (community != NULL && community[0] != '\0') {
            pr_strlcpy(opts->community, community, sizeof opts->community);
            opts->community_from = PR_SNMP_FROM_NETSNMP;
        }
    }
    if (!(given & PR_SNMP_GIVEN_USER))
        take_string(opts->user, sizeof opts->user, NETSNMP_DS_LIB_SECNAME);
    if (!(given & PR_SNMP_GIVEN_LEVEL)) {
        static const char *const levels[] = {NULL, "noAuthNoPriv", "authNoPriv", "authPriv"};
        int level = netsnmp_ds_get_int(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_SECLEVEL);
        if (level >= SNMP_SEC_LEVEL_NOAUTH && level <= SNMP_SEC_LEVEL_AUTHPRIV)
            pr_strlcpy(opts->level, levels[level], sizeof opts->level);
    }
    if (!(given & PR_SNMP_GIVEN_AUTH_PROTO) && conf_auth_type[0] != '\0')
        pr_strlcpy(opts->auth_proto, conf_auth_type, sizeof opts->auth_proto);
    if (!(given & PR_SNMP_GIVEN_PRIV_PROTO) && conf_priv_type[0] != '\0')
        pr_strlcpy(opts->priv_proto, conf_priv_type, sizeof opts->priv_proto);
    /* defPassphrase stands for both when the specific one is absent, as in
     * net-snmp. */
    if (!(given & PR_SNMP_GIVEN_AUTH_PASS)) {
        take_string(opts->auth_pass, sizeof opts->auth_pass, NETSNMP_DS_LIB_PASSPHRASE);
        take_string(opts->auth_pass, sizeof opts->auth_pass, NETSNMP_DS_LIB_AUTHPASSPHRASE);
    }
    if (!(given & PR_SNMP_GIVEN_PRIV_PASS)) {
        take_string(opts->priv_pass, sizeof opts->priv_pass, NETSNMP_DS_LIB_PASSPHRASE);
        take_string(opts->priv_pass, sizeof opts->priv_pass, NETSNMP_DS_LIB_PRIVPASSPHRASE);
    }
    if (!(given & PR_SNMP_GIVEN_CONTEXT))
        take_string(opts->context, sizeof opts->context, NETSNMP_DS_LIB_CONTEXT);
}
