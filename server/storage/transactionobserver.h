#pragma once

namespace spgl::server {

class Connection;

/**
 * Told how the write transactions of this thread end. The request audit (RequestAudit) uses it
 * to know whether the transaction that carries a request's audit row committed. One observer per
 * thread at most, installed for a scope with Installed.
 */
class TransactionObserver
{
public:
    virtual ~TransactionObserver() = default;

    /// The write transaction on @p c committed.
    virtual void committed(Connection &c) = 0;
    /// The transaction on @p c rolled back (it may run again: a retried conflict).
    virtual void rolledBack(Connection &c) = 0;

    /// The observer of this thread's transactions, or null.
    static TransactionObserver *current();

    /// Makes an observer the thread's for its lifetime (restoring the one before).
    class Installed
    {
    public:
        explicit Installed(TransactionObserver &observer);
        ~Installed();
        Installed(const Installed &) = delete;
        Installed &operator=(const Installed &) = delete;

    private:
        TransactionObserver *m_previous;
    };
};

} // namespace spgl::server
