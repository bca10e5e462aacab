#include "app/linechannel.h"

#include <Poco/Message.h>

#include <cstdio>
#include <string>

namespace spgl::server {

void LineChannel::log(const Poco::Message &message)
{
    std::string line = message.getText();
    line += '\n';
    std::lock_guard lock(m_mutex);
    std::fwrite(line.data(), 1, line.size(), stderr); // stderr is unbuffered: one write
}

} // namespace spgl::server
