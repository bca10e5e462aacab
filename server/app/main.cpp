#include "app/spglserver.h"

#include <cstdlib>

int main(int argc, char **argv)
{
#ifndef _WIN32
    // Without TZ, glibc checks /etc/localtime again on every local-time conversion (each logged
    // request stats it twice); the same zone, read once.
    if (!std::getenv("TZ"))
        setenv("TZ", ":/etc/localtime", 0);
#endif
    spgl::server::SpglServer app;
    return app.run(argc, argv);
}
