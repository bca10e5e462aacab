#include "app/spglserver.h"

int main(int argc, char **argv)
{
    spgl::server::SpglServer app;
    return app.run(argc, argv);
}
