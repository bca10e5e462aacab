// Router: literal and {param} segments, suffix parameters, 405 information, HEAD served by GET.
#include "http/router.h"

#include <QtTest>

#include <algorithm>

using spgl::server::Route;
using spgl::server::Router;

namespace {
Route route(const std::string &method, const std::string &pattern)
{
    Route r;
    r.method = method;
    r.pattern = pattern;
    r.summary = method + " " + pattern; // identifies the route in assertions
    return r;
}

QString name(const Router::Match &m)
{
    return m.route ? QString::fromStdString(m.route->summary) : QStringLiteral("<none>");
}

QStringList allowed(const Router::Match &m)
{
    QStringList out;
    for (const auto &a : m.allowed)
        out << QString::fromStdString(a);
    out.sort();
    out.removeDuplicates();
    return out;
}
} // namespace

class tst_Router : public QObject
{
    Q_OBJECT
private slots:
    void literalSegmentsMatchExactly()
    {
        Router r;
        r.add(route("GET", "/api/v1/health"));
        r.add(route("GET", "/api/v1/users"));

        auto m = r.match("GET", "/api/v1/health");
        QCOMPARE(name(m), QStringLiteral("GET /api/v1/health"));
        QVERIFY(m.params.empty());
        QVERIFY(m.allowed.empty());

        QCOMPARE(name(r.match("GET", "/api/v1/users")), QStringLiteral("GET /api/v1/users"));
        // No prefix, suffix, case or trailing-slash leniency.
        for (const char *path : {"/api/v1/healt", "/api/v1/healthz", "/api/v1/Health", "/api/v1/health/",
                                 "/api/v1/health/x", "/api/v1", "/", "", "/api/v2/health", "//api/v1/health"}) {
            const auto miss = r.match("GET", path);
            QVERIFY2(!miss.route, path);
            QVERIFY2(miss.allowed.empty(), path);
        }
    }

    void parameterSegmentsCapture()
    {
        Router r;
        r.add(route("GET", "/api/v1/users/{id}"));
        r.add(route("POST", "/api/v1/cases/{id}/consultations/{cid}/reply"));

        auto m = r.match("GET", "/api/v1/users/42");
        QCOMPARE(name(m), QStringLiteral("GET /api/v1/users/{id}"));
        QCOMPARE(m.params.size(), std::size_t(1));
        QCOMPARE(m.params.at("id"), std::string("42"));

        // A parameter takes any non-empty segment verbatim; checking it is the handler's job.
        m = r.match("GET", "/api/v1/users/abc-%20.x");
        QVERIFY(m.route);
        QCOMPARE(m.params.at("id"), std::string("abc-%20.x"));

        m = r.match("POST", "/api/v1/cases/7/consultations/c9/reply");
        QCOMPARE(name(m), QStringLiteral("POST /api/v1/cases/{id}/consultations/{cid}/reply"));
        QCOMPARE(m.params.at("id"), std::string("7"));
        QCOMPARE(m.params.at("cid"), std::string("c9"));

        // An empty segment is no parameter value; segment counts must agree.
        QVERIFY(!r.match("GET", "/api/v1/users/").route);
        QVERIFY(!r.match("GET", "/api/v1/users").route);
        QVERIFY(!r.match("GET", "/api/v1/users/1/2").route);
        QVERIFY(!r.match("POST", "/api/v1/cases/7/consultations//reply").route);
        QVERIFY(!r.match("POST", "/api/v1/cases/7/consultations/c9/replies").route);
    }

    void literalBeatsParameterWhateverTheOrder_data()
    {
        QTest::addColumn<bool>("literalFirst");
        QTest::newRow("literal registered first") << true;
        QTest::newRow("parameter registered first") << false;
    }

    void literalBeatsParameterWhateverTheOrder()
    {
        QFETCH(bool, literalFirst);
        Router r;
        if (literalFirst) {
            r.add(route("GET", "/api/v1/users/me"));
            r.add(route("GET", "/api/v1/users/{id}"));
        } else {
            r.add(route("GET", "/api/v1/users/{id}"));
            r.add(route("GET", "/api/v1/users/me"));
        }
        // The more specific (literal) route must win, or adding /users/me after /users/{id}
        // would silently route "me" to the id handler.
        const auto me = r.match("GET", "/api/v1/users/me");
        QCOMPARE(name(me), QStringLiteral("GET /api/v1/users/me"));
        QVERIFY(me.params.empty());
        const auto other = r.match("GET", "/api/v1/users/17");
        QCOMPARE(name(other), QStringLiteral("GET /api/v1/users/{id}"));
        QCOMPARE(other.params.at("id"), std::string("17"));
    }

    void suffixParameters()
    {
        Router r;
        r.add(route("GET", "/api/v1/blueprint/layers"));
        r.add(route("GET", "/api/v1/blueprint/layers/{id}.gpkg"));

        auto m = r.match("GET", "/api/v1/blueprint/layers/roads.gpkg");
        QCOMPARE(name(m), QStringLiteral("GET /api/v1/blueprint/layers/{id}.gpkg"));
        QCOMPARE(m.params.at("id"), std::string("roads"));

        // The parameter keeps inner dots; only the literal suffix is taken off.
        m = r.match("GET", "/api/v1/blueprint/layers/v1.2.gpkg");
        QVERIFY(m.route);
        QCOMPARE(m.params.at("id"), std::string("v1.2"));

        // Without the suffix, with a different suffix, or with nothing before it: no match.
        for (const char *path : {"/api/v1/blueprint/layers/roads", "/api/v1/blueprint/layers/roads.gpkgx",
                                 "/api/v1/blueprint/layers/roads.GPKG", "/api/v1/blueprint/layers/roads.shp",
                                 "/api/v1/blueprint/layers/.gpkg", "/api/v1/blueprint/layers/gpkg"}) {
            QVERIFY2(!r.match("GET", path).route, path);
        }
        QCOMPARE(name(r.match("GET", "/api/v1/blueprint/layers")), QStringLiteral("GET /api/v1/blueprint/layers"));
    }

    void suffixParameterBeatsBareParameter()
    {
        // Registered in either order, "/calendar/2025.ics" goes to the .ics route.
        for (bool icsFirst : {false, true}) {
            Router r;
            if (icsFirst)
                r.add(route("GET", "/api/v1/calendar/{year}.ics"));
            r.add(route("GET", "/api/v1/calendar/{year}"));
            if (!icsFirst)
                r.add(route("GET", "/api/v1/calendar/{year}.ics"));
            r.add(route("GET", "/api/v1/calendar/deadline"));

            auto m = r.match("GET", "/api/v1/calendar/2025.ics");
            QCOMPARE(name(m), QStringLiteral("GET /api/v1/calendar/{year}.ics"));
            QCOMPARE(m.params.at("year"), std::string("2025"));
            m = r.match("GET", "/api/v1/calendar/2025");
            QCOMPARE(name(m), QStringLiteral("GET /api/v1/calendar/{year}"));
            QCOMPARE(name(r.match("GET", "/api/v1/calendar/deadline")),
                     QStringLiteral("GET /api/v1/calendar/deadline"));
        }
    }

    void wrongMethodReportsTheAllowedOnes()
    {
        Router r;
        r.add(route("GET", "/api/v1/users"));
        r.add(route("POST", "/api/v1/users"));
        r.add(route("GET", "/api/v1/users/{id}"));
        r.add(route("POST", "/api/v1/auth/login"));

        auto m = r.match("DELETE", "/api/v1/users");
        QVERIFY(!m.route);
        QCOMPARE(allowed(m), QStringList({QStringLiteral("GET"), QStringLiteral("POST")}));

        m = r.match("GET", "/api/v1/auth/login");
        QVERIFY(!m.route);
        QCOMPARE(allowed(m), QStringList({QStringLiteral("POST")}));

        m = r.match("PATCH", "/api/v1/users/5");
        QVERIFY(!m.route);
        QCOMPARE(allowed(m), QStringList({QStringLiteral("GET")}));

        // Only routes whose path matches contribute: an unknown path is a plain 404.
        m = r.match("DELETE", "/api/v1/nothing");
        QVERIFY(!m.route);
        QVERIFY(m.allowed.empty());

        // A matching method yields the route, not a 405.
        m = r.match("POST", "/api/v1/users");
        QCOMPARE(name(m), QStringLiteral("POST /api/v1/users"));
    }

    void headIsServedByGet()
    {
        Router r;
        r.add(route("GET", "/api/v1/files/{sha256}"));
        r.add(route("POST", "/api/v1/uploads"));

        auto m = r.match("HEAD", "/api/v1/files/abc");
        QCOMPARE(name(m), QStringLiteral("GET /api/v1/files/{sha256}"));
        QCOMPARE(m.params.at("sha256"), std::string("abc"));

        // HEAD on a path without GET is a 405 naming what is there.
        m = r.match("HEAD", "/api/v1/uploads");
        QVERIFY(!m.route);
        QCOMPARE(allowed(m), QStringList({QStringLiteral("POST")}));
    }

    void explicitHeadRouteWinsOverGet_data()
    {
        QTest::addColumn<bool>("headFirst");
        QTest::newRow("HEAD registered first") << true;
        QTest::newRow("GET registered first") << false;
    }

    void explicitHeadRouteWinsOverGet()
    {
        QFETCH(bool, headFirst);
        Router r;
        if (headFirst) {
            r.add(route("HEAD", "/api/v1/uploads/{id}"));
            r.add(route("GET", "/api/v1/uploads/{id}"));
        } else {
            r.add(route("GET", "/api/v1/uploads/{id}"));
            r.add(route("HEAD", "/api/v1/uploads/{id}"));
        }
        r.add(route("PATCH", "/api/v1/uploads/{id}"));

        auto m = r.match("HEAD", "/api/v1/uploads/u1");
        QCOMPARE(name(m), QStringLiteral("HEAD /api/v1/uploads/{id}"));
        QCOMPARE(m.params.at("id"), std::string("u1"));
        QCOMPARE(name(r.match("GET", "/api/v1/uploads/u1")), QStringLiteral("GET /api/v1/uploads/{id}"));
        QCOMPARE(name(r.match("PATCH", "/api/v1/uploads/u1")), QStringLiteral("PATCH /api/v1/uploads/{id}"));

        m = r.match("DELETE", "/api/v1/uploads/u1");
        QVERIFY(!m.route);
        QCOMPARE(allowed(m), QStringList({QStringLiteral("GET"), QStringLiteral("HEAD"), QStringLiteral("PATCH")}));
    }

    void routesAreKeptInOrder()
    {
        Router r;
        r.add(route("GET", "/a"));
        r.add(route("POST", "/b/{x}"));
        QCOMPARE(r.routes().size(), std::size_t(2));
        QCOMPARE(r.routes()[0].pattern, std::string("/a"));
        QCOMPARE(r.routes()[1].method, std::string("POST"));
    }

    void unclosedBraceIsAProgrammingError()
    {
        Router r;
        QVERIFY_THROWS_EXCEPTION(std::logic_error, r.add(route("GET", "/api/v1/users/{id")));
    }
};

QTEST_APPLESS_MAIN(tst_Router)
#include "tst_router.moc"
