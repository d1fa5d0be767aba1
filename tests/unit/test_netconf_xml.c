/* SPDX-License-Identifier: BSD-3-Clause */
/* pr_xml_parse (the project's one XML reader), netconf_target_parse
 * and the subtree filters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "driver.h"
#include "netconf/netconf.h"
#include "util/xml.h"

static xmlDoc *parse_ok(const char *xml)
{
    xmlDoc *doc = NULL;
    struct pr_error err = {0};
    int rc = pr_xml_parse(xml, strlen(xml), &doc, &err);
    if (rc != 0)
        fail_msg("unexpected error: %s", err.msg);
    assert_non_null(doc);
    return doc;
}

/* Parses xml expecting failure; returns the message in a static buffer. */
static const char *parse_fails(const char *xml, size_t len)
{
    static struct pr_error err;
    memset(&err, 0, sizeof err);
    xmlDoc *doc = (xmlDoc *)0x1;
    assert_int_equal(pr_xml_parse(xml, len, &doc, &err), -1);
    assert_null(doc);
    assert_int_equal(err.code, PR_ERR_INPUT);
    return err.msg;
}

static char *root_text(xmlDoc *doc)
{
    return (char *)xmlNodeGetContent(xmlDocGetRootElement(doc));
}

static void test_xml_well_formed(void **state)
{
    (void)state;
    xmlDoc *doc = parse_ok("<?xml version=\"1.0\"?>\n<!-- a switch's reply -->\n"
                           "<data xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">"
                           "<configuration xmlns=\"http://xml.juniper.net/xnm/1.1/xnm\"/></data>");
    xmlNode *root = xmlDocGetRootElement(doc);
    assert_string_equal((const char *)root->name, "data");
    assert_string_equal((const char *)root->ns->href, "urn:ietf:params:xml:ns:netconf:base:1.0");
    xmlNode *child = xmlFirstElementChild(root);
    assert_string_equal((const char *)child->name, "configuration");
    assert_string_equal((const char *)child->ns->href, "http://xml.juniper.net/xnm/1.1/xnm");
    xmlFreeDoc(doc);
}

/* Predefined and character references are expanded; CDATA becomes text. */
static void test_xml_references_and_cdata(void **state)
{
    (void)state;
    xmlDoc *doc = parse_ok("<d>a &amp; b &lt; c &#65;<![CDATA[<x>]]></d>");
    char *text = root_text(doc);
    assert_string_equal(text, "a & b < c A<x>");
    xmlNode *only = xmlDocGetRootElement(doc)->children;
    for (; only != NULL; only = only->next)
        assert_int_equal(only->type, XML_TEXT_NODE);
    xmlFree(text);
    xmlFreeDoc(doc);
}

static void test_xml_empty(void **state)
{
    (void)state;
    assert_string_equal(parse_fails("", 0), "XML: empty document");
    struct pr_error err = {0};
    xmlDoc *doc = NULL;
    assert_int_equal(pr_xml_parse(NULL, 5, &doc, &err), -1);
    assert_null(doc);
}

/* The closing tag on line 3 does not match the <b> opened on line 2. */
static void test_xml_not_well_formed_names_line(void **state)
{
    (void)state;
    const char *xml = "<a>\n<b>\n</a>";
    assert_string_equal(parse_fails(xml, strlen(xml)),
                        "XML: line 3: Opening and ending tag mismatch: b line 2 and a");
}

static void test_xml_undeclared_entity(void **state)
{
    (void)state;
    const char *xml = "<a>&ext;</a>";
    assert_string_equal(parse_fails(xml, strlen(xml)), "XML: line 1: Entity 'ext' not defined");
}

static void test_xml_garbage_and_nul(void **state)
{
    (void)state;
    const char garbage[] = "\x01\x02\xff not xml";
    parse_fails(garbage, sizeof garbage - 1);
    const char with_nul[] = "<a>x\0y</a>";
    parse_fails(with_nul, sizeof with_nul - 1);
    const char *two_roots = "<a/><b/>";
    parse_fails(two_roots, strlen(two_roots));
}

static void test_xml_doctype_internal_entities(void **state)
{
    (void)state;
    const char *laughs = "<?xml version=\"1.0\"?>\n"
                         "<!DOCTYPE d [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                         "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<d>&c;&c;&c;</d>";
    assert_string_equal(parse_fails(laughs, strlen(laughs)), "reply carries a DOCTYPE; refused");
    const char *bare = "<!DOCTYPE d><d/>";
    assert_string_equal(parse_fails(bare, strlen(bare)), "reply carries a DOCTYPE; refused");
    const char *after_comment = "<!-- hi --><!DOCTYPE d [<!ENTITY % p \"x\">]><d/>";
    assert_string_equal(parse_fails(after_comment, strlen(after_comment)),
                        "reply carries a DOCTYPE; refused");
}

/* An external entity naming a local file: refused, and the file's
 * content appears nowhere. */
static void test_xml_doctype_external_file(void **state)
{
    (void)state;
    char path[] = "/tmp/pr_netconf_secret.XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *secret = "SECRET-CONTENT-42";
    assert_int_equal(write(fd, secret, strlen(secret)), (int)strlen(secret));
    close(fd);

    char xml[512];
    snprintf(xml, sizeof xml,
             "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY ext SYSTEM \"file://%s\">]>"
             "<d>&ext;</d>",
             path);
    const char *msg = parse_fails(xml, strlen(xml));
    assert_string_equal(msg, "reply carries a DOCTYPE; refused");
    assert_null(strstr(msg, secret));

    snprintf(xml, sizeof xml, "<!DOCTYPE d SYSTEM \"file://%s\"><d/>", path);
    assert_string_equal(parse_fails(xml, strlen(xml)), "reply carries a DOCTYPE; refused");
    unlink(path);
}

static void test_target_forms(void **state)
{
    (void)state;
    struct {
        const char *target, *user, *host;
        int port;
    } cases[] = {
        {"sw1", "", "sw1", 830},
        {"admin@sw1", "admin", "sw1", 830},
        {"admin@sw1.example.net:2022", "admin", "sw1.example.net", 2022},
        {"10.0.12.2:830", "", "10.0.12.2", 830},
        {"[2001:db8::1]:8300", "", "2001:db8::1", 8300},
        {"ops@[::1]:830", "ops", "::1", 830},
        {"ops@[::1]", "ops", "::1", 830},
        {"2001:db8::2", "", "2001:db8::2", 830},
        {"dom\\u@corp@sw2:22", "dom\\u@corp", "sw2", 22},
        {"x@h:65535", "x", "h", 65535},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct netconf_options opts;
        netconf_options_init(&opts);
        struct pr_error err = {0};
        if (netconf_target_parse(cases[i].target, &opts, &err) != 0)
            fail_msg("%s: %s", cases[i].target, err.msg);
        assert_string_equal(opts.user, cases[i].user);
        assert_string_equal(opts.host, cases[i].host);
        assert_int_equal(opts.port, cases[i].port);
    }
}

/* A target without a user leaves one set earlier (from an inventory)
 * alone; with a user it replaces it. */
static void test_target_keeps_user(void **state)
{
    (void)state;
    struct netconf_options opts;
    netconf_options_init(&opts);
    strcpy(opts.user, "audit");
    struct pr_error err = {0};
    assert_int_equal(netconf_target_parse("sw1:830", &opts, &err), 0);
    assert_string_equal(opts.user, "audit");
    assert_int_equal(netconf_target_parse("ops@sw1", &opts, &err), 0);
    assert_string_equal(opts.user, "ops");
}

static void test_target_errors(void **state)
{
    (void)state;
    struct {
        const char *target, *expect;
    } cases[] = {
        {"", "empty target"},
        {"@sw1", "empty user name"},
        {"admin@", "missing or invalid host"},
        {"sw1:0", "port '0' is not a number from 1 to 65535"},
        {"sw1:65536", "port '65536'"},
        {"sw1:ssh", "port 'ssh'"},
        {"sw1:", "port ''"},
        {"[::1", "without a closing ']'"},
        {"[::1]x", "expected ':PORT' or nothing after ']'"},
        {"[]:830", "missing or invalid host"},
        {"sw 1", "missing or invalid host"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct netconf_options opts;
        netconf_options_init(&opts);
        struct pr_error err = {0};
        assert_int_equal(netconf_target_parse(cases[i].target, &opts, &err), -1);
        assert_int_equal(err.code, PR_ERR_USAGE);
        if (strstr(err.msg, cases[i].expect) == NULL)
            fail_msg("'%s': got '%s', expected '%s'", cases[i].target, err.msg, cases[i].expect);
    }
}

static void test_options_defaults(void **state)
{
    (void)state;
    struct netconf_options opts;
    memset(&opts, 0x55, sizeof opts);
    netconf_options_init(&opts);
    assert_int_equal(opts.port, 830);
    assert_true(opts.timeout_s == 10.0);
    assert_false(opts.accept_new_hostkey);
    assert_string_equal(opts.password, "");
    assert_string_equal(opts.known_hosts, "");
}

/* The drivers' filters are XML the project's reader accepts, rooted where the
 * devices expect them, with the selection nodes the interpreters need. */
static void test_filters(void **state)
{
    (void)state;
    xmlDoc *junos = parse_ok(pr_driver_juniper.netconf_filter);
    xmlNode *root = xmlDocGetRootElement(junos);
    assert_string_equal((const char *)root->name, "configuration");
    assert_string_equal((const char *)root->ns->href, "http://xml.juniper.net/xnm/1.1/xnm");
    const char *want[] = {"interfaces", "protocols", "vlans", "groups", "apply-groups", "chassis"};
    xmlNode *child = xmlFirstElementChild(root);
    for (size_t i = 0; i < sizeof want / sizeof want[0];
         i++, child = xmlNextElementSibling(child)) {
        assert_non_null(child);
        assert_string_equal((const char *)child->name, want[i]);
        assert_null(child->children);
    }
    assert_null(child);
    xmlFreeDoc(junos);

    xmlDoc *iosxe = parse_ok(pr_driver_cisco.netconf_filter);
    root = xmlDocGetRootElement(iosxe);
    assert_string_equal((const char *)root->name, "native");
    assert_string_equal((const char *)root->ns->href,
                        "http://cisco.com/ns/yang/Cisco-IOS-XE-native");
    child = xmlFirstElementChild(root);
    assert_string_equal((const char *)child->name, "interface");
    child = xmlNextElementSibling(child);
    assert_string_equal((const char *)child->name, "spanning-tree");
    assert_string_equal((const char *)child->ns->href,
                        "http://cisco.com/ns/yang/Cisco-IOS-XE-native");
    assert_null(xmlNextElementSibling(child));
    xmlFreeDoc(iosxe);
}

static void test_get_config_bad_options(void **state)
{
    (void)state;
    struct netconf_options opts;
    netconf_options_init(&opts);
    char *xml = (char *)0x1;
    size_t len = 7;
    struct pr_error err = {0};
    assert_int_equal(netconf_get_config(&opts, NULL, &xml, &len, &err), -1);
    assert_int_equal(err.code, PR_ERR_USAGE);
    assert_null(xml);
    assert_int_equal(len, 0);
    strcpy(opts.host, "127.0.0.1");
    opts.port = 0;
    assert_int_equal(netconf_get_config(&opts, NULL, &xml, &len, &err), -1);
    assert_int_equal(err.code, PR_ERR_USAGE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xml_well_formed),
        cmocka_unit_test(test_xml_references_and_cdata),
        cmocka_unit_test(test_xml_empty),
        cmocka_unit_test(test_xml_not_well_formed_names_line),
        cmocka_unit_test(test_xml_undeclared_entity),
        cmocka_unit_test(test_xml_garbage_and_nul),
        cmocka_unit_test(test_xml_doctype_internal_entities),
        cmocka_unit_test(test_xml_doctype_external_file),
        cmocka_unit_test(test_target_forms),
        cmocka_unit_test(test_target_keeps_user),
        cmocka_unit_test(test_target_errors),
        cmocka_unit_test(test_options_defaults),
        cmocka_unit_test(test_filters),
        cmocka_unit_test(test_get_config_bad_options),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
