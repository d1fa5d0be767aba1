#include "commands.h"

int cmd_check(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return cmd_fail(NULL, "'%s' is not built yet", argv[0]);
}
