#pragma once

#include <Poco/Channel.h>

#include <mutex>

namespace spgl::server {

/**
 * The server's log output: each message as one line on standard error, written with one system
 * call (Poco's ConsoleChannel writes the text and the line end separately, two calls for every
 * access-log line), lines of different threads never interleaved.
 */
class LineChannel final : public Poco::Channel
{
public:
    void log(const Poco::Message &message) override;

private:
    std::mutex m_mutex;
};

} // namespace spgl::server
