#include "cutproxy.h"

#include <QHostAddress>
#include <QTcpSocket>

namespace spgl::test {

CutProxy::CutProxy(quint16 upstreamPort, QObject *parent)
    : QObject(parent)
    , m_upstream(upstreamPort)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, &CutProxy::accept);
}

void CutProxy::setOffline(bool offline)
{
    m_offline = offline;
    if (offline)
        for (QTcpSocket *client : m_server.findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly))
            client->abort();
}

void CutProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        if (m_offline) {
            client->abort();
            client->deleteLater();
            continue;
        }
        auto *upstream = new QTcpSocket(client);
        upstream->connectToHost(QHostAddress::LocalHost, m_upstream);
        connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] {
            if (upstream->state() == QAbstractSocket::ConnectedState)
                upstream->write(client->readAll());
        });
        connect(upstream, &QTcpSocket::connected, client, [client, upstream] { upstream->write(client->readAll()); });
        // The client waits for one answer at a time, so the bytes after arming are the next answer's.
        connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream] {
            const QByteArray data = upstream->readAll();
            if (m_cutAfter >= 0 && m_sinceArmed + data.size() >= m_cutAfter) {
                client->write(data.left(m_cutAfter - m_sinceArmed));
                client->flush();
                m_sinceArmed = 0; // the next answer (Qt's own retry included) is cut as well
                ++m_cuts;
                upstream->abort();
                client->abort();
                client->deleteLater();
                return;
            }
            if (m_cutAfter >= 0)
                m_sinceArmed += data.size();
            client->write(data);
        });
        connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
        connect(upstream, &QTcpSocket::errorOccurred, client, [client](QAbstractSocket::SocketError error) {
            if (error != QAbstractSocket::RemoteHostClosedError)
                client->abort(); // the server is gone: the client sees the link drop at once
        });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    }
}

} // namespace spgl::test
