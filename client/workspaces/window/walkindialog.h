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
 *        definition the portal uses (the stage's 办事指南 from the server) and the materials the
 *        applicant handed in as paper originals (checked at the window, no file).
 *
 * Online only: the server files it (POST /api/v1/applications, channel "window"); the
 * application then comes down with the next sync into the window's queue.
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
    QString message() const;
    /// The id of the application filed (empty until the server answered 201).
    QString filedId() const { return m_filedId; }

public Q_SLOTS:
    /// Reads the stage's guide (form and materials) from the server; guideLoaded answers.
    void loadGuide();
    /// Files the application; filed answers (the dialog closes on success).
    void submit();

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
    QPushButton *m_submit = nullptr;
    QLabel *m_message = nullptr;
    QHash<QString, nlohmann::json> m_definitions; ///< field name -> its definition
    QStringList m_fieldOrder;
    QString m_guidePath;
    nlohmann::json m_guide;
    QString m_filedId;
    bool m_submitting = false;
};

} // namespace spgl::desk
