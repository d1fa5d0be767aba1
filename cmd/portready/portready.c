/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "util/error.h"

struct subcommand {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
};

/* Sorted by name. */
static const struct subcommand subcommands[] = {
    {"audit", cmd_audit, "audit every server-facing port of a rack (inventory file)"},
    {"boot-log", cmd_bootlog,
     "merge DHCP, TFTP and HTTP logs of PXE installs; name the stage that failed"},
    {"check", cmd_check, "check the ports of one switch"},
    {"dhcp-log", cmd_dhcplog, "read a DHCP server's log and say where each PXE handshake stopped"},
    {"locate", cmd_locate, "find the switch port of a MAC address and judge it"},
    {"time", cmd_time, "bounce a link and time until the target answers"},
};

static void print_usage(FILE *out)
{
    fprintf(out, "Usage: portready COMMAND [OPTIONS] [ARGS]\n\n"
                 "Will this server's switch port let a PXE boot through the moment the link\n"
                 "comes up? portready reads the switch, judges each port, predicts and measures\n"
                 "the blackout after link-up, and prints the configuration that fixes it.\n\n"
                 "Commands:\n");
    for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++)
        fprintf(out, "  %-10s %s\n", subcommands[i].name, subcommands[i].summary);
    fprintf(out, "\nOptions:\n"
                 "  -h, --help     this help\n"
                 "  -V, --version  print portready's version and exit\n\n"
                 "Run 'portready COMMAND --help' or 'portready help COMMAND' for the options\n"
                 "of a command; 'man portready' is the manual.\n\n"
                 "Exit status: 0 every port ready, 1 warnings only, 2 at least one port not\n"
                 "ready, 3 unknown (a switch or input could not be read, bad arguments).\n");
}

int cmd_fail(const char *hint, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("portready: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    if (hint != NULL)
        fprintf(stderr, "%s\n", hint);
    return PR_EXIT_UNKNOWN;
}

int cmd_fail_usage(struct pr_error *kept, const char *hint, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    kept->code = PR_ERR_USAGE;
    vsnprintf(kept->msg, sizeof kept->msg, fmt, ap);
    va_end(ap);
    return cmd_fail(hint, "%s", kept->msg);
}

static const struct subcommand *find_subcommand(const char *name)
{
    for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++) {
        if (strcmp(subcommands[i].name, name) == 0)
            return &subcommands[i];
    }
    return NULL;
}

/* `portready help [COMMAND]`: the top-level help, or COMMAND's own, as
 * `portready COMMAND --help` prints it. */
static int run_help(int argc, char **argv)
{
    if (argc == 1) {
        print_usage(stdout);
        return PR_EXIT_READY;
    }
    if (argc > 2)
        return cmd_fail("Try 'portready help COMMAND'.", "help takes one command, not %d",
                        argc - 1);
    const struct subcommand *sub = find_subcommand(argv[1]);
    if (sub == NULL)
        return cmd_fail("Try 'portready --help'.", "unknown command '%s'", argv[1]);
    char help_option[] = "--help";
    char *help_argv[] = {argv[1], help_option, NULL};
    return sub->run(2, help_argv);
}

int portready_main(int argc, char **argv)
{
    if (argc < 2)
        return print_usage(stderr), PR_EXIT_UNKNOWN;
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        print_usage(stdout);
        return PR_EXIT_READY;
    }
    if (strcmp(name, "help") == 0)
        return run_help(argc - 1, argv + 1);
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
        printf("portready %s\n", PORTREADY_VERSION);
        return PR_EXIT_READY;
    }
    const struct subcommand *sub = find_subcommand(name);
    if (sub != NULL)
        return sub->run(argc - 1, argv + 1);
    return cmd_fail("Try 'portready --help'.", "unknown command '%s'", name);
}
