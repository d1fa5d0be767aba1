#include "commands.h"

int main(int argc, char **argv)
{
    return portready_main(argc, argv);
}
