/* SPDX-License-Identifier: BSD-3-Clause */
/* The `#`-sectioned family: which dialect a text is, text -> lines ->
 * model -> switch facts with the model kept in sw->driver_priv, and a fix
 * applied to the text. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli_dialect.h"
#include "cli/vrp_family.h"
#include "util/strutil.h"

/* Lines only one dialect writes, each counted once. */
struct marker {
    const char *text; /* at the start of a line, after its blanks */
    int score;
    const char *also; /* NULL, or what the same line must hold too */
};

static const struct marker huawei_markers[] = {
    {"!Software Version V", 60, NULL},
    {"interface Eth-Trunk", 15, NULL},
    {"interface Vlanif", 15, NULL},
    {"port default vlan", 15, NULL},
    {"port trunk allow-pass", 15, NULL},
    {"vlan batch", 15, NULL},
    {"undo portswitch", 10, NULL},
    {"stp edged-port enable", 5, NULL},
    {"interface XGigabitEthernet", 10, NULL},
    {"interface 10GE", 10, NULL},
    {"interface 25GE", 10, NULL},
    {"interface 40GE", 10, NULL},
    {"interface 100GE", 10, NULL},
    {"interface MEth", 10, NULL},
    {NULL, 0, NULL},
};

static const struct marker comware_markers[] = {
    {"version 7.", 40, ", Release "}, /* not NX-OS's "version 7.0(3)I7(5)" */
    {"version 5.", 40, ", Release "},
    {"port link-mode bridge", 20, NULL},
    {"interface Bridge-Aggregation", 15, NULL},
    {"interface Vlan-interface", 15, NULL},
    {"port access vlan", 10, NULL},
    {"port trunk permit vlan", 15, NULL},
    {"port link-aggregation group", 10, NULL},
    {"stp global enable", 15, NULL},
    {"interface Ten-GigabitEthernet", 10, NULL},
    {"interface M-GigabitEthernet", 10, NULL},
    {"link-aggregation mode dynamic", 10, NULL},
    {NULL, 0, NULL},
};

static bool line_has(const char *line, size_t len, const char *what)
{
    size_t n = strlen(what);
    for (size_t i = 0; i + n <= len; i++) {
        if (memcmp(line + i, what, n) == 0)
            return true;
    }
    return false;
}

/* Scans the first 256 KiB line by line. A `#` section separator is
 * required; so is a version header or two other markers. */
int vrp_detect(enum vrp_dialect d, const char *text, size_t len, char *evidence,
               size_t evidence_len)
{
    const struct marker *mk = d == VRP_HUAWEI ? huawei_markers : comware_markers;
    bool seen[16] = {false};
    int score = 0, found = 0, hashes = 0;
    size_t limit = len < 262144 ? len : 262144;
    if (evidence != NULL && evidence_len > 0)
        evidence[0] = '\0';
    for (size_t i = 0; i < limit;) {
        const char *eol = memchr(text + i, '\n', limit - i);
        size_t end = eol ? (size_t)(eol - text) : limit;
        size_t k = i;
        while (k < end && (text[k] == ' ' || text[k] == '\t'))
            k++;
        if (k < end && text[k] == '#')
            hashes++;
        for (size_t j = 0; mk[j].text != NULL && j < 16; j++) {
            size_t n = strlen(mk[j].text);
            if (seen[j] || end - k < n || memcmp(text + k, mk[j].text, n) != 0)
                continue;
            if (mk[j].also != NULL && !line_has(text + k, end - k, mk[j].also))
                continue;
            seen[j] = true;
            score += mk[j].score;
            found++;
            if (evidence != NULL && evidence_len > 0 &&
                (evidence[0] == '\0' || mk[j].score >= 40)) {
                size_t w = end - k < evidence_len - 1 ? end - k : evidence_len - 1;
                memcpy(evidence, text + k, w);
                while (w > 0 && (evidence[w - 1] == '\r' || evidence[w - 1] == ' '))
                    w--;
                evidence[w] = '\0';
            }
        }
        i = end + 1;
    }
    if (hashes == 0 || (score < 40 && found < 2))
        return 0;
    return score;
}

/* The word run after `marker` on its line ("V200R005C10SPC800"); only the
 * first 64 KiB are searched. */
static void word_after(const char *text, size_t len, const char *marker, char *out, size_t out_len)
{
    size_t n = strlen(marker), limit = len < 65536 ? len : 65536;
    for (size_t i = 0; i + n <= limit; i++) {
        if (memcmp(text + i, marker, n) != 0)
            continue;
        size_t k = i + n, w = 0;
        while (k < limit && text[k] != ' ' && text[k] != '\r' && text[k] != '\n' && w + 1 < out_len)
            out[w++] = text[k++];
        out[w] = '\0';
        return;
    }
}

static int build(enum vrp_dialect d, struct cli_text *lines, void **model, struct pr_error *err)
{
    struct vrp_model *m = NULL;
    int rc = vrp_model_build(d, lines, &m, err);
    *model = m;
    return rc;
}

static int huawei_build(struct cli_text *lines, void **model, struct pr_error *err)
{
    return build(VRP_HUAWEI, lines, model, err);
}

static int comware_build(struct cli_text *lines, void **model, struct pr_error *err)
{
    return build(VRP_COMWARE, lines, model, err);
}

static void huawei_note(void *model, const char *text, size_t len)
{
    struct vrp_model *m = model;
    word_after(text, len, "!Software Version ", m->version, sizeof m->version);
}

static int fill(const void *model, struct pr_switch *sw, struct pr_error *err)
{
    return vrp_fill_switch(model, sw, err);
}

static void model_free(void *model)
{
    vrp_model_free(model);
}

/* The drivers refuse what vrp_detect() does not recognise themselves
 * (vrp_driver_read_config), so neither dialect has a detect(). `!` lines
 * are VRP's header comments; `#` lines separate sections and stay. */
static const struct cli_dialect huawei_dialect = {
    .comment = '!',
    .build = huawei_build,
    .note = huawei_note,
    .fill = fill,
    .free = model_free,
};

static const struct cli_dialect comware_dialect = {
    .comment = '!',
    .build = comware_build,
    .fill = fill,
    .free = model_free,
};

/* Both dialects leave their model with one free(): either descriptor
 * finds it. */
const struct vrp_model *vrp_switch_model(const struct pr_switch *sw)
{
    return cli_dialect_model(&huawei_dialect, sw);
}

int vrp_config_read(enum vrp_dialect d, const char *text, size_t len, const char *origin,
                    struct pr_switch *sw, struct pr_error *err)
{
    return cli_dialect_read_as(d == VRP_HUAWEI ? &huawei_dialect : &comware_dialect, text, len,
                               origin, sw, err);
}

int vrp_config_apply(const char *text, size_t len, const char *snippet, char **out, size_t *out_len,
                     struct pr_error *err)
{
    size_t keep = cli_text_trimmed_len(text, len);
    /* The closing `return` (and a prompt line after it) stays last. */
    size_t cut = keep, line_end = keep;
    for (int pass = 0; pass < 2 && line_end > 0; pass++) {
        size_t start = line_end;
        while (start > 0 && text[start - 1] != '\n')
            start--;
        size_t n = line_end - start;
        while (n > 0 && (text[start + n - 1] == '\r' || text[start + n - 1] == ' '))
            n--;
        if (n == 6 && strncmp(text + start, "return", 6) == 0) {
            cut = start;
            break;
        }
        if (n == 0 || text[start] != '<')
            break; /* only a prompt line may follow the return */
        line_end = start > 0 ? start - 1 : 0;
    }
    size_t slen = strlen(snippet);
    char *buf = malloc(keep + slen + 8);
    if (buf == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory applying a fix");
    memcpy(buf, text, cut);
    size_t n = cut;
    if (n > 0 && buf[n - 1] != '\n')
        buf[n++] = '\n';
    memcpy(buf + n, "#\n", 2);
    n += 2;
    memcpy(buf + n, snippet, slen);
    n += slen;
    buf[n++] = '\n';
    memcpy(buf + n, "#\n", 2);
    n += 2;
    memcpy(buf + n, text + cut, keep - cut);
    n += keep - cut;
    buf[n] = '\0';
    *out = buf;
    *out_len = n;
    return 0;
}
