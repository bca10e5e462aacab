#include "gui/materialviewer.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsPixmapItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtPdf/QPdfDocument>
#include <QtPdfWidgets/QPdfView>

#include <algorithm>

namespace spgl::desk {

namespace {
constexpr double kMinZoom = 0.1;
constexpr double kMaxZoom = 8.0;
constexpr double kStep = 1.25;
} // namespace

MaterialViewer::MaterialViewer(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("materialViewer"));
    m_choice = new QComboBox(this);
    m_choice->setObjectName(QStringLiteral("materialChoice"));
    m_choice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_choice->setMinimumContentsLength(16);
    auto *choiceLabel = new QLabel(tr("材料(&Y)："), this);
    choiceLabel->setBuddy(m_choice);

    auto action = [this](const QString &text, const QKeySequence &key, const QString &name) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(text + QStringLiteral(" (") + key.toString(QKeySequence::NativeText) + QLatin1Char(')'));
        addAction(a);
        return a;
    };
    m_zoomIn = action(tr("放大"), QKeySequence(Qt::CTRL | Qt::Key_Plus), QStringLiteral("zoomIn"));
    m_zoomOut = action(tr("缩小"), QKeySequence(Qt::CTRL | Qt::Key_Minus), QStringLiteral("zoomOut"));
    m_fit = action(tr("适合宽度"), QKeySequence(Qt::CTRL | Qt::Key_0), QStringLiteral("zoomFit"));
    connect(m_zoomIn, &QAction::triggered, this, &MaterialViewer::zoomIn);
    connect(m_zoomOut, &QAction::triggered, this, &MaterialViewer::zoomOut);
    connect(m_fit, &QAction::triggered, this, &MaterialViewer::fit);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("materialStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("materialMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_pdf = new QPdfDocument(this);
    m_pdfView = new QPdfView(this);
    m_pdfView->setObjectName(QStringLiteral("materialPdf"));
    m_pdfView->setDocument(m_pdf);
    m_pdfView->setPageMode(QPdfView::PageMode::MultiPage);
    m_scene = new QGraphicsScene(this);
    m_imageView = new QGraphicsView(m_scene, this);
    m_imageView->setObjectName(QStringLiteral("materialImage"));
    m_imageView->setDragMode(QGraphicsView::ScrollHandDrag);
    m_imageView->setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_pdfView);
    m_stack->addWidget(m_imageView);

    auto *bar = new QHBoxLayout;
    bar->addWidget(choiceLabel);
    bar->addWidget(m_choice, 1);
    for (QAction *a : {m_zoomOut, m_zoomIn, m_fit}) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setObjectName(a->objectName() + QStringLiteral("Button"));
        bar->addWidget(b);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_status);
    layout->addWidget(m_stack, 1);
    setFocusProxy(m_choice);

    connect(m_choice, &QComboBox::currentIndexChanged, this, [this](int index) {
        show(index);
        Q_EMIT currentChanged(currentKey());
    });
    setStatus(Mode::Nothing, tr("本申报没有申请材料。"));
}

MaterialViewer::~MaterialViewer()
{
    m_pdfView->setDocument(nullptr);
    m_pdf->close();
}

void MaterialViewer::setFilesDir(const QString &dir)
{
    m_dir = dir;
    refresh();
}

void MaterialViewer::setMaterials(const QList<Material> &materials)
{
    if (materials == m_materials && !materials.isEmpty())
        return; // the same application again (a reload): keep the page and zoom
    const QString keep = currentKey();
    m_materials = materials;
    {
        const QSignalBlocker block(m_choice);
        m_choice->clear();
        for (const auto &m : materials)
            m_choice->addItem(m.name.isEmpty() || m.name == m.key ? m.key : m.key + QLatin1Char(' ') + m.name, m.key);
        const int again = keep.isEmpty() ? -1 : m_choice->findData(keep);
        m_choice->setCurrentIndex(again >= 0 ? again : (materials.isEmpty() ? -1 : 0));
    }
    show(m_choice->currentIndex());
}

bool MaterialViewer::showMaterial(const QString &key)
{
    const int index = m_choice->findData(key);
    if (index < 0)
        return false;
    if (index == m_choice->currentIndex())
        show(index);
    else
        m_choice->setCurrentIndex(index);
    return true;
}

QString MaterialViewer::currentKey() const
{
    return m_choice->currentData().toString();
}

QString MaterialViewer::statusText() const
{
    return m_status->text();
}

int MaterialViewer::pageCount() const
{
    return m_mode == Mode::Pdf ? m_pdf->pageCount() : 0;
}

void MaterialViewer::setStatus(Mode mode, const QString &text)
{
    m_mode = mode;
    m_status->setText(text);
    const bool zoomable = mode == Mode::Pdf || mode == Mode::Image;
    for (QAction *a : {m_zoomIn, m_zoomOut, m_fit})
        a->setEnabled(zoomable);
    if (!zoomable) {
        m_message->setText(text);
        m_stack->setCurrentWidget(m_message);
    }
}

void MaterialViewer::refresh()
{
    show(m_choice->currentIndex());
}

void MaterialViewer::show(int index)
{
    m_pdf->close();
    m_image = nullptr;
    m_scene->clear();
    if (index < 0 || index >= m_materials.size()) {
        setStatus(Mode::Nothing, m_materials.isEmpty() ? tr("本申报没有申请材料。") : tr("请选择一份材料。"));
        return;
    }
    const Material &m = m_materials.at(index);
    if (m.fileId.isEmpty()) {
        setStatus(Mode::Paper, tr("%1：纸质原件，请在窗口核验。").arg(m.key));
        return;
    }
    const QString path = m_dir.isEmpty() ? QString() : QDir(m_dir).filePath(m.fileId);
    if (path.isEmpty() || !QFileInfo::exists(path)) {
        setStatus(Mode::NotDownloaded,
                  tr("%1：文件尚未下载（同步后在后台下载，下载完成并校验后即可查看）。").arg(m.key));
        return;
    }
    QFile file(path);
    QByteArray head;
    if (file.open(QIODevice::ReadOnly))
        head = file.read(5);
    file.close();
    const QString size = QLocale().formattedDataSize(QFileInfo(path).size());
    if (head.startsWith("%PDF")) {
        if (m_pdf->load(path) == QPdfDocument::Error::None && m_pdf->pageCount() > 0) {
            m_stack->setCurrentWidget(m_pdfView);
            setStatus(Mode::Pdf, tr("%1：PDF，共 %2 页，%3").arg(m.key).arg(m_pdf->pageCount()).arg(size));
            fit();
            return;
        }
        m_pdf->close();
        setStatus(Mode::Unreadable, tr("%1：PDF 文件无法打开（可能已损坏），%2").arg(m.key, size));
        return;
    }
    QImageReader reader(path);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        setStatus(Mode::Unreadable, tr("%1：无法显示该文件（不是 PDF 或图片），%2").arg(m.key, size));
        return;
    }
    m_image = m_scene->addPixmap(QPixmap::fromImage(image));
    m_scene->setSceneRect(m_image->boundingRect());
    m_stack->setCurrentWidget(m_imageView);
    setStatus(Mode::Image, tr("%1：图片 %2×%3 像素，%4").arg(m.key).arg(image.width()).arg(image.height()).arg(size));
    fit();
}

void MaterialViewer::setZoom(double zoom)
{
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (m_mode == Mode::Pdf) {
        m_pdfView->setZoomMode(QPdfView::ZoomMode::Custom);
        m_pdfView->setZoomFactor(m_zoom);
    } else if (m_mode == Mode::Image) {
        m_imageView->setTransform(QTransform::fromScale(m_zoom, m_zoom));
    }
}

void MaterialViewer::zoomIn()
{
    setZoom(m_zoom * kStep);
}

void MaterialViewer::zoomOut()
{
    setZoom(m_zoom / kStep);
}

void MaterialViewer::fit()
{
    if (m_mode == Mode::Pdf) {
        // The page's width in points against the viewport (QPdfView draws a point as 1/72 inch
        // of the screen at 100 %).
        const double page = m_pdf->pagePointSize(0).width() * m_pdfView->logicalDpiX() / 72.0;
        const int width = m_pdfView->viewport()->width() - 2 * m_pdfView->documentMargins().left() - 4;
        setZoom(page > 0 && width > 50 ? width / page : 1.0);
    } else if (m_mode == Mode::Image && m_image) {
        const QRectF r = m_image->boundingRect();
        const QSize v = m_imageView->viewport()->size();
        if (r.width() <= 0 || r.height() <= 0 || v.width() < 20 || v.height() < 20) {
            setZoom(1.0);
            return;
        }
        setZoom(std::min(1.0, std::min((v.width() - 4) / r.width(), (v.height() - 4) / r.height())));
    }
}

} // namespace spgl::desk
