#include "storage/transactionobserver.h"

namespace spgl::server {

namespace {
thread_local TransactionObserver *t_observer = nullptr;
} // namespace

TransactionObserver *TransactionObserver::current()
{
    return t_observer;
}

TransactionObserver::Installed::Installed(TransactionObserver &observer)
    : m_previous(t_observer)
{
    t_observer = &observer;
}

TransactionObserver::Installed::~Installed()
{
    t_observer = m_previous;
}

} // namespace spgl::server
