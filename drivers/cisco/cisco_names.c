/* SPDX-License-Identifier: BSD-3-Clause */
#include "cisco/cisco_names.h"

#include <ctype.h>
#include <stddef.h>
#include <string.h>

#include "util/strutil.h"

/* Abbreviations and their full interface type names. */
static const struct {
    const char *abbrev;
    const char *full;
} if_types[] = {
    {"Gi", "GigabitEthernet"},    {"Te", "TenGigabitEthernet"},   {"Fa", "FastEthernet"},
    {"Twe", "TwentyFiveGigE"},    {"Fo", "FortyGigabitEthernet"}, {"Hu", "HundredGigE"},
    {"Tw", "TwoGigabitEthernet"}, {"Fi", "FiveGigabitEthernet"},  {"Et", "Ethernet"},
    {"Eth", "Ethernet"},          {"Po", "Port-channel"},
};

/* Splits "GigabitEthernet1/0/1" into its letters and the rest. */
static void split(const char *name, char *type, size_t type_len, const char **rest)
{
    size_t n = 0;
    while (name[n] != '\0' && (isalpha((unsigned char)name[n]) || name[n] == '-') &&
           n + 1 < type_len) {
        type[n] = name[n];
        n++;
    }
    type[n] = '\0';
    *rest = name + n;
}

static const char *full_type(const char *type)
{
    for (size_t i = 0; i < sizeof if_types / sizeof if_types[0]; i++) {
        if (pr_str_ieq(type, if_types[i].abbrev) || pr_str_ieq(type, if_types[i].full))
            return if_types[i].full;
    }
    return type;
}

bool cisco_names_match(const char *config_name, const char *snmp_name)
{
    if (pr_str_ieq(config_name, snmp_name))
        return true;
    char type_a[48], type_b[48];
    const char *rest_a, *rest_b;
    split(config_name, type_a, sizeof type_a, &rest_a);
    split(snmp_name, type_b, sizeof type_b, &rest_b);
    if (rest_a[0] == '\0' || strcmp(rest_a, rest_b) != 0)
        return false;
    return pr_str_ieq(full_type(type_a), full_type(type_b));
}
