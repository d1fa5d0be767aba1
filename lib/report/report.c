/* SPDX-License-Identifier: BSD-3-Clause */
#include "report/report.h"

#include <errno.h>
#include <string.h>

#include "util/strutil.h"

const struct report_writer *const report_writers[] = {
    &report_writer_text,
    &report_writer_json,
    &report_writer_nagios,
    &report_writer_prometheus,
    NULL,
};

const struct report_writer *report_writer_find(const char *name)
{
    for (size_t i = 0; report_writers[i] != NULL; i++) {
        if (strcmp(report_writers[i]->name, name) == 0)
            return report_writers[i];
    }
    return NULL;
}

int report_flush(FILE *out, struct pr_error *err)
{
    errno = 0;
    int flushed = fflush(out);
    int saved = errno;
    if (flushed == 0 && !ferror(out))
        return 0;
    return pr_error_set(err, PR_ERR_IO, "cannot write the report: %s",
                        saved != 0 ? strerror(saved) : "a write to the output failed");
}

void report_writer_names(char *buf, size_t buf_len)
{
    if (buf_len == 0)
        return;
    buf[0] = '\0';
    for (size_t i = 0; report_writers[i] != NULL; i++)
        pr_strlcatf(buf, buf_len, "%s%s", i > 0 ? ", " : "", report_writers[i]->name);
}
