/* SPDX-License-Identifier: BSD-3-Clause */
/* A switch's command line over SSH: an exec channel for one command, or an
 * interactive shell on a pseudo-terminal where prompts are found, pagers
 * answered with a space and the output cleaned (ssh/cli_clean.h) into the
 * text a saved file of the same output holds.
 *
 * The source only fetches and knows no vendor: which commands to send and
 * what a prompt, a pager prompt or a refused command looks like come from
 * the caller (struct pr_ssh_cli_spec, filled from a driver's dialect).
 *
 * Bounds: the whole exchange, from the TCP connect to the last prompt,
 * ends within the target's timeout (the transport's watchdog cuts the
 * socket then), and a switch that sends more than PR_SSH_CLI_MAX_BYTES in
 * all is given up. Errors name the phase and the host; the password never
 * appears in one.
 *
 * Thread safety: one session per thread; sessions in separate threads may
 * run at once.
 *
 * Ownership: pr_ssh_cli_connect() allocates the session, pr_ssh_cli_close()
 * frees it (NULL accepted); command output is the caller's to free(). */
#ifndef PR_SSH_CLI_H
#define PR_SSH_CLI_H

#include <stddef.h>

#include "ssh/transport.h"
#include "util/error.h"

/* The environment variable a caller may read the password from. */
#define PR_SSH_PASSWORD_ENV "PORTREADY_SSH_PASSWORD"

/* 64 MB: far beyond any switch's configuration, small enough to hold. */
#define PR_SSH_CLI_MAX_BYTES (64u * 1024u * 1024u)

/* What a CLI looks like: NULL-terminated lists of POSIX extended regular
 * expressions, each matched against one whole line without its trailing
 * blanks (see pr_cli_patterns_compile()). */
struct pr_ssh_cli_spec {
    const char *const *prompts;      /* "sw1#", "user@sw1>" */
    const char *const *pagers;       /* "--More--", "---(more)---" */
    const char *const *above_prompt; /* lines just above a prompt that are not output */
    const char *const *errors;       /* the first line of a refused command */
};

struct pr_ssh_cli;

/* Connects and logs in (ssh/transport.h: host key, key, agent, password,
 * keyboard-interactive). The deadline starts now. */
int pr_ssh_cli_connect(const struct pr_ssh_target *t, struct pr_ssh_cli **out,
                       struct pr_error *err);

/* Runs command on an exec channel (no terminal: no prompt, no pager, no
 * echo) and returns its cleaned output. PR_ERR_UNSUPPORTED when the server
 * refuses an exec request or the output is a refusal (its first lines
 * match spec->errors; the message quotes the switch): the session stays
 * usable for a shell. A failed command without output is PR_ERR_PROTOCOL.
 * spec may be NULL. */
int pr_ssh_cli_exec(struct pr_ssh_cli *cli, const char *command, const struct pr_ssh_cli_spec *spec,
                    char **out, size_t *out_len, struct pr_error *err);

/* Opens the interactive shell (a vt100 pseudo-terminal, 511 columns) and
 * reads up to its first prompt, answering pagers ("Press any key to
 * continue") on the way. */
int pr_ssh_cli_shell(struct pr_ssh_cli *cli, const struct pr_ssh_cli_spec *spec,
                     struct pr_error *err);

/* Replaces the shell's patterns (once the dialect is known). */
int pr_ssh_cli_set_spec(struct pr_ssh_cli *cli, const struct pr_ssh_cli_spec *spec,
                        struct pr_error *err);

/* What the switch said before its first prompt: the SSH login banner and
 * the shell's banner and MOTD, cleaned ("" before pr_ssh_cli_shell()). */
const char *pr_ssh_cli_greeting(const struct pr_ssh_cli *cli);

/* The last prompt seen, without trailing blanks. */
const char *pr_ssh_cli_prompt(const struct pr_ssh_cli *cli);

/* "[host]:port", as messages name the switch. */
const char *pr_ssh_cli_label(const struct pr_ssh_cli *cli);

/* Pager prompts answered so far. */
unsigned long pr_ssh_cli_pages(const struct pr_ssh_cli *cli);

/* Sends command in the shell and reads its output up to the next prompt,
 * answering every pager prompt with a space; returns the output without
 * the echo, pager remnants, escapes and the prompt. A refusal (the first
 * lines match the spec's errors) is PR_ERR_UNSUPPORTED quoting the switch;
 * the shell is still at its prompt then. */
int pr_ssh_cli_command(struct pr_ssh_cli *cli, const char *command, char **out, size_t *out_len,
                       struct pr_error *err);

/* Closes the session (politely when there is time left) and frees it. */
void pr_ssh_cli_close(struct pr_ssh_cli *cli);

#endif
