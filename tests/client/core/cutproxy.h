#pragma once

#include <QObject>
#include <QTcpServer>

class QTcpSocket;

namespace spgl::test {

/**
 * A TCP proxy in front of the test server that can cut a connection in the middle of an answer:
 * after cutAfter() it forwards @c n bytes of the next response and then drops both sockets, as a
 * government extranet link does when it fails. Runs in the calling thread's event loop (the
 * desktop's blocking API client spins one while it waits).
 */
class CutProxy : public QObject
{
    Q_OBJECT
public:
    explicit CutProxy(quint16 upstreamPort, QObject *parent = nullptr);
    quint16 port() const { return m_server.serverPort(); }
    /// Cuts the next response after @p bytes bytes of it have been forwarded.
    void cutAfter(qint64 bytes)
    {
        m_cutAfter = bytes;
        m_sinceArmed = 0;
    }
    /// Points the proxy at another server port (the server restarted).
    void setUpstream(quint16 port) { m_upstream = port; }
    /// The link goes down (every open connection is dropped and new ones are refused) or up again.
    void setOffline(bool offline);
    /// How many connections were cut so far.
    int cuts() const { return m_cuts; }

private:
    void accept();

    QTcpServer m_server;
    quint16 m_upstream;
    qint64 m_cutAfter = -1;
    qint64 m_sinceArmed = 0;
    int m_cuts = 0;
    bool m_offline = false;
};

} // namespace spgl::test
