/* SPDX-License-Identifier: BSD-3-Clause */
/* The IOS-XE native model (Cisco-IOS-XE-native with its spanning-tree,
 * switch and ethernet augments), as a NETCONF <get-config> reply's <data>
 * or a saved file, read into the same model as a running-config: every
 * element the interpreter knows becomes the configuration statement it
 * stands for ("<spanning-tree><portfast><edge/></portfast>" ->
 * " spanning-tree portfast edge"), and that text goes through the IOS
 * reader (ios_config.h, ios_model.h, ios_facts.c) like a saved
 * running-config, so facts, evidence and snippets are the same.
 *
 * Elements match on local name and namespace: the augment's namespace
 * where the YANG defines one, and also the native namespace, which some
 * releases use for the same nodes. Unknown elements are ignored. Statements
 * read from XML have no line number (lineno 0): evidence quotes the
 * statement alone.
 *
 * Ownership: iosxe_xml_to_cli() returns text the caller frees with free();
 * iosxe_xml_to_config() returns a struct ios_config the caller frees with
 * ios_config_free() (or hands to ios_config_install()). */
#ifndef PR_IOSXE_XML_H
#define PR_IOSXE_XML_H

#include <stdbool.h>
#include <stddef.h>

#include "cisco/ios_config.h"
#include "util/error.h"
#include "model/switch.h"

#define IOSXE_NS_NATIVE   "http://cisco.com/ns/yang/Cisco-IOS-XE-native"
#define IOSXE_NS_STP      "http://cisco.com/ns/yang/Cisco-IOS-XE-spanning-tree"
#define IOSXE_NS_SWITCH   "http://cisco.com/ns/yang/Cisco-IOS-XE-switch"
#define IOSXE_NS_ETHERNET "http://cisco.com/ns/yang/Cisco-IOS-XE-ethernet"

/* Whether text is XML (its first non-blank character is '<'). */
bool iosxe_xml_is_xml(const char *text, size_t len);

/* Whether text is XML that names the native model's namespace. */
bool iosxe_xml_is_native(const char *text, size_t len);

/* The native model as IOS-XE configuration text: `version`, the global
 * spanning-tree statements, one `interface` block per Ethernet port and
 * port-channel, `end`. Accepts <native> as the root, or <data> (or any
 * root) holding <native> as a child or grandchild under <data>. Errors:
 * PR_ERR_INPUT for XML that does not parse or a value out of range (naming
 * origin, XML line, interface and element); PR_ERR_UNSUPPORTED when there
 * is no <native> element. */
int iosxe_xml_to_cli(const char *xml, size_t len, const char *origin, char **out_text,
                     size_t *out_len, struct pr_error *err);

/* iosxe_xml_to_cli(), read as an IOS-XE configuration (platform IOS-XE,
 * the version from <version> when present, lines without numbers). */
int iosxe_xml_to_config(const char *xml, size_t len, const char *origin, struct ios_config **out,
                        struct pr_error *err);

/* Fills sw as ios_config_read() does, from the native model. */
int iosxe_xml_read(const char *xml, size_t len, const char *origin, struct pr_switch *sw,
                   struct pr_error *err);

#endif
