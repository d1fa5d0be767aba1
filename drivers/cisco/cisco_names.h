/* SPDX-License-Identifier: BSD-3-Clause */
/* Interface names as IOS, IOS-XE, NX-OS and EOS spell them: a
 * configuration writes "GigabitEthernet1/0/1" where ifName says
 * "Gi1/0/1", "Ethernet5" where it says "Et5". */
#ifndef PR_CISCO_NAMES_H
#define PR_CISCO_NAMES_H

#include <stdbool.h>

/* Whether a configuration interface name and an SNMP port name (ifName or
 * ifDescr) name the same interface: "Gi1/0/1" and "GigabitEthernet1/0/1",
 * "Et1" and "Ethernet1", "Po1" and "Port-channel1", case aside. */
bool cisco_names_match(const char *config_name, const char *snmp_name);

#endif
