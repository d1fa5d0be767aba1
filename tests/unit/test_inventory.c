/* SPDX-License-Identifier: BSD-3-Clause */
/* The inventory reader: DESIGN.md's example, defaults, ports, located
 * errors, secrets from files and the environment, paths. Expected values
 * are written out by hand from the YAML beside each test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/inventory.h"
#include "driver.h"
#include "rules/clients.h"

static char tmpdir[256];

static int make_tmpdir(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/portready-inv.XXXXXX");
    if (mkdtemp(tmpdir) == NULL)
        return -1;
    setenv("HOME", "/home/audit", 1);
    return 0;
}

static int remove_tmpdir(void **state)
{
    (void)state;
    char cmd[320];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Writes text to tmpdir/name with the given mode; returns the path. */
static const char *write_file(const char *name, const char *text, mode_t mode)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    assert_int_equal(chmod(path, mode), 0);
    return path;
}

static int parse(const char *text, struct inventory *inv, struct pr_error *err)
{
    memset(err, 0, sizeof *err);
    return inventory_parse(text, strlen(text), tmpdir, "inventory.yaml", inv, err);
}

/* Parses text expecting failure with exactly the message want. */
static void expect_error(const char *text, const char *want)
{
    struct inventory inv;
    struct pr_error err;
    assert_int_equal(parse(text, &inv, &err), -1);
    assert_int_equal(err.code, PR_ERR_INPUT);
    assert_string_equal(err.msg, want);
    /* Left zeroed: nothing to free. */
    assert_null(inv.switches);
    assert_int_equal(inv.n_switches, 0);
}

/* DESIGN.md section 1, "Inventory", verbatim. */
static const char design_example[] =
    "defaults:                       # optional; every key may be overridden per switch\n"
    "  snmp: {version: 2c, community: public, timeout: 2, retries: 1}   # or community_file: "
    "PATH\n"
    "  expect_vlan: 100\n"
    "switches:\n"
    "  - name: rack12-a\n"
    "    host: 10.0.12.2             # host or host:port\n"
    "    driver: auto                # auto | generic-snmp | cisco | juniper\n"
    "    snmp: {version: 3, user: audit, level: authPriv, auth: SHA, auth_pass_file: "
    "/etc/portready/a, priv: AES, priv_pass_file: /etc/portready/p}\n"
    "    netconf: {user: audit, port: 830, key: ~/.ssh/id_ed25519}\n"
    "    ports:                      # omitted: every physical Ethernet port\n"
    "      - ge-0/0/1                # a bare name, or:\n"
    "      - {port: ge-0/0/2, server: srv12-02, expect_vlan: 100}\n"
    "  - name: rack12-b\n"
    "    host: 127.0.0.1:1161\n"
    "    snmp: {community: rack12-b}\n";

static void test_design_example(void **state)
{
    (void)state;
    struct inventory inv;
    struct pr_error err = {0};
    /* The example's credential files do not exist here: check the form
     * only. */
    assert_int_equal(inventory_parse_flags(design_example, strlen(design_example), "/srv/inv",
                                           "inventory.yaml", INVENTORY_SKIP_SECRETS, &inv, &err),
                     0);
    assert_int_equal(inv.n_switches, 2);
    assert_int_equal(inv.n_warnings, 0);

    const struct inventory_switch *a = &inv.switches[0];
    assert_string_equal(a->name, "rack12-a");
    assert_string_equal(a->host, "10.0.12.2");
    assert_string_equal(a->driver, "auto");
    assert_int_equal(a->line, 5); /* "  - name: rack12-a" */
    assert_int_equal(a->column, 5);
    assert_true(a->snmp_given);
    assert_int_equal(a->snmp.version, PR_SNMP_V3);    /* switch overrides 2c */
    assert_string_equal(a->snmp.community, "public"); /* from defaults */
    assert_string_equal(a->snmp.user, "audit");
    assert_string_equal(a->snmp.level, "authPriv");
    assert_string_equal(a->snmp.auth_proto, "SHA");
    assert_string_equal(a->snmp.priv_proto, "AES");
    assert_string_equal(a->snmp.auth_pass, ""); /* not read: skip flag */
    assert_string_equal(a->snmp.priv_pass, "");
    assert_true(a->snmp.timeout_s == 2.0);
    assert_int_equal(a->snmp.retries, 1);
    assert_int_equal(a->snmp.max_repetitions, 0);
    assert_true(a->netconf.given);
    assert_string_equal(a->netconf.user, "audit");
    assert_int_equal(a->netconf.port, 830);
    assert_string_equal(a->netconf.key, "/home/audit/.ssh/id_ed25519"); /* HOME=/home/audit */
    assert_string_equal(a->netconf.password, "");
    assert_string_equal(a->walk, "");
    assert_string_equal(a->config, "");
    assert_int_equal(a->expect_vlan, 100); /* defaults */
    assert_int_equal(a->n_ports, 2);
    assert_string_equal(a->ports[0].name, "ge-0/0/1");
    assert_string_equal(a->ports[0].server, "");
    assert_int_equal(a->ports[0].expect_vlan, 100); /* the switch's */
    assert_int_equal(a->ports[0].line, 11);
    assert_string_equal(a->ports[1].name, "ge-0/0/2");
    assert_string_equal(a->ports[1].server, "srv12-02");
    assert_int_equal(a->ports[1].expect_vlan, 100);
    assert_int_equal(a->ports[1].line, 12);

    const struct inventory_switch *b = &inv.switches[1];
    assert_string_equal(b->name, "rack12-b");
    assert_string_equal(b->host, "127.0.0.1:1161");
    assert_string_equal(b->driver, "auto");
    assert_int_equal(b->line, 13);
    assert_true(b->snmp_given);
    assert_int_equal(b->snmp.version, PR_SNMP_V2C);
    assert_string_equal(b->snmp.community, "rack12-b");
    assert_string_equal(b->snmp.user, "");
    assert_true(b->snmp.timeout_s == 2.0);
    assert_int_equal(b->snmp.retries, 1);
    assert_false(b->netconf.given);
    assert_int_equal(b->netconf.port, 830);
    assert_int_equal(b->expect_vlan, 100);
    assert_int_equal(b->n_ports, 0); /* every physical port */
    assert_null(b->ports);

    assert_ptr_equal(inventory_find_switch(&inv, "rack12-b"), b);
    assert_null(inventory_find_switch(&inv, "rack12-c"));
    inventory_free(&inv);
    assert_null(inv.switches);
    assert_int_equal(inv.n_switches, 0);
}

/* The same example with its credential files present (mode 600). */
static void test_design_example_secrets(void **state)
{
    (void)state;
    char a_path[512], p_path[512];
    snprintf(a_path, sizeof a_path, "%s", write_file("a", "auth-secret-1\n", 0600));
    snprintf(p_path, sizeof p_path, "%s", write_file("p", "priv-secret-2\nsecond line\n", 0600));
    char text[2048];
    snprintf(text, sizeof text,
             "switches:\n"
             "  - name: rack12-a\n"
             "    host: 10.0.12.2\n"
             "    snmp: {version: 3, user: audit, level: authPriv, auth: SHA, auth_pass_file: "
             "%s, priv: AES, priv_pass_file: p}\n",
             a_path);
    struct inventory inv;
    struct pr_error err;
    assert_int_equal(parse(text, &inv, &err), 0);
    assert_string_equal(inv.switches[0].snmp.auth_pass, "auth-secret-1");
    assert_string_equal(inv.switches[0].snmp.priv_pass, "priv-secret-2"); /* first line; relative */
    assert_int_equal(inv.n_warnings, 0);
    inventory_free(&inv);
}

static void test_defaults_merge(void **state)
{
    (void)state;
    const char *text = "defaults:\n"
                       "  driver: cisco\n"
                       "  expect_vlan: 10\n"
                       "  snmp: {version: 1, community: c1, timeout: 5, retries: 3, "
                       "max_repetitions: 20}\n"
                       "  netconf: {user: ops, port: 2222}\n"
                       "switches:\n"
                       "  - host: sw-a\n"
                       "    snmp: {community: c2, timeout: 0.5}\n"
                       "  - host: sw-b\n"
                       "    driver: juniper\n"
                       "    expect_vlan: 20\n"
                       "    netconf: {port: 830}\n"
                       "  - host: sw-c\n";
    struct inventory inv;
    struct pr_error err;
    assert_int_equal(parse(text, &inv, &err), 0);
    assert_int_equal(inv.n_switches, 3);
    const struct inventory_switch *a = &inv.switches[0], *b = &inv.switches[1],
                                  *c = &inv.switches[2];
    /* Named after the host when 'name' is left out. */
    assert_string_equal(a->name, "sw-a");
    /* snmp merges key by key: community and timeout from the switch, the
     * rest from defaults. */
    assert_int_equal(a->snmp.version, PR_SNMP_V1);
    assert_string_equal(a->snmp.community, "c2");
    assert_true(a->snmp.timeout_s == 0.5);
    assert_int_equal(a->snmp.retries, 3);
    assert_int_equal(a->snmp.max_repetitions, 20);
    assert_string_equal(a->driver, "cisco");
    assert_int_equal(a->expect_vlan, 10);
    assert_true(a->netconf.given);
    assert_string_equal(a->netconf.user, "ops");
    assert_int_equal(a->netconf.port, 2222);

    assert_string_equal(b->driver, "juniper");
    assert_int_equal(b->expect_vlan, 20);
    assert_string_equal(b->netconf.user, "ops"); /* netconf merges key by key too */
    assert_int_equal(b->netconf.port, 830);
    assert_string_equal(b->snmp.community, "c1");
    assert_true(b->snmp.timeout_s == 5.0);

    assert_true(c->snmp_given);
    assert_string_equal(c->snmp.community, "c1");
    assert_string_equal(c->driver, "cisco");
    assert_int_equal(c->expect_vlan, 10);
    inventory_free(&inv);
}

static void test_no_defaults(void **state)
{
    (void)state;
    struct inventory inv;
    struct pr_error err;
    assert_int_equal(
        parse("switches:\n  - host: 192.0.2.1\n  - {name: lab, walk: lab.snmprec}\n", &inv, &err),
        0);
    const struct inventory_switch *a = &inv.switches[0];
    assert_false(a->snmp_given);
    assert_int_equal(a->snmp.version, PR_SNMP_V2C); /* the built-in defaults */
    assert_string_equal(a->snmp.community, "public");
    assert_true(a->snmp.timeout_s == 2.0);
    assert_int_equal(a->snmp.retries, 1);
    assert_false(a->netconf.given);
    assert_int_equal(a->expect_vlan, -1);
    assert_string_equal(a->driver, "auto");
    /* An offline-only switch: no host. */
    assert_string_equal(inv.switches[1].host, "");
    char want[512];
    snprintf(want, sizeof want, "%s/lab.snmprec", tmpdir);
    assert_string_equal(inv.switches[1].walk, want);
    inventory_free(&inv);
}

static void test_ports(void **state)
{
    (void)state;
    const char *text = "switches:\n"
                       "  - name: s\n"
                       "    host: s.example\n"
                       "    expect_vlan: 300\n"
                       "    ports:\n"
                       "      - Gi1/0/1\n"
                       "      - {port: Gi1/0/2, server: db-1}\n"
                       "      - port: Gi1/0/3\n"
                       "        expect_vlan: 301\n"
                       "      - \"10103\"\n";
    struct inventory inv;
    struct pr_error err;
    assert_int_equal(parse(text, &inv, &err), 0);
    const struct inventory_switch *s = &inv.switches[0];
    assert_int_equal(s->n_ports, 4);
    assert_string_equal(s->ports[0].name, "Gi1/0/1");
    assert_int_equal(s->ports[0].expect_vlan, 300);
    assert_string_equal(s->ports[1].name, "Gi1/0/2");
    assert_string_equal(s->ports[1].server, "db-1");
    assert_int_equal(s->ports[1].expect_vlan, 300);
    assert_string_equal(s->ports[2].name, "Gi1/0/3");
    assert_int_equal(s->ports[2].expect_vlan, 301); /* the port's own wins */
    assert_int_equal(s->ports[2].line, 8);
    assert_string_equal(s->ports[3].name, "10103"); /* an ifIndex */
    inventory_free(&inv);
}

static void test_unknown_key_top(void **state)
{
    (void)state;
    expect_error("defaults:\n  expect_vlan: 100\nswtiches:\n  - host: a\n",
                 "inventory.yaml:3:1: unknown key 'swtiches' in the inventory's top level (did "
                 "you mean 'switches'?); valid keys: defaults, switches");
}

static void test_unknown_key_switch(void **state)
{
    (void)state;
    expect_error("switches:\n  - name: a\n    hots: 10.0.0.1\n",
                 "inventory.yaml:3:5: unknown key 'hots' in switch 'a' (did you mean 'host'?); "
                 "valid keys: name, host, driver, snmp, netconf, ssh, walk, config, "
                 "expect_vlan, ports, client");
}

static void test_unknown_key_snmp(void **state)
{
    (void)state;
    /* "    snmp: {version: 2c, comunity: x}": the key starts at column 25. */
    expect_error("switches:\n  - host: sw1\n    snmp: {version: 2c, comunity: x}\n",
                 "inventory.yaml:3:25: unknown key 'comunity' in snmp (did you mean "
                 "'community'?); valid keys: version, community, community_file, user, level, "
                 "auth, auth_pass, auth_pass_file, priv, priv_pass, priv_pass_file, context, "
                 "timeout, retries, max_repetitions");
}

/* mac: is kept as written, and a value that is no MAC is an error naming
 * where it is (line 4, column 43: the value). */
static void test_port_mac(void **state)
{
    (void)state;
    const char *text = "switches:\n"
                       "  - host: 10.0.0.1\n"
                       "    ports:\n"
                       "      - {port: ge-0/0/1, server: s1, mac: 5254.0012.0301}\n";
    struct inventory inv;
    struct pr_error err;
    assert_int_equal(parse(text, &inv, &err), 0);
    assert_string_equal(inv.switches[0].ports[0].mac, "5254.0012.0301");
    inventory_free(&inv);
    expect_error("switches:\n"
                 "  - host: 10.0.0.1\n"
                 "    ports:\n"
                 "      - {port: ge-0/0/1, server: s1, mac: 52:54:00:12:03}\n",
                 "inventory.yaml:4:43: mac: '52:54:00:12:03' is not a MAC address "
                 "(aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff, aabb.ccdd.eeff or aabbccddeeff)");
}

static void test_unknown_key_port(void **state)
{
    (void)state;
    /* "      - {port: ge-0/0/1, vlan: 100}": 'vlan' at column 26. */
    expect_error("switches:\n  - host: sw1\n    ports:\n      - {port: ge-0/0/1, vlan: 100}\n",
                 "inventory.yaml:4:26: unknown key 'vlan' in a port; valid keys: port, server, "
                 "mac, expect_vlan, client");
}

static void test_unknown_key_defaults_netconf(void **state)
{
    (void)state;
    expect_error("defaults:\n  netconf:\n    username: ops\nswitches:\n  - host: a\n",
                 "inventory.yaml:3:5: unknown key 'username' in netconf; valid keys: user, "
                 "port, key, password, password_file, known_hosts");
    expect_error("defaults:\n  host: a\nswitches:\n  - host: a\n",
                 "inventory.yaml:2:3: unknown key 'host' in defaults; valid keys: driver, "
                 "expect_vlan, snmp, netconf, ssh, client");
}

/* A value slipped into key position is not echoed. */
static void test_unknown_key_not_shown(void **state)
{
    (void)state;
    expect_error("switches:\n  - host: a\n    snmp: {community s3cret}\n",
                 "inventory.yaml:3:12: a key in snmp is not a key name (not shown); valid keys: "
                 "version, community, community_file, user, level, auth, auth_pass, "
                 "auth_pass_file, priv, priv_pass, priv_pass_file, context, timeout, retries, "
                 "max_repetitions");
}

static void test_syntax_error(void **state)
{
    (void)state;
    /* The flow map opened at line 2, column 5 never closes: libyaml
     * notices at the end of the text (line 3, column 1). */
    expect_error("switches:\n  - {name: a, host: b\n",
                 "inventory.yaml:3:1: YAML syntax error: did not find expected ',' or '}' "
                 "(while parsing a flow mapping at line 2, column 5)");
    /* A tab where indentation is expected. */
    expect_error("switches:\n\t- host: a\n",
                 "inventory.yaml:2:1: YAML syntax error: found character that cannot start "
                 "any token (while scanning for the next token at line 2, column 1)");
}

/* Nesting: 100,000 '[' took libyaml's scanner half a minute; anything
 * nested deeper than 64 is refused at once, naming where. 64 levels are
 * still read (here they fail later, as an unknown key). */
static void test_nesting_depth(void **state)
{
    (void)state;
    size_t n = 100000;
    char *deep = malloc(n + 16);
    assert_non_null(deep);
    memset(deep, '[', n);
    deep[n] = '\0';
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    expect_error(deep, "inventory.yaml:1:65: lists and maps nested more than 64 deep");
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (secs > 2.0)
        fail_msg("refusing 100,000 '[' took %.1f s", secs);

    /* Block style counts the same: 65 maps inside one another. */
    char block[65 * 80] = "";
    for (int i = 0; i < 65; i++)
        snprintf(block + strlen(block), sizeof block - strlen(block), "%*sk%d:\n", i, "", i);
    expect_error(block, "inventory.yaml:65:65: lists and maps nested more than 64 deep");

    /* 64 deep: past the check, and judged by the inventory reader. */
    char ok[400];
    snprintf(ok, sizeof ok, "switches:\n  - {host: a, x: %.61s%.61s}\n",
             "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
             "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");
    struct inventory inv;
    struct pr_error err;
    assert_int_equal(parse(ok, &inv, &err), -1);
    assert_null(strstr(err.msg, "nested"));
    assert_non_null(strstr(err.msg, "'x'"));

    /* Brackets in quotes and comments are not nesting. */
    memset(deep, '[', n);
    memcpy(deep, "# ", 2);
    expect_error(deep, "inventory.yaml:1:1: the inventory is empty; it needs a 'switches:' list");
    free(deep);
}

static void test_wrong_types(void **state)
{
    (void)state;
    expect_error("switches:\n  - host: a\n    snmp: [version, 2c]\n",
                 "inventory.yaml:3:11: snmp must be a map (key: value), not a list");
    expect_error("switches:\n  host: a\n",
                 "inventory.yaml:2:3: 'switches' must be a list (one '- name: ...' entry per "
                 "switch), not a map");
    expect_error("switches:\n  - host: [a, b]\n",
                 "inventory.yaml:2:11: 'host' must be a single value, not a list");
    expect_error("- host: a\n",
                 "inventory.yaml:1:1: the inventory's top level must be a map (key: value), not "
                 "a list");
    expect_error("switches:\n  - host: a\n    ports: ge-0/0/1\n",
                 "inventory.yaml:3:12: 'ports' must be a list, not a single value");
    expect_error("switches:\n  - host: a\n    ports:\n      - [ge-0/0/1]\n",
                 "inventory.yaml:4:9: a port is a name or a map {port, server, expect_vlan, "
                 "client}, not a list");
}

static void test_bad_values(void **state)
{
    (void)state;
    expect_error("switches:\n  - host: a\n    snmp: {version: 4}\n",
                 "inventory.yaml:3:21: 'version' must be one of 1, 2c, 3, not '4'");
    expect_error("switches:\n  - host: a\n    snmp: {version: 3, user: u, level: authpriv2}\n",
                 "inventory.yaml:3:40: 'level' must be one of noAuthNoPriv, authNoPriv, "
                 "authPriv, not 'authpriv2'");
    expect_error("switches:\n  - host: a\n    snmp: {auth: SHA1}\n",
                 "inventory.yaml:3:18: 'auth' must be one of MD5, SHA, SHA-224, SHA-256, "
                 "SHA-384, SHA-512, not 'SHA1'");
    expect_error("switches:\n  - host: a\n    snmp: {priv: 3DES}\n",
                 "inventory.yaml:3:18: 'priv' must be one of DES, AES, AES-128, AES-192, "
                 "AES-256, not '3DES'");
    expect_error("switches:\n  - host: a\n    expect_vlan: 4095\n",
                 "inventory.yaml:3:18: 'expect_vlan' must be a whole number from 1 to 4094, not "
                 "'4095'");
    expect_error("switches:\n  - host: a\n    ports: [{port: x, expect_vlan: 0}]\n",
                 "inventory.yaml:3:36: 'expect_vlan' must be a whole number from 1 to 4094, not "
                 "'0'");
    expect_error("switches:\n  - host: a\n    netconf: {port: 0}\n",
                 "inventory.yaml:3:21: 'port' must be a whole number from 1 to 65535, not '0'");
    expect_error("switches:\n  - host: a\n    snmp: {timeout: fast}\n",
                 "inventory.yaml:3:21: 'timeout' must be a number from 0.001 to 600, not 'fast'");
    expect_error("switches:\n  - host: a\n    snmp: {retries: -1}\n",
                 "inventory.yaml:3:21: 'retries' must be a whole number from 0 to 20, not '-1'");
    /* The drivers as the table lists them ("generic-snmp, cisco, juniper, aruba, ..."). */
    char drivers[256], want[512];
    pr_driver_names(drivers, sizeof drivers);
    snprintf(want, sizeof want,
             "inventory.yaml:3:13: 'driver' must be one of auto, %s, not 'arista'", drivers);
    assert_non_null(strstr(want, "auto, generic-snmp, cisco, juniper, aruba"));
    expect_error("switches:\n  - host: a\n    driver: arista\n", want);
    expect_error("switches:\n  - host: \"\"\n", "inventory.yaml:2:11: 'host' is empty");
    expect_error("switches:\n  - host: sw1:70000\n",
                 "inventory.yaml:2:11: 'host' must be a host name or address, optionally with "
                 ":port (1 to 65535; IPv6 as [addr]:port) and a transport (udp:, tcp:, udp6:, "
                 "tcp6:), not 'sw1:70000'");
    expect_error("switches:\n  - host: \"tcp:\"\n",
                 "inventory.yaml:2:11: 'host' must be a host name or address, optionally with "
                 ":port (1 to 65535; IPv6 as [addr]:port) and a transport (udp:, tcp:, udp6:, "
                 "tcp6:), not 'tcp:'");
    expect_error("switches:\n  - name: x\n",
                 "inventory.yaml:2:5: a switch needs 'host' (or an offline source: 'walk' or "
                 "'config')");
}

static void test_hosts_accepted(void **state)
{
    (void)state;
    struct inventory inv;
    struct pr_error err;
    assert_int_equal(parse("switches:\n  - host: \"[2001:db8::1]:1161\"\n  - host: 2001:db8::2\n"
                           "  - host: sw.example:161\n",
                           &inv, &err),
                     0);
    assert_string_equal(inv.switches[0].host, "[2001:db8::1]:1161");
    assert_string_equal(inv.switches[1].host, "2001:db8::2");
    assert_string_equal(inv.switches[2].host, "sw.example:161");
    inventory_free(&inv);
}

static void test_case_insensitive_choices(void **state)
{
    (void)state;
    struct inventory inv;
    struct pr_error err;
    setenv("PR_TEST_AUTH", "authpassphrase", 1);
    assert_int_equal(parse("switches:\n  - host: a\n    snmp: {version: 3, user: u, level: "
                           "authnopriv, auth: sha-256, auth_pass: env:PR_TEST_AUTH, priv: "
                           "aes-128}\n",
                           &inv, &err),
                     0);
    /* Stored in the canonical spelling; AES-128 is AES. */
    assert_string_equal(inv.switches[0].snmp.level, "authNoPriv");
    assert_string_equal(inv.switches[0].snmp.auth_proto, "SHA-256");
    assert_string_equal(inv.switches[0].snmp.priv_proto, "AES");
    assert_string_equal(inv.switches[0].snmp.auth_pass, "authpassphrase");
    inventory_free(&inv);
    unsetenv("PR_TEST_AUTH");
}

static void test_snmpv3_incomplete(void **state)
{
    (void)state;
    expect_error("switches:\n  - host: a\n    snmp: {version: 3, level: noAuthNoPriv}\n",
                 "inventory.yaml:3:11: SNMPv3 needs 'user'");
    expect_error("switches:\n  - host: a\n    snmp: {version: 3, user: u}\n",
                 "inventory.yaml:3:11: SNMPv3 needs 'level' (noAuthNoPriv, authNoPriv or "
                 "authPriv)");
    expect_error("switches:\n  - host: a\n    snmp: {version: 3, user: u, level: authNoPriv, "
                 "auth_pass: longenough}\n",
                 "inventory.yaml:3:11: level authNoPriv needs 'auth' (MD5, SHA, SHA-224, "
                 "SHA-256, SHA-384 or SHA-512)");
    /* The passphrase itself never appears. */
    expect_error("switches:\n  - host: a\n    snmp: {version: 3, user: u, level: authNoPriv, "
                 "auth: SHA, auth_pass: short7x}\n",
                 "inventory.yaml:3:11: the auth passphrase is shorter than 8 characters, which "
                 "SNMPv3 does not accept");
    /* From defaults: reported at the defaults' snmp map. */
    expect_error("defaults:\n  snmp: {version: 3, user: u, level: authPriv, auth: MD5, "
                 "auth_pass: 12345678, priv: DES}\nswitches:\n  - host: a\n",
                 "inventory.yaml:2:9: level authPriv needs 'priv_pass' or 'priv_pass_file'");
}

/* Defaults give the SNMPv3 level and protocols, each switch its user and
 * passphrases: complete only once merged, which is when it is checked. */
static void test_snmpv3_split_over_defaults(void **state)
{
    (void)state;
    setenv("PR_TEST_AUTH_A", "auth-pass-a", 1);
    setenv("PR_TEST_PRIV_A", "priv-pass-a", 1);
    struct inventory inv;
    struct pr_error err;
    assert_int_equal(parse("defaults:\n  snmp: {version: 3, level: authPriv, auth: SHA-512, "
                           "priv: AES-256}\nswitches:\n  - host: a\n    snmp: {user: ua, "
                           "auth_pass: env:PR_TEST_AUTH_A, priv_pass: env:PR_TEST_PRIV_A}\n",
                           &inv, &err),
                     0);
    const struct pr_snmp_options *o = &inv.switches[0].snmp;
    assert_int_equal(o->version, PR_SNMP_V3);
    assert_string_equal(o->user, "ua");
    assert_string_equal(o->level, "authPriv");
    assert_string_equal(o->auth_proto, "SHA-512");
    assert_string_equal(o->priv_proto, "AES-256");
    assert_string_equal(o->auth_pass, "auth-pass-a");
    assert_string_equal(o->priv_pass, "priv-pass-a");
    inventory_free(&inv);
    unsetenv("PR_TEST_AUTH_A");
    unsetenv("PR_TEST_PRIV_A");
    /* A switch that gives nothing: reported at the defaults' snmp map,
     * line 2 column 9. */
    expect_error("defaults:\n  snmp: {version: 3, level: authPriv, auth: SHA, priv: AES}\n"
                 "switches:\n  - host: a\n",
                 "inventory.yaml:2:9: SNMPv3 needs 'user'");
}

static void test_merge_key_refused(void **state)
{
    (void)state;
    expect_error("base: &b {host: a}\nswitches:\n  - <<: *b\n    name: x\n",
                 "inventory.yaml:1:1: unknown key 'base' in the inventory's top level; valid "
                 "keys: defaults, switches");
    expect_error("switches:\n  - <<: {host: a}\n    name: x\n",
                 "inventory.yaml:2:5: YAML merge keys (<<) are not supported in switch 'x'; put "
                 "shared settings under 'defaults:'");
}

static void test_duplicates(void **state)
{
    (void)state;
    expect_error("switches:\n  - {name: a, host: h1}\n  - {name: b, host: h2}\n"
                 "  - {name: a, host: h3}\n",
                 "inventory.yaml:4:5: switch name 'a' is already used at line 2 (a switch "
                 "without 'name' is named after its host)");
    expect_error("switches:\n  - host: h1\n  - host: h1\n",
                 "inventory.yaml:3:5: switch name 'h1' is already used at line 2 (a switch "
                 "without 'name' is named after its host)");
    expect_error("switches:\n  - host: h1\n    host: h2\n",
                 "inventory.yaml:3:5: key 'host' is given twice in a switch (first at line 2)");
    expect_error("switches:\n  - host: h1\n    ports: [p1, p2, p1]\n",
                 "inventory.yaml:3:12: port 'p1' is listed twice for switch 'h1' (lines 3 and "
                 "3)");
    expect_error("switches:\n  - host: h1\n    snmp: {community: a, community_file: f}\n",
                 "inventory.yaml:3:42: 'community' and 'community_file' both given; give one "
                 "of them");
}

static void test_document_shape(void **state)
{
    (void)state;
    expect_error("", "inventory.yaml:1:1: the inventory is empty; it needs a 'switches:' list");
    expect_error("# nothing but a comment\n",
                 "inventory.yaml:1:1: the inventory is empty; it needs a 'switches:' list");
    expect_error("defaults: {expect_vlan: 5}\n",
                 "inventory.yaml:1:1: the inventory needs a 'switches:' list");
    expect_error("switches: []\n",
                 "inventory.yaml:1:11: 'switches' is empty: there is nothing to audit");
    expect_error("switches:\n  - host: a\n    ports: []\n",
                 "inventory.yaml:3:12: 'ports' is empty; leave it out to audit every physical "
                 "port");
    expect_error("switches:\n  - host: a\n---\nswitches:\n  - host: b\n",
                 "inventory.yaml:3:1: a second YAML document; an inventory is one document");
    expect_error("switches:\n  - host: a\n    ports:\n      - {server: x}\n",
                 "inventory.yaml:4:9: a port entry needs 'port' (the port's name)");
}

/* The secret files and what the reader says about them. */
static void test_secret_files(void **state)
{
    (void)state;
    write_file("c600", "rack-community\n", 0600);
    write_file("c640", "group-community\n", 0640);
    write_file("c644", "world-community\n", 0644);
    write_file("empty", "", 0600);
    struct inventory inv;
    struct pr_error err;
    assert_int_equal(
        parse("switches:\n  - host: a\n    snmp: {community_file: c600}\n", &inv, &err), 0);
    assert_string_equal(inv.switches[0].snmp.community, "rack-community");
    assert_int_equal(inv.n_warnings, 0);
    inventory_free(&inv);

    /* Two switches share the group-readable file: one warning. */
    assert_int_equal(parse("defaults: {snmp: {community_file: c640}}\nswitches:\n"
                           "  - host: a\n  - host: b\n    snmp: {community_file: c644}\n"
                           "  - host: c\n",
                           &inv, &err),
                     0);
    assert_string_equal(inv.switches[0].snmp.community, "group-community");
    assert_string_equal(inv.switches[1].snmp.community, "world-community");
    assert_string_equal(inv.switches[2].snmp.community, "group-community");
    assert_int_equal(inv.n_warnings, 2);
    char want[512];
    snprintf(want, sizeof want,
             "credential file %s/c640 is readable by its group (mode 0640); chmod 600 it", tmpdir);
    assert_string_equal(inv.warnings[0], want);
    snprintf(want, sizeof want,
             "credential file %s/c644 is readable by others (mode 0644); chmod 600 it", tmpdir);
    assert_string_equal(inv.warnings[1], want);
    inventory_free(&inv);

    /* An empty file is an error that names the file and the key. */
    assert_int_equal(
        parse("switches:\n  - host: a\n    snmp: {community_file: empty}\n", &inv, &err), -1);
    snprintf(want, sizeof want,
             "inventory.yaml:3:28: 'community_file': credential file %s/empty is empty (the "
             "secret is its first line)",
             tmpdir);
    assert_string_equal(err.msg, want);
    assert_int_equal(err.code, PR_ERR_INPUT);

    /* A missing one: an I/O error, still located. */
    assert_int_equal(
        parse("switches:\n  - host: a\n    netconf: {password_file: nope}\n", &inv, &err), -1);
    snprintf(want, sizeof want,
             "inventory.yaml:3:30: 'password_file': cannot open credential file %s/nope: No "
             "such file or directory",
             tmpdir);
    assert_string_equal(err.msg, want);
    assert_int_equal(err.code, PR_ERR_IO);
}

static void test_netconf_password(void **state)
{
    (void)state;
    write_file("ncpw", "nc-password\n", 0600);
    struct inventory inv;
    struct pr_error err;
    assert_int_equal(parse("switches:\n  - host: a\n    netconf: {user: ops, password_file: "
                           "ncpw, key: keys/id}\n",
                           &inv, &err),
                     0);
    char want[512];
    snprintf(want, sizeof want, "%s/ncpw", tmpdir);
    assert_string_equal(inv.switches[0].netconf.password_file, want);
    assert_string_equal(inv.switches[0].netconf.password, "nc-password");
    snprintf(want, sizeof want, "%s/keys/id", tmpdir);
    assert_string_equal(inv.switches[0].netconf.key, want);
    inventory_free(&inv);
}

/* ssh: the CLI over SSH: its own map (port 22 by default, known_hosts),
 * key-by-key merging with defaults, a switch's own map winning over the
 * other kind in defaults, and what is refused. */
static void test_ssh_block(void **state)
{
    (void)state;
    write_file("sshpw", "ssh-password\n", 0600);
    struct inventory inv;
    struct pr_error err;
    assert_int_equal(parse("defaults:\n"
                           "  ssh: {user: ops, known_hosts: kh, password_file: sshpw}\n"
                           "switches:\n"
                           "  - host: 10.0.0.1:1161\n"
                           "    ssh: {port: 2222, key: keys/id}\n"
                           "  - name: b\n"
                           "    host: b\n"
                           "  - name: c\n"
                           "    host: c\n"
                           "    netconf: {user: nc}\n",
                           &inv, &err),
                     0);
    const struct inventory_switch *a = &inv.switches[0], *b = &inv.switches[1],
                                  *c = &inv.switches[2];
    char want[512];
    assert_true(a->ssh.given);
    assert_false(a->netconf.given);
    assert_string_equal(a->ssh.user, "ops");
    assert_int_equal(a->ssh.port, 2222);
    snprintf(want, sizeof want, "%s/keys/id", tmpdir);
    assert_string_equal(a->ssh.key, want);
    snprintf(want, sizeof want, "%s/kh", tmpdir);
    assert_string_equal(a->ssh.known_hosts, want);
    assert_string_equal(a->ssh.password, "ssh-password");
    assert_false(a->snmp_given); /* ssh: alone: no SNMP */
    assert_true(b->ssh.given);
    assert_int_equal(b->ssh.port, 22);
    /* c's own netconf: wins over the ssh: of defaults. */
    assert_false(c->ssh.given);
    assert_true(c->netconf.given);
    assert_string_equal(c->netconf.user, "nc");
    assert_int_equal(c->netconf.port, 830);
    inventory_free(&inv);

    expect_error("switches:\n  - host: a\n    netconf: {}\n    ssh: {user: x}\n",
                 "inventory.yaml:4:10: switch 'a' has both 'netconf' and 'ssh', which both read "
                 "its configuration; give one");
    expect_error("defaults:\n  netconf: {}\n  ssh: {}\nswitches:\n  - host: a\n",
                 "inventory.yaml:5:5: switch 'a' gets both 'netconf' and 'ssh' from defaults, "
                 "which both read its configuration; give one in the switch");
    expect_error("switches:\n  - name: a\n    config: x.conf\n    ssh: {user: x}\n",
                 "inventory.yaml:2:5: switch 'a' has 'ssh' but no 'host' to connect to");
    expect_error("switches:\n  - host: a\n    ssh: {port: 70000}\n",
                 "inventory.yaml:3:17: 'port' must be a whole number from 1 to 65535, not '70000'");
    expect_error("switches:\n  - host: a\n    ssh: {hostkey: x}\n",
                 "inventory.yaml:3:11: unknown key 'hostkey' in ssh; valid keys: user, port, "
                 "key, password, password_file, known_hosts");
}

static void test_env_secrets(void **state)
{
    (void)state;
    setenv("PR_TEST_RACK12_COMMUNITY", "from-the-env", 1);
    unsetenv("PR_TEST_UNSET_VAR");
    struct inventory inv;
    struct pr_error err;
    assert_int_equal(parse("switches:\n  - host: a\n    snmp: {community: "
                           "env:PR_TEST_RACK12_COMMUNITY}\n",
                           &inv, &err),
                     0);
    assert_string_equal(inv.switches[0].snmp.community, "from-the-env");
    inventory_free(&inv);

    expect_error("switches:\n  - host: a\n    snmp: {community: env:PR_TEST_UNSET_VAR}\n",
                 "inventory.yaml:3:23: 'community': environment variable PR_TEST_UNSET_VAR is "
                 "not set");
    expect_error("switches:\n  - host: a\n    snmp: {community: \"env:BAD-NAME\"}\n",
                 "inventory.yaml:3:23: 'community': 'BAD-NAME' is not an environment variable "
                 "name (letters, digits and _)");
    unsetenv("PR_TEST_RACK12_COMMUNITY");
}

/* Every variable an env:NAME names is wiped from the environment once the
 * inventory is read, also when two switches name the same one, and also
 * when the parse fails after reading it. */
static void test_env_secrets_wiped(void **state)
{
    (void)state;
    setenv("PR_TEST_WIPE_COMMUNITY", "shared-community", 1);
    setenv("PR_TEST_WIPE_AUTH", "auth-passphrase", 1);
    char *value = getenv("PR_TEST_WIPE_COMMUNITY");
    struct inventory inv;
    struct pr_error err;
    assert_int_equal(
        parse("defaults:\n  snmp: {community: env:PR_TEST_WIPE_COMMUNITY}\n"
              "switches:\n  - host: a\n  - host: b\n"
              "    snmp: {community: env:PR_TEST_WIPE_COMMUNITY}\n"
              "  - host: c\n    snmp: {version: 3, user: u, level: authNoPriv, auth: SHA, "
              "auth_pass: env:PR_TEST_WIPE_AUTH}\n",
              &inv, &err),
        0);
    assert_string_equal(inv.switches[0].snmp.community, "shared-community");
    assert_string_equal(inv.switches[1].snmp.community, "shared-community");
    assert_string_equal(inv.switches[2].snmp.auth_pass, "auth-passphrase");
    assert_null(getenv("PR_TEST_WIPE_COMMUNITY"));
    assert_null(getenv("PR_TEST_WIPE_AUTH"));
    /* setenv's copy was overwritten where it lies, as the block the
     * process started with is. */
    assert_int_equal(value[0], '\0');
    inventory_free(&inv);

    setenv("PR_TEST_WIPE_COMMUNITY", "read-then-failed", 1);
    expect_error("switches:\n  - host: a\n    snmp: {community: env:PR_TEST_WIPE_COMMUNITY, "
                 "version: 7}\n",
                 "inventory.yaml:3:60: 'version' must be one of 1, 2c, 3, not '7'");
    assert_null(getenv("PR_TEST_WIPE_COMMUNITY"));

    /* A syntax check reads no secret and wipes nothing. */
    setenv("PR_TEST_WIPE_COMMUNITY", "kept", 1);
    assert_int_equal(inventory_parse_flags("switches:\n  - host: a\n    snmp: {community: "
                                           "env:PR_TEST_WIPE_COMMUNITY}\n",
                                           strlen("switches:\n  - host: a\n    snmp: "
                                                  "{community: env:PR_TEST_WIPE_COMMUNITY}\n"),
                                           NULL, NULL, INVENTORY_SKIP_SECRETS, &inv, &err),
                     0);
    assert_string_equal(getenv("PR_TEST_WIPE_COMMUNITY"), "kept");
    inventory_free(&inv);
    unsetenv("PR_TEST_WIPE_COMMUNITY");
}

/* Secrets never enter messages, whatever goes wrong around them. */
static void test_secrets_not_in_messages(void **state)
{
    (void)state;
    const char *texts[] = {
        "switches:\n  - host: a\n    snmp: {community: [hunter2secret]}\n",
        "switches:\n  - host: a\n    snmp: {community: hunter2secret, community_file: x}\n",
        ("switches:\n  - host: a\n    snmp: {version: 3, user: u, level: authPriv, auth: SHA, "
         "auth_pass: hunter2secret, priv: AES, priv_pass: q9z}\n"),
        "switches:\n  - host: a\n    snmp: {community hunter2secret}\n",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        struct inventory inv;
        struct pr_error err;
        assert_int_equal(parse(texts[i], &inv, &err), -1);
        assert_null(strstr(err.msg, "hunter2"));
        assert_null(strstr(err.msg, "q9z"));
    }
}

static void test_paths(void **state)
{
    (void)state;
    const char *text = "switches:\n"
                       "  - name: a\n"
                       "    walk: walks/a.snmprec\n"
                       "    config: /abs/a.conf\n"
                       "  - name: b\n"
                       "    config: ~/configs/b.conf\n";
    struct inventory inv;
    struct pr_error err = {0};
    assert_int_equal(inventory_parse(text, strlen(text), "/srv/inv", "inventory.yaml", &inv, &err),
                     0);
    assert_string_equal(inv.switches[0].walk, "/srv/inv/walks/a.snmprec");
    assert_string_equal(inv.switches[0].config, "/abs/a.conf");
    assert_string_equal(inv.switches[1].config, "/home/audit/configs/b.conf");
    inventory_free(&inv);

    /* No base folder: relative paths stay as written (current directory). */
    assert_int_equal(inventory_parse(text, strlen(text), NULL, "inventory.yaml", &inv, &err), 0);
    assert_string_equal(inv.switches[0].walk, "walks/a.snmprec");
    inventory_free(&inv);

    expect_error("switches:\n  - {name: a, walk: ~root/a.snmprec}\n",
                 "inventory.yaml:2:21: 'walk': ~user paths are not supported; write the full "
                 "path");
}

/* inventory_load: the file's folder anchors paths; errors name the file. */
static void test_load(void **state)
{
    (void)state;
    char dir[512], path[600];
    snprintf(dir, sizeof dir, "%s/site", tmpdir);
    assert_int_equal(mkdir(dir, 0700), 0);
    write_file("site/community", "from-file\n", 0600);
    write_file("site/inventory.yaml",
               "switches:\n  - host: a\n    snmp: {community_file: community}\n"
               "    walk: a.snmprec\n",
               0600);
    snprintf(path, sizeof path, "%s/inventory.yaml", dir);
    struct inventory inv;
    struct pr_error err = {0};
    assert_int_equal(inventory_load(path, &inv, &err), 0);
    assert_string_equal(inv.switches[0].snmp.community, "from-file");
    char want[700];
    snprintf(want, sizeof want, "%s/a.snmprec", dir);
    assert_string_equal(inv.switches[0].walk, want);
    inventory_free(&inv);

    write_file("site/bad.yaml", "switches:\n  - host: a\n    colour: blue\n", 0600);
    snprintf(path, sizeof path, "%s/bad.yaml", dir);
    assert_int_equal(inventory_load(path, &inv, &err), -1);
    snprintf(want, sizeof want,
             "%s:3:5: unknown key 'colour' in a switch; valid keys: name, host, driver, snmp, "
             "netconf, ssh, walk, config, expect_vlan, ports, client",
             path);
    assert_string_equal(err.msg, want);

    snprintf(path, sizeof path, "%s/missing.yaml", dir);
    assert_int_equal(inventory_load(path, &inv, &err), -1);
    assert_int_equal(err.code, PR_ERR_IO);
    snprintf(want, sizeof want, "cannot open inventory %s: No such file or directory", path);
    assert_string_equal(err.msg, want);
}

static void test_free_zeroed(void **state)
{
    (void)state;
    struct inventory inv;
    memset(&inv, 0, sizeof inv);
    inventory_free(&inv);
    inventory_free(NULL);
}

/* client: in defaults, a switch or a port: a name or a list of them; the
 * port's replaces the switch's, the switch's replaces the defaults'. */
static void test_clients(void **state)
{
    (void)state;
    struct inventory inv;
    struct pr_error err = {0};
    const char *text = "defaults:\n  client: anaconda\n"
                       "switches:\n  - host: a\n    ports: [p1, {port: p2, client: [ipxe, "
                       "debian-installer]}]\n"
                       "  - host: b\n    client: [pxe-rom]\n";
    assert_int_equal(parse(text, &inv, &err), 0);
    uint32_t anaconda = 1u << rules_client_index("anaconda");
    assert_int_equal(inv.switches[0].clients, anaconda);
    assert_int_equal(inv.switches[0].ports[0].clients, 0); /* the switch's applies */
    assert_int_equal(inv.switches[0].ports[1].clients,
                     (1u << rules_client_index("ipxe")) |
                         (1u << rules_client_index("debian-installer")));
    assert_int_equal(inv.switches[1].clients, 1u << rules_client_index("pxe-rom"));
    inventory_free(&inv);
    /* "    client: grub": the value at column 13. */
    expect_error("switches:\n  - host: a\n    client: grub\n",
                 "inventory.yaml:3:13: 'client': unknown client 'grub' (known: pxe-rom, "
                 "uefi-pxe, ipxe, debian-installer, ubuntu-installer, anaconda)");
    expect_error("switches:\n  - host: a\n    client: []\n",
                 "inventory.yaml:3:13: 'client' is an empty list");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_design_example),
        cmocka_unit_test(test_design_example_secrets),
        cmocka_unit_test(test_defaults_merge),
        cmocka_unit_test(test_no_defaults),
        cmocka_unit_test(test_ports),
        cmocka_unit_test(test_unknown_key_top),
        cmocka_unit_test(test_unknown_key_switch),
        cmocka_unit_test(test_unknown_key_snmp),
        cmocka_unit_test(test_unknown_key_port),
        cmocka_unit_test(test_port_mac),
        cmocka_unit_test(test_unknown_key_defaults_netconf),
        cmocka_unit_test(test_ssh_block),
        cmocka_unit_test(test_unknown_key_not_shown),
        cmocka_unit_test(test_syntax_error),
        cmocka_unit_test(test_wrong_types),
        cmocka_unit_test(test_clients),
        cmocka_unit_test(test_bad_values),
        cmocka_unit_test(test_hosts_accepted),
        cmocka_unit_test(test_case_insensitive_choices),
        cmocka_unit_test(test_snmpv3_incomplete),
        cmocka_unit_test(test_snmpv3_split_over_defaults),
        cmocka_unit_test(test_merge_key_refused),
        cmocka_unit_test(test_duplicates),
        cmocka_unit_test(test_document_shape),
        cmocka_unit_test(test_secret_files),
        cmocka_unit_test(test_netconf_password),
        cmocka_unit_test(test_env_secrets),
        cmocka_unit_test(test_env_secrets_wiped),
        cmocka_unit_test(test_secrets_not_in_messages),
        cmocka_unit_test(test_paths),
        cmocka_unit_test(test_load),
        cmocka_unit_test(test_free_zeroed),
        cmocka_unit_test(test_nesting_depth),
    };
    return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
