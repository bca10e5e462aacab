#pragma once

#include "geo/demolayergenerator.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>

/// The small demo blueprint, generated once per test process into a temporary directory.
class DemoLayersFixture
{
public:
    static DemoLayersFixture &instance()
    {
        static DemoLayersFixture fixture;
        return fixture;
    }
    bool ok() const { return m_ok; }
    const std::string &error() const { return m_error; }
    const std::vector<spgl::geo::DemoLayerFile> &files() const { return m_files; }
    const spgl::geo::DemoLayerFile &file(spgl::geo::LayerKind kind) const { return m_files.at(m_byKind.at(kind)); }
    QString dir() const { return m_dir.path(); }

private:
    DemoLayersFixture()
    {
        auto result
            = spgl::geo::DemoLayerGenerator(spgl::geo::DemoLayerSize::Small).generate(m_dir.path().toStdString());
        m_ok = result.ok();
        if (!m_ok) {
            m_error = result.error().message;
            return;
        }
        m_files = result.value();
        for (size_t i = 0; i < m_files.size(); ++i)
            m_byKind[m_files[i].kind] = i;
    }

    QTemporaryDir m_dir;
    bool m_ok = false;
    std::string m_error;
    std::vector<spgl::geo::DemoLayerFile> m_files;
    std::map<spgl::geo::LayerKind, size_t> m_byKind;
};
