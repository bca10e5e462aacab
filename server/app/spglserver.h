#pragma once

#include "app/serverconfig.h"

#include <Poco/Util/ServerApplication.h>

namespace spgl::server {

/// spgl-server: runs the HTTP server until SIGTERM/SIGINT, or one operator sub-command.
class SpglServer final : public Poco::Util::ServerApplication
{
protected:
    void defineOptions(Poco::Util::OptionSet &options) override;
    int main(const std::vector<std::string> &args) override;

private:
    int serve(ServerConfig &config);
    int runCommand(ServerConfig &config, const std::vector<std::string> &words,
                   const std::map<std::string, std::string> &extra);
};

} // namespace spgl::server
