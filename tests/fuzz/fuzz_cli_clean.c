/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness for the CLI output cleaner (lib/ssh/cli_clean.c) with
 * the prompts, pagers and refusals of every driver's CLI dialect: the
 * input is cut into chunks (sizes from its first two bytes), pagers are
 * taken and prompts found after each chunk as the shell reader does, and
 * each command's output is checked: no escape, carriage return, backspace
 * or NUL survives, no line ends in a blank, and nothing is longer than
 * what came in. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "driver.h"
#include "ssh/cli_clean.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_MAX_PATTERNS 64

struct fuzz_lists {
    const char *prompts[FUZZ_MAX_PATTERNS + 1];
    const char *pagers[FUZZ_MAX_PATTERNS + 1];
    const char *above[FUZZ_MAX_PATTERNS + 1];
    const char *errors[FUZZ_MAX_PATTERNS + 1];
};

static void fuzz_append(const char **dst, const char *const *src)
{
    size_t n = 0;
    while (dst[n] != NULL)
        n++;
    for (size_t i = 0; src != NULL && src[i] != NULL && n < FUZZ_MAX_PATTERNS; i++)
        dst[n++] = src[i];
    dst[n] = NULL;
}

static struct pr_cli_patterns *fuzz_patterns(void)
{
    static struct pr_cli_patterns pat;
    static int ready;
    if (ready)
        return &pat;
    static struct fuzz_lists lists;
    const struct pr_driver *drivers[16];
    size_t n = pr_driver_cli_list(drivers, 16);
    for (size_t i = 0; i < n && i < 16; i++) {
        fuzz_append(lists.prompts, drivers[i]->cli->prompts);
        fuzz_append(lists.pagers, drivers[i]->cli->pagers);
        fuzz_append(lists.above, drivers[i]->cli->above_prompt);
        fuzz_append(lists.errors, drivers[i]->cli->errors);
    }
    struct pr_error err = {0};
    if (pr_cli_patterns_compile(&pat, lists.prompts, lists.pagers, lists.above, lists.errors,
                                &err) != 0)
        abort();
    ready = 1;
    return &pat;
}

static void fuzz_check(const char *out, size_t len, size_t fed)
{
    if (len > fed || strlen(out) != len)
        abort();
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)out[i];
        if (b == 0x1B || b == '\r' || b == '\b' || b == 0x7F ||
            (b < 0x20 && b != '\n' && b != '\t'))
            abort();
        if (b == '\n' && i > 0 && (out[i - 1] == ' ' || out[i - 1] == '\t'))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || size > 1 << 20)
        return 0;
    struct pr_cli_patterns *pat = fuzz_patterns();
    unsigned seed = (unsigned)data[0] << 8 | data[1];
    data += 2;
    size -= 2;
    struct pr_cli_clean clean;
    pr_cli_clean_init(&clean);
    size_t mark = 0, fed = 0;
    for (size_t at = 0; at < size;) {
        seed = seed * 1103515245u + 12345u;
        size_t chunk = 1 + (seed >> 16) % 97;
        if (chunk > size - at)
            chunk = size - at;
        if (pr_cli_clean_feed(&clean, data + at, chunk) != 0)
            abort();
        at += chunk;
        fed += chunk;
        while (pr_cli_clean_take_pager(&clean, pat))
            ;
        char prompt[PR_CLI_PROMPT_MAX + 1];
        if (!pr_cli_clean_prompt(&clean, pat, prompt, sizeof prompt))
            continue;
        if (strlen(prompt) > PR_CLI_PROMPT_MAX)
            abort();
        char *out = NULL;
        size_t len = 0;
        if (pr_cli_clean_output(&clean, mark, "show running-config", pat, &out, &len) != 0)
            abort();
        fuzz_check(out, len, fed);
        char line[200];
        if (pr_cli_output_error(out, len, pat, line, sizeof line) && strlen(line) >= sizeof line)
            abort();
        free(out);
        pr_cli_clean_discard(&clean);
        pr_cli_clean_drop_partial(&clean);
        mark = pr_cli_clean_mark(&clean);
        fed = 0;
    }
    char *out = NULL;
    size_t len = 0;
    if (pr_cli_clean_output(&clean, mark, NULL, pat, &out, &len) != 0)
        abort();
    fuzz_check(out, len, fed);
    free(out);
    pr_cli_clean_free(&clean);
    return 0;
}
