#pragma once

#include <QObject>
#include <QTcpServer>

class QTcpSocket;

namespace spgl::test {

/**
 * A TCP proxy in front of the test server that can cut a connection in the middle of an answer:
 * after cutAfter() it forwards @c n bytes of each response and then drops both sockets, as a
 * government extranet link does when it fails, until stopCutting(). Runs in the calling thread's
 * event loop (the desktop's blocking API client spins one while it waits).
 *
 * Every answer, not just the next one: when a connection drops before Qt's HTTP client has
 * started reading the answer (under load its write notification for the request can come after
 * the answer and the close have arrived), Qt sends the request again on a new connection by
 * itself, up to twice. A one-shot cut was then absorbed by that retry and the client saw a
 * complete answer — the cause of an occasional failure of tst_syncengine under load.
 */
class CutProxy : public QObject
{
    Q_OBJECT
public:
    explicit CutProxy(quint16 upstreamPort, QObject *parent = nullptr);
    quint16 port() const { return m_server.serverPort(); }
    /// Cuts every response after @p bytes bytes of it have been forwarded, until stopCutting().
    void cutAfter(qint64 bytes)
    {
        m_cutAfter = bytes;
        m_sinceArmed = 0;
    }
    /// Forwards whole responses again.
    void stopCutting() { m_cutAfter = -1; }
    /// Points the proxy at another server port (the server restarted).
    void setUpstream(quint16 port) { m_upstream = port; }
    /// The link goes down (every open connection is dropped and new ones are refused) or up again.
    void setOffline(bool offline);
    /// How many connections were cut so far (a request Qt sent again is cut again).
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
