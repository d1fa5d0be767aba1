/* SPDX-License-Identifier: BSD-3-Clause */
#include "junos_range.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const physical_types[] = {"ge", "xe", "et", "mge", "te", "fe", "xle", "fte"};

/* Reads a decimal number of at most 5 digits. */
static bool read_num(const char **p, unsigned *out)
{
    const char *s = *p;
    unsigned v = 0;
    size_t n = 0;
    while (*s >= '0' && *s <= '9' && n < 5) {
        v = v * 10 + (unsigned)(*s - '0');
        s++;
        n++;
    }
    if (n == 0 || (*s >= '0' && *s <= '9'))
        return false;
    *p = s;
    *out = v;
    return true;
}

bool junos_port_split(const char *name, char *type, size_t type_len, unsigned nums[3], int *channel)
{
    const char *dash = strchr(name, '-');
    if (dash == NULL || dash == name || (size_t)(dash - name) >= type_len)
        return false;
    for (const char *c = name; c < dash; c++) {
        if (*c < 'a' || *c > 'z')
            return false;
    }
    memcpy(type, name, (size_t)(dash - name));
    type[dash - name] = '\0';
    const char *p = dash + 1;
    for (int i = 0; i < 3; i++) {
        if (!read_num(&p, &nums[i]))
            return false;
        if (i < 2 && *p++ != '/')
            return false;
    }
    *channel = -1;
    if (*p == ':') {
        unsigned ch;
        p++;
        if (!read_num(&p, &ch))
            return false;
        *channel = (int)ch;
    }
    return *p == '\0';
}

bool junos_is_physical_port(const char *name)
{
    char type[8];
    unsigned nums[3];
    int channel;
    if (!junos_port_split(name, type, sizeof type, nums, &channel))
        return false;
    for (size_t i = 0; i < sizeof physical_types / sizeof physical_types[0]; i++) {
        if (strcmp(type, physical_types[i]) == 0)
            return true;
    }
    return false;
}

/* Matches one number position of a member pattern: *, N, [a-b], [a,b,c]
 * (lists of numbers and ranges). Advances *pat past it. */
static bool match_position(const char **pat, unsigned value)
{
    const char *p = *pat;
    if (*p == '*') {
        *pat = p + 1;
        return true;
    }
    if (*p != '[') {
        unsigned v;
        if (!read_num(&p, &v))
            return false;
        *pat = p;
        return v == value;
    }
    p++;
    bool hit = false;
    for (;;) {
        unsigned lo, hi;
        if (!read_num(&p, &lo))
            return false;
        hi = lo;
        if (*p == '-') {
            p++;
            if (!read_num(&p, &hi))
                return false;
        }
        if (value >= lo && value <= hi)
            hit = true;
        if (*p == ',') {
            p++;
            continue;
        }
        if (*p != ']')
            return false;
        *pat = p + 1;
        return hit;
    }
}

bool junos_member_matches(const char *pattern, const char *ifname)
{
    if (strcmp(pattern, ifname) == 0)
        return true;
    char type[8];
    unsigned nums[3];
    int channel;
    if (!junos_port_split(ifname, type, sizeof type, nums, &channel))
        return false;
    size_t tl = strlen(type);
    if (strncmp(pattern, type, tl) != 0 || pattern[tl] != '-')
        return false;
    const char *p = pattern + tl + 1;
    for (int i = 0; i < 3; i++) {
        if (!match_position(&p, nums[i]))
            return false;
        if (i < 2 && *p++ != '/')
            return false;
    }
    if (*p == '\0')
        return channel < 0;
    if (*p != ':' || channel < 0)
        return false;
    p++;
    return match_position(&p, (unsigned)channel) && *p == '\0';
}

static int tuple_compare(const unsigned a[3], const unsigned b[3])
{
    for (int i = 0; i < 3; i++) {
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

/* The start and end of `member-range START to END` (node is START). */
static bool range_bounds(const struct junos_node *start, const char **end)
{
    const struct junos_node *to = junos_node_child(start, "to");
    *end = junos_node_value(to);
    return *end != NULL;
}

static bool in_member_range(const char *from, const char *to, const char *ifname)
{
    char t1[8], t2[8], t[8];
    unsigned a[3], b[3], n[3];
    int c1, c2, c;
    if (!junos_port_split(from, t1, sizeof t1, a, &c1) ||
        !junos_port_split(to, t2, sizeof t2, b, &c2) ||
        !junos_port_split(ifname, t, sizeof t, n, &c))
        return false;
    if (strcmp(t1, t2) != 0 || strcmp(t1, t) != 0 || c >= 0)
        return false;
    return tuple_compare(a, n) <= 0 && tuple_compare(n, b) <= 0;
}

bool junos_range_has_member(const struct junos_node *range, const char *ifname)
{
    const struct junos_node *members = junos_node_child(range, "member");
    for (size_t i = 0; members != NULL && i < members->n_kids; i++) {
        if (!members->kids[i]->inactive && junos_member_matches(members->kids[i]->name, ifname))
            return true;
    }
    const struct junos_node *ranges = junos_node_child(range, "member-range");
    for (size_t i = 0; ranges != NULL && i < ranges->n_kids; i++) {
        const char *end;
        const struct junos_node *start = ranges->kids[i];
        if (!start->inactive && range_bounds(start, &end) &&
            in_member_range(start->name, end, ifname))
            return true;
    }
    return false;
}

void junos_range_each_named(const struct junos_node *range, size_t limit,
                            void (*fn)(const char *ifname, void *arg), void *arg)
{
    size_t count = 0;
    const struct junos_node *members = junos_node_child(range, "member");
    for (size_t i = 0; members != NULL && i < members->n_kids && count < limit; i++) {
        const char *name = members->kids[i]->name;
        if (!members->kids[i]->inactive && junos_is_physical_port(name)) {
            fn(name, arg);
            count++;
        }
    }
    const struct junos_node *ranges = junos_node_child(range, "member-range");
    for (size_t i = 0; ranges != NULL && i < ranges->n_kids; i++) {
        const struct junos_node *start = ranges->kids[i];
        const char *end;
        char t1[8], t2[8];
        unsigned a[3], b[3];
        int c1, c2;
        if (start->inactive || !range_bounds(start, &end) ||
            !junos_port_split(start->name, t1, sizeof t1, a, &c1) ||
            !junos_port_split(end, t2, sizeof t2, b, &c2) || strcmp(t1, t2) != 0 || a[0] != b[0] ||
            a[1] != b[1] || c1 >= 0 || c2 >= 0 || !junos_is_physical_port(start->name))
            continue; /* spans FPCs or PICs: only matched against named ports */
        for (unsigned port = a[2]; port <= b[2] && count < limit; port++, count++) {
            char name[32];
            snprintf(name, sizeof name, "%s-%u/%u/%u", t1, a[0], a[1], port);
            fn(name, arg);
        }
    }
}

int junos_port_compare(const char *a, const char *b)
{
    char ta[8], tb[8];
    unsigned na[3], nb[3];
    int ca, cb;
    bool pa = junos_port_split(a, ta, sizeof ta, na, &ca);
    bool pb = junos_port_split(b, tb, sizeof tb, nb, &cb);
    if (!pa || !pb)
        return pa != pb ? (pa ? -1 : 1) : strcmp(a, b);
    int c = strcmp(ta, tb);
    if (c != 0)
        return c;
    c = tuple_compare(na, nb);
    if (c != 0)
        return c;
    return ca < cb ? -1 : ca > cb;
}
