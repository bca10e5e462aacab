<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name>ApiReply</name>
    <message>
        <location filename="../client/core/apiclient.cpp" line="20"/>
        <source>无法连接服务器：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/apiclient.cpp" line="24"/>
        <source>服务器返回 %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../client/app/main.cpp" line="35"/>
        <source>工程建设项目审批管理系统 · 工作人员桌面端</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/main.cpp" line="38"/>
        <source>服务器地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/main.cpp" line="41"/>
        <source>直接打开工作区：window、review 或 supervise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/main.cpp" line="43"/>
        <source>本地缓存目录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/main.cpp" line="45"/>
        <source>登录用户名</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::ApplicationTableModel</name>
    <message>
        <location filename="../client/gui/applicationtablemodel.cpp" line="90"/>
        <source>（待同步）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/applicationtablemodel.cpp" line="113"/>
        <source>申报编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/applicationtablemodel.cpp" line="115"/>
        <source>项目代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/applicationtablemodel.cpp" line="117"/>
        <source>项目名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/applicationtablemodel.cpp" line="119"/>
        <source>阶段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/applicationtablemodel.cpp" line="121"/>
        <source>渠道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/applicationtablemodel.cpp" line="123"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/applicationtablemodel.cpp" line="125"/>
        <source>提交时间</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::CaseTableModel</name>
    <message>
        <location filename="../client/gui/casetablemodel.cpp" line="90"/>
        <source>（待同步）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/casetablemodel.cpp" line="92"/>
        <source>（暂停计时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/casetablemodel.cpp" line="114"/>
        <source>办件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/casetablemodel.cpp" line="116"/>
        <source>项目名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/casetablemodel.cpp" line="118"/>
        <source>审批事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/casetablemodel.cpp" line="120"/>
        <source>部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/casetablemodel.cpp" line="122"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/casetablemodel.cpp" line="124"/>
        <source>办理时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/casetablemodel.cpp" line="126"/>
        <source>预警</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::FormDialog</name>
    <message>
        <location filename="../client/gui/formdialog.cpp" line="28"/>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/formdialog.cpp" line="29"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/formdialog.cpp" line="131"/>
        <source>请填写所有必填项</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::LayerStyle</name>
    <message>
        <location filename="../client/core/map/layerstyle.cpp" line="91"/>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::LayerTreeWidget</name>
    <message>
        <location filename="../client/gui/map/layertreewidget.cpp" line="45"/>
        <source>不透明度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/layertreewidget.cpp" line="51"/>
        <source>图层</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::LoginDialog</name>
    <message>
        <location filename="../client/app/logindialog.cpp" line="19"/>
        <source>登录 — 工程建设项目审批管理系统</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/logindialog.cpp" line="29"/>
        <source>服务器(&amp;S)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/logindialog.cpp" line="30"/>
        <source>用户名(&amp;U)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/logindialog.cpp" line="31"/>
        <source>密码(&amp;P)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/logindialog.cpp" line="37"/>
        <source>登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/logindialog.cpp" line="40"/>
        <source>离线工作(&amp;O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/logindialog.cpp" line="42"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/logindialog.cpp" line="47"/>
        <source>以 %1（%2）的身份使用本机缓存，不连接服务器</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/logindialog.cpp" line="49"/>
        <source>&lt;h2&gt;工程建设项目审批管理系统&lt;/h2&gt;&lt;p&gt;乌鲁木齐市 · 工作人员桌面端&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/logindialog.cpp" line="90"/>
        <source>正在连接……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/logindialog.cpp" line="97"/>
        <source>请填写服务器地址和用户名</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::MainWindow</name>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="27"/>
        <source>工程建设项目审批管理系统 — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="33"/>
        <source>窗口受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="38"/>
        <source>并联审批</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="42"/>
        <source>效能督察</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="45"/>
        <source>您的角色没有可用的工作区（管理工作区将在后续版本提供）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="47"/>
        <source>提示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="51"/>
        <source>一张蓝图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="57"/>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="58"/>
        <source>立即同步(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="60"/>
        <source>设置(&amp;E)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="62"/>
        <source>退出(&amp;X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="64"/>
        <source>工作区(&amp;W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="69"/>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="70"/>
        <source>关于(&amp;A)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="109"/>
        <source>正在加载图层……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="111"/>
        <source>图层已加载</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="112"/>
        <source>部分图层无法打开：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="132"/>
        <source>● 正在同步……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="134"/>
        <source>○ 离线工作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="136"/>
        <source>● 在线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="136"/>
        <source>○ 离线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="140"/>
        <source>上次同步：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="141"/>
        <source>尚未同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="143"/>
        <source>待同步 %1&#x3000;失败 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="146"/>
        <source>同步未完成：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="152"/>
        <source>关于 spgl-desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="153"/>
        <source>&lt;h3&gt;工程建设项目审批管理系统 · 工作人员桌面端&lt;/h3&gt;&lt;p&gt;spgl-desk %1&lt;br&gt;Qt %2（运行时 %3）&lt;br&gt;本地缓存结构版本 %4&lt;br&gt;服务器：%5&lt;/p&gt;&lt;p&gt;乌鲁木齐市工程建设项目审批制度改革&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::MapToolDrawPolygon</name>
    <message>
        <location filename="../client/gui/map/maptooldrawpolygon.cpp" line="140"/>
        <source>多边形至少需要三个顶点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/maptooldrawpolygon.h" line="25"/>
        <source>绘制多边形</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::MapToolIdentify</name>
    <message>
        <location filename="../client/gui/map/maptoolidentify.cpp" line="62"/>
        <source>识别结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/maptoolidentify.cpp" line="64"/>
        <source>要素 / 字段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/maptoolidentify.cpp" line="64"/>
        <source>值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/maptoolidentify.cpp" line="70"/>
        <source>此处没有要素</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/maptoolidentify.cpp" line="73"/>
        <source>要素 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/maptoolidentify.h" line="26"/>
        <source>识别</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::MapToolMeasure</name>
    <message>
        <location filename="../client/gui/map/maptoolmeasure.cpp" line="115"/>
        <source>长度：%1（椭球）&#x3000;%2（高斯-克吕格 EPSG:%3）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/maptoolmeasure.cpp" line="118"/>
        <source>面积：%1（椭球）&#x3000;%2（高斯-克吕格 EPSG:%3）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/maptoolmeasure.h" line="28"/>
        <source>测量长度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/maptoolmeasure.h" line="28"/>
        <source>测量面积</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::MapToolPan</name>
    <message>
        <location filename="../client/gui/map/maptoolpan.h" line="17"/>
        <source>平移</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::MapToolZoomBox</name>
    <message>
        <location filename="../client/gui/map/maptoolzoombox.h" line="17"/>
        <source>拉框放大</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::MapView</name>
    <message>
        <location filename="../client/gui/map/mapview.cpp" line="47"/>
        <source>全图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/mapview.cpp" line="50"/>
        <source>全图 (Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/mapview.cpp" line="57"/>
        <source>添加图层…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/mapview.cpp" line="87"/>
        <source>经度 %1°  纬度 %2°（CGCS2000）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/mapview.cpp" line="124"/>
        <source>比例尺 1:%L1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/mapview.cpp" line="152"/>
        <source>图层目录 %1 中没有图层文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/mapview.cpp" line="165"/>
        <source>正在加载图层目录 %1 ……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/mapview.cpp" line="215"/>
        <source>添加图层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/mapview.cpp" line="216"/>
        <source>GIS 数据 (*.gpkg *.shp *.geojson *.json *.fgb *.kml *.tif *.tiff *.vrt);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::Measurement</name>
    <message>
        <location filename="../client/core/map/measurement.cpp" line="112"/>
        <source>%1 千米</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/measurement.cpp" line="113"/>
        <source>%1 米</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/measurement.cpp" line="119"/>
        <source>%1 平方千米</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/measurement.cpp" line="121"/>
        <source>%1 公顷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/measurement.cpp" line="122"/>
        <source>%1 平方米</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::NoticeWriter</name>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="17"/>
        <source>受理通知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="19"/>
        <source>不予受理通知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="21"/>
        <source>补正材料通知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="37"/>
        <source>无法写入文件 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="50"/>
        <source>编号：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="62"/>
        <source>申请人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="62"/>
        <source>%1：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="65"/>
        <source>    你单位申报的“%1”（项目代码 %2）申请材料，经审查，符合受理条件，本窗口决定予以受理。受理后各审批部门将并联审批，请通过网上办事大厅查询办理进度。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="69"/>
        <source>    以下材料按容缺受理办理，请在承诺期限内补齐：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="75"/>
        <source>    你单位申报的“%1”（项目代码 %2）申请材料，经审查，不符合受理条件，本窗口决定不予受理。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="77"/>
        <source>    理由：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="78"/>
        <source>    如对本决定不服，可依法申请行政复议或者提起行政诉讼。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="81"/>
        <source>    你单位申报的“%1”（项目代码 %2）申请材料不齐全或者不符合法定形式，请补正以下材料：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="86"/>
        <source>    说明：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="87"/>
        <source>    补正材料齐全后，本窗口将重新审查。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="96"/>
        <source>经办人：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="103"/>
        <source>（印章）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::OutboxWidget</name>
    <message>
        <location filename="../client/gui/outboxwidget.cpp" line="22"/>
        <source>待同步与失败的操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/outboxwidget.cpp" line="25"/>
        <source>操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/outboxwidget.cpp" line="25"/>
        <source>对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/outboxwidget.cpp" line="25"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/outboxwidget.cpp" line="25"/>
        <source>服务器答复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/outboxwidget.cpp" line="32"/>
        <source>重做(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/outboxwidget.cpp" line="34"/>
        <source>按当前状态重新执行该操作，并放弃失败的记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/outboxwidget.cpp" line="35"/>
        <source>放弃(&amp;X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/outboxwidget.cpp" line="37"/>
        <source>已看到服务器的答复，放弃该失败操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/outboxwidget.cpp" line="88"/>
        <source>（服务器当前状态：%1，版本 %2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/outboxwidget.cpp" line="128"/>
        <source>放弃操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/outboxwidget.cpp" line="128"/>
        <source>放弃这个失败的操作？服务器上的状态不会改变。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::RasterMapLayer</name>
    <message>
        <location filename="../client/core/map/rastermaplayer.cpp" line="68"/>
        <source>影像（%1×%2 像素，%3 级金字塔）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::ReviewWorkspace</name>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="67"/>
        <source>未办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="68"/>
        <source>待认领</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="69"/>
        <source>办理中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="70"/>
        <source>已办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="71"/>
        <source>全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="74"/>
        <source>搜索办件编号、项目名称、事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="76"/>
        <source>范围(&amp;F)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="78"/>
        <source>搜索(&amp;S)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="116"/>
        <source>认领</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="117"/>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="365"/>
        <source>审查意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="119"/>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="384"/>
        <source>征求意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="121"/>
        <source>答复征求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="123"/>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="417"/>
        <source>开始特别程序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="125"/>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="432"/>
        <source>结束特别程序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="127"/>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="447"/>
        <source>要求补正</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="129"/>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="464"/>
        <source>办结决定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="183"/>
        <source>已记录，待同步（操作号 %1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="183"/>
        <source>未执行：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="228"/>
        <source>&lt;p&gt;请在左侧选择一个办件。&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="246"/>
        <source>&lt;p&gt;&lt;b&gt;项目：&lt;/b&gt;%1（%2）&lt;br&gt;&lt;b&gt;建设单位：&lt;/b&gt;%3&lt;br&gt;&lt;b&gt;申报：&lt;/b&gt;%4，%5，%6&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="249"/>
        <source>&lt;p&gt;&lt;b&gt;状态：&lt;/b&gt;%1&#x3000;&lt;b&gt;承办人：&lt;/b&gt;%2&#x3000;&lt;b&gt;版本：&lt;/b&gt;%3&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="255"/>
        <source>&lt;p&gt;&lt;b&gt;时限：&lt;/b&gt;%1 %2，截止 %3，已用 %4 个工作日，剩余 %5，%6%7&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="257"/>
        <source>自然日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="257"/>
        <source>工作日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="262"/>
        <source>（暂停计时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="268"/>
        <source>&lt;p&gt;&lt;b&gt;容缺材料：&lt;/b&gt;%1（补齐期限 %2）&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="275"/>
        <source>&lt;p&gt;&lt;b&gt;补正材料：&lt;/b&gt;%1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="277"/>
        <source>&lt;p&gt;&lt;b&gt;审查意见：&lt;/b&gt;%1 条&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="279"/>
        <source>&lt;h4&gt;征求意见&lt;/h4&gt;&lt;ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="281"/>
        <source>&lt;li&gt;%1 → %2：%3&lt;br&gt;答复：%4&lt;/li&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="283"/>
        <source>（待答复）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="287"/>
        <source>&lt;h4&gt;特别程序&lt;/h4&gt;&lt;ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="289"/>
        <source>&lt;li&gt;%1：%2 起，%3；%4&lt;/li&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="291"/>
        <source>%1 结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="291"/>
        <source>进行中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="295"/>
        <source>&lt;p&gt;&lt;b&gt;批复文件：&lt;/b&gt;%1《%2》%3，有效期至 %4&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="299"/>
        <source>&lt;h4&gt;并联办件进度&lt;/h4&gt;&lt;table border=1 cellspacing=0 cellpadding=3&gt;&lt;tr&gt;&lt;th&gt;办件&lt;/th&gt;&lt;th&gt;事项&lt;/th&gt;&lt;th&gt;部门&lt;/th&gt;&lt;th&gt;状态&lt;/th&gt;&lt;th&gt;截止&lt;/th&gt;&lt;th&gt;预警&lt;/th&gt;&lt;th&gt;意见&lt;/th&gt;&lt;/tr&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="315"/>
        <source>&lt;h4&gt;申报表单&lt;/h4&gt;&lt;table border=0 cellpadding=2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="320"/>
        <source>&lt;h4&gt;申请材料&lt;/h4&gt;&lt;ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="323"/>
        <source>（纸质原件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="355"/>
        <source>正在记录……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="366"/>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="470"/>
        <source>意见(&amp;O)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="385"/>
        <source>征求部门(&amp;D)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="386"/>
        <source>征求事项(&amp;Q)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="404"/>
        <source>答复征求意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="405"/>
        <source>征求意见(&amp;C)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="406"/>
        <source>答复(&amp;A)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="418"/>
        <source>程序(&amp;K)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="419"/>
        <source>专家评审</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="420"/>
        <source>现场听证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="421"/>
        <source>现场勘察</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="422"/>
        <source>招投标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="423"/>
        <source>环评公示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="424"/>
        <source>理由(&amp;R)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="433"/>
        <source>结果(&amp;R)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="448"/>
        <source>补正材料(&amp;M)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="449"/>
        <source>说明(&amp;N)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="466"/>
        <source>通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="466"/>
        <source>不通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="468"/>
        <source>容缺通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="469"/>
        <source>结论(&amp;U)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="470"/>
        <source>经审查，符合要求，同意。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="471"/>
        <source>批复文号(&amp;N)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="472"/>
        <source>批复文件标题(&amp;T)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="472"/>
        <source>关于%1的批复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="473"/>
        <source>批复日期(&amp;D)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="474"/>
        <source>有效期至(&amp;V)：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::ScaleBar</name>
    <message>
        <location filename="../client/gui/map/scalebar.cpp" line="40"/>
        <source>%1 千米</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/scalebar.cpp" line="41"/>
        <source>%1 米</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::SettingsDialog</name>
    <message>
        <location filename="../client/app/settingsdialog.cpp" line="14"/>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/settingsdialog.cpp" line="19"/>
        <source> 秒</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/settingsdialog.cpp" line="22"/>
        <source>默认服务器(&amp;S)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/settingsdialog.cpp" line="23"/>
        <source>自动同步间隔(&amp;I)：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::SuperviseWorkspace</name>
    <message>
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="53"/>
        <source>部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="53"/>
        <source>办理中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="53"/>
        <source>正常</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="53"/>
        <source>预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="53"/>
        <source>超期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="77"/>
        <source>按部门和预警级别统计(&amp;C)（未办结办件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="78"/>
        <source>超期办件(&amp;O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="79"/>
        <source>预警办件(&amp;W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="82"/>
        <source>办理过程(&amp;T)（回车查看所选办件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="103"/>
        <source>&lt;h3&gt;申报 %1 的办理过程&lt;/h3&gt;&lt;p&gt;（来自服务器）&lt;/p&gt;&lt;table border=1 cellspacing=0 cellpadding=3&gt;&lt;tr&gt;&lt;th&gt;时间&lt;/th&gt;&lt;th&gt;办件&lt;/th&gt;&lt;th&gt;环节&lt;/th&gt;&lt;th&gt;经办人&lt;/th&gt;&lt;th&gt;意见&lt;/th&gt;&lt;/tr&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="169"/>
        <source>合计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="179"/>
        <source>&lt;h3&gt;申报 %1&lt;/h3&gt;&lt;p&gt;（本地缓存的状态%2）&lt;/p&gt;&lt;ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="181"/>
        <source>，离线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="181"/>
        <source>，正在读取办理过程……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="184"/>
        <source>&lt;li&gt;%1 %2 %3：%4&lt;/li&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::SyncWorker</name>
    <message>
        <location filename="../client/core/syncworker.cpp" line="101"/>
        <source>没有可用的离线会话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/syncworker.cpp" line="119"/>
        <location filename="../client/core/syncworker.cpp" line="139"/>
        <source>未登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/syncworker.cpp" line="123"/>
        <source>离线工作：登录后才能同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/syncworker.cpp" line="144"/>
        <source>未知的操作：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::Texts</name>
    <message>
        <location filename="../client/gui/texts.cpp" line="8"/>
        <source>已接件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="10"/>
        <location filename="../client/gui/texts.cpp" line="33"/>
        <source>补正中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="12"/>
        <source>已撤件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="14"/>
        <location filename="../client/gui/texts.cpp" line="63"/>
        <source>不予受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="16"/>
        <source>审批中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="18"/>
        <source>阶段办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="20"/>
        <source>未通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="22"/>
        <source>已出件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="29"/>
        <source>待认领</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="31"/>
        <source>办理中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="35"/>
        <source>特别程序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="37"/>
        <source>办结（通过）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="39"/>
        <source>办结（容缺通过）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="41"/>
        <source>办结（不通过）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="48"/>
        <source>预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="50"/>
        <source>超期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="52"/>
        <source>督办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="54"/>
        <source>正常</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="61"/>
        <source>受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="65"/>
        <source>补正</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="67"/>
        <source>认领</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="69"/>
        <source>审查意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="71"/>
        <source>征求意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="73"/>
        <source>答复征求意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="75"/>
        <source>开始特别程序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="77"/>
        <source>结束特别程序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="79"/>
        <source>办结决定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="81"/>
        <source>统一出件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="88"/>
        <source>待同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="90"/>
        <source>已生效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="92"/>
        <source>被拒绝</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="94"/>
        <source>冲突</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="101"/>
        <source>通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="103"/>
        <source>容缺通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="105"/>
        <source>不通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="112"/>
        <source>窗口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="114"/>
        <source>网上</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="122"/>
        <source>立项用地规划许可</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="124"/>
        <source>工程建设许可</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="126"/>
        <source>施工许可</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="128"/>
        <source>竣工验收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="130"/>
        <source>第%1阶段</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::WindowWorkspace</name>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="76"/>
        <source>搜索申报编号、项目代码、项目名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="78"/>
        <source>搜索(&amp;S)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="85"/>
        <source>受理(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="87"/>
        <source>不予受理(&amp;J)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="89"/>
        <source>补正材料(&amp;B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="91"/>
        <source>打开通知书(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="93"/>
        <source>另存通知书(&amp;V)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="136"/>
        <source>受理(&amp;1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="146"/>
        <source>申报编号、项目代码、项目名称、建设单位或状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="148"/>
        <source>查询(&amp;Q)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="157"/>
        <source>综合查询(&amp;2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="205"/>
        <source>未执行：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="215"/>
        <source>操作已记录，待同步；但通知书未能生成：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="222"/>
        <source>已记录，待同步。%1已生成：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="237"/>
        <source>乌鲁木齐市政务服务中心工程建设项目综合服务窗口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="278"/>
        <source>&lt;p&gt;请在左侧选择一个待受理的申报。&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="290"/>
        <source>&lt;h3&gt;申报 %1&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="291"/>
        <source>&lt;p&gt;&lt;b&gt;项目：&lt;/b&gt;%1（%2）&lt;br&gt;&lt;b&gt;建设单位：&lt;/b&gt;%3&lt;br&gt;&lt;b&gt;阶段：&lt;/b&gt;%4&#x3000;&lt;b&gt;渠道：&lt;/b&gt;%5&#x3000;&lt;b&gt;状态：&lt;/b&gt;%6%7&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="295"/>
        <source>（待同步）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="300"/>
        <source>&lt;p&gt;&lt;b&gt;待补正：&lt;/b&gt;%1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="302"/>
        <source>&lt;h4&gt;申报事项&lt;/h4&gt;&lt;ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="306"/>
        <source>&lt;h4&gt;申请材料&lt;/h4&gt;&lt;ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="310"/>
        <source>（纸质原件，窗口核验）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="312"/>
        <source>&lt;h4&gt;申报表单&lt;/h4&gt;&lt;table border=0 cellpadding=2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="344"/>
        <source>正在记录……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="365"/>
        <source>受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="366"/>
        <source>受理后各部门办件开始计时。容缺受理的材料须由申请人承诺在期限内补齐。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="368"/>
        <source>（没有可容缺的缺失材料，或离线时无法读取事项目录。）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="370"/>
        <source>容缺材料(&amp;T)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="371"/>
        <source>受理意见(&amp;O)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="371"/>
        <source>材料齐全，符合法定形式，予以受理。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="389"/>
        <source>不予受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="390"/>
        <source>理由(&amp;R)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="404"/>
        <source>（已交，需更正）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="413"/>
        <source>（未交）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="417"/>
        <source>补正材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="418"/>
        <source>补正材料(&amp;M)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="419"/>
        <source>说明(&amp;N)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="441"/>
        <source>另存通知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="442"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="447"/>
        <source>无法保存到 %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
