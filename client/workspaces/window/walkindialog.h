#pragma once

#include <nlohmann/json.hpp>

#include <QDialog>
#include <QHash>

class QComboBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace spgl::desk {

class DeskContext;

/**
 * @brief 窗口代办: the window files an application on behalf of an applicant, with the same form
 *        definition the portal uses (the stage's 办事指南, cached on this desktop) and the
 *        materials the applicant handed in: paper originals checked at the window, or their scans
 *        attached here.
 *
 * Works offline: the sync engine checks and files it at once (SyncEngine::file); the application
 * shows in the queue as pending, the scans upload and the "submit" op goes to the server with the
 * next sync, which files it again with its own checks (a refusal shows in the outbox with the
 * server's reason; 重做 opens this dialog again with what was filed).
 */
class WalkInDialog : public QDialog
{
    Q_OBJECT

public:
    WalkInDialog(DeskContext &context, QWidget *parent = nullptr);

    /// Chooses the project (a cached one); false when it is not in the cache.
    bool setProject(const QString &projectId);
    void setStage(int stage);
    /// Sets field @p name of the loaded form (string, number, bool or date as in the form).
    bool setFieldValue(const QString &name, const nlohmann::json &value);
    /// The form as it would be filed (empty fields left out).
    nlohmann::json form() const;
    /// The material keys ("item/material") checked as handed in.
    QStringList materials() const;
    /// Attaches the scan at @p path to material @p key ("item/material"), checking it as handed
    /// in; false when the loaded guide has no such material or the file cannot be read.
    bool attachFile(const QString &key, const QString &path);
    /// The scan attached to material @p key (empty for a paper original).
    QString attachedFile(const QString &key) const;
    /// Fills the dialog with a filing made before (the args of its "submit" op), to fix and file
    /// it again; false when its project is not cached.
    bool prefill(const QString &projectId, const nlohmann::json &args);
    QString message() const;
    /// The local id of the application filed (empty until the engine filed it).
    QString filedId() const { return m_filedId; }

public Q_SLOTS:
    /// Reads the stage's guide (form and materials) from this desktop's cache; guideLoaded answers.
    void loadGuide();
    /// Files the application; filed answers (the dialog closes on success).
    void submit();
    /// Asks for the scan of the selected material (a file dialog) and attaches it.
    void attachSelected();

Q_SIGNALS:
    void guideLoaded(bool ok);
    void filed(const QString &applicationId);

private:
    void buildForm(const nlohmann::json &guide);
    /// The non-optional materials ("item/material" -> name) of the guide's items that apply to
    /// @p form of the chosen project.
    QList<QPair<QString, QString>> applyingMaterials(const nlohmann::json &form) const;
    void setMessage(const QString &text, bool error);

    DeskContext &m_context;
    QComboBox *m_project = nullptr;
    QSpinBox *m_stage = nullptr;
    QPushButton *m_load = nullptr;
    QWidget *m_fieldsHost = nullptr;
    QFormLayout *m_fields = nullptr;
    QListWidget *m_materials = nullptr;
    QPushButton *m_attach = nullptr;
    QPushButton *m_submit = nullptr;
    QLabel *m_message = nullptr;
    QHash<QString, nlohmann::json> m_definitions; ///< field name -> its definition
    QStringList m_fieldOrder;
    nlohmann::json m_guide;
    QString m_filedId;
    int m_request = 0; ///< the filing waited for (0: none)
};

} // namespace spgl::desk
