/* SPDX-License-Identifier: BSD-3-Clause */
/* aruba_config_read(): text -> dialect -> lines -> model -> switch facts;
 * the model stays in sw->driver_priv for the snippets. */
#include <stdlib.h>
#include <string.h>

#include "aruba/aoscx.h"
#include "aruba/aruba.h"
#include "aruba/procurve.h"
#include "cli/cli_dialect.h"
#include "driver.h"
#include "util/strutil.h"

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

static int cx_build(struct cli_text *lines, void **model, struct pr_error *err)
{
    struct aoscx_model *m = NULL;
    int rc = aoscx_model_build(lines, &m, err);
    *model = m;
    return rc;
}

static void cx_note(void *model, const char *text, size_t len)
{
    struct aoscx_model *m = model;
    word_after(text, len, "!Version ArubaOS-CX ", m->version, sizeof m->version);
    if (m->version[0] == '\0')
        word_after(text, len, "!Version AOS-CX ", m->version, sizeof m->version);
}

static int cx_fill(const void *model, struct pr_switch *sw, struct pr_error *err)
{
    return aoscx_fill_switch(model, sw, err);
}

static void cx_free(void *model)
{
    aoscx_model_free(model);
}

static int pc_build(struct cli_text *lines, void **model, struct pr_error *err)
{
    struct procurve_model *m = NULL;
    int rc = procurve_model_build(lines, &m, err);
    *model = m;
    return rc;
}

static void pc_note(void *model, const char *text, size_t len)
{
    struct procurve_model *m = model;
    word_after(text, len, "Created on release #", m->release, sizeof m->release);
}

static int pc_fill(const void *model, struct pr_switch *sw, struct pr_error *err)
{
    return procurve_fill_switch(model, sw, err);
}

static void pc_free(void *model)
{
    procurve_model_free(model);
}

/* aruba_detect() tells the two apart, so neither asks its own detect(). */
static const struct cli_dialect aoscx_dialect = {
    .refusal = "not an AOS-CX configuration",
    .detect = aoscx_detect,
    .comment = '!',
    .build = cx_build,
    .note = cx_note,
    .fill = cx_fill,
    .free = cx_free,
};

static const struct cli_dialect procurve_dialect = {
    .refusal = "not an ArubaOS-Switch configuration",
    .detect = procurve_detect,
    .comment = ';',
    .build = pc_build,
    .note = pc_note,
    .fill = pc_fill,
    .free = pc_free,
};

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
    if (d == ARUBA_UNKNOWN)
        return pr_error_set(err, PR_ERR_USAGE, "%s: no dialect to read it as",
                            origin ? origin : "configuration");
    return cli_dialect_read_as(d == ARUBA_AOSCX ? &aoscx_dialect : &procurve_dialect, text, len,
                               origin, sw, err);
}

enum aruba_dialect aruba_switch_dialect(const struct pr_switch *sw)
{
    return cli_dialect_model(&aoscx_dialect, sw)      ? ARUBA_AOSCX
           : cli_dialect_model(&procurve_dialect, sw) ? ARUBA_PROCURVE
                                                      : ARUBA_UNKNOWN;
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
    const struct aoscx_model *cx = cli_dialect_model(&aoscx_dialect, sw);
    const struct procurve_model *pc = cli_dialect_model(&procurve_dialect, sw);
    enum aruba_dialect d = cx ? ARUBA_AOSCX : pc ? ARUBA_PROCURVE : dialect_of_agent(sw);
    if (d == ARUBA_AOSCX)
        aoscx_snippet(cx, port, finding, buf, buf_len);
    else
        procurve_snippet(pc, port, finding, buf, buf_len);
    /* Read from an agent, what configuration cannot fix (no link, blocking
     * now) still gets the generic driver's advice. */
    if (cx == NULL && pc == NULL && buf_len > 0 && buf[0] == '\0')
        pr_driver_generic_snmp.snippet(sw, port, finding, buf, buf_len);
}

int aruba_config_apply(const char *text, size_t len, const char *snippet, char **out,
                       size_t *out_len, struct pr_error *err)
{
    return cli_text_append(text, len, snippet, out, out_len, err);
}
