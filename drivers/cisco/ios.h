/* SPDX-License-Identifier: BSD-3-Clause */
/* Cisco IOS / IOS-XE / NX-OS and Arista EOS running-configs: read one into
 * the switch model, print the configuration that fixes a finding, and
 * merge such a snippet back into configuration text.
 *
 * Ownership: ios_config_read() leaves its parsed configuration in
 * sw->driver_priv (freed by pr_switch_free through sw->driver_priv_free);
 * ios_snippet() reads it when present. ios_config_merge() returns a new
 * string the caller frees; ios_merge_fixes() fills a block the switch's
 * pr_fix_block_free() releases. */
#ifndef PR_IOS_H
#define PR_IOS_H

#include <stdbool.h>
#include <stddef.h>

#include "cisco/ios_config.h"
#include "util/error.h"
#include "model/switch.h"

/* Fills sw: its STP (mode, timers), one port per physical Ethernet
 * interface with its facts and the statements as evidence. Errors
 * (PR_ERR_INPUT) name origin and line; text that is not an IOS, IOS-XE,
 * NX-OS or EOS configuration is PR_ERR_UNSUPPORTED. */
int ios_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                    struct pr_error *err);

/* The second half of ios_config_read(), for a configuration read by other
 * means (the IOS-XE native model, iosxe_xml.h): interprets cfg (taking
 * ownership of it, also on failure), fills sw and leaves the model in
 * sw->driver_priv for ios_snippet(). */
int ios_config_install(struct ios_config *cfg, struct pr_switch *sw, struct pr_error *err);

/* The platform of the configuration ios_config_read() left in sw;
 * IOS_PLATFORM_UNKNOWN when sw holds none. */
enum ios_platform ios_switch_platform(const struct pr_switch *sw);

/* Writes into buf the configuration that closes the finding on port, in
 * the syntax of the platform read (or, without a configuration, the one
 * sw->sys_descr names; IOS by default); "" when configuration cannot fix
 * it (link down, not forwarding now). */
void ios_snippet(const struct pr_switch *sw, const struct pr_port *port,
                 const struct pr_finding *finding, char *buf, size_t buf_len);

/* The driver's merge_fixes (driver.h): every kept fix of sw's ports but
 * the uplinks as one block, `spanning-tree mode` first under a `!` line
 * that marks it disruptive, then global lines, then one `interface X` block
 * per interface with each of its lines once (ios_fixes.c). */
int ios_merge_fixes(const struct pr_switch *sw, struct pr_fix_block *block);

/* Merges snippet (as ios_snippet() writes it) into the configuration text:
 * lines under `interface X` go at the end of that interface's block (a new
 * block before `end` when the interface is absent), global lines before
 * `end` (or at the end). *out is NUL-terminated, *out_len its length. */
int ios_config_merge(const char *text, size_t len, const char *snippet, char **out, size_t *out_len,
                     struct pr_error *err);

#endif
