/* SPDX-License-Identifier: BSD-3-Clause */
/* Junos configuration as XML: the NETCONF <rpc-reply><data><configuration>
 * answer or `show configuration | display xml`. Elements map onto the same
 * statement chains the text readers build: <unit><name>0</name> is
 * `unit 0`, <vlan-id>10</vlan-id> is `vlan-id 10`, <edge/> is `edge`,
 * <interfaces><interface><name>ge-0/0/1</name> is `interfaces ge-0/0/1`
 * (the list element the CLI does not show is dropped), <ieee-802.3ad> is
 * `802.3ad` and a member-range's <end-range> is its `to`.
 *
 * Namespaces: <configuration> is read in no namespace (`display xml` as
 * saved), in the NETCONF base namespace it inherits from <rpc-reply>, or in
 * a Juniper namespace (http://xml.juniper.net/...); its statements are the
 * elements in its own namespace. An element in another namespace (another
 * vendor's or a YANG module's data, whatever its name) is not Junos
 * configuration and is skipped with everything under it. */
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "junos_read.h"
#include "util/xml.h"

static bool is_element(const xmlNode *node, const char *name)
{
    return node->type == XML_ELEMENT_NODE && strcmp((const char *)node->name, name) == 0;
}

static const char *ns_of(const xmlNode *node)
{
    return node->ns != NULL && node->ns->href != NULL ? (const char *)node->ns->href : NULL;
}

/* The namespaces a Junos <configuration> element comes in. */
static bool junos_configuration_ns(const char *href)
{
    return href == NULL || strcmp(href, "urn:ietf:params:xml:ns:netconf:base:1.0") == 0 ||
           strncmp(href, "http://xml.juniper.net/", 23) == 0;
}

/* Whether el is in the namespace href (NULL: none). */
static bool in_ns(const xmlNode *el, const char *href)
{
    const char *own = ns_of(el);
    return own == NULL ? href == NULL : href != NULL && strcmp(own, href) == 0;
}

static bool is_junos_annotation(const xmlNode *node)
{
    return node->ns != NULL && node->ns->prefix != NULL &&
           strcmp((const char *)node->ns->prefix, "junos") == 0;
}

static const xmlNode *find_configuration(const xmlNode *node)
{
    for (; node != NULL; node = node->next) {
        if (node->type != XML_ELEMENT_NODE)
            continue;
        if (is_element(node, "configuration") && junos_configuration_ns(ns_of(node)))
            return node;
        const xmlNode *found = find_configuration(node->children);
        if (found != NULL)
            return found;
    }
    return NULL;
}

static const char *tag_name(const xmlNode *el)
{
    const char *tag = (const char *)el->name;
    if (strncmp(tag, "ieee-8", 6) == 0)
        return tag + 5; /* ieee-802.3ad -> 802.3ad */
    if (strcmp(tag, "end-range") == 0)
        return "to";
    return tag;
}

/* Whether the CLI hides this list element's keyword under its parent. */
static bool hidden_list_keyword(const char *parent, const char *tag)
{
    return (strcmp(parent, "interfaces") == 0 && strcmp(tag, "interface") == 0) ||
           (strcmp(parent, "vlans") == 0 && strcmp(tag, "vlan") == 0) ||
           (strcmp(parent, "routing-instances") == 0 && strcmp(tag, "instance") == 0);
}

static bool has_element_children(const xmlNode *el)
{
    for (const xmlNode *c = el->children; c != NULL; c = c->next) {
        if (c->type == XML_ELEMENT_NODE)
            return true;
    }
    return false;
}

/* The trimmed text of a leaf element, in a buffer the caller frees. */
static char *leaf_text(const xmlNode *el)
{
    char *text = (char *)xmlNodeGetContent(el);
    if (text == NULL)
        return NULL;
    char *start = text;
    while (*start == ' ' || *start == '\t' || *start == '\n' || *start == '\r')
        start++;
    size_t n = strlen(start);
    while (n > 0 && (start[n - 1] == ' ' || start[n - 1] == '\t' || start[n - 1] == '\n' ||
                     start[n - 1] == '\r'))
        n--;
    memmove(text, start, n);
    text[n] = '\0';
    return text;
}

static int convert(const xmlNode *el, struct junos_node *parent, unsigned depth, const char *ns,
                   struct pr_error *err)
{
    if (depth > JUNOS_MAX_DEPTH * 2)
        return pr_error_set(err, PR_ERR_INPUT, "XML: line %ld: elements nested deeper than %d",
                            xmlGetLineNo(el), JUNOS_MAX_DEPTH * 2);
    const xmlNode *name_el = NULL;
    for (const xmlNode *c = el->children; c != NULL; c = c->next) {
        if (is_element(c, "name") && c->ns == el->ns) {
            name_el = c;
            break;
        }
    }
    char *name = name_el != NULL ? leaf_text(name_el) : NULL;
    char *value = NULL;
    if (name_el == NULL && !has_element_children(el)) {
        value = leaf_text(el);
        if (value != NULL && value[0] == '\0') {
            xmlFree(value);
            value = NULL;
        }
    }
    char *chain[3];
    size_t n = 0;
    const char *tag = tag_name(el);
    if (name == NULL || !hidden_list_keyword(parent->name, tag))
        chain[n++] = (char *)tag;
    if (name != NULL)
        chain[n++] = name;
    if (value != NULL)
        chain[n++] = value;
    xmlChar *inactive = xmlGetProp(el, (const xmlChar *)"inactive");
    bool is_inactive = inactive != NULL && strcmp((const char *)inactive, "inactive") == 0;
    xmlFree(inactive);
    long line = xmlGetLineNo(el);
    struct junos_node *node = junos_tree_add_statement(
        parent, chain, n, NULL, 0, line > 0 ? (unsigned)line : 0, is_inactive, err);
    xmlFree(name);
    xmlFree(value);
    if (node == NULL)
        return -1;
    for (const xmlNode *c = el->children; c != NULL; c = c->next) {
        if (c == name_el || c->type != XML_ELEMENT_NODE || is_junos_annotation(c) || !in_ns(c, ns))
            continue;
        if (convert(c, node, depth + 1, ns, err) != 0)
            return -1;
    }
    return 0;
}

struct junos_node *junos_xml_read(const char *text, size_t len, const char *origin,
                                  struct pr_error *err)
{
    /* No network, no entities, no DTD; a DOCTYPE is refused. */
    xmlDoc *doc;
    if (pr_xml_parse(text, len, &doc, err) != 0) {
        pr_error_prefix(err, "%s", origin != NULL ? origin : "configuration");
        return NULL;
    }
    struct junos_node *root = NULL;
    const xmlNode *conf = find_configuration(xmlDocGetRootElement(doc));
    if (conf == NULL) {
        pr_error_set(err, PR_ERR_INPUT, "%s: XML without a <configuration> element",
                     origin != NULL ? origin : "configuration");
        goto out;
    }
    root = junos_tree_new();
    if (root == NULL) {
        pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
        goto out;
    }
    for (const xmlNode *c = conf->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || is_junos_annotation(c) || !in_ns(c, ns_of(conf)))
            continue;
        if (convert(c, root, 0, ns_of(conf), err) != 0) {
            pr_error_prefix(err, "%s", origin != NULL ? origin : "configuration");
            junos_node_free(root);
            root = NULL;
            break;
        }
    }
out:
    xmlFreeDoc(doc);
    return root;
}
