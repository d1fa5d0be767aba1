/* SPDX-License-Identifier: BSD-3-Clause */
#include "cli_common.h"
#include "commands.h"

int main(int argc, char **argv)
{
    cli_argv_is_process();
    return portready_main(argc, argv);
}
