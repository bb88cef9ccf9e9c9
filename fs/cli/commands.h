// The `regfs` commands (SPEC.md section 5): one function each, taking the parsed arguments
// and returning the exit status.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/registry/instance.h"
#include "core/registry/registry.h"
#include "fs/cli/args.h"

namespace regfs::cli {

struct Context {
  std::optional<std::string> root_flag;  // -C ROOT
};

// The instance (-C ROOT, else $REGFS_INSTANCE, else the nearest ancestor holding .lamindb/)
// and a registry of it.
struct Opened {
  std::string root;
  std::shared_ptr<const InstanceInfo> info;
  std::unique_ptr<Registry> reg;
};
Result<Opened> OpenRegistry(const Context& ctx, bool read_only);

int CmdInit(const Context& ctx, const Args& args);
int CmdAdd(const Context& ctx, const Args& args);
int CmdLs(const Context& ctx, const Args& args);
int CmdDescribe(const Context& ctx, const Args& args);
int CmdVersions(const Context& ctx, const Args& args);
int CmdPath(const Context& ctx, const Args& args);
int CmdRm(const Context& ctx, const Args& args);
int CmdRestore(const Context& ctx, const Args& args);
int CmdTrash(const Context& ctx, const Args& args);
int CmdFsck(const Context& ctx, const Args& args);
int CmdMount(const Context& ctx, const Args& args);
int CmdUmount(const Context& ctx, const Args& args);

}  // namespace regfs::cli
