/* SPDX-License-Identifier: BSD-3-Clause */
/* The IOS-XE native model -> IOS-XE configuration text -> the IOS model.
 *
 * Wire layout (checked against the Cisco-IOS-XE-* YANG modules of 16.x to
 * 17.15): interfaces are lists under <native><interface>, keyed by <name>,
 * one list per type (<GigabitEthernet>, <Port-channel>, ...); <shutdown/>,
 * <description>, <switchport-conf><switchport>, and the port-channel's
 * <port-channel><standalone-disable/> are native. The interface's
 * <spanning-tree> is in Cisco-IOS-XE-spanning-tree; the global
 * <spanning-tree> container is native and its children (mode, portfast
 * default, mst, vlan timers) are in Cisco-IOS-XE-spanning-tree.
 * <channel-group>, <speed>, <duplex> and <negotiation> are in
 * Cisco-IOS-XE-ethernet. Switchport settings are in Cisco-IOS-XE-switch,
 * under <switchport-config><switchport> from 17.3 and under <switchport>
 * before (both are read; the newer wins). */
#include "cisco/iosxe_xml.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "cisco/ios.h"
#include "cisco/ios_model.h"
#include "util/xml.h"
#include "util/strutil.h"

struct xe_out {
    char *buf;
    size_t len;
    size_t cap;
    bool oom;
};

struct xe_ctx {
    const char *origin;
    struct pr_error *err;
    struct xe_out out;
    char version[32];
    char where[PR_NAME_MAX + 16]; /* "interface GigabitEthernet1/0/1", "spanning-tree" */
};

static void emit(struct xe_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Appends one line (fmt, then a newline) to the text. */
static void emit(struct xe_ctx *c, const char *fmt, ...)
{
    struct xe_out *o = &c->out;
    if (o->oom)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        o->oom = true;
        return;
    }
    size_t need = o->len + (size_t)n + 2;
    if (need > o->cap) {
        size_t cap = o->cap ? o->cap : 1024;
        while (cap < need)
            cap *= 2;
        char *buf = realloc(o->buf, cap);
        if (buf == NULL) {
            o->oom = true;
            return;
        }
        o->buf = buf;
        o->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(o->buf + o->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    o->len += (size_t)n;
    o->buf[o->len++] = '\n';
    o->buf[o->len] = '\0';
}

static void append(struct xe_out *o, const char *text, size_t len)
{
    if (o->oom)
        return;
    if (o->len + len + 1 > o->cap) {
        size_t cap = o->len + len + 1;
        char *buf = realloc(o->buf, cap);
        if (buf == NULL) {
            o->oom = true;
            return;
        }
        o->buf = buf;
        o->cap = cap;
    }
    memcpy(o->buf + o->len, text, len);
    o->len += len;
    o->buf[o->len] = '\0';
}

static int bad(struct xe_ctx *c, const xmlNode *n, const char *value, const char *why)
{
    return pr_error_set(c->err, PR_ERR_INPUT, "%s:%ld: %s: <%s> \"%.40s\": %s", c->origin,
                        xmlGetLineNo(n), c->where, (const char *)n->name, value, why);
}

/* ---- element matching ---- */

static bool in_ns(const xmlNode *n, const char *augment_ns)
{
    if (n->ns == NULL || n->ns->href == NULL)
        return false;
    const char *href = (const char *)n->ns->href;
    return strcmp(href, IOSXE_NS_NATIVE) == 0 || (augment_ns && strcmp(href, augment_ns) == 0);
}

static bool elem_is(const xmlNode *n, const char *name, const char *augment_ns)
{
    return n != NULL && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0 &&
           in_ns(n, augment_ns);
}

/* The first child element called name in the native or augment_ns
 * namespace; NULL when absent (also when n is NULL). */
static const xmlNode *child(const xmlNode *n, const char *name, const char *augment_ns)
{
    if (n == NULL)
        return NULL;
    for (const xmlNode *k = n->children; k != NULL; k = k->next) {
        if (elem_is(k, name, augment_ns))
            return k;
    }
    return NULL;
}

static bool has_element_children(const xmlNode *n)
{
    for (const xmlNode *k = n->children; k != NULL; k = k->next) {
        if (k->type == XML_ELEMENT_NODE)
            return true;
    }
    return false;
}

/* The leaf's text without surrounding blanks, control characters turned
 * into blanks, cut to len - 1 bytes ("" for an element with children). */
static void leaf_text(const xmlNode *n, char *buf, size_t len)
{
    buf[0] = '\0';
    if (n == NULL || has_element_children(n))
        return;
    xmlChar *content = xmlNodeGetContent(n);
    if (content == NULL)
        return;
    const char *p = (const char *)content;
    while (isspace((unsigned char)*p))
        p++;
    size_t k = 0;
    for (; *p != '\0' && k + 1 < len; p++)
        buf[k++] = iscntrl((unsigned char)*p) ? ' ' : *p;
    while (k > 0 && buf[k - 1] == ' ')
        k--;
    buf[k] = '\0';
    xmlFree(content);
}

/* Whether s is one of the |-separated words. */
static bool one_of(const char *s, const char *words)
{
    size_t n = strlen(s);
    for (const char *w = words; *w != '\0';) {
        size_t wl = strcspn(w, "|");
        if (wl == n && n > 0 && strncmp(w, s, n) == 0)
            return true;
        w += wl;
        if (*w == '|')
            w++;
    }
    return false;
}

/* Whether s is non-empty and made only of characters in allowed. */
static bool only_chars(const char *s, const char *allowed)
{
    return *s != '\0' && strspn(s, allowed) == strlen(s);
}

static int leaf_int(struct xe_ctx *c, const xmlNode *n, long long min, long long max,
                    const char *what, long long *out)
{
    char text[48];
    leaf_text(n, text, sizeof text);
    if (pr_parse_int(text, min, max, out))
        return 0;
    char why[96];
    snprintf(why, sizeof why, "not %s (%lld-%lld)", what, min, max);
    return bad(c, n, text, why);
}

/* A boolean leaf: 1 true, 0 false, -1 neither (an error). */
static int leaf_bool(struct xe_ctx *c, const xmlNode *n)
{
    char text[16];
    leaf_text(n, text, sizeof text);
    if (strcmp(text, "true") == 0)
        return 1;
    if (strcmp(text, "false") == 0)
        return 0;
    bad(c, n, text, "not a boolean (true, false)");
    return -1;
}

/* ---- interfaces ---- */

static int read_switchport(struct xe_ctx *c, const xmlNode *sp)
{
    const xmlNode *mode = child(sp, "mode", IOSXE_NS_SWITCH);
    if (mode != NULL) {
        static const char *const modes[] = {"access", "trunk", "dot1q-tunnel", "private-vlan"};
        for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
            if (child(mode, modes[i], IOSXE_NS_SWITCH) != NULL)
                emit(c, " switchport mode %s", modes[i]);
        }
        const xmlNode *dyn = child(mode, "dynamic", IOSXE_NS_SWITCH);
        if (dyn != NULL) {
            char text[24];
            leaf_text(dyn, text, sizeof text);
            if (!one_of(text, "auto|desirable"))
                return bad(c, dyn, text, "not a dynamic mode (auto, desirable)");
            emit(c, " switchport mode dynamic %s", text);
        }
    }
    const xmlNode *vlan =
        child(child(child(sp, "access", IOSXE_NS_SWITCH), "vlan", IOSXE_NS_SWITCH), "vlan",
              IOSXE_NS_SWITCH);
    if (vlan != NULL) {
        char text[48];
        long long id;
        leaf_text(vlan, text, sizeof text);
        if (strcmp(text, "dynamic") == 0)
            emit(c, " switchport access vlan dynamic");
        else if (leaf_int(c, vlan, 1, 4094, "a VLAN number", &id) != 0)
            return -1;
        else
            emit(c, " switchport access vlan %lld", id);
    }
    /* Trunk native VLAN: <native><vlan><vlan-id>N (17.x), <native><vlan>N
     * (16.x, or "tag"), <native><vlan-config><vlan-id>N. */
    const xmlNode *native = child(child(sp, "trunk", IOSXE_NS_SWITCH), "native", IOSXE_NS_SWITCH);
    const xmlNode *nv = child(native, "vlan", IOSXE_NS_SWITCH);
    const xmlNode *id_leaf = child(nv, "vlan-id", IOSXE_NS_SWITCH);
    if (id_leaf == NULL)
        id_leaf = child(child(native, "vlan-config", IOSXE_NS_SWITCH), "vlan-id", IOSXE_NS_SWITCH);
    if (id_leaf == NULL && nv != NULL && !has_element_children(nv)) {
        char text[48];
        leaf_text(nv, text, sizeof text);
        if (strcmp(text, "tag") != 0)
            id_leaf = nv;
    }
    if (id_leaf != NULL) {
        long long id;
        if (leaf_int(c, id_leaf, 1, 4094, "a VLAN number", &id) != 0)
            return -1;
        emit(c, " switchport trunk native vlan %lld", id);
    }
    return 0;
}

static void read_portfast(struct xe_ctx *c, const xmlNode *stp)
{
    /* Up to 17.14: a presence container with optional edge, trunk,
     * disable leaves. */
    const xmlNode *pf = child(stp, "portfast", IOSXE_NS_STP);
    if (pf != NULL) {
        if (child(pf, "disable", IOSXE_NS_STP) != NULL)
            emit(c, " spanning-tree portfast disable");
        else if (child(pf, "network", IOSXE_NS_STP) != NULL)
            emit(c, " spanning-tree portfast network");
        else
            emit(c, " spanning-tree portfast%s%s",
                 child(pf, "edge", IOSXE_NS_STP) != NULL ? " edge" : "",
                 child(pf, "trunk", IOSXE_NS_STP) != NULL ? " trunk" : "");
    }
    /* 17.15: <portfast-v2> holding one of portfast, disable, trunk, edge,
     * edge-trunk, network. Later statements win, as in a running-config. */
    const xmlNode *v2 = child(stp, "portfast-v2", IOSXE_NS_STP);
    static const struct {
        const char *leaf;
        const char *statement;
    } choices[] = {
        {"portfast", " spanning-tree portfast"},
        {"edge", " spanning-tree portfast edge"},
        {"trunk", " spanning-tree portfast trunk"},
        {"edge-trunk", " spanning-tree portfast edge trunk"},
        {"disable", " spanning-tree portfast disable"},
        {"network", " spanning-tree portfast network"},
    };
    for (size_t i = 0; v2 != NULL && i < sizeof choices / sizeof choices[0]; i++) {
        if (child(v2, choices[i].leaf, IOSXE_NS_STP) != NULL)
            emit(c, "%s", choices[i].statement);
    }
}

static void read_spanning_tree(struct xe_ctx *c, const xmlNode *ifc)
{
    const xmlNode *stp = child(ifc, "spanning-tree", IOSXE_NS_STP);
    if (stp == NULL)
        return;
    read_portfast(c, stp);
    const xmlNode *guard = child(stp, "bpduguard", IOSXE_NS_STP);
    if (child(guard, "enable", IOSXE_NS_STP) != NULL)
        emit(c, " spanning-tree bpduguard enable");
    if (child(guard, "disable", IOSXE_NS_STP) != NULL)
        emit(c, " spanning-tree bpduguard disable");
}

static int read_ethernet(struct xe_ctx *c, const xmlNode *ifc)
{
    const xmlNode *cg = child(ifc, "channel-group", IOSXE_NS_ETHERNET);
    if (cg != NULL) {
        const xmlNode *number = child(cg, "number", IOSXE_NS_ETHERNET);
        long long id;
        if (number == NULL)
            return bad(c, cg, "", "a channel-group without a <number>");
        if (leaf_int(c, number, 1, 4096, "a channel-group number", &id) != 0)
            return -1;
        const xmlNode *mode = child(cg, "mode", IOSXE_NS_ETHERNET);
        char text[24];
        leaf_text(mode, text, sizeof text);
        if (mode == NULL)
            emit(c, " channel-group %lld", id);
        else if (one_of(text, "active|passive|on|desirable|auto"))
            emit(c, " channel-group %lld mode %s", id, text);
        else
            return bad(c, mode, text,
                       "not a channel-group mode (active, passive, on, desirable, auto)");
    }
    /* <speed> holds one of auto, value-N, nonegotiate (17.x), or is itself
     * the value (older releases). */
    const xmlNode *speed = child(ifc, "speed", IOSXE_NS_ETHERNET);
    if (speed != NULL) {
        char text[24] = "";
        for (const xmlNode *k = speed->children; k != NULL; k = k->next) {
            if (k->type == XML_ELEMENT_NODE && in_ns(k, IOSXE_NS_ETHERNET))
                pr_strlcpy(text, (const char *)k->name, sizeof text);
        }
        if (text[0] == '\0')
            leaf_text(speed, text, sizeof text);
        const char *value = strncmp(text, "value-", 6) == 0 ? text + 6 : text;
        if (one_of(value, "auto|nonegotiate") ||
            (only_chars(value, "0123456789") && strlen(value) <= 7))
            emit(c, " speed %s", value);
        else
            return bad(c, speed, text, "not a speed (auto, value-N, nonegotiate)");
    }
    const xmlNode *duplex = child(ifc, "duplex", IOSXE_NS_ETHERNET);
    if (duplex != NULL) {
        char text[24];
        leaf_text(duplex, text, sizeof text);
        if (!one_of(text, "auto|full|half"))
            return bad(c, duplex, text, "not a duplex (auto, full, half)");
        emit(c, " duplex %s", text);
    }
    const xmlNode *neg =
        child(child(ifc, "negotiation", IOSXE_NS_ETHERNET), "auto", IOSXE_NS_ETHERNET);
    if (neg != NULL) {
        int on = leaf_bool(c, neg);
        if (on < 0)
            return -1;
        emit(c, " %snegotiation auto", on ? "" : "no ");
    }
    return 0;
}

/* Port-channel <port-channel><standalone-disable/>: an empty leaf, "Use
 * with [no] prefix for independent mode". Present: the command; absent:
 * its `no` form (the only other state an empty leaf can hold). */
static void read_standalone(struct xe_ctx *c, const xmlNode *ifc)
{
    const xmlNode *sd = child(child(ifc, "port-channel", NULL), "standalone-disable", NULL);
    char text[16];
    leaf_text(sd, text, sizeof text);
    bool on = sd != NULL && strcmp(text, "false") != 0;
    emit(c, " %sport-channel standalone-disable", on ? "" : "no ");
}

/* The interface types read: front-panel Ethernet ports, the app-hosting
 * port (not a front-panel port: the model leaves it out, as it does from
 * a running-config) and port-channels. */
static bool known_type(const char *type)
{
    return one_of(type, "FastEthernet|GigabitEthernet|TwoGigabitEthernet|FiveGigabitEthernet|"
                        "TenGigabitEthernet|TwentyFiveGigE|TwentyFiveGigabitEthernet|"
                        "FortyGigabitEthernet|HundredGigE|TwoHundredGigE|FourHundredGigE|"
                        "AppGigabitEthernet|Port-channel");
}

static int read_interface(struct xe_ctx *c, const xmlNode *ifc)
{
    const char *type = (const char *)ifc->name;
    const xmlNode *name_leaf = child(ifc, "name", NULL);
    if (!known_type(type) || name_leaf == NULL)
        return 0;
    char name[48];
    leaf_text(name_leaf, name, sizeof name);
    snprintf(c->where, sizeof c->where, "interface %s", type);
    bool pc = strcmp(type, "Port-channel") == 0;
    if (!only_chars(name, pc ? "0123456789" : "0123456789/.:") || strlen(name) > 32)
        return bad(c, name_leaf, name, "not an interface number");
    snprintf(c->where, sizeof c->where, "interface %s%s", type, name);
    emit(c, "interface %s%s", type, name);

    char text[201];
    const xmlNode *descr = child(ifc, "description", NULL);
    leaf_text(descr, text, sizeof text);
    if (text[0] != '\0')
        emit(c, " description %s", text);
    const xmlNode *l2 = child(child(ifc, "switchport-conf", NULL), "switchport", NULL);
    if (l2 != NULL) {
        int on = leaf_bool(c, l2);
        if (on < 0)
            return -1;
        emit(c, " %sswitchport", on ? "" : "no ");
    }
    const xmlNode *sp_old = child(ifc, "switchport", NULL);
    const xmlNode *sp_new = child(child(ifc, "switchport-config", NULL), "switchport", NULL);
    if ((sp_old != NULL && read_switchport(c, sp_old) != 0) ||
        (sp_new != NULL && read_switchport(c, sp_new) != 0))
        return -1;
    const xmlNode *shut = child(ifc, "shutdown", NULL);
    if (shut != NULL) {
        leaf_text(shut, text, sizeof text);
        emit(c, " %sshutdown", strcmp(text, "false") == 0 ? "no " : "");
    }
    if (read_ethernet(c, ifc) != 0)
        return -1;
    read_spanning_tree(c, ifc);
    if (pc)
        read_standalone(c, ifc);
    emit(c, "!");
    return 0;
}

/* ---- global spanning tree ---- */

static int read_stp_timer(struct xe_ctx *c, const xmlNode *parent, const char *prefix)
{
    static const struct {
        const char *leaf;
        long long min, max;
    } timers[] = {{"forward-time", 4, 30}, {"max-age", 6, 40}};
    for (size_t i = 0; i < sizeof timers / sizeof timers[0]; i++) {
        const xmlNode *t = child(parent, timers[i].leaf, IOSXE_NS_STP);
        long long secs;
        if (t == NULL)
            continue;
        if (leaf_int(c, t, timers[i].min, timers[i].max, "a timer in seconds", &secs) != 0)
            return -1;
        emit(c, "%s %s %lld", prefix, timers[i].leaf, secs);
    }
    return 0;
}

static int read_global_stp(struct xe_ctx *c, const xmlNode *stp)
{
    pr_strlcpy(c->where, "spanning-tree", sizeof c->where);
    const xmlNode *mode = child(stp, "mode", IOSXE_NS_STP);
    if (mode != NULL) {
        char text[24];
        leaf_text(mode, text, sizeof text);
        if (!one_of(text, "pvst|rapid-pvst|mst"))
            return bad(c, mode, text, "not a spanning-tree mode (pvst, rapid-pvst, mst)");
        emit(c, "spanning-tree mode %s", text);
    }
    const xmlNode *pf = child(stp, "portfast", IOSXE_NS_STP);
    const xmlNode *edge = child(pf, "edge", IOSXE_NS_STP);
    if (child(pf, "default", IOSXE_NS_STP) != NULL)
        emit(c, "spanning-tree portfast default");
    if (child(edge, "default", IOSXE_NS_STP) != NULL)
        emit(c, "spanning-tree portfast edge default");
    if (child(child(pf, "bpduguard", IOSXE_NS_STP), "default", IOSXE_NS_STP) != NULL)
        emit(c, "spanning-tree portfast bpduguard default");
    if (child(child(edge, "bpduguard", IOSXE_NS_STP), "default", IOSXE_NS_STP) != NULL)
        emit(c, "spanning-tree portfast edge bpduguard default");
    const xmlNode *mst = child(stp, "mst", IOSXE_NS_STP);
    if (mst != NULL && read_stp_timer(c, mst, "spanning-tree mst") != 0)
        return -1;
    for (const xmlNode *v = stp->children; v != NULL; v = v->next) {
        if (!elem_is(v, "vlan", IOSXE_NS_STP))
            continue;
        const xmlNode *id = child(v, "id", IOSXE_NS_STP);
        char ids[64];
        leaf_text(id, ids, sizeof ids);
        if (id == NULL || !only_chars(ids, "0123456789,-"))
            return bad(c, id ? id : v, ids, "not a VLAN list (e.g. 1-10,20)");
        char prefix[96];
        snprintf(prefix, sizeof prefix, "spanning-tree vlan %s", ids);
        if (read_stp_timer(c, v, prefix) != 0)
            return -1;
    }
    return 0;
}

/* ---- the document ---- */

static int read_native(struct xe_ctx *c, const xmlNode *native)
{
    const xmlNode *version = child(native, "version", NULL);
    if (version != NULL && c->version[0] == '\0') {
        char text[32];
        leaf_text(version, text, sizeof text);
        if (only_chars(text, "0123456789.()abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"))
            pr_strlcpy(c->version, text, sizeof c->version);
    }
    for (const xmlNode *k = native->children; k != NULL; k = k->next) {
        if (elem_is(k, "spanning-tree", IOSXE_NS_STP) && read_global_stp(c, k) != 0)
            return -1;
    }
    for (const xmlNode *k = native->children; k != NULL; k = k->next) {
        if (!elem_is(k, "interface", NULL))
            continue;
        for (const xmlNode *ifc = k->children; ifc != NULL; ifc = ifc->next) {
            if (ifc->type == XML_ELEMENT_NODE && in_ns(ifc, NULL) && read_interface(c, ifc) != 0)
                return -1;
        }
    }
    return 0;
}

/* <native> as the root, a child of the root, or a child of the root's
 * <data> (a whole <rpc-reply>). */
static int read_document(struct xe_ctx *c, const xmlNode *root)
{
    const xmlNode *found[8];
    size_t n = 0;
    if (elem_is(root, "native", NULL))
        found[n++] = root;
    for (const xmlNode *k = root->children; k != NULL && n < 8; k = k->next) {
        if (elem_is(k, "native", NULL))
            found[n++] = k;
        else if (k->type == XML_ELEMENT_NODE && strcmp((const char *)k->name, "data") == 0) {
            for (const xmlNode *g = k->children; g != NULL && n < 8; g = g->next) {
                if (elem_is(g, "native", NULL))
                    found[n++] = g;
            }
        }
    }
    if (n == 0)
        return pr_error_set(c->err, PR_ERR_UNSUPPORTED,
                            "%s: not an IOS-XE native configuration (root <%s>, no <native "
                            "xmlns=\"" IOSXE_NS_NATIVE "\">)",
                            c->origin, (const char *)root->name);
    for (size_t i = 0; i < n; i++) {
        if (read_native(c, found[i]) != 0)
            return -1;
    }
    return 0;
}

bool iosxe_xml_is_xml(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len && isspace((unsigned char)text[i]))
        i++;
    return i < len && text[i] == '<';
}

bool iosxe_xml_is_native(const char *text, size_t len)
{
    static const char ns[] = IOSXE_NS_NATIVE;
    if (!iosxe_xml_is_xml(text, len) || len < sizeof ns - 1)
        return false;
    for (size_t i = 0; i + sizeof ns - 1 <= len; i++) {
        if (text[i] == 'h' && memcmp(text + i, ns, sizeof ns - 1) == 0)
            return true;
    }
    return false;
}

int iosxe_xml_to_cli(const char *xml, size_t len, const char *origin, char **out_text,
                     size_t *out_len, struct pr_error *err)
{
    *out_text = NULL;
    *out_len = 0;
    if (origin == NULL)
        origin = "configuration";
    xmlDoc *doc;
    if (pr_xml_parse(xml, len, &doc, err) != 0) {
        pr_error_prefix(err, "%s", origin);
        return -1;
    }
    struct xe_ctx c = {.origin = origin, .err = err};
    struct xe_ctx globals = {.origin = origin, .err = err};
    /* Globals first, as in a running-config; the version line needs the
     * whole document read. */
    int rc = read_document(&c, xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    if (rc == 0) {
        if (c.version[0] != '\0')
            emit(&globals, "version %s", c.version);
        if (c.out.buf != NULL)
            append(&globals.out, c.out.buf, c.out.len);
        emit(&globals, "end");
        if (c.out.oom || globals.out.oom)
            rc = pr_error_set(err, PR_ERR_INTERNAL, "%s: out of memory", origin);
    }
    free(c.out.buf);
    if (rc != 0) {
        free(globals.out.buf);
        return -1;
    }
    *out_text = globals.out.buf;
    *out_len = globals.out.len;
    return 0;
}

static void set_version(struct ios_platform_info *pl, const char *version)
{
    pr_strlcpy(pl->version, version, sizeof pl->version);
    pl->version_major = pl->version_minor = -1;
    char *end;
    long major = strtol(version, &end, 10);
    if (end != version && major > 0 && major < 1000) {
        pl->version_major = (int)major;
        if (*end == '.' && isdigit((unsigned char)end[1]))
            pl->version_minor = (int)strtol(end + 1, NULL, 10) % 1000;
    }
}

int iosxe_xml_to_config(const char *xml, size_t len, const char *origin, struct ios_config **out,
                        struct pr_error *err)
{
    *out = NULL;
    if (origin == NULL)
        origin = "configuration";
    char *text;
    size_t text_len;
    if (iosxe_xml_to_cli(xml, len, origin, &text, &text_len, err) != 0)
        return -1;
    struct ios_config *cfg;
    int rc = ios_config_parse(text, text_len, origin, &cfg, err);
    if (rc == 0) {
        for (size_t i = 0; i < cfg->n_lines; i++)
            cfg->lines[i].lineno = 0;
        cfg->end_lineno = 0;
        /* The version is the first line's word, when iosxe_xml_to_cli()
         * wrote one. */
        char version[32] = "";
        if (strncmp(text, "version ", 8) == 0)
            snprintf(version, sizeof version, "%.*s", (int)strcspn(text + 8, "\n"), text + 8);
        struct ios_platform_info *pl = &cfg->platform;
        memset(pl, 0, sizeof *pl);
        pl->platform = IOS_PLATFORM_IOS_XE;
        pl->score = 100;
        set_version(pl, version);
        snprintf(pl->evidence, sizeof pl->evidence, "the Cisco-IOS-XE-native model");
        *out = cfg;
    }
    free(text);
    return rc;
}

int iosxe_xml_read(const char *xml, size_t len, const char *origin, struct pr_switch *sw,
                   struct pr_error *err)
{
    struct ios_config *cfg;
    if (iosxe_xml_to_config(xml, len, origin, &cfg, err) != 0)
        return -1;
    return ios_config_install(cfg, sw, err);
}
