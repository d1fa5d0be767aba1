/* SPDX-License-Identifier: BSD-3-Clause */
/* aruba_config_read(): text -> dialect -> lines -> model -> switch facts;
 * the model stays in sw->driver_priv for the snippets. */
#include <stdlib.h>
#include <string.h>

#include "aruba/aoscx.h"
#include "aruba/aruba.h"
#include "aruba/procurve.h"
#include "driver.h"
#include "util/strutil.h"

struct aruba_priv {
    enum aruba_dialect dialect;
    struct aoscx_model *cx;
    struct procurve_model *pc;
};

static void priv_free(void *p)
{
    struct aruba_priv *priv = p;
    if (priv == NULL)
        return;
    aoscx_model_free(priv->cx);
    procurve_model_free(priv->pc);
    free(priv);
}

static const struct aruba_priv *switch_priv(const struct pr_switch *sw)
{
    if (sw == NULL || sw->driver_priv_free != priv_free)
        return NULL;
    return sw->driver_priv;
}

enum aruba_dialect aruba_detect(const char *text, size_t len, int *score, char *evidence,
                                size_t evidence_len)
{
    char ev_cx[160] = "", ev_pc[160] = "";
    int cx = text ? aoscx_detect(text, len, ev_cx, sizeof ev_cx) : 0;
    int pc = text ? procurve_detect(text, len, ev_pc, sizeof ev_pc) : 0;
    enum aruba_dialect d = cx > 0 ? ARUBA_AOSCX : pc > 0 ? ARUBA_PROCURVE : ARUBA_UNKNOWN;
    if (score != NULL)
        *score = cx > 0 ? cx : pc;
    if (evidence != NULL && evidence_len > 0)
        pr_strlcpy(evidence,
                   d == ARUBA_AOSCX      ? ev_cx
                   : d == ARUBA_PROCURVE ? ev_pc
                                         : "",
                   evidence_len);
    return d;
}

const char *aruba_dialect_name(enum aruba_dialect d)
{
    switch (d) {
    case ARUBA_AOSCX:
        return "AOS-CX";
    case ARUBA_PROCURVE:
        return "ArubaOS-Switch";
    case ARUBA_UNKNOWN:
        break;
    }
    return "unknown";
}

/* The word after `marker` on the line that has it ("FL.10.10.1100",
 * "W.15.08.0012"); "" when absent. Only the first 64 KiB are searched. */
static void word_after(const char *text, size_t len, const char *marker, char *out, size_t out_len)
{
    out[0] = '\0';
    size_t n = strlen(marker), limit = len < 65536 ? len : 65536;
    for (size_t i = 0; i + n <= limit; i++) {
        if (memcmp(text + i, marker, n) != 0)
            continue;
        size_t k = i + n, w = 0;
        while (k < limit && text[k] != ' ' && text[k] != '\r' && text[k] != '\n' &&
               text[k] != '\0' && w + 1 < out_len)
            out[w++] = text[k++];
        out[w] = '\0';
        return;
    }
}

static int install(struct pr_switch *sw, struct aruba_priv *priv)
{
    if (sw->driver_priv_free != NULL)
        sw->driver_priv_free(sw->driver_priv);
    sw->driver_priv = priv;
    sw->driver_priv_free = priv_free;
    return 0;
}

int aruba_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                      struct pr_error *err)
{
    if (origin == NULL)
        origin = "configuration";
    enum aruba_dialect d = aruba_detect(text, len, NULL, NULL, 0);
    if (d == ARUBA_UNKNOWN)
        return pr_error_set(err, PR_ERR_UNSUPPORTED,
                            "%s: not an AOS-CX or ArubaOS-Switch configuration (no version header "
                            "and too few lines only they write)",
                            origin);
    return aruba_config_read_as(d, text, len, origin, sw, err);
}

int aruba_config_read_as(enum aruba_dialect d, const char *text, size_t len, const char *origin,
                         struct pr_switch *sw, struct pr_error *err)
{
    if (origin == NULL)
        origin = "configuration";
    if (d == ARUBA_UNKNOWN)
        return pr_error_set(err, PR_ERR_USAGE, "%s: no dialect to read it as", origin);
    struct aruba_priv *priv = calloc(1, sizeof *priv);
    if (priv == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    priv->dialect = d;
    struct cli_text *t;
    if (cli_text_read(text, len, origin, d == ARUBA_AOSCX ? '!' : ';', &t, err) != 0) {
        free(priv);
        return -1;
    }
    int rc;
    if (d == ARUBA_AOSCX) {
        rc = aoscx_model_build(t, &priv->cx, err);
        if (rc == 0) {
            word_after(text, len, "!Version ArubaOS-CX ", priv->cx->version,
                       sizeof priv->cx->version);
            if (priv->cx->version[0] == '\0')
                word_after(text, len, "!Version AOS-CX ", priv->cx->version,
                           sizeof priv->cx->version);
            rc = aoscx_fill_switch(priv->cx, sw, err);
        }
    } else {
        rc = procurve_model_build(t, &priv->pc, err);
        if (rc == 0) {
            word_after(text, len, "Created on release #", priv->pc->release,
                       sizeof priv->pc->release);
            rc = procurve_fill_switch(priv->pc, sw, err);
        }
    }
    if (rc != 0) {
        priv_free(priv);
        return -1;
    }
    return install(sw, priv);
}

enum aruba_dialect aruba_switch_dialect(const struct pr_switch *sw)
{
    const struct aruba_priv *priv = switch_priv(sw);
    return priv ? priv->dialect : ARUBA_UNKNOWN;
}

/* Without a configuration: AOS-CX agents answer under Aruba's enterprise
 * (47196), ArubaOS-Switch ones under HP's (11). */
static enum aruba_dialect dialect_of_agent(const struct pr_switch *sw)
{
    if (strncmp(sw->sys_object_id, "1.3.6.1.4.1.47196.", 18) == 0 ||
        strstr(sw->sys_descr, "ArubaOS-CX") != NULL || strstr(sw->sys_descr, "AOS-CX") != NULL)
        return ARUBA_AOSCX;
    return ARUBA_PROCURVE;
}

void aruba_snippet(const struct pr_switch *sw, const struct pr_port *port,
                   const struct pr_finding *finding, char *buf, size_t buf_len)
{
    const struct aruba_priv *priv = switch_priv(sw);
    enum aruba_dialect d = priv ? priv->dialect : dialect_of_agent(sw);
    if (d == ARUBA_AOSCX)
        aoscx_snippet(priv ? priv->cx : NULL, port, finding, buf, buf_len);
    else
        procurve_snippet(priv ? priv->pc : NULL, port, finding, buf, buf_len);
    /* Read from an agent, what configuration cannot fix (no link, blocking
     * now) still gets the generic driver's advice. */
    if (priv == NULL && buf_len > 0 && buf[0] == '\0')
        pr_driver_generic_snmp.snippet(sw, port, finding, buf, buf_len);
}

int aruba_config_apply(const char *text, size_t len, const char *snippet, char **out,
                       size_t *out_len, struct pr_error *err)
{
    return cli_text_append(text, len, snippet, out, out_len, err);
}
