/* SPDX-License-Identifier: BSD-3-Clause */
/* cliread_config(): exec where the dialect says it works, else the shell;
 * the first prompt is found with every dialect's patterns at once, so a
 * family named by --driver or SNMP that prompts otherwise than its
 * dialect expects is still read. */
#include "core/cliread.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ssh/cli.h"
#include "ssh/cli_clean.h"
#include "util/strutil.h"

#define CLIREAD_MAX_DRIVERS  16
#define CLIREAD_MAX_PATTERNS 64

/* Every dialect's patterns in one spec, for the first prompt. */
struct cliread_union {
    const char *prompts[CLIREAD_MAX_PATTERNS + 1];
    const char *pagers[CLIREAD_MAX_PATTERNS + 1];
    const char *above_prompt[CLIREAD_MAX_PATTERNS + 1];
    const char *errors[CLIREAD_MAX_PATTERNS + 1];
    struct pr_ssh_cli_spec spec;
};

static void union_add(const char **dst, const char *const *src)
{
    size_t n = 0;
    while (dst[n] != NULL)
        n++;
    for (size_t i = 0; src != NULL && src[i] != NULL && n < CLIREAD_MAX_PATTERNS; i++)
        dst[n++] = src[i];
    dst[n] = NULL;
}

static void union_build(struct cliread_union *u, const struct pr_driver *const *drivers, size_t n)
{
    memset(u, 0, sizeof *u);
    for (size_t i = 0; i < n; i++) {
        const struct pr_cli_dialect *d = drivers[i]->cli;
        union_add(u->prompts, d->prompts);
        union_add(u->pagers, d->pagers);
        union_add(u->above_prompt, d->above_prompt);
        union_add(u->errors, d->errors);
    }
    u->spec.prompts = u->prompts;
    u->spec.pagers = u->pagers;
    u->spec.above_prompt = u->above_prompt;
    u->spec.errors = u->errors;
}

static struct pr_ssh_cli_spec spec_of(const struct pr_cli_dialect *d)
{
    struct pr_ssh_cli_spec spec = {
        .prompts = d->prompts,
        .pagers = d->pagers,
        .above_prompt = d->above_prompt,
        .errors = d->errors,
    };
    return spec;
}

/* Whether the dialect's prompt patterns take prompt. */
static bool dialect_prompts(const struct pr_cli_dialect *d, const char *prompt)
{
    struct pr_cli_patterns pat;
    struct pr_error err = {0};
    if (pr_cli_patterns_compile(&pat, d->prompts, NULL, NULL, NULL, &err) != 0)
        return false;
    bool is = pr_cli_line_matches(pat.prompts, pat.n_prompts, prompt, strlen(prompt));
    pr_cli_patterns_free(&pat);
    return is;
}

/* The driver of pool whose match() scores text highest (NULL: none). */
static const struct pr_driver *best_by_text(const struct pr_driver *const *pool, size_t n,
                                            const char *text)
{
    const struct pr_driver *best = NULL;
    int best_score = 0;
    for (size_t i = 0; i < n; i++) {
        int score = pool[i]->match(NULL, text, NULL, 0);
        if (score > best_score) {
            best_score = score;
            best = pool[i];
        }
    }
    return best;
}

/* The family of a switch whose shell is open at its first prompt. */
static const struct pr_driver *detect(struct pr_ssh_cli *cli, const struct pr_driver *const *all,
                                      size_t n_all, struct pr_error *err)
{
    const char *prompt = pr_ssh_cli_prompt(cli);
    const struct pr_driver *pool[CLIREAD_MAX_DRIVERS];
    size_t n = 0;
    for (size_t i = 0; i < n_all; i++) {
        if (dialect_prompts(all[i]->cli, prompt))
            pool[n++] = all[i];
    }
    if (n == 1)
        return pool[0];
    if (n == 0) {
        memcpy(pool, all, n_all * sizeof *pool);
        n = n_all;
    }
    const struct pr_driver *best = best_by_text(pool, n, pr_ssh_cli_greeting(cli));
    if (best != NULL)
        return best;
    /* Ask the switch, once per distinct command. */
    for (size_t i = 0; i < n; i++) {
        bool asked = false;
        for (size_t k = 0; k < i; k++)
            asked = asked || strcmp(pool[k]->cli->show_version, pool[i]->cli->show_version) == 0;
        if (asked)
            continue;
        char *answer = NULL;
        size_t len = 0;
        if (pr_ssh_cli_command(cli, pool[i]->cli->show_version, &answer, &len, err) != 0) {
            if (err->code != PR_ERR_UNSUPPORTED)
                return NULL; /* the session is gone */
            continue;
        }
        best = best_by_text(pool, n, answer);
        free(answer);
        if (best != NULL)
            return best;
    }
    pr_error_set(err, PR_ERR_UNSUPPORTED,
                 "SSH: cannot tell which CLI %s runs (prompt '%.60s', nothing in its banner or "
                 "'show version' names a known family); give --driver",
                 pr_ssh_cli_label(cli), prompt);
    return NULL;
}

/* A login at a user-mode prompt ("sw1>") of a dialect with an enable
 * command: that command, once, with "Password:" taken as a prompt too for
 * it; a CLI that asks a password for it is left (portready holds none),
 * with a clear error. A refused enable is no error: the configuration
 * command then says what the login may not do. */
static int enable_if_user_mode(struct pr_ssh_cli *cli, const struct pr_cli_dialect *d,
                               struct pr_error *err)
{
    const char *prompt = pr_ssh_cli_prompt(cli);
    size_t n = strlen(prompt);
    if (d->enable == NULL || n == 0 || prompt[n - 1] != '>')
        return 0;
    const char *prompts[CLIREAD_MAX_PATTERNS + 2];
    size_t k = 0;
    for (; d->prompts[k] != NULL && k < CLIREAD_MAX_PATTERNS; k++)
        prompts[k] = d->prompts[k];
    prompts[k++] = "^[Pp]assword:$";
    prompts[k] = NULL;
    struct pr_ssh_cli_spec spec = spec_of(d);
    spec.prompts = prompts;
    if (pr_ssh_cli_set_spec(cli, &spec, err) != 0)
        return -1;
    char *ignored = NULL;
    size_t ignored_len = 0;
    int rc = pr_ssh_cli_command(cli, d->enable, &ignored, &ignored_len, err);
    free(ignored);
    if (rc != 0 && err->code == PR_ERR_UNSUPPORTED) {
        pr_error_clear(err);
        rc = 0;
    }
    if (rc == 0 && strcasecmp(pr_ssh_cli_prompt(cli), "password:") == 0)
        return pr_error_set(err, PR_ERR_UNSUPPORTED,
                            "SSH: %s asks a password for '%s', and portready gives none: log in "
                            "as a user whose session starts privileged ('#')",
                            pr_ssh_cli_label(cli), d->enable);
    spec = spec_of(d);
    if (rc == 0 && pr_ssh_cli_set_spec(cli, &spec, err) != 0)
        rc = -1;
    return rc;
}

int cliread_config(const struct pr_ssh_target *target, const struct pr_driver *known, char **text,
                   size_t *len, const struct pr_driver **used, struct pr_error *err)
{
    *text = NULL;
    *len = 0;
    *used = NULL;
    const struct pr_driver *all[CLIREAD_MAX_DRIVERS];
    size_t n_all = pr_driver_cli_list(all, CLIREAD_MAX_DRIVERS);
    if (n_all > CLIREAD_MAX_DRIVERS)
        n_all = CLIREAD_MAX_DRIVERS;
    if (known != NULL && known->cli == NULL) {
        char names[160] = "";
        for (size_t i = 0; i < n_all; i++)
            pr_strlcatf(names, sizeof names, "%s%s", i ? ", " : "", all[i]->name);
        return pr_error_set(err, PR_ERR_USAGE,
                            "SSH: the %s driver reads no CLI; --ssh reads switches of the %s "
                            "drivers",
                            known->name, names);
    }

    struct pr_ssh_cli *cli = NULL;
    if (pr_ssh_cli_connect(target, &cli, err) != 0)
        return -1;
    int rc = -1;
    if (known != NULL && known->cli->exec) {
        struct pr_ssh_cli_spec spec = spec_of(known->cli);
        rc = pr_ssh_cli_exec(cli, known->cli->show_config, &spec, text, len, err);
        if (rc == 0)
            *used = known;
        if (rc == 0 || err->code != PR_ERR_UNSUPPORTED) {
            pr_ssh_cli_close(cli);
            return rc;
        }
        /* Exec refused: the shell, on the same connection. */
        pr_error_clear(err);
    }

    struct cliread_union u;
    union_build(&u, all, n_all);
    const struct pr_driver *drv = NULL;
    if (pr_ssh_cli_shell(cli, &u.spec, err) == 0)
        drv = known != NULL ? known : detect(cli, all, n_all, err);
    struct pr_ssh_cli_spec spec;
    if (drv != NULL) {
        spec = spec_of(drv->cli);
        if (pr_ssh_cli_set_spec(cli, &spec, err) != 0)
            drv = NULL;
    }
    bool ok = drv != NULL && enable_if_user_mode(cli, drv->cli, err) == 0;
    /* Paging off: a CLI that refuses a command still pages, and pagers
     * are answered anyway. */
    for (size_t i = 0; ok && drv->cli->paging_off != NULL && drv->cli->paging_off[i] != NULL; i++) {
        char *ignored = NULL;
        size_t ignored_len = 0;
        if (pr_ssh_cli_command(cli, drv->cli->paging_off[i], &ignored, &ignored_len, err) != 0) {
            if (err->code != PR_ERR_UNSUPPORTED)
                ok = false;
            else
                pr_error_clear(err);
        }
        free(ignored);
    }
    if (ok && pr_ssh_cli_command(cli, drv->cli->show_config, text, len, err) == 0) {
        *used = drv;
        rc = 0;
    }
    pr_ssh_cli_close(cli);
    return rc;
}
