#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QAction;
class QComboBox;
class QGraphicsPixmapItem;
class QGraphicsScene;
class QGraphicsView;
class QLabel;
class QPdfDocument;
class QPdfView;
class QStackedWidget;

namespace spgl::desk {

/**
 * @brief The materials viewer of an application: PDFs with Qt Pdf (all pages, scrolled), images
 *        zoomable; the files come from the local cache's files directory (downloaded in the
 *        background after a sync and verified by SHA-256, named by that digest).
 *
 * A material without a file is a paper original checked at the window; one whose file is not
 * yet in the directory shows "尚未下载" until refresh() finds it. Zoom with Ctrl++, Ctrl+- and
 * Ctrl+0 (fit to width) while the viewer has the focus.
 */
class MaterialViewer : public QWidget
{
    Q_OBJECT

public:
    /// One material of the application.
    struct Material
    {
        QString key;    ///< "item/material"
        QString name;   ///< shown name (the catalog's, or the key)
        QString fileId; ///< SHA-256 of the file; empty for a paper original

        bool operator==(const Material &) const = default;
    };
    /// What the viewer shows.
    enum class Mode { Nothing, Paper, NotDownloaded, Pdf, Image, Unreadable };

    explicit MaterialViewer(QWidget *parent = nullptr);
    ~MaterialViewer() override;

    /// The directory the files are downloaded to (DeskContext::filesDir()).
    void setFilesDir(const QString &dir);
    /// Replaces the list of materials; shows the first (or the one shown before, if still there).
    void setMaterials(const QList<Material> &materials);
    const QList<Material> &materials() const { return m_materials; }
    /// Shows the material @p key; false when it is not in the list.
    bool showMaterial(const QString &key);
    QString currentKey() const;

    Mode mode() const { return m_mode; }
    /// The line above the file: its name, type, pages or size, or why it is not shown.
    QString statusText() const;
    /// Pages of the PDF shown (0 otherwise).
    int pageCount() const;
    /// The zoom factor of the PDF or image shown (1 = 100 %).
    double zoom() const { return m_zoom; }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    /// PDF: fit the page width; image: fit the whole image in the view.
    void fit();
    /// Looks again for the current material's file (after a background download).
    void refresh();

Q_SIGNALS:
    void currentChanged(const QString &key);

private:
    void show(int index);
    void setZoom(double zoom);
    void setStatus(Mode mode, const QString &text);

    QString m_dir;
    QList<Material> m_materials;
    QComboBox *m_choice = nullptr;
    QLabel *m_status = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_message = nullptr;
    QPdfDocument *m_pdf = nullptr;
    QPdfView *m_pdfView = nullptr;
    QGraphicsScene *m_scene = nullptr;
    QGraphicsView *m_imageView = nullptr;
    QGraphicsPixmapItem *m_image = nullptr;
    QAction *m_zoomIn = nullptr;
    QAction *m_zoomOut = nullptr;
    QAction *m_fit = nullptr;
    Mode m_mode = Mode::Nothing;
    double m_zoom = 1.0;
};

} // namespace spgl::desk
