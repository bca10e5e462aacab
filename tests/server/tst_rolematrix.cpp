// Every role × every endpoint: what OpenAPI promises in x-spgl-roles is what the server enforces.
// One row per operation and caller, so a failure names the pair.
#include "testserver.h"

#include <QRegularExpression>
#include <QtTest>

using nlohmann::json;
using spgl::test::HttpReply;
using spgl::test::TestServer;

namespace {
const std::string kPassword = "Matrix#2026x";

/// The eight roles of the permission matrix, and the user that holds exactly that role.
const std::vector<std::pair<std::string, std::string>> kRoleUsers
    = {{"applicant", "applicant"},     {"agency", "agency"},
       {"window_clerk", "clerk"},      {"reviewer", "reviewer"},
       {"department_head", "dh_only"}, {"coordinator", "coord_only"},
       {"supervisor", "supervisor"},   {"admin", "admin"}};

const char *const kAnonymous = "anonymous";

struct Operation
{
    std::string method;  ///< upper case
    std::string pattern; ///< as documented
    std::string path;    ///< with dummy parameter values
    json roles;          ///< "public", "any" or an array of role names
    std::string contentType;
    std::string body;
    std::map<std::string, std::string> headers;
};

std::string concretePath(const std::string &pattern)
{
    std::string out;
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern[i] == '{') {
            const auto close = pattern.find('}', i);
            const std::string name = pattern.substr(i + 1, close - i - 1);
            out += name == "sha256" ? std::string(64, '0') : std::string("1");
            i = close + 1;
        } else {
            out.push_back(pattern[i++]);
        }
    }
    return out;
}

bool allows(const json &roles, const std::string &role)
{
    if (roles.is_string())
        return roles == "public" || roles == "any";
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

QString describe(const HttpReply &r)
{
    return QStringLiteral("status %1: %2%3")
        .arg(r.status)
        .arg(QString::fromUtf8(r.body.substr(0, 300).c_str()))
        .arg(r.error.empty() ? QString()
                             : QStringLiteral(" (") + QString::fromStdString(r.error) + QStringLiteral(")"));
}
} // namespace

class tst_RoleMatrix : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));

        // Single-role users for the two roles the demo users only hold together with reviewer.
        const auto departments = m_server.get("/api/v1/departments?region=650100");
        QCOMPARE(departments.status, 200);
        std::string housing, resources;
        const json items = departments.json()["items"];
        for (const auto &d : items) {
            if (d["code"] == "11650100ZJJ")
                housing = d["id"].get<std::string>();
            if (d["code"] == "11650100ZRZY")
                resources = d["id"].get<std::string>();
        }
        QVERIFY(!housing.empty() && !resources.empty());
        QVERIFY(addUser("dh_only", "department_head", housing));
        QVERIFY(addUser("coord_only", "coordinator", resources));

        for (const auto &[role, username] : kRoleUsers) {
            const auto login = m_server.postJson(
                "/api/v1/auth/login",
                {{"username", username},
                 {"password", username == "dh_only" || username == "coord_only" ? kPassword : "Demo@2026"}});
            QVERIFY2(login.status == 200, username.c_str());
            const json user = login.json()["user"];
            // Exactly the one role: otherwise the matrix would not say what it claims.
            QVERIFY2(user["roles"] == json::array({role}), user.dump().c_str());
            m_tokens[role] = login.json()["access_token"].get<std::string>();
        }

        const auto spec = m_server.get("/api/v1/openapi.json");
        QCOMPARE(spec.status, 200);
        m_spec = spec.json();
        QVERIFY(m_spec.is_object() && m_spec["paths"].is_object());
        for (const auto &[pattern, item] : m_spec["paths"].items()) {
            for (const auto &[method, op] : item.items()) {
                Operation o;
                o.method = QString::fromStdString(method).toUpper().toStdString();
                o.pattern = pattern;
                o.path = concretePath(pattern);
                o.roles = op.value("x-spgl-roles", json());
                for (const auto &p : op.value("parameters", json::array())) {
                    if (p.value("in", "") == "header" && p.value("required", false))
                        o.headers[p["name"].get<std::string>()] = p["name"] == "Upload-Offset" ? "0" : "1";
                    if (p.value("in", "") == "query" && p.value("required", false))
                        o.path += (o.path.find('?') == std::string::npos ? "?" : "&") + p["name"].get<std::string>()
                                  + "=1";
                }
                std::string bodyType = "application/json";
                if (op.contains("requestBody") && op["requestBody"].contains("content")
                    && !op["requestBody"]["content"].empty())
                    bodyType = op["requestBody"]["content"].begin().key();
                if (bodyType == "application/offset+octet-stream") {
                    o.contentType = bodyType;
                    o.headers["Upload-Offset"] = "0";
                } else if (o.method == "POST" || o.method == "PATCH" || o.method == "PUT"
                           || op.contains("requestBody")) {
                    o.contentType = "application/json";
                    o.body = "{}";
                }
                m_operations.push_back(std::move(o));
            }
        }
        QVERIFY(m_operations.size() >= 15);
    }

    void everyOperationDeclaresItsRoles()
    {
        const std::vector<std::string> known = {"applicant",       "agency",      "window_clerk", "reviewer",
                                                "department_head", "coordinator", "supervisor",   "admin"};
        for (const auto &o : m_operations) {
            const QByteArray what = QByteArray::fromStdString(o.method + " " + o.pattern + ": " + o.roles.dump());
            if (o.roles.is_string()) {
                QVERIFY2(o.roles == "public" || o.roles == "any", what.constData());
                continue;
            }
            QVERIFY2(o.roles.is_array() && !o.roles.empty(), what.constData());
            for (const auto &r : o.roles)
                QVERIFY2(r.is_string() && std::find(known.begin(), known.end(), r.get<std::string>()) != known.end(),
                         what.constData());
        }
        // The documented security agrees with the roles.
        for (const auto &[pattern, item] : m_spec["paths"].items()) {
            for (const auto &[method, op] : item.items()) {
                const bool isPublic = op.value("x-spgl-roles", json()) == "public";
                const json security = op.value("security", json());
                const QByteArray what = QByteArray::fromStdString(method + " " + pattern);
                QVERIFY2(security.is_array(), what.constData());
                QVERIFY2(isPublic == security.empty(), what.constData());
            }
        }
    }

    void matrix_data()
    {
        QTest::addColumn<int>("operation");
        QTest::addColumn<QString>("caller");
        for (int i = 0; i < int(m_operations.size()); ++i) {
            const auto &o = m_operations[std::size_t(i)];
            const std::string name = o.method + " " + o.pattern;
            QTest::addRow("%s × %s", name.c_str(), kAnonymous) << i << QString::fromLatin1(kAnonymous);
            for (const auto &[role, username] : kRoleUsers)
                QTest::addRow("%s × %s", name.c_str(), role.c_str()) << i << QString::fromStdString(role);
        }
    }

    void matrix()
    {
        QFETCH(int, operation);
        QFETCH(QString, caller);
        const Operation &o = m_operations.at(std::size_t(operation));
        const std::string role = caller.toStdString();
        const bool anonymous = role == kAnonymous;
        std::map<std::string, std::string> headers = o.headers;
        if (!o.contentType.empty())
            headers["Content-Type"] = o.contentType;
        const auto reply
            = m_server.request(o.method, o.path, o.body, headers, anonymous ? std::string() : m_tokens.at(role));
        const QByteArray what = QString(QStringLiteral("%1 %2 as %3 (roles %4) → ")
                                            .arg(QString::fromStdString(o.method), QString::fromStdString(o.path),
                                                 caller, QString::fromStdString(o.roles.dump()))
                                        + describe(reply))
                                    .toUtf8();
        QVERIFY2(reply.status != 0, what.constData());

        const bool isPublic = o.roles == "public";
        if (anonymous && !isPublic) {
            QVERIFY2(reply.status == 401, what.constData());
            QVERIFY2(reply.isProblem(), what.constData());
            QVERIFY2(reply.header("WWW-Authenticate") == "Bearer", what.constData());
            return;
        }
        if (!anonymous && !allows(o.roles, role)) {
            QVERIFY2(reply.status == 403, what.constData());
            QVERIFY2(reply.isProblem(), what.constData());
            return;
        }
        // Allowed: the request gets past authentication and the role check, and whatever the
        // dummy input makes of it, it is never a server error.
        QVERIFY2(reply.status != 401 && reply.status != 403, what.constData());
        QVERIFY2(reply.status < 500, what.constData());
        if (reply.status >= 400 && o.method != "HEAD")
            QVERIFY2(reply.isProblem(), what.constData());
    }

    void serverSurvivedTheMatrix()
    {
        QCOMPARE(m_server.get("/api/v1/health").status, 200);
        // The side-effect-free dummies changed nothing about the accounts.
        for (const auto &[role, username] : kRoleUsers)
            QCOMPARE(m_server.get("/api/v1/auth/me", m_tokens.at(role)).status, 200);
    }

private:
    bool addUser(const std::string &username, const std::string &roles, const std::string &department)
    {
        QString out;
        const int rc = m_server.runCommand({QStringLiteral("user"), QStringLiteral("add"),
                                            QStringLiteral("--username=") + QString::fromStdString(username),
                                            QStringLiteral("--password=") + QString::fromStdString(kPassword),
                                            QStringLiteral("--roles=") + QString::fromStdString(roles),
                                            QStringLiteral("--region=650100"),
                                            QStringLiteral("--department=") + QString::fromStdString(department)},
                                           &out);
        if (rc != 0)
            qWarning("user add %s failed (%d): %s", username.c_str(), rc, qPrintable(out));
        return rc == 0;
    }

    TestServer m_server;
    json m_spec;
    std::vector<Operation> m_operations;
    std::map<std::string, std::string> m_tokens;
};

QTEST_GUILESS_MAIN(tst_RoleMatrix)
#include "tst_rolematrix.moc"
