/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"

struct subcommand {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
};

/* Sorted by name. */
static const struct subcommand subcommands[] = {
    {"audit", cmd_audit, "audit every server-facing port of a rack (inventory file)"},
    {"check", cmd_check, "check the ports of one switch"},
    {"dhcp-log", cmd_dhcplog, "read a DHCP server's log and say where each PXE handshake stopped"},
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
    fprintf(out, "\nRun 'portready COMMAND --help' for the options of a command.\n\n"
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

int portready_main(int argc, char **argv)
{
    if (argc < 2)
        return print_usage(stderr), PR_EXIT_UNKNOWN;
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
        print_usage(stdout);
        return PR_EXIT_READY;
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
        printf("portready %s\n", PORTREADY_VERSION);
        return PR_EXIT_READY;
    }
    for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++) {
        if (strcmp(subcommands[i].name, name) == 0)
            return subcommands[i].run(argc - 1, argv + 1);
    }
    return cmd_fail("Try 'portready --help'.", "unknown command '%s'", name);
}
