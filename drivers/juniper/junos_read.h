/* SPDX-License-Identifier: BSD-3-Clause */
/* The three Junos configuration readers. Each builds a tree (junos_tree.h)
 * owned by the caller, or returns -1 with err naming origin and line.
 *
 * junos_set_apply() also applies `display set` lines (set, delete,
 * deactivate, activate) on top of an existing tree, in order: the same
 * function reads a saved `display set` file and applies a fix snippet. */
#ifndef JUNOS_READ_H
#define JUNOS_READ_H

#include <stddef.h>

#include "junos_tree.h"
#include "util/error.h"

enum junos_format {
    JUNOS_FORMAT_UNKNOWN = 0,
    JUNOS_FORMAT_XML,
    JUNOS_FORMAT_CURLY,
    JUNOS_FORMAT_SET,
};

/* Which form text is in, from its first significant characters. */
enum junos_format junos_detect_format(const char *text, size_t len);
const char *junos_format_name(enum junos_format format); /* "xml", "curly", "set" */

struct junos_node *junos_curly_read(const char *text, size_t len, const char *origin,
                                    struct pr_error *err);
struct junos_node *junos_set_read(const char *text, size_t len, const char *origin,
                                  struct pr_error *err);
int junos_set_apply(struct junos_node *root, const char *text, size_t len, const char *origin,
                    struct pr_error *err);
/* NETCONF <rpc-reply><data><configuration> or `show configuration |
 * display xml` <rpc-reply><configuration>. DOCTYPEs are refused. */
struct junos_node *junos_xml_read(const char *text, size_t len, const char *origin,
                                  struct pr_error *err);

#endif
