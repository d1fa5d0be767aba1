/* SPDX-License-Identifier: BSD-3-Clause */
/* Test peer: a switch CLI over SSH on 127.0.0.1, on libssh's server API,
 * for the integration tests of --ssh.
 *
 *   pr_cli_server --port PORT --vendor junos|ios|nxos|eos|aoscx|procurve|fastiron|os10|
 *       exos|vrp|comware|routeros|efos|fsos|tplink|cumulus [--config FILE]
 *       [--hostkey FILE] [--user NAME --password-file FILE] [--kbdint-only]
 *       [--key-user NAME --authorized-keys FILE] [--hostname NAME]
 *       [--page-lines N] [--ignore-paging] [--no-echo] [--ansi]
 *       [--banner-bytes N] [--issue-banner TEXT] [--exec yes|no]
 *       [--mode MODE] [--log FILE]
 *
 * Each vendor persona has the prompt, MOTD, pager (and the way the pager
 * erases itself), paging-off and show-config commands, `show version`
 * answer and refusal message of the real CLI; the configuration served is
 * --config, verbatim but for line ends (CRLF, as a terminal gets them).
 * --page-lines N pages every N lines (default 24) until the paging-off
 * command, or always with --ignore-paging; 0 never pages. --no-echo does
 * not echo what is typed; --ansi colours prompts, sets the window title
 * and moves the cursor as full-screen CLIs do; --banner-bytes N writes an
 * N-byte MOTD before the first prompt; --kbdint-only offers the password
 * as keyboard-interactive ("Password: ") instead of "password"; --exec
 * answers exec requests (default: yes for junos, no for the others).
 * --hostkey FILE is created (ed25519) when missing. --log FILE records
 * every command received, one a line. Prints "ready" once it listens.
 * Modes:
 *   normal        a CLI
 *   no-prompt     the MOTD after login, then never a prompt
 *   page-forever  the configuration never ends, one page after another
 *   endless       the configuration never ends, no pager
 *   disconnect    half of the configuration, then the connection closes
 *   stall         half of the configuration, then nothing
 *   garbage       binary garbage after login, never a prompt
 *   slow-login    the first prompt after 3 s
 *   unprivileged  the configuration command is refused, as for a login
 *                 without the privilege to read it
 *   user-mode     the login lands at the user-mode prompt (the persona's
 *                 '#' written '>'), where the configuration command is
 *                 refused; `enable` moves to the privileged prompt
 *   enable-password  user-mode whose `enable` asks "Password:" and refuses
 *                 whatever is typed
 * Concurrent connections are served, one thread each. */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libssh/libssh.h>
#include <libssh/server.h>

struct persona {
    const char *name;
    const char *hostname;
    const char *prompt;       /* printf: hostname (user_prompt: user, hostname) */
    const char *above;        /* written above each prompt, or NULL */
    const char *motd;         /* after login */
    const char *paging_off;   /* the command that stops the pager */
    const char *const *show;  /* commands that print the configuration */
    const char *config_head;  /* written before the configuration */
    const char *pager;        /* the pager prompt */
    const char *erase;        /* what the pager writes once answered */
    const char *version;      /* show version */
    const char *version_cmd;  /* the command answered with version (NULL: "show version") */
    const char *refusal;      /* an unknown command's answer */
    const char *const *quiet; /* other commands accepted silently */
    bool exec;
    bool any_key;     /* the MOTD ends with "Press any key": wait for one, then redraw */
    bool user_prompt; /* the prompt names the user before the host */
    bool cr_only;     /* only a carriage return ends a command (a newline is dropped) */
};

static const char *const junos_show[] = {"show configuration | display set", "show configuration",
                                         NULL};
static const char *const junos_quiet[] = {"set cli screen-width 0", NULL};
static const char *const ios_show[] = {"show running-config", "show run", NULL};
static const char *const ios_quiet[] = {"terminal width 511", NULL};
static const char *const aruba_show[] = {"show running-config", NULL};
static const char *const os10_show[] = {"show running-configuration", NULL};
static const char *const exos_show[] = {"show configuration", NULL};
static const char *const vrp_show[] = {"display current-configuration", NULL};
static const char *const routeros_show[] = {"/export", NULL};
static const char *const fsos_quiet[] = {"terminal width 0", NULL};
static const char *const cumulus_show[] = {
    "nv config show --color off 2>/dev/null || cat /etc/network/interfaces", NULL};

static const struct persona personas[] = {
    {
        .name = "junos",
        .hostname = "e1-1",
        .prompt = "%s@%s> ",
        .above = "{master:0}",
        .motd = "--- JUNOS 15.1R6.7 built 2017-07-21 15:22:54 UTC\r\n",
        .paging_off = "set cli screen-length 0",
        .show = junos_show,
        .config_head = "",
        .pager = "---(more %d%%)---",
        .erase = "\r                                        \r",
        .version = "Hostname: %s\r\nModel: ex2200-48t-4g\r\nJunos: 15.1R6.7\r\n"
                   "JUNOS EX  Software Suite [15.1R6.7]\r\n",
        .refusal = "                                   ^\r\nunknown command.\r\n",
        .quiet = junos_quiet,
        .exec = true,
        .user_prompt = true,
    },
    {
        .name = "ios",
        .hostname = "sw1",
        .prompt = "%s#",
        .motd = "\r\n",
        .paging_off = "terminal length 0",
        .show = ios_show,
        .config_head = "Building configuration...\r\n\r\nCurrent configuration : 8034 bytes\r\n",
        .pager = " --More-- ",
        .erase = "\b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b",
        .version = "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version "
                   "15.2(7)E2, RELEASE SOFTWARE (fc3)\r\n%s uptime is 1 week\r\n",
        .refusal = "                   ^\r\n% Invalid input detected at '^' marker.\r\n\r\n",
        .quiet = ios_quiet,
    },
    {
        .name = "nxos",
        .hostname = "switch",
        .prompt = "%s# ",
        .motd = "Cisco NX-OS Software\r\nCopyright (c) 2002-2016, Cisco Systems, Inc.\r\n",
        .paging_off = "terminal length 0",
        .show = ios_show,
        .config_head =
            "\r\n!Command: show running-config\r\n!Time: Mon Jan  1 00:00:00 2024\r\n\r\n",
        .pager = "\x1b[7m--More--\x1b[m",
        .erase = "\r\x1b[K",
        .version = "Cisco Nexus Operating System (NX-OS) Software\r\n  NXOS: version 6.2(12)\r\n",
        .refusal = "                   ^\r\n% Invalid command at '^' marker.\r\n\r\n",
        .quiet = ios_quiet,
    },
    {
        .name = "eos",
        .hostname = "sw1",
        .prompt = "%s#",
        .motd = "Last login: Mon Jan  1 00:00:00 2024 from 10.0.0.1\r\n",
        .paging_off = "terminal length 0",
        .show = ios_show,
        .config_head =
            "! Command: show running-config\r\n! device: sw1 (DCS-7050SX3-48YC8, EOS-4.29.2F)\r\n",
        .pager = " --More-- ",
        .erase = "\r          \r",
        .version = "Arista DCS-7050SX3-48YC8\r\nSoftware image version: 4.29.2F\r\n",
        .refusal = "% Invalid input\r\n",
        .quiet = ios_quiet,
    },
    {
        .name = "aoscx",
        .hostname = "TEST_SW123",
        .prompt = "%s# ",
        .motd = "\r\n",
        .paging_off = "no page",
        .show = aruba_show,
        .config_head = "",
        .pager = "-- MORE --, next page: Space, next line: Enter, quit: Control-C",
        .erase = "\r\x1b[K",
        .version = "-----------------------------------------------------------------------------"
                   "-----\r\nArubaOS-CX\r\n(c) Copyright 2017-2024 Hewlett Packard Enterprise "
                   "Development LP\r\n----------------------------------------------------------"
                   "------------------------\r\nVersion      : PL.10.13.0005\r\n",
        .refusal = "Invalid input: %s\r\n",
    },
    {
        .name = "procurve",
        .hostname = "HP-E2910al-48G-PoE",
        .prompt = "%s# ",
        .motd = "\r\nHP J9148A 2910al-48G-PoE Switch\r\nSoftware revision W.15.08.0012\r\n\r\n"
                "(C) Copyright 2012 Hewlett-Packard Development Company, L.P.\r\n\r\n"
                "Press any key to continue",
        .paging_off = "no page",
        .show = aruba_show,
        .config_head = "",
        .pager = "\x1b[24;1H-- MORE --, next page: Space, next line: Enter, quit: Control-C",
        .erase = "\x1b[24;1H\x1b[2K",
        .version = "Image stamp:    /ws/swbuildm/rel_lakes_qaoff/code/build/lakes\r\n"
                   "                Apr 25 2012 11:09:05\r\n                W.15.08.0012\r\n",
        .refusal = "Invalid input: %s\r\n",
        .any_key = true,
    },
    {
        .name = "fastiron",
        .hostname = "ICX7150-48P Router",
        .prompt = "%s#",
        .motd = "\r\n",
        .paging_off = "skip-page-display",
        .show = aruba_show,
        .config_head = "Current configuration:\r\n",
        .pager = "--More--, next page: Space, next line: Return key, quit: Control-c",
        .erase = "\x1b[2K\x1b[1G",
        /* The first lines of an ICX7150 stack's answer (ytti/oxidized,
         * spec/model/data/ironware#ICX7150-48Z-HPOE#simulation.yaml). */
        .version = "\r\n  Copyright (c) Ruckus Networks, Inc. All rights reserved.\r\n"
                   "    UNIT 1: compiled on Apr 11 2023 at 00:06:30 labeled as SPS08095j\r\n"
                   "      (31457280 bytes) from Primary SPS08095j.bin (UFI)\r\n"
                   "        SW: Version 08.0.95jT211 \r\n"
                   "\r\n  HW: Stackable ICX7150-48Z-HPOE\r\n",
        .refusal = "Invalid input -> %s\r\nType ? for a list\r\n",
    },
    {
        .name = "os10",
        .hostname = "OS10",
        .prompt = "%s# ",
        .motd = "Last login: Mon Jan  1 00:00:00 2024 from 10.0.0.1\r\n",
        .paging_off = "terminal length 0",
        .show = os10_show,
        .config_head = "",
        .pager = "--more--",
        .erase = "\r\x1b[K",
        .version = "Dell EMC Networking OS10 Enterprise\r\nCopyright (c) 1999-2020 by Dell "
                   "Inc. All Rights Reserved.\r\nOS Version: 10.5.1.0\r\n",
        .refusal = "% Error: Unrecognized command.\r\n",
    },
    {
        .name = "exos",
        .hostname = "X440G2-48p",
        .prompt = "* %s.1 # ",
        .motd = "\r\nExtremeXOS\r\nCopyright (C) 1996-2020 Extreme Networks. All rights "
                "reserved.\r\n\r\n",
        .paging_off = "disable clipaging",
        .show = exos_show,
        .config_head = "",
        .pager = "Press <SPACE> to continue or <Q> to quit:",
        .erase = "\r\x1b[K",
        .version = "Switch      : 800616-00-05 1234N-56789 Rev 5.0 BootROM: 2.0.1.7\r\n"
                   "Image   : ExtremeXOS version 30.7.1.1 by release-manager\r\n",
        .refusal = "\x07\r\n% Invalid input detected at '^' marker.\r\n",
    },
    {
        .name = "vrp",
        .hostname = "HUAWEI",
        .prompt = "<%s>",
        .motd = "\r\nInfo: The max number of VTY users is 5, and the number\r\n"
                "      of current VTY users on line is 1.\r\n",
        .paging_off = "screen-length 0 temporary",
        .show = vrp_show,
        .config_head = "",
        .pager = "  ---- More ----",
        .erase = "\r\x1b[K",
        .version = "Huawei Versatile Routing Platform Software\r\nVRP (R) software, Version "
                   "5.170 (S5720 V200R011C10SPC500)\r\n",
        .version_cmd = "display version",
        .refusal = "                  ^\r\nError: Unrecognized command found at '^' "
                   "position.\r\n",
    },
    {
        .name = "comware",
        .hostname = "H3C",
        .prompt = "<%s>",
        .motd = "\r\n*****************************************************************\r\n"
                "* Copyright (c) 2004-2020 New H3C Technologies Co., Ltd.        *\r\n"
                "*****************************************************************\r\n",
        .paging_off = "screen-length disable",
        .show = vrp_show,
        .config_head = "",
        .pager = "---- More ----",
        .erase = "\r\x1b[K",
        .version = "H3C Comware Software, Version 7.1.070, Release 6635\r\n",
        .version_cmd = "display version",
        .refusal = "                  ^\r\n% Unrecognized command found at '^' position.\r\n",
    },
    {
        .name = "routeros",
        .hostname = "MikroTik",
        .prompt = "[%s@%s] > ",
        .motd = "\r\n  MikroTik RouterOS 7.10.1 (c) 1999-2023       https://www.mikrotik.com/\r\n"
                "\r\n",
        .paging_off = NULL,
        .show = routeros_show,
        .config_head = "",
        .pager = NULL,
        .erase = "",
        .version = "                   uptime: 1w\r\n                  version: 7.10.1 "
                   "(stable)\r\n               board-name: CHR\r\n",
        .version_cmd = "/system resource print",
        .refusal = "bad command name %s (line 1 column 1)\r\n",
        .exec = true,
        .user_prompt = true,
    },
    {
        .name = "fsos",
        .hostname = "FS-LAB-OXI",
        .prompt = "%s#",
        .motd = "\r\n",
        .paging_off = "terminal length 0",
        .show = ios_show,
        .config_head = "Building configuration...\r\n\r\n\r\n\r\nCurrent configuration:\r\n",
        .pager = " --More-- ",
        .erase = "\r          \r",
        .version = "Fiberstore Co., Limited Internetwork Operating System Software\r\n"
                   "S3400-48T4SP Software, Version 2.0.2J Build 120538, RELEASE SOFTWARE\r\n",
        .refusal = "% Unknown command.\r\n",
        .quiet = fsos_quiet,
    },
    {
        .name = "efos",
        .hostname = "Routing",
        .prompt = "(%s) #",
        .motd = "\r\n",
        .paging_off = "terminal length 0",
        .show = ios_show,
        .config_head = "",
        .pager = "--More-- or (q)uit",
        .erase = "\r\x1b[K",
        .version = "Machine Description............................ BES-53248\r\n"
                   "Software Version............................... 3.12.0.1\r\n",
        .refusal = "                   ^\r\n% Invalid input detected at '^' marker.\r\n",
    },
    {
        /* A TP-Link DeltaStream OLT / JetStream switch as Oxidized's capture
         * shows it (spec/model/data/tplink#DS-P7001-08_1.0.0#simulation.yaml
         * and lib/oxidized/model/tplink.rb, ytti/oxidized). */
        .name = "tplink",
        .hostname = "RT_02-TPLink_OLT",
        .prompt = "%s#",
        .motd = "\r\n",
        .paging_off = "terminal length 0",
        .show = ios_show,
        .config_head = "",
        .pager = "Press any key to continue (Q to quit)",
        .erase = "\r\x1b[K",
        .version = " System Description   - DeltaStream 8-Port Pizza-box GPON Optical Line "
                   "Terminal\r\n System Name          - %s\r\n Hardware Version     - "
                   "DS-P7001-08 1.0\r\n Software Version     - 1.0.0 Build 20210907 "
                   "Rel.69162\r\n Bootloader Version   - TP-LINK BOOTUTIL(v1.0.0)\r\n",
        .version_cmd = "show system-info",
        .refusal = "Error: Bad command\r\n",
        /* "This CLI also submits a command only on a carriage return"
         * (docs/Model-Notes/TPLink.md, ytti/oxidized). */
        .cr_only = true,
    },
    {
        /* Cumulus Linux: bash after login (the prompt of Oxidized's capture
         * spec/model/data/cumulus#MSN2010_5.9.2_nvue#custom_simulation.yaml,
         * bracketed-paste escapes and all), no pager over exec. */
        .name = "cumulus",
        .hostname = "spine1-nyc2",
        .prompt = "\x1b[?2004h%s@%s:~$ ",
        .motd = "Last login: Fri Dec  6 09:52:54 2024 from 10.0.0.1\r\n",
        .paging_off = NULL,
        .show = cumulus_show,
        .config_head = "",
        .pager = NULL,
        .erase = "",
        .version = "NAME=\"Cumulus Linux\"\r\nVERSION_ID=5.9.2\r\n",
        .version_cmd = "cat /etc/os-release",
        .refusal = "-bash: %s: command not found\r\n",
        .exec = true,
        .user_prompt = true,
    },
};

struct server_config {
    int port;
    char hostkey[1024];
    const struct persona *p;
    const char *hostname;
    char *config;
    size_t config_len;
    const char *user;
    char password[256];
    const char *key_user;
    const char *authorized_keys;
    bool kbdint_only;
    int page_lines;
    bool ignore_paging;
    bool echo;
    bool ansi;
    long banner_bytes;
    const char *issue_banner;
    bool exec;
    const char *mode;
    const char *log;
};

static struct server_config cfg;
static volatile sig_atomic_t server_stop;
static ssh_bind server_bind;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

static void server_on_signal(int sig)
{
    (void)sig;
    server_stop = 1;
}

static void server_die(const char *what)
{
    fprintf(stderr, "pr_cli_server: %s\n", what);
    exit(2);
}

static char *server_read_file(const char *path, size_t *len_out)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf != NULL && (got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += got;
        if (len + 1 == cap) {
            char *bigger = realloc(buf, cap * 2);
            if (bigger == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf != NULL)
        buf[len] = '\0';
    if (len_out != NULL)
        *len_out = len;
    return buf;
}

static void server_log(const char *line)
{
    if (cfg.log == NULL)
        return;
    pthread_mutex_lock(&log_lock);
    FILE *f = fopen(cfg.log, "a");
    if (f != NULL) {
        fprintf(f, "%s\n", line);
        fclose(f);
    }
    pthread_mutex_unlock(&log_lock);
}

/* ---- credentials ---- */

static bool server_password_ok(const char *user, const char *password)
{
    return cfg.user != NULL && cfg.password[0] != '\0' && user != NULL && password != NULL &&
           strcmp(user, cfg.user) == 0 && strcmp(password, cfg.password) == 0;
}

static bool server_pubkey_ok(const char *user, ssh_key key)
{
    if (cfg.key_user == NULL || cfg.authorized_keys == NULL || user == NULL ||
        strcmp(user, cfg.key_user) != 0)
        return false;
    char *text = server_read_file(cfg.authorized_keys, NULL);
    if (text == NULL)
        return false;
    bool ok = false;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line != NULL && !ok;
         line = strtok_r(NULL, "\n", &save)) {
        char type[64], b64[8192];
        if (sscanf(line, "%63s %8191s", type, b64) != 2)
            continue;
        ssh_key known = NULL;
        if (ssh_pki_import_pubkey_base64(b64, ssh_key_type_from_name(type), &known) != SSH_OK)
            continue;
        ok = ssh_key_cmp(known, key, SSH_KEY_CMP_PUBLIC) == 0;
        ssh_key_free(known);
    }
    free(text);
    return ok;
}

static void server_hostkey_prepare(void)
{
    if (cfg.hostkey[0] == '\0')
        server_die("--hostkey FILE is required");
    if (access(cfg.hostkey, R_OK) == 0)
        return;
    ssh_key key = NULL;
    if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &key) != SSH_OK ||
        ssh_pki_export_privkey_file(key, NULL, NULL, NULL, cfg.hostkey) != SSH_OK)
        server_die("cannot generate the host key");
    chmod(cfg.hostkey, 0600);
    ssh_key_free(key);
}

/* ---- one session ---- */

struct cli {
    ssh_channel chan;
    char user[128];
    bool paging; /* the pager is on */
    bool exec;   /* an exec channel: no terminal, so never a pager */
    bool alive;
    bool user_mode; /* at the user-mode prompt (modes user-mode, enable-password) */
    bool hidden;    /* what is typed is not echoed (a password) */
};

static void cli_write(struct cli *c, const char *text, size_t len)
{
    if (!c->alive)
        return;
    while (len > 0) {
        size_t n = len > 16384 ? 16384 : len;
        if (ssh_channel_write(c->chan, text, (uint32_t)n) != (int)n) {
            c->alive = false;
            return;
        }
        text += n;
        len -= n;
    }
}

static void cli_puts(struct cli *c, const char *text)
{
    cli_write(c, text, strlen(text));
}

static void cli_printf(struct cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void cli_printf(struct cli *c, const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0)
        cli_write(c, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* One byte from the client; -1 when it left or the server stops. */
static int cli_getc(struct cli *c)
{
    while (!server_stop && c->alive) {
        char ch;
        int n = ssh_channel_read_timeout(c->chan, &ch, 1, 0, 200);
        if (n == 1)
            return (unsigned char)ch;
        if (n < 0 || ssh_channel_is_eof(c->chan) || ssh_channel_is_closed(c->chan)) {
            c->alive = false;
            break;
        }
    }
    return -1;
}

static void cli_prompt(struct cli *c)
{
    if (cfg.p->above != NULL)
        cli_printf(c, "\r\n%s\r\n", cfg.p->above);
    if (cfg.ansi)
        cli_printf(c, "\x1b]0;%s\x07\x1b[1;32m", cfg.hostname);
    char prompt[64];
    snprintf(prompt, sizeof prompt, "%s", cfg.p->prompt);
    char *hash = strrchr(prompt, '#');
    if (c->user_mode && hash != NULL)
        *hash = '>';
    if (cfg.p->user_prompt)
        cli_printf(c, prompt, c->user, cfg.hostname);
    else
        cli_printf(c, prompt, cfg.hostname);
    if (cfg.ansi)
        cli_puts(c, "\x1b[0m");
}

/* Reads a line as a terminal does (echo, backspace); NULL when the client
 * left. */
static bool cli_getline(struct cli *c, char *line, size_t len)
{
    size_t n = 0;
    for (;;) {
        int ch = cli_getc(c);
        if (ch < 0)
            return false;
        if (ch == '\n' && cfg.p->cr_only)
            continue;
        if (ch == '\r' || ch == '\n') {
            if (cfg.echo && !c->hidden)
                cli_puts(c, "\r\n");
            line[n] = '\0';
            return true;
        }
        if (ch == 0x7f || ch == '\b') {
            if (n > 0) {
                n--;
                if (cfg.echo && !c->hidden)
                    cli_puts(c, "\b \b");
            }
            continue;
        }
        if (n + 1 < len)
            line[n++] = (char)ch;
        if (cfg.echo && !c->hidden) {
            char e = (char)ch;
            cli_write(c, &e, 1);
        }
    }
}

/* Waits for the key that answers a pager: true to go on. */
static bool cli_pager(struct cli *c, int percent)
{
    if (cfg.ansi)
        cli_puts(c, "\x1b[7m");
    cli_printf(c, cfg.p->pager, percent);
    if (cfg.ansi)
        cli_puts(c, "\x1b[m");
    int ch = cli_getc(c);
    cli_puts(c, cfg.p->erase);
    return ch >= 0 && ch != 'q';
}

/* Writes text (LF or CRLF lines) with CRLF line ends, paging when on;
 * stops after limit bytes (0: all). */
static bool cli_page_text(struct cli *c, const char *text, size_t len, size_t limit, int *lines)
{
    size_t at = 0;
    while (at < len && c->alive) {
        if (limit > 0 && at >= limit)
            return false;
        const char *nl = memchr(text + at, '\n', len - at);
        size_t n = nl != NULL ? (size_t)(nl - (text + at)) : len - at;
        size_t body = n > 0 && text[at + n - 1] == '\r' ? n - 1 : n;
        cli_write(c, text + at, body);
        cli_puts(c, "\r\n");
        at += n + (nl != NULL ? 1 : 0);
        (*lines)++;
        bool pages = (c->paging || (cfg.ignore_paging && !c->exec)) && cfg.page_lines > 0 &&
                     cfg.p->pager != NULL;
        if (pages && *lines % cfg.page_lines == 0 && at < len &&
            !cli_pager(c, (int)(at * 100 / (len ? len : 1))))
            return false;
    }
    return true;
}

static void cli_forever(struct cli *c, bool pager)
{
    for (unsigned long i = 0; c->alive && !server_stop; i++) {
        cli_printf(c,
                   "set interfaces ge-0/0/%lu description \"line %lu of a configuration "
                   "that never ends\"\r\n",
                   i % 48, i);
        if (pager && cfg.p->pager != NULL && cfg.page_lines > 0 &&
            (i + 1) % (unsigned long)cfg.page_lines == 0 && !cli_pager(c, 50))
            return;
    }
}

static bool in_list(const char *const *list, const char *word)
{
    for (size_t i = 0; list != NULL && list[i] != NULL; i++) {
        if (strcmp(list[i], word) == 0)
            return true;
    }
    return false;
}

static void cli_show_config(struct cli *c)
{
    cli_puts(c, cfg.p->config_head);
    int lines = 0;
    if (strcmp(cfg.mode, "page-forever") == 0) {
        cli_forever(c, true);
        return;
    }
    if (strcmp(cfg.mode, "endless") == 0) {
        cli_forever(c, false);
        return;
    }
    bool half = strcmp(cfg.mode, "disconnect") == 0 || strcmp(cfg.mode, "stall") == 0;
    cli_page_text(c, cfg.config, cfg.config_len, half ? cfg.config_len / 2 : 0, &lines);
    if (strcmp(cfg.mode, "disconnect") == 0) {
        c->alive = false; /* the caller closes the connection */
        return;
    }
    if (strcmp(cfg.mode, "stall") == 0) {
        while (cli_getc(c) >= 0)
            ;
    }
}

/* The persona's answer to a command it does not take; "%s" in it stands
 * for the command's first word (replaced here, never given to printf: the
 * refusals hold '%' of their own). */
static void cli_refuse(struct cli *c, const char *line)
{
    const char *text = cfg.p->refusal;
    const char *at = strstr(text, "%s");
    if (at == NULL) {
        cli_puts(c, text);
        return;
    }
    cli_write(c, text, (size_t)(at - text));
    cli_write(c, line, strcspn(line, " "));
    cli_puts(c, at + 2);
}

/* What a command does, in the shell or on an exec channel. */
static void cli_command(struct cli *c, const char *line)
{
    server_log(line);
    if (line[0] == '\0')
        return;
    const char *version_cmd = cfg.p->version_cmd != NULL ? cfg.p->version_cmd : "show version";
    if (cfg.p->paging_off != NULL && strcmp(line, cfg.p->paging_off) == 0) {
        c->paging = false;
        if (strcmp(cfg.p->name, "junos") == 0)
            cli_puts(c, "Screen length set to 0\r\n");
    } else if (in_list(cfg.p->show, line) &&
               (strcmp(cfg.mode, "unprivileged") == 0 || c->user_mode)) {
        cli_refuse(c, line);
    } else if (strcmp(line, "enable") == 0 && c->user_mode) {
        if (strcmp(cfg.mode, "enable-password") == 0) {
            char typed[128];
            cli_puts(c, "Password:");
            c->hidden = true;
            bool got = cli_getline(c, typed, sizeof typed);
            c->hidden = false;
            if (got)
                cli_puts(c, "\r\nError: Bad password\r\n");
        } else {
            c->user_mode = false;
        }
    } else if (in_list(cfg.p->show, line)) {
        cli_show_config(c);
    } else if (strcmp(line, version_cmd) == 0) {
        cli_printf(c, cfg.p->version, cfg.hostname);
    } else if (in_list(cfg.p->quiet, line)) {
        if (strcmp(cfg.p->name, "junos") == 0)
            cli_puts(c, "Screen width set to 0\r\n");
    } else {
        cli_refuse(c, line);
    }
}

static void cli_garbage(struct cli *c)
{
    unsigned seed = 12345;
    char buf[4096];
    for (int round = 0; round < 16 && c->alive; round++) {
        for (size_t i = 0; i < sizeof buf; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = (char)(seed >> 16);
        }
        cli_write(c, buf, sizeof buf);
    }
    while (cli_getc(c) >= 0)
        ;
}

static void cli_shell(struct cli *c)
{
    c->paging = true;
    c->user_mode = strcmp(cfg.mode, "user-mode") == 0 || strcmp(cfg.mode, "enable-password") == 0;
    if (strcmp(cfg.mode, "garbage") == 0) {
        cli_garbage(c);
        return;
    }
    if (cfg.ansi)
        cli_puts(c, "\x1b[1;24r\x1b[24;1H\x1b[2J");
    cli_puts(c, cfg.p->motd);
    if (cfg.banner_bytes > 0) {
        char line[80];
        for (long written = 0; written < cfg.banner_bytes && c->alive;) {
            int n = snprintf(line, sizeof line, "* authorised use only: banner line %09ld *\r\n",
                             written);
            cli_write(c, line, (size_t)n);
            written += n;
        }
    }
    if (strcmp(cfg.mode, "no-prompt") == 0) {
        while (cli_getc(c) >= 0)
            ;
        return;
    }
    if (strcmp(cfg.mode, "slow-login") == 0)
        sleep(3);
    if (cfg.p->any_key) {
        if (cli_getc(c) < 0)
            return;
        cli_puts(c, "\x1b[2J\x1b[?7l\x1b[3;23r\x1b[?6l\x1b[24;1H\x1b[?25h\x1b[24;1H");
    }
    char line[1024];
    for (;;) {
        cli_prompt(c);
        if (!cli_getline(c, line, sizeof line))
            return;
        if (strcmp(line, "exit") == 0 || strcmp(line, "quit") == 0)
            return;
        cli_command(c, line);
        if (!c->alive)
            return;
    }
}

static void cli_exec(struct cli *c, const char *command)
{
    c->paging = false;
    c->exec = true;
    cli_command(c, command);
    if (!c->alive)
        return;
    ssh_channel_request_send_exit_status(c->chan, 0);
    ssh_channel_send_eof(c->chan);
}

/* Authentication and channel requests, then the shell or the exec. The
 * message API is deprecated in libssh 0.10 in favour of callbacks; it
 * still works and keeps this peer short. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
static void server_session(ssh_session s)
{
    if (ssh_handle_key_exchange(s) != SSH_OK)
        return;
    int methods = SSH_AUTH_METHOD_PUBLICKEY |
                  (cfg.kbdint_only ? SSH_AUTH_METHOD_INTERACTIVE : SSH_AUTH_METHOD_PASSWORD);
    ssh_set_auth_methods(s, methods);
    if (cfg.issue_banner != NULL) {
        ssh_string banner = ssh_string_from_char(cfg.issue_banner);
        ssh_send_issue_banner(s, banner);
        ssh_string_free(banner);
    }
    struct cli c = {.alive = true};
    bool authed = false;
    ssh_message msg;
    while (!server_stop && (msg = ssh_message_get(s)) != NULL) {
        int type = ssh_message_type(msg), sub = ssh_message_subtype(msg);
        bool done = false;
        if (type == SSH_REQUEST_AUTH && sub == SSH_AUTH_METHOD_PASSWORD && !cfg.kbdint_only &&
            server_password_ok(ssh_message_auth_user(msg), ssh_message_auth_password(msg))) {
            snprintf(c.user, sizeof c.user, "%s", ssh_message_auth_user(msg));
            ssh_message_auth_reply_success(msg, 0);
            authed = true;
        } else if (type == SSH_REQUEST_AUTH && sub == SSH_AUTH_METHOD_INTERACTIVE &&
                   cfg.kbdint_only) {
            /* The response carries no user name: the request's is kept. */
            if (!ssh_message_auth_kbdint_is_response(msg)) {
                const char *prompts[] = {"Password: "};
                char echo[] = {0};
                const char *user = ssh_message_auth_user(msg);
                snprintf(c.user, sizeof c.user, "%s", user != NULL ? user : "");
                ssh_message_auth_interactive_request(msg, "", "", 1, prompts, echo);
            } else if (ssh_userauth_kbdint_getnanswers(s) == 1 &&
                       server_password_ok(c.user, ssh_userauth_kbdint_getanswer(s, 0))) {
                ssh_message_auth_reply_success(msg, 0);
                authed = true;
            } else {
                ssh_message_auth_set_methods(msg, methods);
                ssh_message_reply_default(msg);
            }
        } else if (type == SSH_REQUEST_AUTH && sub == SSH_AUTH_METHOD_PUBLICKEY &&
                   server_pubkey_ok(ssh_message_auth_user(msg), ssh_message_auth_pubkey(msg))) {
            if (ssh_message_auth_publickey_state(msg) == SSH_PUBLICKEY_STATE_VALID) {
                snprintf(c.user, sizeof c.user, "%s", ssh_message_auth_user(msg));
                ssh_message_auth_reply_success(msg, 0);
                authed = true;
            } else {
                ssh_message_auth_reply_pk_ok_simple(msg);
            }
        } else if (type == SSH_REQUEST_AUTH) {
            ssh_message_auth_set_methods(msg, methods);
            ssh_message_reply_default(msg);
        } else if (authed && type == SSH_REQUEST_CHANNEL_OPEN && sub == SSH_CHANNEL_SESSION) {
            ssh_channel chan = ssh_message_channel_request_open_reply_accept(msg);
            if (chan != NULL)
                c.chan = chan;
        } else if (c.chan != NULL && type == SSH_REQUEST_CHANNEL &&
                   sub == SSH_CHANNEL_REQUEST_PTY) {
            ssh_message_channel_request_reply_success(msg);
        } else if (c.chan != NULL && type == SSH_REQUEST_CHANNEL &&
                   sub == SSH_CHANNEL_REQUEST_SHELL) {
            ssh_message_channel_request_reply_success(msg);
            c.chan = ssh_message_channel_request_channel(msg);
            ssh_message_free(msg);
            cli_shell(&c);
            break;
        } else if (c.chan != NULL && type == SSH_REQUEST_CHANNEL &&
                   sub == SSH_CHANNEL_REQUEST_EXEC && cfg.exec) {
            ssh_message_channel_request_reply_success(msg);
            c.chan = ssh_message_channel_request_channel(msg);
            char command[1024];
            snprintf(command, sizeof command, "%s", ssh_message_channel_request_command(msg));
            ssh_message_free(msg);
            cli_exec(&c, command);
            done = true;
            if (c.alive) {
                /* Wait for the client to close the channel. */
                char sink[256];
                for (int i = 0; i < 50 && !ssh_channel_is_closed(c.chan); i++)
                    if (ssh_channel_read_timeout(c.chan, sink, sizeof sink, 0, 100) < 0)
                        break;
            }
            break;
        } else {
            ssh_message_reply_default(msg);
        }
        if (!done)
            ssh_message_free(msg);
    }
}
#pragma GCC diagnostic pop

static void *server_connection(void *arg)
{
    int fd = (int)(intptr_t)arg;
    ssh_session s = ssh_new();
    if (s != NULL && ssh_bind_accept_fd(server_bind, s, fd) == SSH_OK) {
        server_session(s);
        ssh_disconnect(s);
    } else {
        close(fd);
    }
    ssh_free(s);
    return NULL;
}

static const struct persona *persona_find(const char *name)
{
    for (size_t i = 0; i < sizeof personas / sizeof personas[0]; i++) {
        if (strcmp(personas[i].name, name) == 0)
            return &personas[i];
    }
    return NULL;
}

static const char *const server_modes[] = {
    "normal",  "no-prompt",  "page-forever", "endless",   "disconnect",      "stall",
    "garbage", "slow-login", "unprivileged", "user-mode", "enable-password", NULL};

int main(int argc, char **argv)
{
    cfg.mode = "normal";
    cfg.page_lines = 24;
    cfg.echo = true;
    const char *password_file = NULL, *config = NULL, *vendor = NULL, *exec = NULL;
    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        bool flag = true;
        if (strcmp(opt, "--kbdint-only") == 0)
            cfg.kbdint_only = true;
        else if (strcmp(opt, "--ignore-paging") == 0)
            cfg.ignore_paging = true;
        else if (strcmp(opt, "--no-echo") == 0)
            cfg.echo = false;
        else if (strcmp(opt, "--ansi") == 0)
            cfg.ansi = true;
        else
            flag = false;
        if (flag)
            continue;
        if (val == NULL)
            server_die("an option is missing its value");
        i++;
        if (strcmp(opt, "--port") == 0)
            cfg.port = atoi(val);
        else if (strcmp(opt, "--hostkey") == 0)
            snprintf(cfg.hostkey, sizeof cfg.hostkey, "%s", val);
        else if (strcmp(opt, "--vendor") == 0)
            vendor = val;
        else if (strcmp(opt, "--config") == 0)
            config = val;
        else if (strcmp(opt, "--user") == 0)
            cfg.user = val;
        else if (strcmp(opt, "--password-file") == 0)
            password_file = val;
        else if (strcmp(opt, "--key-user") == 0)
            cfg.key_user = val;
        else if (strcmp(opt, "--authorized-keys") == 0)
            cfg.authorized_keys = val;
        else if (strcmp(opt, "--hostname") == 0)
            cfg.hostname = val;
        else if (strcmp(opt, "--page-lines") == 0)
            cfg.page_lines = atoi(val);
        else if (strcmp(opt, "--banner-bytes") == 0)
            cfg.banner_bytes = atol(val);
        else if (strcmp(opt, "--issue-banner") == 0)
            cfg.issue_banner = val;
        else if (strcmp(opt, "--exec") == 0)
            exec = val;
        else if (strcmp(opt, "--mode") == 0)
            cfg.mode = val;
        else if (strcmp(opt, "--log") == 0)
            cfg.log = val;
        else
            server_die("unknown option (see the comment at the top of pr_cli_server.c)");
    }
    if (cfg.port <= 0 || cfg.port > 65535)
        server_die("--port PORT is required");
    cfg.p = persona_find(vendor != NULL ? vendor : "");
    if (cfg.p == NULL)
        server_die(
            "--vendor "
            "junos|ios|nxos|eos|aoscx|procurve|fastiron|os10|exos|vrp|comware|routeros|efos|fsos|"
            "tplink|cumulus "
            "is required");
    if (cfg.hostname == NULL)
        cfg.hostname = cfg.p->hostname;
    cfg.exec = exec != NULL ? strcmp(exec, "yes") == 0 : cfg.p->exec;
    bool known_mode = false;
    for (int m = 0; server_modes[m] != NULL; m++)
        known_mode = known_mode || strcmp(cfg.mode, server_modes[m]) == 0;
    if (!known_mode)
        server_die("unknown --mode");
    if (password_file != NULL) {
        char *text = server_read_file(password_file, NULL);
        if (text == NULL)
            server_die("cannot read the password file");
        text[strcspn(text, "\r\n")] = '\0';
        snprintf(cfg.password, sizeof cfg.password, "%s", text);
        free(text);
    }
    cfg.config = config != NULL ? server_read_file(config, &cfg.config_len) : strdup("");
    if (cfg.config == NULL)
        server_die("cannot read the --config file");

    struct sigaction sa = {.sa_handler = server_on_signal};
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    server_hostkey_prepare();
    server_bind = ssh_bind_new();
    if (server_bind == NULL ||
        ssh_bind_options_set(server_bind, SSH_BIND_OPTIONS_HOSTKEY, cfg.hostkey) != SSH_OK)
        server_die("cannot load the host key");
    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)cfg.port)};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(lfd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(lfd, 64) != 0)
        server_die("cannot listen on the port");
    printf("ready\n");
    fflush(stdout);
    while (!server_stop) {
        struct pollfd pfd = {.fd = lfd, .events = POLLIN};
        if (poll(&pfd, 1, 200) <= 0)
            continue;
        int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        /* As switches answer: each echo and prompt at once, not after the
         * client's delayed ACK. */
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        pthread_t thread;
        if (pthread_create(&thread, NULL, server_connection, (void *)(intptr_t)fd) == 0)
            pthread_detach(thread);
        else
            close(fd);
    }
    close(lfd);
    ssh_bind_free(server_bind);
    free(cfg.config);
    return 0;
}
