/* SPDX-License-Identifier: BSD-3-Clause */
/* The CLI session (ssh/cli.h): one SSH connection, an exec channel or a
 * shell channel on a pseudo-terminal, every read bounded by the
 * connection's deadline and the byte cap. */
#include "ssh/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ssh/cli_clean.h"
#include "util/strutil.h"

/* How long the first prompt (found by pattern alone) must stay the last
 * thing the switch sent before it is believed: a banner line cut by a
 * packet boundary could look like a prompt for a moment. */
#define CLI_QUIET_MS 50

/* The pseudo-terminal: wide enough that no configuration line wraps, tall
 * enough that a CLI which ignores the paging command pages seldom. */
#define CLI_PTY_COLUMNS 511
#define CLI_PTY_ROWS    1000

#define CLI_READ_CHUNK 32768

static const struct pr_ssh_purpose cli_purpose = {
    .what = "SSH",
    .service = "SSH",
    .password_env = PR_SSH_PASSWORD_ENV,
};

struct pr_ssh_cli {
    struct pr_ssh_conn conn;
    ssh_channel shell;
    struct pr_cli_patterns pat;
    struct pr_cli_clean clean;
    char prompt[PR_CLI_PROMPT_MAX + 1];
    char *greeting;
    size_t received; /* bytes from the switch on every channel */
    unsigned long pages;
};

/* Bytes from a switch in a message: printable ASCII as is, the rest as
 * \xNN, cut to about max characters (the end kept: it is what came
 * last). */
static void cli_quote(const char *text, size_t len, char *buf, size_t buf_len, size_t max)
{
    size_t start = len > max ? len - max : 0;
    size_t at = 0;
    if (start > 0 && buf_len > 4) {
        memcpy(buf, "...", 3);
        at = 3;
    }
    for (size_t i = start; i < len && at + 5 < buf_len; i++) {
        unsigned char b = (unsigned char)text[i];
        if (b >= 0x20 && b < 0x7F && b != '\'')
            buf[at++] = (char)b;
        else
            at += (size_t)snprintf(buf + at, buf_len - at, "\\x%02x", b);
    }
    buf[at < buf_len ? at : buf_len - 1] = '\0';
}

static void cli_last_line(const struct pr_ssh_cli *cli, char *buf, size_t buf_len)
{
    size_t len;
    const char *line = pr_cli_clean_partial(&cli->clean, &len);
    if (len == 0 && cli->clean.line_start > 0) {
        /* The last completed line instead. */
        size_t end = cli->clean.line_start - 1, start = end;
        while (start > 0 && cli->clean.text[start - 1] != '\n')
            start--;
        line = cli->clean.text + start;
        len = end - start;
    }
    cli_quote(line, len, buf, buf_len, 60);
}

int pr_ssh_cli_connect(const struct pr_ssh_target *t, struct pr_ssh_cli **out, struct pr_error *err)
{
    *out = NULL;
    struct pr_ssh_cli *cli = calloc(1, sizeof *cli);
    if (cli == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "SSH: out of memory");
    pr_cli_clean_init(&cli->clean);
    if (pr_ssh_connect(t, &cli_purpose, &cli->conn, err) != 0) {
        free(cli);
        return -1;
    }
    *out = cli;
    return 0;
}

const char *pr_ssh_cli_label(const struct pr_ssh_cli *cli)
{
    return cli->conn.label;
}

const char *pr_ssh_cli_greeting(const struct pr_ssh_cli *cli)
{
    return cli->greeting != NULL ? cli->greeting : "";
}

const char *pr_ssh_cli_prompt(const struct pr_ssh_cli *cli)
{
    return cli->prompt;
}

unsigned long pr_ssh_cli_pages(const struct pr_ssh_cli *cli)
{
    return cli->pages;
}

int pr_ssh_cli_set_spec(struct pr_ssh_cli *cli, const struct pr_ssh_cli_spec *spec,
                        struct pr_error *err)
{
    struct pr_cli_patterns pat;
    if (pr_cli_patterns_compile(&pat, spec->prompts, spec->pagers, spec->above_prompt, spec->errors,
                                err) != 0)
        return -1;
    pr_cli_patterns_free(&cli->pat);
    cli->pat = pat;
    return 0;
}

/* An error of a read or write on a channel: the deadline, or the
 * connection. */
static int cli_io_error(struct pr_ssh_cli *cli, const char *phase, struct pr_error *err)
{
    if (pr_ssh_conn_timed_out(&cli->conn))
        return pr_error_set(err, PR_ERR_TIMEOUT, "SSH: timeout after %.1f s %s with %s",
                            cli->conn.timeout_s, phase, cli->conn.label);
    return pr_error_set(err, PR_ERR_IO, "SSH: connection to %s lost %s: %s", cli->conn.label, phase,
                        ssh_get_error(cli->conn.ssh));
}

/* Counts bytes against the cap. */
static int cli_account(struct pr_ssh_cli *cli, size_t n, const char *phase, struct pr_error *err)
{
    cli->received += n;
    if (cli->received <= PR_SSH_CLI_MAX_BYTES)
        return 0;
    return pr_error_set(err, PR_ERR_PROTOCOL,
                        "SSH: %s sent more than %u MB %s; given up (a CLI whose output never "
                        "ends)",
                        cli->conn.label, PR_SSH_CLI_MAX_BYTES >> 20, phase);
}

static int cli_write(struct pr_ssh_cli *cli, ssh_channel chan, const char *text, const char *phase,
                     struct pr_error *err)
{
    size_t len = strlen(text);
    if (ssh_channel_write(chan, text, (uint32_t)len) != (int)len)
        return cli_io_error(cli, phase, err);
    return 0;
}

/* Feeds what the channel holds on its stderr stream, if anything, to
 * clean. */
static int cli_drain_stderr(struct pr_ssh_cli *cli, ssh_channel chan, struct pr_cli_clean *clean,
                            const char *phase, struct pr_error *err)
{
    char buf[4096];
    for (;;) {
        int n = ssh_channel_read_nonblocking(chan, buf, sizeof buf, 1);
        if (n <= 0)
            return 0;
        if (cli_account(cli, (size_t)n, phase, err) != 0)
            return -1;
        if (clean != NULL && pr_cli_clean_feed(clean, buf, (size_t)n) != 0)
            return pr_error_set(err, PR_ERR_INTERNAL, "SSH: out of memory");
    }
}

/* The shell read failed: the deadline (the watchdog cut the socket, or
 * time is up), or the connection. Either way the error says how far it
 * got. */
static int cli_read_failed(struct pr_ssh_cli *cli, const char *phase, size_t received_before,
                           struct pr_error *err)
{
    char last[300];
    cli_last_line(cli, last, sizeof last);
    size_t got = cli->received - received_before;
    if (pr_ssh_conn_timed_out(&cli->conn))
        return pr_error_set(err, PR_ERR_TIMEOUT,
                            "SSH: timeout after %.1f s %s with %s (%s%zu bytes received, %lu pager "
                            "prompts answered; the last line: '%s')",
                            cli->conn.timeout_s, phase, cli->conn.label,
                            got == 0 ? "nothing new, " : "", got, cli->pages, last);
    return pr_error_set(err, PR_ERR_IO,
                        "SSH: connection to %s lost %s: %s (%zu bytes received; the last line: "
                        "'%s')",
                        cli->conn.label, phase, ssh_get_error(cli->conn.ssh), got, last);
}

/* Reads the shell up to the next prompt. The prompt seen before, on a
 * line that began after the command was sent (sent_mark is where the
 * cleaner stood then), ends the output at once when nothing else is
 * waiting; any other prompt (the first one, a new mode, a CLI that writes
 * its prompt without a line end first, or a prompt echoed together with
 * the command) must stay the last thing received for CLI_QUIET_MS. */
static int cli_read_prompt(struct pr_ssh_cli *cli, bool first, size_t sent_mark, const char *phase,
                           struct pr_error *err)
{
    char *buf = malloc(CLI_READ_CHUNK);
    if (buf == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "SSH: out of memory");
    size_t received_before = cli->received;
    int rc = -1;
    for (;;) {
        if (pr_cli_clean_take_pager(&cli->clean, &cli->pat)) {
            cli->pages++;
            if (cli_write(cli, cli->shell, " ", phase, err) != 0)
                break;
            continue;
        }
        char seen[PR_CLI_PROMPT_MAX + 1];
        bool candidate = pr_cli_clean_prompt(&cli->clean, &cli->pat, seen, sizeof seen);
        if (candidate && !first && cli->clean.line_start > sent_mark &&
            strcmp(seen, cli->prompt) == 0 && ssh_channel_poll(cli->shell, 0) == 0) {
            rc = 0;
            break;
        }
        int left = pr_ssh_left_ms(cli->conn.deadline_ns);
        if (left == 0) {
            cli_read_failed(cli, phase, received_before, err);
            break;
        }
        int wait = candidate && left > CLI_QUIET_MS ? CLI_QUIET_MS : left;
        int n = ssh_channel_read_timeout(cli->shell, buf, CLI_READ_CHUNK, 0, wait);
        if (n == SSH_ERROR) {
            cli_read_failed(cli, phase, received_before, err);
            break;
        }
        if (n == 0) {
            if (cli_drain_stderr(cli, cli->shell, &cli->clean, phase, err) != 0)
                break;
            /* The watchdog ends a session at the deadline by shutting
             * its socket: a channel closed then is the timeout. */
            if (pr_ssh_conn_timed_out(&cli->conn)) {
                cli_read_failed(cli, phase, received_before, err);
                break;
            }
            if (ssh_channel_is_eof(cli->shell) || ssh_channel_is_closed(cli->shell)) {
                char last[300];
                cli_last_line(cli, last, sizeof last);
                pr_error_set(err, PR_ERR_PROTOCOL,
                             "SSH: %s closed the session %s (%zu bytes received; the last line: "
                             "'%s')",
                             cli->conn.label, phase, cli->received - received_before, last);
                break;
            }
            if (candidate && pr_ssh_left_ms(cli->conn.deadline_ns) > 0) {
                pr_strlcpy(cli->prompt, seen, sizeof cli->prompt);
                rc = 0;
                break;
            }
            continue;
        }
        if (cli_account(cli, (size_t)n, phase, err) != 0)
            break;
        if (pr_cli_clean_feed(&cli->clean, buf, (size_t)n) != 0) {
            pr_error_set(err, PR_ERR_INTERNAL, "SSH: out of memory");
            break;
        }
    }
    free(buf);
    return rc;
}

int pr_ssh_cli_shell(struct pr_ssh_cli *cli, const struct pr_ssh_cli_spec *spec,
                     struct pr_error *err)
{
    if (pr_ssh_cli_set_spec(cli, spec, err) != 0)
        return -1;
    const char *phase = "opening the shell";
    cli->shell = ssh_channel_new(cli->conn.ssh);
    if (cli->shell == NULL || ssh_channel_open_session(cli->shell) != SSH_OK)
        return cli_io_error(cli, phase, err);
    if (ssh_channel_request_pty_size(cli->shell, "vt100", CLI_PTY_COLUMNS, CLI_PTY_ROWS) !=
        SSH_OK) {
        if (pr_ssh_conn_timed_out(&cli->conn))
            return cli_io_error(cli, phase, err);
        return pr_error_set(err, PR_ERR_PROTOCOL,
                            "SSH: %s refused a pseudo-terminal for the shell: %s", cli->conn.label,
                            ssh_get_error(cli->conn.ssh));
    }
    if (ssh_channel_request_shell(cli->shell) != SSH_OK) {
        if (pr_ssh_conn_timed_out(&cli->conn))
            return cli_io_error(cli, phase, err);
        return pr_error_set(err, PR_ERR_PROTOCOL, "SSH: %s refused an interactive shell: %s",
                            cli->conn.label, ssh_get_error(cli->conn.ssh));
    }
    if (cli_read_prompt(cli, true, 0, "waiting for the first prompt", err) != 0)
        return -1;

    /* The greeting: the SSH login banner, then the shell's banner and
     * MOTD, both cleaned. */
    struct pr_cli_clean banner;
    pr_cli_clean_init(&banner);
    char *issue = ssh_get_issue_banner(cli->conn.ssh);
    int fed = 0;
    if (issue != NULL) {
        fed = pr_cli_clean_feed(&banner, issue, strlen(issue));
        if (fed == 0)
            fed = pr_cli_clean_feed(&banner, "\n", 1);
        ssh_string_free_char(issue);
    }
    if (fed == 0 && cli->clean.line_start > 0)
        fed = pr_cli_clean_feed(&banner, cli->clean.text, cli->clean.line_start);
    if (fed != 0) {
        pr_cli_clean_free(&banner);
        return pr_error_set(err, PR_ERR_INTERNAL, "SSH: out of memory");
    }
    cli->greeting = banner.text != NULL ? banner.text : strdup("");
    if (cli->greeting == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "SSH: out of memory");
    pr_cli_clean_discard(&cli->clean);
    return 0;
}

/* The first line of a refused command, quoted into an error. */
static int cli_refused(struct pr_ssh_cli *cli, const char *command, const char *line,
                       struct pr_error *err)
{
    char quoted[200];
    cli_quote(line, strlen(line), quoted, sizeof quoted, 120);
    return pr_error_set(err, PR_ERR_UNSUPPORTED,
                        "SSH: %s refused '%s': '%s' (may user '%s' read the configuration?)",
                        cli->conn.label, command, quoted, cli->conn.user);
}

int pr_ssh_cli_command(struct pr_ssh_cli *cli, const char *command, char **out, size_t *out_len,
                       struct pr_error *err)
{
    *out = NULL;
    *out_len = 0;
    if (cli->shell == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "SSH: no shell open");
    char phase[200];
    snprintf(phase, sizeof phase, "waiting for the prompt after '%.120s'", command);
    /* The prompt goes: the echo starts a line of its own. */
    pr_cli_clean_drop_partial(&cli->clean);
    size_t mark = pr_cli_clean_mark(&cli->clean);
    /* Enter as a terminal sends it: a carriage return, which every CLI
     * takes (a terminal's line discipline turns it into a newline for a
     * shell); some take nothing else (docs/ssh.md). */
    char line[512];
    snprintf(line, sizeof line, "%s\r", command);
    if (cli_write(cli, cli->shell, line, phase, err) != 0)
        return -1;
    if (cli_read_prompt(cli, false, mark, phase, err) != 0)
        return -1;
    if (pr_cli_clean_output(&cli->clean, mark, command, &cli->pat, out, out_len) != 0)
        return pr_error_set(err, PR_ERR_INTERNAL, "SSH: out of memory");
    pr_cli_clean_discard(&cli->clean);
    char first[200];
    if (pr_cli_output_error(*out, *out_len, &cli->pat, first, sizeof first)) {
        free(*out);
        *out = NULL;
        *out_len = 0;
        return cli_refused(cli, command, first, err);
    }
    return 0;
}

int pr_ssh_cli_exec(struct pr_ssh_cli *cli, const char *command, const struct pr_ssh_cli_spec *spec,
                    char **out, size_t *out_len, struct pr_error *err)
{
    *out = NULL;
    *out_len = 0;
    char phase[200];
    snprintf(phase, sizeof phase, "running '%.120s' on an exec channel", command);
    struct pr_cli_patterns pat = {0};
    if (spec != NULL &&
        pr_cli_patterns_compile(&pat, NULL, NULL, spec->above_prompt, spec->errors, err) != 0)
        return -1;
    ssh_channel chan = ssh_channel_new(cli->conn.ssh);
    if (chan == NULL || ssh_channel_open_session(chan) != SSH_OK) {
        ssh_channel_free(chan);
        pr_cli_patterns_free(&pat);
        return cli_io_error(cli, phase, err);
    }
    if (ssh_channel_request_exec(chan, command) != SSH_OK) {
        int rc = pr_ssh_conn_timed_out(&cli->conn)
                     ? cli_io_error(cli, phase, err)
                     : pr_error_set(err, PR_ERR_UNSUPPORTED, "SSH: %s refused an exec request",
                                    cli->conn.label);
        ssh_channel_free(chan);
        pr_cli_patterns_free(&pat);
        return rc;
    }
    struct pr_cli_clean clean, errors;
    pr_cli_clean_init(&clean);
    pr_cli_clean_init(&errors);
    char *buf = malloc(CLI_READ_CHUNK);
    int rc = buf == NULL ? pr_error_set(err, PR_ERR_INTERNAL, "SSH: out of memory") : 0;
    while (rc == 0) {
        int left = pr_ssh_left_ms(cli->conn.deadline_ns);
        if (left == 0) {
            rc = pr_error_set(err, PR_ERR_TIMEOUT,
                              "SSH: timeout after %.1f s %s with %s (%zu bytes received)",
                              cli->conn.timeout_s, phase, cli->conn.label, cli->received);
            break;
        }
        int n = ssh_channel_read_timeout(chan, buf, CLI_READ_CHUNK, 0, left);
        if (n == SSH_ERROR) {
            rc = cli_io_error(cli, phase, err);
            break;
        }
        if (n > 0) {
            rc = cli_account(cli, (size_t)n, phase, err);
            if (rc == 0 && pr_cli_clean_feed(&clean, buf, (size_t)n) != 0)
                rc = pr_error_set(err, PR_ERR_INTERNAL, "SSH: out of memory");
            continue;
        }
        rc = cli_drain_stderr(cli, chan, errors.len < 4096 ? &errors : NULL, phase, err);
        /* An end of file the watchdog caused is a timeout, never the
         * end of a configuration cut short. */
        if (rc == 0 && pr_ssh_conn_timed_out(&cli->conn))
            rc = cli_io_error(cli, phase, err);
        else if (rc == 0 && ssh_channel_is_eof(chan))
            break;
    }
    free(buf);
    if (rc == 0)
        rc = cli_drain_stderr(cli, chan, errors.len < 4096 ? &errors : NULL, phase, err);
    int status = rc == 0 ? ssh_channel_get_exit_status(chan) : -1;
    ssh_channel_close(chan);
    ssh_channel_free(chan);
    if (rc == 0 && pr_cli_clean_feed(&clean, "\n", 1) != 0)
        rc = pr_error_set(err, PR_ERR_INTERNAL, "SSH: out of memory");
    if (rc == 0 && pr_cli_clean_output(&clean, 0, NULL, &pat, out, out_len) != 0)
        rc = pr_error_set(err, PR_ERR_INTERNAL, "SSH: out of memory");
    char first[200];
    if (rc == 0 && pr_cli_output_error(*out, *out_len, &pat, first, sizeof first)) {
        rc = cli_refused(cli, command, first, err);
    } else if (rc == 0 && *out_len == 0 && status > 0) {
        char why[200] = "";
        if (errors.text != NULL)
            cli_quote(errors.text, strcspn(errors.text, "\n"), why, sizeof why, 120);
        rc = pr_error_set(err, PR_ERR_PROTOCOL,
                          "SSH: '%s' failed on %s with exit status %d and no output%s%s%s", command,
                          cli->conn.label, status, why[0] ? ": '" : "", why, why[0] ? "'" : "");
    }
    if (rc != 0) {
        free(*out);
        *out = NULL;
        *out_len = 0;
    }
    pr_cli_clean_free(&clean);
    pr_cli_clean_free(&errors);
    pr_cli_patterns_free(&pat);
    return rc;
}

void pr_ssh_cli_close(struct pr_ssh_cli *cli)
{
    if (cli == NULL)
        return;
    if (cli->shell != NULL) {
        /* Leave the CLI as a user would; the channel's close follows. */
        if (!pr_ssh_conn_timed_out(&cli->conn))
            ssh_channel_close(cli->shell);
        ssh_channel_free(cli->shell);
    }
    pr_ssh_conn_close(&cli->conn);
    pr_cli_patterns_free(&cli->pat);
    pr_cli_clean_free(&cli->clean);
    free(cli->greeting);
    free(cli);
}
