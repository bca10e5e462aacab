#include "workspaces/review/reviewworkspace.h"

#include "core/deskcalendar.h"
#include "core/deskcontext.h"
#include "gui/casetablemodel.h"
#include "gui/formdialog.h"
#include "gui/materialviewer.h"
#include "gui/outboxwidget.h"
#include "gui/texts.h"
#include "workflow/workflowjson.h"

#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace spgl::desk {

using nlohmann::json;

namespace {
QString q(const std::string &s)
{
    return QString::fromStdString(s);
}
QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}
QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}
QString when(std::int64_t ms)
{
    if (ms <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}
} // namespace

ReviewWorkspace::ReviewWorkspace(DeskContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("reviewWorkspace"));
    m_model = new CaseTableModel(context.cache(), this);
    auto *statusProxy = new QSortFilterProxyModel(this);
    statusProxy->setSourceModel(m_model);
    statusProxy->setFilterRole(CaseTableModel::SortRole);
    statusProxy->setFilterKeyColumn(CaseTableModel::Status);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(statusProxy);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(CaseTableModel::SortRole);

    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("caseFilter"));
    m_filter->addItem(tr("未办结"), QStringLiteral("^(accepted|in_progress|supplement|special_procedure)$"));
    m_filter->addItem(tr("待认领"), QStringLiteral("^accepted$"));
    m_filter->addItem(tr("办理中"), QStringLiteral("^(in_progress|supplement|special_procedure)$"));
    m_filter->addItem(tr("已办结"), QStringLiteral("^(approved|approved_tolerated|disapproved)$"));
    m_filter->addItem(tr("全部"), QString());
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("caseSearch"));
    m_search->setPlaceholderText(tr("搜索办件编号、项目名称、事项"));
    m_search->setClearButtonEnabled(true);
    auto *filterLabel = new QLabel(tr("范围(&F)："), this);
    filterLabel->setBuddy(m_filter);
    auto *searchLabel = new QLabel(tr("搜索(&S)："), this);
    searchLabel->setBuddy(m_search);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("caseQueue"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(CaseTableModel::Deadline, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(false);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *filters = new QHBoxLayout;
    filters->addWidget(filterLabel);
    filters->addWidget(m_filter);
    filters->addWidget(searchLabel);
    filters->addWidget(m_search, 1);
    leftLayout->addLayout(filters);
    leftLayout->addWidget(m_view);

    m_detail = new QTextBrowser(this);
    m_detail->setObjectName(QStringLiteral("caseDetail"));
    m_detail->setOpenLinks(false);
    m_viewer = new MaterialViewer(this);
    m_viewer->setFilesDir(context.filesDir());
    auto *detailTabs = new QTabWidget(this);
    detailTabs->setObjectName(QStringLiteral("caseTabs"));
    detailTabs->addTab(m_detail, tr("办件详情(&I)"));
    detailTabs->addTab(m_viewer, tr("申请材料(&M)"));

    auto button = [this](const QString &text, const QString &name, const QKeySequence &key, auto slot) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setShortcut(key);
        b->setToolTip(key.toString(QKeySequence::NativeText));
        connect(b, &QPushButton::clicked, this, slot);
        return b;
    };
    m_claim = button(tr("认领"), QStringLiteral("claim"), QKeySequence(Qt::CTRL | Qt::Key_L), &ReviewWorkspace::claim);
    m_opinion = button(tr("审查意见"), QStringLiteral("opinion"), QKeySequence(Qt::CTRL | Qt::Key_O),
                       &ReviewWorkspace::addOpinion);
    m_consult = button(tr("征求意见"), QStringLiteral("consult"), QKeySequence(Qt::CTRL | Qt::Key_K),
                       &ReviewWorkspace::requestConsultation);
    m_reply = button(tr("答复征求"), QStringLiteral("reply"), QKeySequence(Qt::CTRL | Qt::Key_R),
                     &ReviewWorkspace::replyConsultation);
    m_startProcedure = button(tr("开始特别程序"), QStringLiteral("startProcedure"), QKeySequence(Qt::CTRL | Qt::Key_T),
                              &ReviewWorkspace::startSpecialProcedure);
    m_endProcedure = button(tr("结束特别程序"), QStringLiteral("endProcedure"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), &ReviewWorkspace::endSpecialProcedure);
    m_supplement = button(tr("要求补正"), QStringLiteral("supplement"), QKeySequence(Qt::CTRL | Qt::Key_B),
                          &ReviewWorkspace::requestSupplement);
    m_decide = button(tr("办结决定"), QStringLiteral("decide"), QKeySequence(Qt::CTRL | Qt::Key_D),
                      &ReviewWorkspace::decide);
    auto *actions = new QGridLayout;
    const QList<QPushButton *> buttons
        = {m_claim, m_opinion, m_consult, m_reply, m_startProcedure, m_endProcedure, m_supplement, m_decide};
    for (int i = 0; i < buttons.size(); ++i)
        actions->addWidget(buttons[i], i / 4, i % 4);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("reviewMessage"));
    m_message->setWordWrap(true);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(detailTabs, 1);
    rightLayout->addLayout(actions);
    rightLayout->addWidget(m_message);

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(left);
    top->addWidget(right);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    m_outbox = new OutboxWidget(context, this);
    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(top);
    vertical->addWidget(m_outbox);
    vertical->setStretchFactor(0, 4);
    vertical->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(vertical);

    setTabOrder(m_filter, m_search);
    setTabOrder(m_search, m_view);
    setTabOrder(m_view, detailTabs);
    setTabOrder(detailTabs, m_detail);
    setTabOrder(m_detail, m_viewer);
    QWidget *previous = m_viewer;
    for (auto *b : buttons) {
        setTabOrder(previous, b);
        previous = b;
    }

    connect(m_filter, &QComboBox::currentIndexChanged, this,
            [this, statusProxy] { statusProxy->setFilterRegularExpression(m_filter->currentData().toString()); });
    statusProxy->setFilterRegularExpression(m_filter->currentData().toString());
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                showCase(current.isValid() ? current.data(CaseTableModel::IdRole).toString() : QString());
            });
    connect(&m_context, &DeskContext::dataChanged, this, &ReviewWorkspace::reload);
    connect(&m_context, &DeskContext::filesFetched, m_viewer, &MaterialViewer::refresh);
    connect(&m_context, &DeskContext::loggedIn, this, [this] { m_viewer->setFilesDir(m_context.filesDir()); });
    connect(&m_context, &DeskContext::commandFinished, this, [this](int id, bool ok, const QString &text) {
        if (!m_requests.remove(id))
            return;
        m_message->setText(ok ? tr("已记录，待同步（操作号 %1）").arg(text.left(8)) : tr("未执行：%1").arg(text));
        m_message->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00000"));
        updateActions();
    });
    reload();
}

QString ReviewWorkspace::message() const
{
    return m_message->text();
}

void ReviewWorkspace::reload()
{
    const QString keep = m_caseId;
    m_model->setDepartment(m_context.user().departmentCode);
    m_model->reload();
    m_outbox->reload();
    if (!keep.isEmpty() && !selectCase(keep))
        showCase({});
    else if (!keep.isEmpty())
        showCase(keep);
}

bool ReviewWorkspace::selectCase(const QString &caseId)
{
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex index = m_proxy->index(r, 0);
        if (index.data(CaseTableModel::IdRole).toString() == caseId) {
            m_view->selectionModel()->setCurrentIndex(index,
                                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            showCase(caseId);
            return true;
        }
    }
    return false;
}

void ReviewWorkspace::showCase(const QString &caseId)
{
    m_caseId = caseId;
    m_app.reset();
    if (!caseId.isEmpty())
        m_app = m_context.cache().application(caseId.left(caseId.lastIndexOf(QLatin1Char('-'))));
    const ApprovalCase *c = m_app ? m_app->findCase(caseId.toStdString()) : nullptr;
    QList<MaterialViewer::Material> materials;
    if (c)
        for (const auto &m : m_app->materials)
            materials.append({q(m.key()), {}, q(m.fileId)});
    m_viewer->setMaterials(materials);
    if (!c) {
        m_detail->setHtml(tr("<p>请在左侧选择一个办件。</p>"));
        updateActions();
        return;
    }
    m_detail->setHtml(detailHtml(*m_app, *c));
    updateActions();
}

QString ReviewWorkspace::detailHtml(const Application &app, const ApprovalCase &c) const
{
    const json project = m_context.cache().project(q(app.projectId));
    const auto pstr = [&](const char *k) {
        return project.is_object() && project.contains(k) && project[k].is_string() ? q(project[k].get<std::string>())
                                                                                    : QString();
    };
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    QString h;
    h += QStringLiteral("<h3>%1 %2</h3>").arg(esc(q(c.itemName)), esc(q(c.id)));
    h += tr("<p><b>项目：</b>%1（%2）<br><b>建设单位：</b>%3<br><b>申报：</b>%4，%5，%6</p>")
             .arg(esc(pstr("name")), esc(pstr("project_code")), esc(pstr("builder_name")), esc(q(app.id)),
                  Texts::stage(app.stage), Texts::applicationStatus(q(toString(app.status))));
    h += tr("<p><b>状态：</b>%1　<b>承办人：</b>%2　<b>版本：</b>%3</p>")
             .arg(Texts::caseStatus(q(toString(c.status))),
                  esc(q(c.assigneeName.empty() ? c.assignee : c.assigneeName)))
             .arg(c.version);
    if (c.clock) {
        const json v = workflowjson::clockView(*c.clock, m_context.calendar(), now);
        h += tr("<p><b>时限：</b>%1 %2，截止 %3，已用 %4 个工作日，剩余 %5，%6%7</p>")
                 .arg(v.value("limit", 0))
                 .arg(v.value("unit", std::string()) == "day" ? tr("自然日") : tr("工作日"))
                 .arg(q(v.value("deadline", std::string())))
                 .arg(v.value("used_workdays", 0))
                 .arg(v.value("remaining", 0))
                 .arg(Texts::level(q(v.value("level", std::string()))))
                 .arg(v.value("paused", false) ? tr("（暂停计时）") : QString());
    }
    if (!c.toleratedMaterials.empty()) {
        QStringList t;
        for (const auto &m : c.toleratedMaterials)
            t << esc(q(m));
        h += tr("<p><b>容缺材料：</b>%1（补齐期限 %2）</p>")
                 .arg(t.join(QStringLiteral("、")), esc(q(c.toleranceDeadline)));
    }
    if (!c.supplementMaterials.empty()) {
        QStringList t;
        for (const auto &m : c.supplementMaterials)
            t << esc(q(m));
        h += tr("<p><b>补正材料：</b>%1</p>").arg(t.join(QStringLiteral("、")));
    }
    h += tr("<p><b>审查意见：</b>%1 条</p>").arg(c.opinions);
    if (!c.consultations.empty()) {
        h += tr("<h4>征求意见</h4><ul>");
        for (const auto &k : c.consultations)
            h += tr("<li>%1 → %2：%3<br>答复：%4</li>")
                     .arg(esc(q(k.fromDepartment)), esc(q(k.toDepartment)), esc(q(k.question)),
                          k.open() ? tr("（待答复）") : esc(q(k.answer)));
        h += QStringLiteral("</ul>");
    }
    if (!c.specialProcedures.empty()) {
        h += tr("<h4>特别程序</h4><ul>");
        for (const auto &p : c.specialProcedures)
            h += tr("<li>%1：%2 起，%3；%4</li>")
                     .arg(esc(q(p.name.empty() ? p.kind : p.name)), when(p.startedAt),
                          p.endedAt ? tr("%1 结束").arg(when(p.endedAt)) : tr("进行中"), esc(q(p.result)));
        h += QStringLiteral("</ul>");
    }
    if (c.document)
        h += tr("<p><b>批复文件：</b>%1《%2》%3，有效期至 %4</p>")
                 .arg(esc(q(c.document->number)), esc(q(c.document->title)), esc(q(c.document->date)),
                      esc(q(c.document->validUntil)));
    // Other departments' cases of the same application (5.6 b).
    h += tr("<h4>并联办件进度</h4><table border=1 cellspacing=0 cellpadding=3><tr><th>办件</th><th>事项</th>"
            "<th>部门</th><th>状态</th><th>截止</th><th>预警</th><th>意见</th></tr>");
    for (const auto &k : app.cases) {
        QString deadline, level;
        if (k.clock) {
            const json v = workflowjson::clockView(*k.clock, m_context.calendar(), now);
            deadline = q(v.value("deadline", std::string()));
            level = Texts::level(q(v.value("level", std::string())));
        }
        h += QStringLiteral("<tr%8><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td></tr>")
                 .arg(esc(q(k.id)), esc(q(k.itemName)), esc(q(k.department)), Texts::caseStatus(q(toString(k.status))),
                      deadline, level, esc(q(k.decisionOpinion)),
                      k.id == c.id ? QStringLiteral(" bgcolor=#eef") : QString());
    }
    h += QStringLiteral("</table>");
    // The form as filed and the materials.
    h += tr("<h4>申报表单</h4><table border=0 cellpadding=2>");
    for (const auto &[key, value] : app.form.items())
        h += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                 .arg(esc(q(key)), esc(value.is_string() ? q(value.get<std::string>()) : q(value.dump())));
    h += QStringLiteral("</table>");
    h += tr("<h4>申请材料</h4><ul>");
    for (const auto &m : app.materials)
        h += QStringLiteral("<li>%1 %2</li>")
                 .arg(esc(q(m.key())), m.fileId.empty() ? tr("（纸质原件）") : esc(q(m.fileId.substr(0, 12))));
    h += QStringLiteral("</ul>");
    return h;
}

void ReviewWorkspace::updateActions()
{
    const ApprovalCase *c = m_app ? m_app->findCase(m_caseId.toStdString()) : nullptr;
    // While a command is on its way to the sync engine nothing else may be sent: its answer
    // changes what the case allows (a double click must not queue the command twice).
    const bool has = c != nullptr && m_requests.isEmpty();
    const bool open = has && !isDecided(c->status);
    const bool mine = has && c->assignee == m_context.user().id.toStdString();
    m_claim->setEnabled(has && c->status == CaseStatus::Accepted);
    m_opinion->setEnabled(open);
    m_consult->setEnabled(open && c->status != CaseStatus::Accepted);
    bool replyable = false;
    if (m_app)
        for (const auto &k : m_app->cases)
            for (const auto &con : k.consultations)
                if (con.open() && q(con.toDepartment) == m_context.user().departmentCode)
                    replyable = true;
    m_reply->setEnabled(replyable && m_requests.isEmpty());
    m_startProcedure->setEnabled(open && c->status == CaseStatus::InProgress && mine);
    m_endProcedure->setEnabled(open && c->openSpecialProcedure());
    m_supplement->setEnabled(open && c->status == CaseStatus::InProgress && mine);
    m_decide->setEnabled(open && c->status == CaseStatus::InProgress && mine);
}

void ReviewWorkspace::run(CommandKind kind, const json &args)
{
    if (m_caseId.isEmpty() || !m_requests.isEmpty())
        return;
    m_requests.insert(m_context.command(kind, m_caseId, args));
    m_message->setText(tr("正在记录……"));
    updateActions();
}

void ReviewWorkspace::claim()
{
    run(CommandKind::Claim);
}

void ReviewWorkspace::addOpinion()
{
    FormDialog d(tr("审查意见"), this);
    d.addText(QStringLiteral("opinion"), tr("意见(&O)："), {}, true);
    if (d.exec() == QDialog::Accepted)
        run(CommandKind::AddOpinion, {{"opinion", d.value(QStringLiteral("opinion")).toStdString()}});
}

void ReviewWorkspace::requestConsultation()
{
    if (!m_app)
        return;
    FormDialog::Choices departments;
    QSet<QString> seen;
    for (const auto &k : m_app->cases) {
        const QString d = q(k.department);
        if (d != m_context.user().departmentCode && !seen.contains(d)) {
            seen.insert(d);
            departments.append({d + QStringLiteral(" ") + q(k.itemName), d});
        }
    }
    FormDialog d(tr("征求意见"), this);
    d.addChoice(QStringLiteral("department"), tr("征求部门(&D)："), departments);
    d.addText(QStringLiteral("question"), tr("征求事项(&Q)："), {}, true);
    if (d.exec() == QDialog::Accepted)
        run(CommandKind::RequestConsultation, {{"department", d.value(QStringLiteral("department")).toStdString()},
                                               {"question", d.value(QStringLiteral("question")).toStdString()}});
}

void ReviewWorkspace::replyConsultation()
{
    if (!m_app)
        return;
    FormDialog::Choices open;
    for (const auto &k : m_app->cases)
        for (const auto &con : k.consultations)
            if (con.open() && q(con.toDepartment) == m_context.user().departmentCode)
                open.append({q(con.fromDepartment) + QStringLiteral("：") + q(con.question),
                             q(k.id) + QLatin1Char('|') + q(con.id)});
    if (open.isEmpty())
        return;
    FormDialog d(tr("答复征求意见"), this);
    d.addChoice(QStringLiteral("consultation"), tr("征求意见(&C)："), open);
    d.addText(QStringLiteral("answer"), tr("答复(&A)："), {}, true);
    if (d.exec() != QDialog::Accepted)
        return;
    const QStringList target = d.value(QStringLiteral("consultation")).split(QLatin1Char('|'));
    m_requests.insert(m_context.command(CommandKind::ReplyConsultation, target.value(0),
                                        {{"consultation_id", target.value(1).toStdString()},
                                         {"answer", d.value(QStringLiteral("answer")).toStdString()}}));
    updateActions();
}

void ReviewWorkspace::startSpecialProcedure()
{
    FormDialog d(tr("开始特别程序"), this);
    d.addChoice(QStringLiteral("kind"), tr("程序(&K)："),
                {{tr("专家评审"), QStringLiteral("expert_review")},
                 {tr("现场听证"), QStringLiteral("hearing")},
                 {tr("现场勘察"), QStringLiteral("site_survey")},
                 {tr("招投标"), QStringLiteral("bidding")},
                 {tr("环评公示"), QStringLiteral("eia_publicity")}});
    d.addText(QStringLiteral("reason"), tr("理由(&R)："), {}, true);
    if (d.exec() == QDialog::Accepted)
        run(CommandKind::StartSpecialProcedure, {{"kind", d.value(QStringLiteral("kind")).toStdString()},
                                                 {"reason", d.value(QStringLiteral("reason")).toStdString()}});
}

void ReviewWorkspace::endSpecialProcedure()
{
    FormDialog d(tr("结束特别程序"), this);
    d.addText(QStringLiteral("result"), tr("结果(&R)："), {}, true);
    if (d.exec() == QDialog::Accepted)
        run(CommandKind::EndSpecialProcedure, {{"result", d.value(QStringLiteral("result")).toStdString()}});
}

void ReviewWorkspace::requestSupplement()
{
    if (!m_app)
        return;
    FormDialog::Choices materials;
    const ApprovalCase *c = m_app->findCase(m_caseId.toStdString());
    for (const auto &m : m_app->materials)
        if (!c || m.itemCode == c->itemCode)
            materials.append({q(m.key()), q(m.key())});
    FormDialog d(tr("要求补正"), this);
    d.addChecks(QStringLiteral("materials"), tr("补正材料(&M)："), materials, true);
    d.addText(QStringLiteral("opinion"), tr("说明(&N)："));
    if (d.exec() != QDialog::Accepted)
        return;
    json list = json::array();
    for (const auto &m : d.checked(QStringLiteral("materials")))
        list.push_back(m.toStdString());
    run(CommandKind::RequestSupplement,
        {{"missing_materials", list}, {"opinion", d.value(QStringLiteral("opinion")).toStdString()}});
}

void ReviewWorkspace::decide()
{
    const ApprovalCase *c = m_app ? m_app->findCase(m_caseId.toStdString()) : nullptr;
    if (!c)
        return;
    FormDialog d(tr("办结决定"), this);
    FormDialog::Choices outcomes
        = {{tr("通过"), QStringLiteral("approved")}, {tr("不通过"), QStringLiteral("disapproved")}};
    if (!c->toleratedMaterials.empty())
        outcomes.insert(1, {tr("容缺通过"), QStringLiteral("approved_tolerated")});
    d.addChoice(QStringLiteral("outcome"), tr("结论(&U)："), outcomes);
    d.addText(QStringLiteral("opinion"), tr("意见(&O)："), tr("经审查，符合要求，同意。"), true);
    d.addLine(QStringLiteral("docNumber"), tr("批复文号(&N)："), {}, true);
    d.addLine(QStringLiteral("docTitle"), tr("批复文件标题(&T)："), tr("关于%1的批复").arg(q(c->itemName)), true);
    d.addDate(QStringLiteral("docDate"), tr("批复日期(&D)："), beijingToday());
    d.addDate(QStringLiteral("docValidUntil"), tr("有效期至(&V)："), beijingToday().addYears(1));
    if (d.exec() != QDialog::Accepted)
        return;
    run(CommandKind::Decide, {{"outcome", d.value(QStringLiteral("outcome")).toStdString()},
                              {"opinion", d.value(QStringLiteral("opinion")).toStdString()},
                              {"document",
                               {{"number", d.value(QStringLiteral("docNumber")).toStdString()},
                                {"title", d.value(QStringLiteral("docTitle")).toStdString()},
                                {"date", d.value(QStringLiteral("docDate")).toStdString()},
                                {"valid_until", d.value(QStringLiteral("docValidUntil")).toStdString()}}}});
}

} // namespace spgl::desk
