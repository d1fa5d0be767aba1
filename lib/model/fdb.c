/* SPDX-License-Identifier: BSD-3-Clause */
#include "model/fdb.h"

#include <stdlib.h>
#include <string.h>

bool pr_fdb_wanted(const struct pr_fdb *fdb, uint64_t mac)
{
    for (size_t i = 0; i < fdb->n_want; i++) {
        if (fdb->want[i] == mac)
            return true;
    }
    return false;
}

struct pr_fdb_entry *pr_fdb_add(struct pr_fdb *fdb, uint64_t mac)
{
    if (fdb->n == fdb->cap) {
        size_t cap = fdb->cap ? fdb->cap * 2 : 8;
        struct pr_fdb_entry *grown = realloc(fdb->entries, cap * sizeof *grown);
        if (grown == NULL)
            return NULL;
        fdb->entries = grown;
        fdb->cap = cap;
    }
    struct pr_fdb_entry *e = &fdb->entries[fdb->n++];
    memset(e, 0, sizeof *e);
    e->mac = mac;
    e->vlan = -1;
    return e;
}

void pr_fdb_free(struct pr_fdb *fdb)
{
    if (fdb == NULL)
        return;
    free(fdb->entries);
    fdb->entries = NULL;
    fdb->n = fdb->cap = 0;
}

const char *pr_fdb_status_name(enum pr_fdb_status status)
{
    switch (status) {
    case PR_FDB_OTHER:
        return "other";
    case PR_FDB_INVALID:
        return "invalid";
    case PR_FDB_LEARNED:
        return "learned";
    case PR_FDB_SELF:
        return "self";
    case PR_FDB_MGMT:
        return "mgmt";
    case PR_FDB_NO_STATUS:
        break;
    }
    return "no status";
}
