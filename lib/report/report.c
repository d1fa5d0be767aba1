/* SPDX-License-Identifier: BSD-3-Clause */
#include "report/report.h"

#include <string.h>

static const struct report_writer *const writers[] = {
    &report_writer_text,
    &report_writer_json,
    NULL,
};

const struct report_writer *report_writer_find(const char *name)
{
    for (size_t i = 0; writers[i] != NULL; i++) {
        if (strcmp(writers[i]->name, name) == 0)
            return writers[i];
    }
    return NULL;
}
