/* SPDX-License-Identifier: BSD-3-Clause */
#include "cli_json.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "report/report.h"
#include "rules/summary.h"
#include "util/walltime.h"

/* "--format", or an abbreviation getopt_long takes for it ("--form"). */
static bool is_format_option(const char *arg, size_t name_len)
{
    return name_len >= 4 && name_len <= 6 && strncmp(arg, "format", name_len) == 0;
}

bool cli_wants_json(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--") == 0)
            break;
        if (strncmp(arg, "--", 2) != 0)
            continue;
        arg += 2;
        const char *eq = strchr(arg, '=');
        size_t name_len = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
        if (!is_format_option(arg, name_len))
            continue;
        const char *value = eq != NULL ? eq + 1 : (i + 1 < argc ? argv[++i] : "");
        return strcmp(value, "json") == 0;
    }
    return false;
}

void cli_report_error_doc(unsigned round, const struct pr_error *err)
{
    struct report_options opts = {
        .out = stdout, .timestamp_ns = pr_wall_now_ns(), .round = round, .error = err};
    struct pr_summary summary;
    memset(&summary, 0, sizeof summary);
    void *state = NULL;
    struct pr_error out_err = {0};
    if (report_writer_json.begin(&opts, &state, &out_err) == 0)
        report_writer_json.end(&opts, state, &summary, &out_err);
}

struct pr_error *cli_error(struct pr_error *err, enum pr_error_code code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    err->code = code;
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return err;
}

void cli_json_name_key(const char *name, char *buf, size_t len)
{
    snprintf(buf, len, "%s", name);
    for (char *p = buf; *p; p++)
        if (*p == '-')
            *p = '_';
}
