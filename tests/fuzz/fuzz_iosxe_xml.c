/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness for the IOS-XE native model reader: arbitrary bytes as
 * a NETCONF <data> reply. The configuration text made of it must keep its
 * shape whatever the input (no element can inject a statement of its own:
 * every top-level line is one the reader writes, every indented line an
 * interface statement); a read switch is judged and every fix written. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cisco/ios.h"
#include "cisco/iosxe_xml.h"
#include "rules/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int starts(const char *line, const char *prefix)
{
    return strncmp(line, prefix, strlen(prefix)) == 0;
}

static void check_shape(const char *text, size_t len)
{
    if (strlen(text) != len || len < 4 || strcmp(text + len - 4, "end\n") != 0)
        __builtin_trap();
    static const char *const top[] = {"version ", "spanning-tree ", "interface ", "!", "end"};
    static const char *const sub[] = {
        " description ",
        " switchport",
        " no switchport",
        " shutdown",
        " no shutdown",
        " channel-group ",
        " speed ",
        " duplex ",
        " negotiation auto",
        " no negotiation auto",
        " spanning-tree portfast",
        " spanning-tree bpduguard ",
        " port-channel standalone-disable",
        " no port-channel standalone-disable",
    };
    for (const char *line = text; *line != '\0';) {
        const char *eol = strchr(line, '\n');
        if (eol == NULL)
            __builtin_trap();
        const char *const *set = line[0] == ' ' ? sub : top;
        size_t n = line[0] == ' ' ? sizeof sub / sizeof sub[0] : sizeof top / sizeof top[0];
        size_t k = 0;
        while (k < n && !starts(line, set[k]))
            k++;
        if (k == n)
            __builtin_trap();
        line = eol + 1;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 20)
        return 0;
    const char *xml = (const char *)data;
    struct pr_error err = {0};
    char *text;
    size_t text_len;
    if (iosxe_xml_to_cli(xml, size, "fuzz", &text, &text_len, &err) == 0) {
        check_shape(text, text_len);
        free(text);
    } else if (err.msg[0] == '\0') {
        __builtin_trap(); /* errors say why */
    }
    struct pr_switch sw;
    pr_switch_init(&sw, "fuzz", "fuzz");
    if (iosxe_xml_read(xml, size, "fuzz", &sw, &err) == 0) {
        for (size_t i = 0; i < sw.n_ports; i++) {
            struct pr_port *port = &sw.ports[i];
            port->expect_vlan = 100;
            rules_judge_port(&sw, port);
            for (size_t k = 0; k < port->n_findings; k++) {
                char fix[PR_FIX_MAX];
                ios_snippet(&sw, port, &port->findings[k], fix, sizeof fix);
            }
        }
    }
    pr_switch_free(&sw);
    return 0;
}
