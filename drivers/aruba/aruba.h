/* SPDX-License-Identifier: BSD-3-Clause */
/* The HPE/Aruba family: AOS-CX and ArubaOS-Switch (ProCurve)
 * configurations read into the switch model, the fixes in each dialect's
 * syntax, and the application of a fix to configuration text.
 *
 * Ownership: aruba_config_read() leaves its parsed configuration in
 * sw->driver_priv (freed by pr_switch_free through sw->driver_priv_free);
 * aruba_snippet() reads it when present. aruba_config_apply() returns a
 * new string the caller frees. */
#ifndef PR_ARUBA_H
#define PR_ARUBA_H

#include <stddef.h>

#include "model/switch.h"
#include "util/error.h"

enum aruba_dialect {
    ARUBA_UNKNOWN = 0,
    ARUBA_AOSCX,
    ARUBA_PROCURVE, /* ArubaOS-Switch, ProVision, ProCurve */
};

/* The dialect of a configuration text and how sure the reader is (0:
 * neither), with the line that decided it in evidence (may be NULL). */
enum aruba_dialect aruba_detect(const char *text, size_t len, int *score, char *evidence,
                                size_t evidence_len);

const char *aruba_dialect_name(enum aruba_dialect d); /* "AOS-CX", "ArubaOS-Switch" */

/* Fills sw from an AOS-CX or ArubaOS-Switch configuration. Errors
 * (PR_ERR_INPUT) name origin and line; text of neither dialect is
 * PR_ERR_UNSUPPORTED. */
int aruba_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                      struct pr_error *err);

/* aruba_config_read() for text known to be of dialect d (not
 * ARUBA_UNKNOWN): no detection. */
int aruba_config_read_as(enum aruba_dialect d, const char *text, size_t len, const char *origin,
                         struct pr_switch *sw, struct pr_error *err);

/* The dialect of the configuration aruba_config_read() left in sw;
 * ARUBA_UNKNOWN when sw holds none. */
enum aruba_dialect aruba_switch_dialect(const struct pr_switch *sw);

/* The configuration that closes the finding, in the syntax of the
 * configuration read (without one, of the dialect sw's sysObjectID or
 * sysDescr names); "" when configuration cannot fix it. */
void aruba_snippet(const struct pr_switch *sw, const struct pr_port *port,
                   const struct pr_finding *finding, char *buf, size_t buf_len);

/* The configuration text after the fix: both dialects' saved text is the
 * commands the switch replays in order (an interface written again adds to
 * it), so the fix goes at the end, as pasting it in configuration mode
 * would change the running-config. Trailing NUL bytes of the text are
 * dropped. *out is NUL-terminated, *out_len its length. */
int aruba_config_apply(const char *text, size_t len, const char *snippet, char **out,
                       size_t *out_len, struct pr_error *err);

#endif
