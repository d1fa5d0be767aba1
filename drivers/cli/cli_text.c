/* SPDX-License-Identifier: BSD-3-Clause */
#include "cli/cli_text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/strutil.h"

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

size_t cli_text_trimmed_len(const char *text, size_t len)
{
    while (len > 0 && (text[len - 1] == '\0' || text[len - 1] == '\n' || text[len - 1] == '\r' ||
                       is_blank(text[len - 1])))
        len--;
    return len;
}

/* The CLI's own header lines, not configuration. */
static bool is_header(const char *line)
{
    return strcmp(line, "Running configuration:") == 0 ||
           strcmp(line, "Startup configuration:") == 0 ||
           strcmp(line, "Current configuration:") == 0;
}

/* `banner TYPE D...`: the delimiter D, and whether the banner closes on
 * the same line. */
static bool banner_opens(const char *line, char *delim)
{
    if (strncmp(line, "banner ", 7) != 0)
        return false;
    const char *p = line + 7;
    while (*p != '\0' && !is_blank(*p))
        p++; /* the banner's type: motd, exec, ... */
    while (is_blank(*p))
        p++;
    if (*p == '\0')
        return false;
    *delim = *p;
    return strchr(p + 1, *delim) == NULL;
}

char *cli_cut_line(char **at, char *end, unsigned *indent)
{
    char *line = *at;
    char *eol = memchr(line, '\n', (size_t)(end - line));
    *at = eol ? eol + 1 : end;
    if (eol == NULL)
        eol = end;
    *eol = '\0';
    *indent = 0;
    while (is_blank(*line)) {
        line++;
        (*indent)++;
    }
    char *tail = line + strlen(line);
    while (tail > line && (is_blank(tail[-1]) || tail[-1] == '\r'))
        *--tail = '\0';
    return line;
}

int cli_text_check_nul(const char *text, size_t len, const char *origin, struct pr_error *err)
{
    const char *nul = memchr(text, '\0', len);
    if (nul == NULL)
        return 0;
    unsigned lineno = 1;
    for (const char *p = text; p < nul; p++)
        lineno += *p == '\n';
    return pr_error_set(err, PR_ERR_INPUT, "%s:%u: NUL byte: not a text configuration", origin,
                        lineno);
}

int cli_text_read(const char *text, size_t len, const char *origin, char comment,
                  struct cli_text **out, struct pr_error *err)
{
    *out = NULL;
    if (origin == NULL)
        origin = "configuration";
    size_t body = len;
    while (body > 0 && text[body - 1] == '\0')
        body--;
    if (cli_text_check_nul(text, body, origin, err) != 0)
        return -1;
    struct cli_text *t = calloc(1, sizeof *t);
    if (t == NULL || (t->buf = malloc(body + 1)) == NULL) {
        free(t);
        return pr_error_set(err, PR_ERR_INTERNAL, "%s: out of memory", origin);
    }
    pr_strlcpy(t->origin, origin, sizeof t->origin);
    memcpy(t->buf, text, body);
    t->buf[body] = '\0';

    size_t cap = 0;
    unsigned lineno = 0, banner_line = 0;
    char delim = 0;
    char *p = t->buf, *end = t->buf + body;
    while (p < end) {
        unsigned indent;
        char *line = cli_cut_line(&p, end, &indent);
        lineno++;
        if (banner_line != 0) {
            if (strchr(line, delim) != NULL)
                banner_line = 0;
            continue;
        }
        if (*line == '\0' || *line == comment || is_header(line))
            continue;
        if (indent == 0 && banner_opens(line, &delim)) {
            banner_line = lineno;
            continue;
        }
        if (t->n_lines == cap) {
            size_t ncap = cap ? cap * 2 : 256;
            struct cli_line *lines = realloc(t->lines, ncap * sizeof *lines);
            if (lines == NULL) {
                cli_text_free(t);
                return pr_error_set(err, PR_ERR_INTERNAL, "%s: out of memory", origin);
            }
            t->lines = lines;
            cap = ncap;
        }
        t->lines[t->n_lines++] = (struct cli_line){lineno, indent, line};
    }
    if (banner_line != 0) {
        pr_error_set(err, PR_ERR_INPUT, "%s:%u: banner is never closed (no line with '%c')", origin,
                     banner_line, delim);
        cli_text_free(t);
        return -1;
    }
    *out = t;
    return 0;
}

void cli_text_free(struct cli_text *t)
{
    if (t == NULL)
        return;
    free(t->buf);
    free(t->lines);
    free(t);
}

void cli_stmt_init(struct cli_stmt *s, const struct cli_line *line)
{
    s->line = line;
    s->n = 0;
    s->no = false;
    const char *p = line->text;
    while (*p != '\0' && s->n < CLI_MAX_TOKENS) {
        while (is_blank(*p))
            p++;
        if (*p == '\0')
            break;
        const char *start = p;
        size_t len;
        if (*p == '"') {
            start = ++p;
            while (*p != '\0' && *p != '"')
                p++;
            len = (size_t)(p - start);
            if (*p == '"')
                p++;
        } else {
            while (*p != '\0' && !is_blank(*p))
                p++;
            len = (size_t)(p - start);
        }
        if (len >= sizeof s->w[0])
            len = sizeof s->w[0] - 1;
        memcpy(s->w[s->n], start, len);
        s->w[s->n][len] = '\0';
        s->n++;
    }
    if (s->n > 0 && strcasecmp(s->w[0], "no") == 0) {
        s->no = true;
        memmove(s->w[0], s->w[1], (s->n - 1) * sizeof s->w[0]);
        s->n--;
    }
}

bool cli_stmt_is(const struct cli_stmt *s, size_t at, const char *words, size_t *next)
{
    size_t i = at;
    const char *p = words;
    while (*p != '\0') {
        size_t len = strcspn(p, " ");
        if (i >= s->n || strlen(s->w[i]) != len || strncasecmp(s->w[i], p, len) != 0)
            return false;
        i++;
        p += len;
        while (*p == ' ')
            p++;
    }
    if (next != NULL)
        *next = i;
    return true;
}

bool cli_stmt_int(const struct cli_stmt *s, size_t i, long long min, long long max, long long *out)
{
    return i < s->n && pr_parse_int(s->w[i], min, max, out);
}

bool cli_vlan_list(const char *text, bool all_ok, bool marks[4095])
{
    if (all_ok && strcasecmp(text, "all") == 0) {
        for (int v = 1; v < 4095; v++)
            marks[v] = true;
        return true;
    }
    char buf[256];
    if (pr_strlcpy(buf, text, sizeof buf) >= sizeof buf || buf[0] == '\0')
        return false;
    char *save = NULL;
    for (char *part = strtok_r(buf, ",", &save); part; part = strtok_r(NULL, ",", &save)) {
        char *dash = strchr(part, '-');
        long long lo, hi;
        if (dash != NULL)
            *dash = '\0';
        if (!pr_parse_int(part, 1, 4094, &lo))
            return false;
        hi = lo;
        if (dash != NULL && (!pr_parse_int(dash + 1, 1, 4094, &hi) || hi < lo))
            return false;
        for (long long v = lo; v <= hi; v++)
            marks[v] = true;
    }
    return true;
}

int cli_speed_mbps(const char *word)
{
    const char *p = word;
    if (strncasecmp(p, "auto-", 5) == 0)
        p += 5;
    if (!isdigit((unsigned char)*p))
        return 0;
    double v = 0;
    while (isdigit((unsigned char)*p) && v < 1e7)
        v = v * 10 + (*p++ - '0');
    if (*p == '.' && isdigit((unsigned char)p[1])) {
        p++;
        double scale = 0.1;
        while (isdigit((unsigned char)*p)) {
            v += (*p++ - '0') * scale;
            scale /= 10;
        }
    }
    if (*p == 'g' || *p == 'G') {
        v *= 1000;
        p++;
    } else if (*p == 'm' || *p == 'M') {
        p++;
    }
    if (*p != '\0' && *p != '-')
        return 0;
    return v >= 1 && v <= 1600000 ? (int)v : 0;
}

int cli_name_cmp(const char *a, const char *b)
{
    while (*a != '\0' && *b != '\0') {
        if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
            unsigned long long x = 0, y = 0;
            while (isdigit((unsigned char)*a) && x < 1000000000ULL)
                x = x * 10 + (unsigned)(*a++ - '0');
            while (isdigit((unsigned char)*b) && y < 1000000000ULL)
                y = y * 10 + (unsigned)(*b++ - '0');
            if (x != y)
                return x < y ? -1 : 1;
            continue;
        }
        int ca = tolower((unsigned char)*a), cb = tolower((unsigned char)*b);
        if (ca != cb)
            return ca < cb ? -1 : 1;
        a++;
        b++;
    }
    return (*a != '\0') - (*b != '\0');
}

int cli_text_append(const char *text, size_t len, const char *snippet, char **out, size_t *out_len,
                    struct pr_error *err)
{
    size_t keep = cli_text_trimmed_len(text, len);
    size_t slen = strlen(snippet);
    char *buf = malloc(keep + slen + 3);
    if (buf == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory applying a fix");
    memcpy(buf, text, keep);
    size_t n = keep;
    if (n > 0)
        buf[n++] = '\n';
    memcpy(buf + n, snippet, slen);
    n += slen;
    buf[n++] = '\n';
    buf[n] = '\0';
    *out = buf;
    *out_len = n;
    return 0;
}

void cli_stmt_undo(struct cli_stmt *s)
{
    if (s->n > 0 && strcasecmp(s->w[0], "undo") == 0) {
        s->no = true;
        memmove(s->w[0], s->w[1], (s->n - 1) * sizeof s->w[0]);
        s->n--;
    }
}

bool cli_vlan_words(const char *text, bool all_ok, bool marks[4095])
{
    const char *p = text;
    long long prev = -1;
    bool range = false, any = false;
    while (*p != '\0') {
        while (is_blank(*p))
            p++;
        if (*p == '\0')
            break;
        const char *start = p;
        while (*p != '\0' && !is_blank(*p))
            p++;
        char word[16];
        size_t len = (size_t)(p - start);
        if (len >= sizeof word)
            return false;
        memcpy(word, start, len);
        word[len] = '\0';
        if (strcasecmp(word, "to") == 0) {
            if (prev < 0 || range)
                return false;
            range = true;
            continue;
        }
        if (all_ok && strcasecmp(word, "all") == 0 && !range) {
            for (int v = 1; v <= 4094; v++)
                marks[v] = true;
            prev = -1;
            any = true;
            continue;
        }
        long long v;
        if (!pr_parse_int(word, 1, 4094, &v))
            return false;
        if (range) {
            if (v < prev)
                return false;
            for (long long k = prev; k <= v; k++)
                marks[k] = true;
            range = false;
            prev = -1;
        } else {
            marks[v] = true;
            prev = v;
        }
        any = true;
    }
    return any && !range;
}
