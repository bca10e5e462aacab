#pragma once

// A fresh, migrated database for a unit test of a server class, on the backend the test runs for
// (SPGL_TEST_BACKEND: sqlite, the default, or postgresql on the private cluster of SPGL_TEST_PG).
#include "storage/database.h"
#include "storage/migrator.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QTemporaryDir>

#include <memory>
#include <string>

namespace spgl::server::testing {

class UnitDatabase
{
public:
    /// Opens (and on PostgreSQL first creates) a database of its own; empty() when it cannot.
    explicit UnitDatabase(int poolSize = 4)
    {
        if (qgetenv("SPGL_TEST_BACKEND") == "postgresql") {
            const std::string base = qgetenv("SPGL_TEST_PG").toStdString();
            const std::string root = base.substr(0, base.rfind('/') + 1);
            m_name = "unit_" + QCoreApplication::applicationName().toLower().toStdString() + "_"
                     + std::to_string(QCoreApplication::applicationPid());
            auto admin = Database::open(base, {}, 1);
            admin->readOne([&](Connection &c) { c.execScript("DROP DATABASE IF EXISTS " + m_name); });
            admin->readOne([&](Connection &c) { c.execScript("CREATE DATABASE " + m_name); });
            m_admin = std::move(admin);
            m_db = Database::open(root + m_name, {}, poolSize);
        } else {
            m_db = Database::open("sqlite:" + m_dir.filePath(QStringLiteral("unit.db")).toStdString(), {}, poolSize);
        }
        Migrator(*m_db).migrate();
    }
    ~UnitDatabase()
    {
        m_db.reset();
        if (m_admin)
            m_admin->readOne([&](Connection &c) { c.execScript("DROP DATABASE IF EXISTS " + m_name); });
    }

    Database &operator*() { return *m_db; }
    Database *operator->() { return m_db.get(); }

private:
    QTemporaryDir m_dir;
    std::string m_name;
    std::unique_ptr<Database> m_admin;
    std::unique_ptr<Database> m_db;
};

} // namespace spgl::server::testing
