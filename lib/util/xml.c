/* SPDX-License-Identifier: BSD-3-Clause */
/* The one XML reader of portready: NETCONF replies and saved XML
 * configurations come from switches and users, so the parser gets no
 * network, substitutes no entities, loads no DTD and stops at the first
 * sign of a DOCTYPE, before any entity declaration is read; and a linear
 * pass (xml_scan.h) first checks the bounds on depth, attributes and nodes
 * that keep libxml2's work linear and its tree small. */
#include "util/xml.h"

#include <limits.h>
#include <pthread.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "util/xml_scan.h"

#define NETCONF_XML_OPTIONS                                                                        \
    (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)

static pthread_once_t xml_init_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
    xmlInitParser();
}

struct xml_guard {
    bool saw_doctype;
    bool have_error;
    int error_line;
    char error[256];
};

/* Called by libxml2 as soon as "<!DOCTYPE name ..." has been read, before
 * the internal subset (and its entity declarations) is parsed. */
static void xml_refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id,
                               const xmlChar *system_id)
{
    (void)name;
    (void)external_id;
    (void)system_id;
    xmlParserCtxtPtr ctxt = ctx;
    struct xml_guard *guard = ctxt->_private;
    guard->saw_doctype = true;
    xmlStopParser(ctxt);
}

/* Keeps the first error: it names the cause ("tag mismatch"), later ones
 * only its consequences ("premature end of data"). */
static void xml_first_error(void *ctx, xmlErrorPtr error)
{
    xmlParserCtxtPtr ctxt = ctx;
    struct xml_guard *guard = ctxt->_private;
    if (guard->have_error || error == NULL || error->message == NULL)
        return;
    guard->have_error = true;
    guard->error_line = error->line;
    size_t n = strlen(error->message);
    while (n > 0 && (error->message[n - 1] == '\n' || error->message[n - 1] == ' '))
        n--;
    if (n >= sizeof guard->error)
        n = sizeof guard->error - 1;
    memcpy(guard->error, error->message, n);
    guard->error[n] = '\0';
}

/* A last line of defence: should any entity ever be looked up, it is
 * refused rather than fetched. */
static xmlEntityPtr xml_refuse_entity(void *ctx, const xmlChar *name)
{
    (void)ctx;
    (void)name;
    return NULL;
}

int pr_xml_parse(const char *xml, size_t len, xmlDoc **out, struct pr_error *err)
{
    *out = NULL;
    if (xml == NULL || len == 0)
        return pr_error_set(err, PR_ERR_INPUT, "XML: empty document");
    if (len > INT_MAX)
        return pr_error_set(err, PR_ERR_INPUT, "XML: document of %zu bytes is too large", len);
    struct pr_xml_scan scan;
    pr_xml_scan_init(&scan);
    if (pr_xml_scan_feed(&scan, xml, len) != 0)
        return pr_error_set(err, PR_ERR_INPUT, "XML: %s", scan.error);
    pthread_once(&xml_init_once, xml_init);

    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (ctxt == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "XML: out of memory");
    struct xml_guard guard = {.saw_doctype = false};
    ctxt->_private = &guard;
    ctxt->userData = ctxt;
    ctxt->sax->serror = xml_first_error;
    ctxt->sax->internalSubset = xml_refuse_doctype;
    ctxt->sax->externalSubset = NULL;
    ctxt->sax->getParameterEntity = xml_refuse_entity;

    xmlDoc *doc = xmlCtxtReadMemory(ctxt, xml, (int)len, NULL, NULL, NETCONF_XML_OPTIONS);
    int rc = 0;
    if (guard.saw_doctype || (doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL))) {
        rc = pr_error_set(err, PR_ERR_INPUT, "reply carries a DOCTYPE; refused");
    } else if (doc == NULL || !ctxt->wellFormed) {
        if (guard.have_error)
            rc = pr_error_set(err, PR_ERR_INPUT, "XML: line %d: %s", guard.error_line, guard.error);
        else
            rc = pr_error_set(err, PR_ERR_INPUT, "XML: not a well-formed document");
    } else if (xmlDocGetRootElement(doc) == NULL) {
        rc = pr_error_set(err, PR_ERR_INPUT, "XML: no root element");
    }
    if (rc != 0) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    xmlFreeParserCtxt(ctxt);
    *out = doc;
    return rc;
}
