/* SPDX-License-Identifier: BSD-3-Clause */
/* The audit inventory: which switches to read, how, and which of their
 * ports face servers. A YAML file (docs/inventory.md is the reference):
 *
 *   defaults: {snmp: {...}, netconf: {...}, ssh: {...}, driver: ..., expect_vlan: N,
 *              client: [debian-installer, ...]}  (client: in a switch or a port too)
 *   switches:
 *     - {name: ..., host: ..., snmp: {...}, ports: [ge-0/0/1, {port: ..., server: ...}]}
 *
 * Unknown keys, wrong types and bad values are errors that name the file,
 * line and column, so a typo never silently drops a check. Secrets may come
 * from files (*_file keys) or the environment (env:NAME); they never appear
 * in errors or warnings.
 *
 * Ownership: inventory_load()/inventory_parse() fill *out, which then owns
 * its switches array and each switch its ports array; inventory_free()
 * wipes the secrets, releases everything and accepts NULL or a zeroed
 * struct. On failure *out is left zeroed (nothing to free). */
#ifndef PR_INVENTORY_H
#define PR_INVENTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"
#include "snmp/source.h"

#define INVENTORY_NAME_MAX     96
#define INVENTORY_PATH_MAX     1024
#define INVENTORY_WARNINGS_MAX 8
#define INVENTORY_WARNING_LEN  256

/* Limits that keep a hostile or runaway file (aliases repeated) bounded. */
#define INVENTORY_MAX_SWITCHES 10000
#define INVENTORY_MAX_PORTS    200000

struct inventory_port {
    char name[INVENTORY_NAME_MAX];   /* as given: ifName, ifDescr, ifIndex or config name */
    char server[INVENTORY_NAME_MAX]; /* the server behind it; "" when not given */
    long long expect_vlan;           /* 1..4094; -1: not checked */
    uint32_t clients;                /* client: (rules/clients.h bits); 0: the switch's */
    int line;                        /* 1-based line of the entry in the file */
};

/* An SSH login: the netconf: and the ssh: (CLI) maps alike. */
struct inventory_login {
    char user[128];                         /* "" when not given */
    int port;                               /* default 830 (netconf), 22 (ssh) */
    char key[INVENTORY_PATH_MAX];           /* SSH private key; "" when not given */
    char password_file[INVENTORY_PATH_MAX]; /* where password came from; "" if not a file */
    char password[256];                     /* secret; "" when not given */
    char known_hosts[INVENTORY_PATH_MAX];   /* "" when not given: ~/.ssh/known_hosts */
    bool given;                             /* the map applies (in defaults or the switch) */
};

struct inventory_switch {
    char name[INVENTORY_NAME_MAX];   /* unique; defaults to host when omitted */
    char host[256];                  /* host or host:port; "" for an offline-only switch */
    char driver[32];                 /* auto | generic-snmp | cisco | juniper */
    struct pr_snmp_options snmp;     /* defaults, then defaults:snmp, then the switch's */
    bool snmp_given;                 /* an snmp map applies (in defaults or the switch) */
    unsigned snmp_set;               /* PR_SNMP_GIVEN_* bits of the keys those maps give */
    struct inventory_login netconf;  /* <get-config> over NETCONF */
    struct inventory_login ssh;      /* the configuration through the CLI over SSH; at most
                                      * one of netconf and ssh is given */
    char walk[INVENTORY_PATH_MAX];   /* recorded SNMP walk; "" when not given */
    char config[INVENTORY_PATH_MAX]; /* saved configuration; "" when not given */
    long long expect_vlan;           /* 1..4094; -1: not checked */
    uint32_t clients;                /* client: here or in defaults; 0: none named */
    struct inventory_port *ports;    /* NULL with n_ports 0: every physical port */
    size_t n_ports;
    int line, column; /* 1-based position of the switch's entry */
};

struct inventory {
    struct inventory_switch *switches;
    size_t n_switches;
    /* Things worth fixing that do not stop an audit (credential files
     * readable by others, ...); repeated ones are kept once. */
    char warnings[INVENTORY_WARNINGS_MAX][INVENTORY_WARNING_LEN];
    size_t n_warnings;
    size_t n_warnings_dropped; /* beyond INVENTORY_WARNINGS_MAX */
};

/* Options bits for inventory_parse_flags(). */
enum {
    /* Check *_file and env: references for form only: do not read the
     * files or the environment (the secrets stay ""). For syntax checks
     * without the secrets at hand, and for fuzzing. */
    INVENTORY_SKIP_SECRETS = 1u << 0,
};

/* Reads and parses the file at path; relative paths in it are resolved
 * against its folder. Errors: PR_ERR_IO when the file cannot be read,
 * PR_ERR_INPUT ("FILE:LINE:COL: ...") for anything wrong inside it, and the
 * code of secret_read_file() for an unreadable credential file. */
int inventory_load(const char *path, struct inventory *out, struct pr_error *err);

/* Parses len bytes of YAML text. base_dir (NULL: the current directory)
 * anchors relative paths; origin_name names the text in messages (NULL:
 * "inventory"). */
int inventory_parse(const char *text, size_t len, const char *base_dir, const char *origin_name,
                    struct inventory *out, struct pr_error *err);

int inventory_parse_flags(const char *text, size_t len, const char *base_dir,
                          const char *origin_name, unsigned flags, struct inventory *out,
                          struct pr_error *err);

/* The switch of that name, or NULL. */
const struct inventory_switch *inventory_find_switch(const struct inventory *inv, const char *name);

void inventory_free(struct inventory *inv);

#endif
