#include "fs/cli.h"

int main(int argc, char** argv) { return regfs::RunCli(argc, argv); }
