// The `regfs` command line (SPEC.md section 5). Exit codes: 0 ok, 1 failure (one line on
// stderr), 2 usage error.
#pragma once

namespace regfs {

int RunCli(int argc, char** argv);

}  // namespace regfs
