/* SPDX-License-Identifier: BSD-3-Clause */
/* The read pipeline every line-oriented configuration dialect shares, over
 * a const descriptor of the dialect: recognise the text (or refuse it,
 * naming the dialect), cut it into lines with the dialect's comment
 * character (cli_text_read), build the dialect's model from the lines,
 * note what the lines drop (a version in a comment header), fill the
 * switch from the model, and leave the model in sw->driver_priv for the
 * snippets.
 *
 * Ownership: build() takes over the lines; the model it returns is the
 * pipeline's until fill() succeeds, then sw's (sw->driver_priv_free is the
 * descriptor's free(), which frees whatever sw held before). When any step
 * fails, what it made is freed and sw->driver_priv is left as it was. */
#ifndef PR_CLI_DIALECT_H
#define PR_CLI_DIALECT_H

#include <stddef.h>

#include "cli/cli_text.h"
#include "model/switch.h"
#include "util/error.h"

struct cli_dialect {
    /* What follows "ORIGIN: " when detect() does not recognise the text:
     * "not an EXOS configuration (no ... headers)". */
    const char *refusal;
    /* A score, 0 for a text not in the dialect (evidence may be NULL).
     * refusal and detect may be NULL for a dialect only ever read through
     * cli_dialect_read_as(). */
    int (*detect)(const char *text, size_t len, char *evidence, size_t evidence_len);
    char comment; /* cli_text_read()'s comment character */
    /* Builds the model from the lines, which it takes over (also when it
     * fails). */
    int (*build)(struct cli_text *lines, void **model, struct pr_error *err);
    /* Optional: what the model takes from the raw text, not the lines. */
    void (*note)(void *model, const char *text, size_t len);
    /* The switch's facts and ports from the model. */
    int (*fill)(const void *model, struct pr_switch *sw, struct pr_error *err);
    void (*free)(void *model); /* the model's free; accepts NULL */
};

/* Reads text (from ORIGIN, "configuration" when NULL) into sw when d
 * recognises it; a text it does not (or none) is PR_ERR_UNSUPPORTED,
 * "ORIGIN: d->refusal". Errors of the lines and the model (PR_ERR_INPUT)
 * name origin and line. Returns 0 or -1 with err set. */
int cli_dialect_read(const struct cli_dialect *d, const char *text, size_t len, const char *origin,
                     struct pr_switch *sw, struct pr_error *err);

/* cli_dialect_read() without asking d->detect(): the caller knows the
 * dialect. */
int cli_dialect_read_as(const struct cli_dialect *d, const char *text, size_t len,
                        const char *origin, struct pr_switch *sw, struct pr_error *err);

/* The model a read through d left in sw; NULL when sw holds none (read
 * from an agent, or through another dialect). */
const void *cli_dialect_model(const struct cli_dialect *d, const struct pr_switch *sw);

#endif
