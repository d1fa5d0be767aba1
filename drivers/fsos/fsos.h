/* SPDX-License-Identifier: BSD-3-Clause */
/* FS.com FSOS configurations (S3400 and its family): an IOS-like
 * `show running-config` (`!` comments, `interface GigaEthernet0/1` blocks
 * of one-blank-indented lines) with FSOS's own statements
 * (`switchport pvid N`, `switchport trunk vlan-allowed L`,
 * `spanning-tree bpdufilter enable`). fsos_read.c reads it into the
 * model, fsos_snippet.c writes the fixes; docs/fsos.md gives the defaults
 * and what is not known.
 *
 * Ownership: fsos_config_read() leaves its model in sw->driver_priv (freed
 * by pr_switch_free through sw->driver_priv_free); fsos_config_apply()
 * returns a new string the caller frees. */
#ifndef PR_FSOS_H
#define PR_FSOS_H

#include <stdbool.h>
#include <stddef.h>

#include "cli/cli_names.h"
#include "cli/cli_text.h"
#include "model/switch.h"

struct fs_setting {
    int value;
    const struct cli_line *line;
};

struct fs_if {
    char name[32]; /* "GigaEthernet0/1", "TGigaEthernet0/2" */
    struct fs_setting shutdown;
    struct fs_setting portfast;
    struct fs_setting bpdufilter;
    struct fs_setting bpduguard;
    struct fs_setting trunk; /* switchport mode trunk: 1, access: 0 */
    struct fs_setting pvid;
    const struct cli_line *allowed; /* switchport trunk vlan-allowed L */
    char alias[64];
};

struct fsos_model {
    struct cli_text *text;
    struct fs_setting mode; /* spanning-tree mode: enum pr_stp_mode */
    struct fs_setting stp;  /* spanning-tree / no spanning-tree */
    struct fs_if *ifs;
    size_t n_ifs;
    struct cli_names names; /* over ifs, by name */
};

int fsos_detect(const char *text, size_t len, char *evidence, size_t evidence_len);

int fsos_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                     struct pr_error *err);
int fsos_config_read_as(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                        struct pr_error *err);

/* The model fsos_config_read() left in sw; NULL when none. */
const struct fsos_model *fsos_switch_model(const struct pr_switch *sw);

const struct fs_if *fsos_find(const struct fsos_model *m, const char *name);

void fsos_snippet(const struct pr_switch *sw, const struct pr_port *port,
                  const struct pr_finding *finding, char *buf, size_t buf_len);

int fsos_config_apply(const char *text, size_t len, const char *snippet, char **out,
                      size_t *out_len, struct pr_error *err);

#endif
