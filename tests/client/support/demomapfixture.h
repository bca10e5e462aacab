#pragma once

#include "core/map/maplayer.h"
#include "core/map/maplayerstore.h"
#include "geo/demolayergenerator.h"

#include <QTemporaryDir>

#include <map>

/// The small demo blueprint with sidecar styles, generated once per test process.
class DemoMapFixture
{
public:
    static DemoMapFixture &instance()
    {
        static DemoMapFixture fixture;
        return fixture;
    }
    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    QString dir() const { return m_dir.path(); }
    const std::vector<spgl::geo::DemoLayerFile> &files() const { return m_files; }
    /// The demo file of @p kind.
    const spgl::geo::DemoLayerFile &file(spgl::geo::LayerKind kind) const
    {
        for (const auto &f : m_files)
            if (f.kind == kind)
                return f;
        return m_files.front();
    }
    /// All layers of the directory, opened through MapLayerStore (imagery first).
    QList<std::shared_ptr<spgl::desk::MapLayer>> layers() const
    {
        return spgl::desk::MapLayerStore(m_dir.path()).loadAll();
    }

private:
    DemoMapFixture()
    {
        auto result
            = spgl::geo::DemoLayerGenerator(spgl::geo::DemoLayerSize::Small).generate(m_dir.path().toStdString());
        m_ok = result.ok();
        if (!m_ok) {
            m_error = QString::fromStdString(result.error().message);
            return;
        }
        m_files = result.value();
        for (const auto &f : m_files) {
            const auto status = spgl::desk::MapLayerStore::writeSidecar(
                QString::fromStdString(f.path), QString::fromStdString(f.name),
                QString::fromUtf8(spgl::geo::layerKindCode(f.kind)), QByteArray::fromStdString(f.styleJson));
            if (!status) {
                m_ok = false;
                m_error = QString::fromStdString(status.error().message);
            }
        }
    }

    QTemporaryDir m_dir;
    bool m_ok = false;
    QString m_error;
    std::vector<spgl::geo::DemoLayerFile> m_files;
};
