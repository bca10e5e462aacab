#include "workspaces/window/walkindialog.h"

#include "core/deskcalendar.h"
#include "core/deskcontext.h"
#include "rules/jsonlogic.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QSpinBox>
#include <QVBoxLayout>

namespace spgl::desk {

using nlohmann::json;

namespace {
constexpr int kNameRole = Qt::UserRole + 1; ///< the material's name
constexpr int kFileRole = Qt::UserRole + 2; ///< the attached scan's path
QString q(const std::string &s)
{
    return QString::fromStdString(s);
}
std::string str(const json &j, const char *key)
{
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}
/// The project's value a field of the same meaning starts with.
json projectValue(const QString &field, const json &project)
{
    static const QHash<QString, const char *> same = {{QStringLiteral("project_code"), "project_code"},
                                                      {QStringLiteral("project_name"), "name"},
                                                      {QStringLiteral("region_code"), "region_code"},
                                                      {QStringLiteral("builder_name"), "builder_name"},
                                                      {QStringLiteral("builder_credit_code"), "builder_credit_code"}};
    const auto it = same.constFind(field);
    if (it == same.constEnd() || !project.is_object() || !project.contains(*it))
        return nullptr;
    return project[*it];
}
} // namespace

WalkInDialog::WalkInDialog(DeskContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("walkInDialog"));
    setWindowTitle(tr("窗口代办申报"));
    m_project = new QComboBox(this);
    m_project->setObjectName(QStringLiteral("walkInProject"));
    for (const auto &p : context.cache().projects()) {
        const QString id
            = p.contains("id") ? q(p["id"].is_string() ? p["id"].get<std::string>() : p["id"].dump()) : QString();
        m_project->addItem(q(str(p, "project_code")) + QLatin1Char(' ') + q(str(p, "name")), id);
    }
    m_stage = new QSpinBox(this);
    m_stage->setObjectName(QStringLiteral("walkInStage"));
    m_stage->setRange(1, 5);
    m_load = new QPushButton(tr("读取办事指南(&G)"), this);
    m_load->setObjectName(QStringLiteral("walkInLoad"));
    auto *top = new QFormLayout;
    top->addRow(tr("项目(&P)："), m_project);
    auto *stageRow = new QHBoxLayout;
    stageRow->addWidget(m_stage);
    stageRow->addWidget(m_load);
    stageRow->addStretch();
    top->addRow(tr("阶段(&S)："), stageRow);

    m_fieldsHost = new QWidget(this);
    m_fields = new QFormLayout(m_fieldsHost);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_fieldsHost);
    m_materials = new QListWidget(this);
    m_materials->setObjectName(QStringLiteral("walkInMaterials"));
    auto *materialsLabel = new QLabel(tr("已收材料(&M)（勾选已收的纸质原件，或附上扫描件）："), this);
    materialsLabel->setBuddy(m_materials);
    m_attach = new QPushButton(tr("附加扫描件(&A)…"), this);
    m_attach->setObjectName(QStringLiteral("walkInAttach"));
    m_attach->setToolTip(tr("为选中的材料附上扫描件（PDF 或图片）；离线时先存在本机，联网后上传"));
    m_attach->setEnabled(false);
    m_message = new QLabel(tr("选择项目和阶段后读取办事指南（离线也可代办）。"), this);
    m_message->setObjectName(QStringLiteral("walkInMessage"));
    m_message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_submit = buttons->addButton(tr("提交申报"), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("walkInSubmit"));
    m_submit->setEnabled(false);
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("取消"));
    connect(buttons, &QDialogButtonBox::accepted, this, &WalkInDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_load, &QPushButton::clicked, this, &WalkInDialog::loadGuide);
    connect(m_attach, &QPushButton::clicked, this, &WalkInDialog::attachSelected);
    connect(m_materials, &QListWidget::currentRowChanged, this, [this](int row) { m_attach->setEnabled(row >= 0); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(scroll, 3);
    auto *materialsRow = new QHBoxLayout;
    materialsRow->addWidget(materialsLabel, 1);
    materialsRow->addWidget(m_attach);
    layout->addLayout(materialsRow);
    layout->addWidget(m_materials, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(720, 760);

    connect(&m_context, &DeskContext::commandFinished, this, [this](int id, bool ok, const QString &text) {
        if (id != m_request)
            return;
        m_request = 0;
        m_submit->setEnabled(true);
        if (!ok) {
            setMessage(tr("未提交：%1").arg(text), true);
            return;
        }
        m_filedId = text;
        setMessage(tr("已代办申报 %1（待同步）。").arg(m_filedId), false);
        Q_EMIT filed(m_filedId);
        QDialog::accept();
    });
}

bool WalkInDialog::setProject(const QString &projectId)
{
    const int index = m_project->findData(projectId);
    if (index < 0)
        return false;
    m_project->setCurrentIndex(index);
    return true;
}

void WalkInDialog::setStage(int stage)
{
    m_stage->setValue(stage);
}

void WalkInDialog::loadGuide()
{
    const json project = m_context.cache().project(m_project->currentData().toString());
    if (!project.is_object()) {
        setMessage(tr("请选择项目。"), true);
        return;
    }
    // The version the project pinned at its first application, as the server will decide it.
    const auto guide = m_context.cache().guideFor(project, m_stage->value());
    if (!guide.ok() || !guide.value().contains("form")) {
        m_submit->setEnabled(false);
        const QString pinned = q(str(project, "process_code"));
        setMessage(pinned.isEmpty() ? tr("本机没有该项目类型在此阶段的办事指南：请先联网同步一次。")
                                    : tr("本机没有该项目所用审批流程（%1 %2 版）在此阶段的办事指南：请先联网同步一次。")
                                          .arg(pinned, q(str(project, "process_version"))),
                   true);
        Q_EMIT guideLoaded(false);
        return;
    }
    buildForm(guide.value());
    setMessage(tr("按审批流程「%1」%2 版办理。请按申请人提交的纸质申请表填写；勾选已收的纸质原件，或为材料附上扫描件。")
                   .arg(q(str(guide.value(), "process_name")), q(str(guide.value(), "process_version"))),
               false);
    m_submit->setEnabled(true);
    Q_EMIT guideLoaded(true);
}

void WalkInDialog::buildForm(const json &guide)
{
    while (m_fields->rowCount() > 0)
        m_fields->removeRow(0);
    m_definitions.clear();
    m_fieldOrder.clear();
    const json project = m_context.cache().project(m_project->currentData().toString());
    QString section;
    for (const auto &field : guide["form"].value("fields", json::array())) {
        const QString name = q(str(field, "name"));
        if (name.isEmpty())
            continue;
        const QString type = q(str(field, "type"));
        if (q(str(field, "section")) != section) {
            section = q(str(field, "section"));
            auto *heading = new QLabel(QStringLiteral("<b>%1</b>").arg(section.toHtmlEscaped()), m_fieldsHost);
            m_fields->addRow(heading);
        }
        QWidget *editor = nullptr;
        if (type == QLatin1String("enum")) {
            auto *combo = new QComboBox(m_fieldsHost);
            combo->addItem(tr("（请选择）"), QString());
            for (const auto &o : field.value("options", json::array()))
                combo->addItem(q(str(o, "label")), q(str(o, "value")));
            editor = combo;
        } else if (type == QLatin1String("boolean")) {
            editor = new QCheckBox(m_fieldsHost);
        } else if (type == QLatin1String("date")) {
            auto *date = new QDateEdit(beijingToday(), m_fieldsHost);
            date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
            date->setCalendarPopup(true);
            editor = date;
        } else {
            auto *line = new QLineEdit(m_fieldsHost);
            line->setPlaceholderText(q(str(field, "placeholder")));
            if (field.contains("unit") && field["unit"].is_string())
                line->setToolTip(q(field["unit"].get<std::string>()));
            editor = line;
        }
        editor->setObjectName(name);
        QString label = q(str(field, "label"));
        if (field.value("required", false))
            label += QStringLiteral(" *");
        m_fields->addRow(label + QStringLiteral("："), editor);
        m_definitions.insert(name, field);
        m_fieldOrder << name;
        const json start = projectValue(name, project);
        if (!start.is_null())
            setFieldValue(name, start);
    }
    // The materials of the stage's items that apply to this project, all expected as paper.
    m_guide = guide;
    m_materials->clear();
    for (const auto &[key, name] : applyingMaterials(form())) {
        auto *row = new QListWidgetItem(key + QLatin1Char(' ') + name, m_materials);
        row->setData(Qt::UserRole, key);
        row->setData(kNameRole, name);
        row->setFlags(row->flags() | Qt::ItemIsUserCheckable);
        row->setCheckState(Qt::Checked);
    }
    m_attach->setEnabled(false);
}

bool WalkInDialog::attachFile(const QString &key, const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        setMessage(tr("无法读取文件：%1").arg(path), true);
        return false;
    }
    for (int i = 0; i < m_materials->count(); ++i) {
        QListWidgetItem *row = m_materials->item(i);
        if (row->data(Qt::UserRole).toString() != key)
            continue;
        row->setData(kFileRole, info.absoluteFilePath());
        row->setCheckState(Qt::Checked);
        row->setText(tr("%1 %2　［扫描件：%3］").arg(key, row->data(kNameRole).toString(), info.fileName()));
        return true;
    }
    return false;
}

QString WalkInDialog::attachedFile(const QString &key) const
{
    for (int i = 0; i < m_materials->count(); ++i)
        if (m_materials->item(i)->data(Qt::UserRole).toString() == key)
            return m_materials->item(i)->data(kFileRole).toString();
    return {};
}

void WalkInDialog::attachSelected()
{
    QListWidgetItem *row = m_materials->currentItem();
    if (!row)
        return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("选择扫描件"), QString(), tr("扫描件 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;所有文件 (*)"));
    if (!path.isEmpty())
        attachFile(row->data(Qt::UserRole).toString(), path);
}

bool WalkInDialog::prefill(const QString &projectId, const json &args)
{
    if (!setProject(projectId))
        return false;
    setStage(args.value("stage", 1));
    loadGuide();
    if (m_fieldOrder.isEmpty())
        return false;
    const json form = args.value("form", json::object()); // held: items() of a temporary would dangle
    for (const auto &[name, value] : form.items())
        setFieldValue(q(name), value);
    // What was handed in then: the scans (kept in the files directory by SHA-256) and the rest unchecked.
    QHash<QString, QString> files;
    QSet<QString> handedIn;
    for (const auto &m : args.value("materials", json::array())) {
        const QString key = q(str(m, "item_code")) + QLatin1Char('/') + q(str(m, "material_code"));
        handedIn.insert(key);
        if (!str(m, "file_id").empty())
            files.insert(key, QDir(m_context.filesDir()).filePath(q(str(m, "file_id"))));
    }
    for (int i = 0; i < m_materials->count(); ++i) {
        QListWidgetItem *row = m_materials->item(i);
        const QString key = row->data(Qt::UserRole).toString();
        row->setCheckState(handedIn.contains(key) ? Qt::Checked : Qt::Unchecked);
        if (files.contains(key))
            attachFile(key, files.value(key));
    }
    setMessage(tr("请按服务器的答复修改后重新提交。"), false);
    return true;
}

QList<QPair<QString, QString>> WalkInDialog::applyingMaterials(const json &form) const
{
    QList<QPair<QString, QString>> out;
    const json facts = {{"form", form}, {"project", m_context.cache().project(m_project->currentData().toString())}};
    for (const auto &item : m_guide.value("items", json::array())) {
        if (item.contains("applies_if") && !item["applies_if"].is_null()) {
            auto applies = JsonLogic::evaluate(item["applies_if"], facts);
            if (!applies.ok() || !JsonLogic::truthy(applies.value()))
                continue;
        }
        for (const auto &m : item.value("materials", json::array()))
            if (str(m, "requirement") != "optional")
                out.append({q(str(item, "code")) + QLatin1Char('/') + q(str(m, "code")), q(str(m, "name"))});
    }
    return out;
}

bool WalkInDialog::setFieldValue(const QString &name, const json &value)
{
    QWidget *w = m_fieldsHost->findChild<QWidget *>(name);
    if (!w)
        return false;
    const QString text = value.is_string() ? q(value.get<std::string>())
                         : value.is_null() ? QString()
                                           : q(value.dump());
    if (auto *line = qobject_cast<QLineEdit *>(w))
        line->setText(text);
    else if (auto *combo = qobject_cast<QComboBox *>(w))
        combo->setCurrentIndex(std::max(0, combo->findData(text)));
    else if (auto *check = qobject_cast<QCheckBox *>(w))
        check->setChecked(value.is_boolean() && value.get<bool>());
    else if (auto *date = qobject_cast<QDateEdit *>(w))
        date->setDate(QDate::fromString(text, QStringLiteral("yyyy-MM-dd")));
    else
        return false;
    return true;
}

json WalkInDialog::form() const
{
    json out = json::object();
    for (const QString &name : m_fieldOrder) {
        QWidget *w = m_fieldsHost->findChild<QWidget *>(name);
        const json &def = m_definitions[name];
        const std::string type = str(def, "type");
        const std::string key = name.toStdString();
        if (auto *line = qobject_cast<QLineEdit *>(w)) {
            const QString text = line->text().trimmed();
            if (text.isEmpty())
                continue;
            bool ok = false;
            if (type == "integer") {
                const qlonglong n = text.toLongLong(&ok);
                out[key] = ok ? json(n) : json(text.toStdString());
            } else if (type == "number" || type == "area") {
                const double d = text.toDouble(&ok);
                out[key] = ok ? json(d) : json(text.toStdString());
            } else {
                out[key] = text.toStdString();
            }
        } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            if (!combo->currentData().toString().isEmpty())
                out[key] = combo->currentData().toString().toStdString();
        } else if (auto *check = qobject_cast<QCheckBox *>(w)) {
            out[key] = check->isChecked();
        } else if (auto *date = qobject_cast<QDateEdit *>(w)) {
            out[key] = date->date().toString(QStringLiteral("yyyy-MM-dd")).toStdString();
        }
    }
    return out;
}

QStringList WalkInDialog::materials() const
{
    QStringList out;
    for (int i = 0; i < m_materials->count(); ++i)
        if (m_materials->item(i)->checkState() == Qt::Checked)
            out << m_materials->item(i)->data(Qt::UserRole).toString();
    return out;
}

QString WalkInDialog::message() const
{
    return m_message->text();
}

void WalkInDialog::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00000") : QString());
}

void WalkInDialog::submit()
{
    if (m_request || m_fieldOrder.isEmpty())
        return;
    const json project = m_context.cache().project(m_project->currentData().toString());
    json form = this->form();
    // Fields the form hides for these answers are not filed (as in the portal).
    const json facts = {{"form", form}, {"project", project}};
    for (const QString &name : m_fieldOrder) {
        const json &def = m_definitions[name];
        if (def.contains("visible_if") && !def["visible_if"].is_null()) {
            auto visible = JsonLogic::evaluate(def["visible_if"], facts);
            if (visible.ok() && !JsonLogic::truthy(visible.value()))
                form.erase(name.toStdString());
        }
    }
    // The materials of the items that apply to the form as filled, less those the clerk unchecked
    // (not handed in); a scan goes with its material.
    QStringList unchecked;
    for (int i = 0; i < m_materials->count(); ++i)
        if (m_materials->item(i)->checkState() != Qt::Checked)
            unchecked << m_materials->item(i)->data(Qt::UserRole).toString();
    json materials = json::array();
    for (const auto &[key, name] : applyingMaterials(form)) {
        if (unchecked.contains(key))
            continue;
        json entry = {{"item_code", key.section(QLatin1Char('/'), 0, 0).toStdString()},
                      {"material_code", key.section(QLatin1Char('/'), 1).toStdString()}};
        if (const QString file = attachedFile(key); !file.isEmpty())
            entry["file"] = file.toStdString();
        materials.push_back(std::move(entry));
    }
    m_submit->setEnabled(false);
    setMessage(tr("正在提交……"), false);
    m_request = m_context.file({{"project_id", project.value("id", json())},
                                {"stage", m_stage->value()},
                                {"form", form},
                                {"materials", materials}});
}

} // namespace spgl::desk
