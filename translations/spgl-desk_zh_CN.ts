<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name>ApiReply</name>
    <message>
        <location filename="../client/core/apiclient.cpp" line="22"/>
        <source>无法连接服务器：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/apiclient.cpp" line="26"/>
        <source>服务器返回 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/apiclient.cpp" line="154"/>
        <source>已取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComplianceReportWriter</name>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="52"/>
        <source>禁止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="54"/>
        <source>警示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="55"/>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="208"/>
        <source>提示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="79"/>
        <source>项目用地范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="100"/>
        <source>该项目没有用地范围，无法生成合规性检查报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="105"/>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="124"/>
        <source>一张蓝图合规性检查报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="109"/>
        <source>无法写入文件 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="130"/>
        <source>项目：%1（项目代码 %2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="131"/>
        <source>检查时间：%1（北京时间）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="132"/>
        <source>用地面积：%L1 m²（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="135"/>
        <source>结论：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="135"/>
        <source>未发现禁止性冲突</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="135"/>
        <source>存在禁止性冲突，需调整选址或办理相关手续</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="145"/>
        <source>注意：本报告所用图层为合成演示数据，不能作为审批依据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="185"/>
        <source>图层 / 类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="185"/>
        <source>规则</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="185"/>
        <source>级别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="185"/>
        <source>重叠面积 (m²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="185"/>
        <source>占用地比例</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="202"/>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="208"/>
        <source>（无）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="208"/>
        <source>用地范围未与任何管控图层重叠</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="216"/>
        <source>%1 第 %2 版</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="223"/>
        <source>图层版本：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="223"/>
        <source>（未提供）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/map/compliancereportwriter.cpp" line="224"/>
        <source>
数据来源：合成演示数据</source>
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
    <name>spgl::desk::AnnotationPanel</name>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="60"/>
        <source>审查批注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="75"/>
        <source>&lt;b&gt;审查批注&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="78"/>
        <source>点批注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="79"/>
        <source>线批注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="80"/>
        <source>面批注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="78"/>
        <source>在地图上点击一处，再填写批注内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="79"/>
        <location filename="../client/gui/map/annotationpanel.cpp" line="80"/>
        <source>在地图上依次点击各顶点，双击或回车结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="85"/>
        <source>批注内容（先在地图上绘制，再填写并保存）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="87"/>
        <source>保存批注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="103"/>
        <source>内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="103"/>
        <source>作者</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="103"/>
        <source>部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="103"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="103"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="107"/>
        <source>标记已解决</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="108"/>
        <source>撤回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="109"/>
        <source>重新打开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="153"/>
        <source>已解决</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="155"/>
        <source>已撤回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="156"/>
        <source>待处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="184"/>
        <location filename="../client/gui/map/annotationpanel.cpp" line="205"/>
        <source>（待同步）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="203"/>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="203"/>
        <source>否</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="205"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="219"/>
        <location filename="../client/gui/map/annotationpanel.cpp" line="243"/>
        <source>请先选择项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="225"/>
        <source>请在地图上点击批注位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="226"/>
        <source>请在地图上绘制，双击或回车结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="235"/>
        <source>已绘制，请填写批注内容后保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="247"/>
        <source>请先在地图上绘制批注的位置（点、线或面）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="251"/>
        <source>请填写批注内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="265"/>
        <source>批注已保存，将在下次同步时发送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="276"/>
        <source>请先在列表中选择一条批注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/annotationpanel.cpp" line="284"/>
        <source>批注已标记为“%1”，将在下次同步时发送</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::ApplicationTableModel</name>
    <message>
        <location filename="../client/gui/applicationtablemodel.cpp" line="96"/>
        <source>（待同步）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/applicationtablemodel.cpp" line="98"/>
        <source>（服务器未受理此代办，见操作列表）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/applicationtablemodel.cpp" line="121"/>
        <source>申报编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/applicationtablemodel.cpp" line="123"/>
        <source>项目代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/applicationtablemodel.cpp" line="125"/>
        <source>项目名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/applicationtablemodel.cpp" line="127"/>
        <source>阶段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/applicationtablemodel.cpp" line="129"/>
        <source>渠道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/applicationtablemodel.cpp" line="131"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/applicationtablemodel.cpp" line="133"/>
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
    <name>spgl::desk::DeskContext</name>
    <message>
        <location filename="../client/core/deskcontext.cpp" line="185"/>
        <source>未登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/deskcontext.cpp" line="191"/>
        <source>还有 %1 个操作未同步到服务器，清除本机缓存会丢失它们</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::FormDialog</name>
    <message>
        <location filename="../client/gui/formdialog.cpp" line="30"/>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/formdialog.cpp" line="31"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/formdialog.cpp" line="36"/>
        <source>确定（Ctrl+Enter）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/formdialog.cpp" line="140"/>
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
        <location filename="../client/app/mainwindow.cpp" line="37"/>
        <source>工程建设项目审批管理系统 — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="43"/>
        <source>窗口受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="48"/>
        <source>并联审批</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="52"/>
        <source>效能督察</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="55"/>
        <source>您的角色没有可用的工作区（管理工作区将在后续版本提供）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="57"/>
        <source>提示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="71"/>
        <source>审查批注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="72"/>
        <source>项目策划</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="77"/>
        <source>一张蓝图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="113"/>
        <source>没有可用的合规性检查结果（离线或尚未检查）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="116"/>
        <source>保存合规性检查报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="117"/>
        <source>合规性检查报告-%1.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="118"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="123"/>
        <source>已保存 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="134"/>
        <source>未能重新检查（%1），使用上次的检查结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="162"/>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="163"/>
        <source>立即同步(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="165"/>
        <source>设置(&amp;E)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="167"/>
        <source>注销(&amp;L)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="170"/>
        <source>退出(&amp;X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="172"/>
        <source>工作区(&amp;W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="177"/>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="178"/>
        <source>关于(&amp;A)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="200"/>
        <source>首次同步：第 %1 页，已接收 %2 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="207"/>
        <source>首次同步：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="207"/>
        <source>首次同步完成：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="208"/>
        <source>首次同步未完成，下次同步时继续</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="216"/>
        <source>已重新登录，正在同步未同步的操作……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="230"/>
        <source>部分图层未能更新：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="261"/>
        <source>正在加载图层……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="263"/>
        <source>图层已加载</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="264"/>
        <source>部分图层无法打开：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="287"/>
        <source>注销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="289"/>
        <source>注销后需重新登录。不清除时，本机缓存和未同步的操作都会保留，下次登录后继续同步。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="290"/>
        <source>本机缓存(&amp;W)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="291"/>
        <source>同时清除本机缓存（离线数据、已下载的材料、离线登录信息）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="299"/>
        <source>清除本机缓存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="300"/>
        <source>还有 %1 个操作尚未同步到服务器。清除本机缓存将永久丢失这些操作。

仍要清除吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="303"/>
        <source>丢弃并清除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="304"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="307"/>
        <source>未注销：还有未同步的操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="316"/>
        <source>未注销：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="325"/>
        <source>登录已过期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="327"/>
        <source>%1，登录已过期，请重新输入密码。未同步的 %2 个操作已保留，登录后立即发送。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="331"/>
        <source>上次输入未通过：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="332"/>
        <source>密码(&amp;P)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="337"/>
        <source>登录已过期：未同步的操作保留在本机，按 F5 同步时可重新登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="352"/>
        <source>● 正在同步……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="354"/>
        <source>○ 离线工作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="356"/>
        <source>● 在线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="356"/>
        <source>○ 离线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="360"/>
        <source>上次同步：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="361"/>
        <source>尚未同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="363"/>
        <source>待同步 %1&#x3000;失败 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="366"/>
        <source>同步未完成：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="372"/>
        <source>关于 spgl-desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/app/mainwindow.cpp" line="373"/>
        <source>&lt;h3&gt;工程建设项目审批管理系统 · 工作人员桌面端&lt;/h3&gt;&lt;p&gt;spgl-desk %1&lt;br&gt;Qt %2（运行时 %3）&lt;br&gt;本地缓存结构版本 %4&lt;br&gt;服务器：%5&lt;/p&gt;&lt;p&gt;乌鲁木齐市工程建设项目审批制度改革&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::MapToolDrawPolygon</name>
    <message>
        <location filename="../client/gui/map/maptooldrawpolygon.cpp" line="25"/>
        <source>绘制点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/maptooldrawpolygon.cpp" line="27"/>
        <source>绘制线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/maptooldrawpolygon.cpp" line="182"/>
        <source>请在地图上点击放置点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/maptooldrawpolygon.cpp" line="183"/>
        <source>线至少需要两个顶点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/maptooldrawpolygon.cpp" line="184"/>
        <source>多边形至少需要三个顶点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/maptooldrawpolygon.cpp" line="31"/>
        <source>绘制多边形</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::MapToolIdentify</name>
    <message>
        <location filename="../client/gui/map/maptoolidentify.cpp" line="75"/>
        <source>识别结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/maptoolidentify.cpp" line="77"/>
        <source>要素 / 字段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/maptoolidentify.cpp" line="77"/>
        <source>值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/maptoolidentify.cpp" line="83"/>
        <source>此处没有要素</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/maptoolidentify.cpp" line="86"/>
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
        <location filename="../client/gui/map/mapview.cpp" line="132"/>
        <source>比例尺 1:%L1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/mapview.cpp" line="160"/>
        <source>图层目录 %1 中没有图层文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/mapview.cpp" line="173"/>
        <source>正在加载图层目录 %1 ……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/mapview.cpp" line="223"/>
        <source>添加图层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/mapview.cpp" line="224"/>
        <source>GIS 数据 (*.gpkg *.shp *.geojson *.json *.fgb *.kml *.tif *.tiff *.vrt);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::MaterialViewer</name>
    <message>
        <location filename="../client/gui/materialviewer.cpp" line="39"/>
        <source>材料(&amp;Y)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/materialviewer.cpp" line="51"/>
        <source>放大</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/materialviewer.cpp" line="52"/>
        <source>缩小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/materialviewer.cpp" line="53"/>
        <source>适合宽度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/materialviewer.cpp" line="101"/>
        <location filename="../client/gui/materialviewer.cpp" line="184"/>
        <source>本申报没有申请材料。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/materialviewer.cpp" line="184"/>
        <source>请选择一份材料。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/materialviewer.cpp" line="189"/>
        <source>%1：纸质原件，请在窗口核验。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/materialviewer.cpp" line="195"/>
        <source>%1：文件尚未下载（同步后在后台下载，下载完成并校验后即可查看）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/materialviewer.cpp" line="207"/>
        <source>%1：PDF，共 %2 页，%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/materialviewer.cpp" line="212"/>
        <source>%1：PDF 文件无法打开（可能已损坏），%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/materialviewer.cpp" line="220"/>
        <source>%1：无法显示该文件（不是 PDF 或图片），%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/materialviewer.cpp" line="226"/>
        <source>%1：图片 %2×%3 像素，%4</source>
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
        <location filename="../client/gui/noticewriter.cpp" line="74"/>
        <source>    以下事项按告知承诺制受理，请按承诺内容在规定期限内履行并补交相关材料：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="80"/>
        <source>    你单位申报的“%1”（项目代码 %2）申请材料，经审查，不符合受理条件，本窗口决定不予受理。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="82"/>
        <source>    理由：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="83"/>
        <source>    如对本决定不服，可依法申请行政复议或者提起行政诉讼。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="86"/>
        <source>    你单位申报的“%1”（项目代码 %2）申请材料不齐全或者不符合法定形式，请补正以下材料：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="91"/>
        <source>    说明：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="92"/>
        <source>    补正材料齐全后，本窗口将重新审查。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="101"/>
        <source>经办人：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/noticewriter.cpp" line="108"/>
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
        <location filename="../client/gui/outboxwidget.cpp" line="82"/>
        <source>%1（项目 %2，%3）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/outboxwidget.cpp" line="97"/>
        <source>（服务器当前状态：%1，版本 %2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/outboxwidget.cpp" line="141"/>
        <source>放弃操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/outboxwidget.cpp" line="141"/>
        <source>放弃这个失败的操作？服务器上的状态不会改变。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::PlanningPanel</name>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="64"/>
        <source>项目策划条件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="72"/>
        <location filename="../client/gui/map/planningpanel.cpp" line="93"/>
        <source>需开展的评估</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="72"/>
        <location filename="../client/gui/map/planningpanel.cpp" line="92"/>
        <source>策划条件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="77"/>
        <source>&lt;b&gt;项目策划生成&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="86"/>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="86"/>
        <source>内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="86"/>
        <source>部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="86"/>
        <source>提出人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="86"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="86"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="106"/>
        <source>标点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="107"/>
        <source>画线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="108"/>
        <source>画面</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="106"/>
        <source>（可选）在地图上标出条件涉及的位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="107"/>
        <source>（可选）在地图上画出条件涉及的线，双击或回车结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="109"/>
        <source>（可选）在地图上画出条件涉及的范围，双击或回车结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="114"/>
        <source>条件或评估要求的内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="116"/>
        <source>提出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="118"/>
        <source>提出本部门的策划条件（离线时在下次同步时发送）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="126"/>
        <source>撤回所选条件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="140"/>
        <source>策划意见（合并所选条件；未选择时合并全部有效条件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="143"/>
        <source>合并发布策划意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="145"/>
        <source>发布新版策划意见并通知申请人（需要联网）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="159"/>
        <source>当前策划意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="238"/>
        <source>请先在“项目定位”中选择项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="247"/>
        <source>尚未从服务器读取本项目的策划（离线时只显示本机提出的条件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="248"/>
        <source>服务器数据读取于 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="255"/>
        <source>已撤回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="255"/>
        <source>有效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="257"/>
        <source>（待同步）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="259"/>
        <source>服务器拒绝：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="261"/>
        <source>评估：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="262"/>
        <source>条件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="289"/>
        <source>%1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="306"/>
        <source>牵头部门尚未发布策划意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="312"/>
        <source>第 %1 版（%2，%3）合并 %4 条条件：
%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="322"/>
        <location filename="../client/gui/map/planningpanel.cpp" line="346"/>
        <location filename="../client/gui/map/planningpanel.cpp" line="404"/>
        <source>请先选择项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="328"/>
        <source>请在地图上点击条件涉及的位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="329"/>
        <source>请在地图上绘制，双击或回车结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="338"/>
        <source>已绘制，请填写条件内容后提出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="350"/>
        <source>只有审批部门人员可以提出策划条件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="354"/>
        <source>请填写条件内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="375"/>
        <source>策划条件已提出，将在下次同步时发送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="386"/>
        <source>请在列表中选择一条要撤回的条件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="395"/>
        <source>尚未发送的条件已取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="395"/>
        <source>撤回已记录，将在下次同步时发送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="408"/>
        <source>只有牵头部门可以发布策划意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="413"/>
        <source>请填写策划意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="428"/>
        <source>还有 %1 条策划条件或撤回尚未同步，请先同步再发布</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="432"/>
        <source>所选条件均已撤回或被拒绝，请重新选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="439"/>
        <source>正在发布策划意见……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="455"/>
        <source>第 %1 版策划意见已发布，申请人将收到通知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="459"/>
        <source>发布策划意见需要联网，当前离线：意见内容已保留，联网后再发布</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/planningpanel.cpp" line="461"/>
        <source>发布失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::ProjectSearchPanel</name>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="93"/>
        <source>项目用地范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="99"/>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="140"/>
        <source>用地范围历史</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="109"/>
        <source>搜索项目：名称、项目代码或建设单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="111"/>
        <source>在服务器上查找</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="113"/>
        <source>查找本机缓存以外的项目，例如尚未申报、正在策划的项目（需要联网）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="123"/>
        <source>申请 / 审批事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="123"/>
        <source>部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="123"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="123"/>
        <source>时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="131"/>
        <source>&lt;b&gt;项目定位&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="138"/>
        <source>审批进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="142"/>
        <source>合规性检查报告（PDF）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="173"/>
        <source>%1（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="176"/>
        <source>建设单位：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="179"/>
        <source>本地缓存中没有匹配的项目（按回车在服务器上查找）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="187"/>
        <source>请输入项目名称或项目代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="191"/>
        <source>正在服务器上查找“%1”……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="199"/>
        <source>无法连接服务器，只能查找本机缓存中的项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="207"/>
        <source>服务器上找到 %1 个项目，已保存到本机以便离线使用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="208"/>
        <source>服务器上也没有匹配“%1”的项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="215"/>
        <source>本地缓存中没有该项目，请先同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="221"/>
        <source>%1
项目代码：%2
建设单位：%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="242"/>
        <source>
该项目尚未登记用地范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="246"/>
        <source>正在读取用地范围历史……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="261"/>
        <source>%1 申请 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="271"/>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="277"/>
        <source>本地缓存中没有该项目的申请</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="284"/>
        <source>请先定位项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="287"/>
        <source>没有可用的合规性检查结果（离线或尚未检查）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="322"/>
        <source>离线时无法读取用地范围历史</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="332"/>
        <source>第 %1 版  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="334"/>
        <source>  %L1 m²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="344"/>
        <source>第 %1 版 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/map/projectsearchpanel.cpp" line="348"/>
        <source>没有用地范围的历史版本</source>
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
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="70"/>
        <source>未办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="71"/>
        <source>待认领</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="72"/>
        <source>办理中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="73"/>
        <source>已办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="74"/>
        <source>全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="77"/>
        <source>搜索办件编号、项目名称、事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="79"/>
        <source>范围(&amp;F)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="81"/>
        <source>搜索(&amp;S)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="114"/>
        <source>办件详情(&amp;I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="115"/>
        <source>申请材料(&amp;M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="125"/>
        <source>认领</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="126"/>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="387"/>
        <source>审查意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="128"/>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="406"/>
        <source>征求意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="130"/>
        <source>答复征求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="132"/>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="440"/>
        <source>开始特别程序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="134"/>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="455"/>
        <source>结束特别程序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="136"/>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="470"/>
        <source>要求补正</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="138"/>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="487"/>
        <source>办结决定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="196"/>
        <source>已记录，待同步（操作号 %1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="196"/>
        <source>未执行：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="247"/>
        <source>&lt;p&gt;请在左侧选择一个办件。&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="265"/>
        <source>&lt;p&gt;&lt;b&gt;项目：&lt;/b&gt;%1（%2）&lt;br&gt;&lt;b&gt;建设单位：&lt;/b&gt;%3&lt;br&gt;&lt;b&gt;申报：&lt;/b&gt;%4，%5，%6&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="268"/>
        <source>&lt;p&gt;&lt;b&gt;状态：&lt;/b&gt;%1&#x3000;&lt;b&gt;承办人：&lt;/b&gt;%2&#x3000;&lt;b&gt;版本：&lt;/b&gt;%3&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="274"/>
        <source>&lt;p&gt;&lt;b&gt;时限：&lt;/b&gt;%1 %2，截止 %3，已用 %4 个工作日，剩余 %5，%6%7&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="276"/>
        <source>自然日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="276"/>
        <source>工作日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="281"/>
        <source>（暂停计时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="287"/>
        <source>&lt;p&gt;&lt;b&gt;容缺材料：&lt;/b&gt;%1（补齐期限 %2）&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="294"/>
        <source>&lt;p&gt;&lt;b&gt;补正材料：&lt;/b&gt;%1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="296"/>
        <source>&lt;p&gt;&lt;b&gt;审查意见：&lt;/b&gt;%1 条&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="298"/>
        <source>&lt;h4&gt;征求意见&lt;/h4&gt;&lt;ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="300"/>
        <source>&lt;li&gt;%1 → %2：%3&lt;br&gt;答复：%4&lt;/li&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="302"/>
        <source>（待答复）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="306"/>
        <source>&lt;h4&gt;特别程序&lt;/h4&gt;&lt;ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="308"/>
        <source>&lt;li&gt;%1：%2 起，%3；%4&lt;/li&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="310"/>
        <source>%1 结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="310"/>
        <source>进行中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="314"/>
        <source>&lt;p&gt;&lt;b&gt;批复文件：&lt;/b&gt;%1《%2》%3，有效期至 %4&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="318"/>
        <source>&lt;h4&gt;并联办件进度&lt;/h4&gt;&lt;table border=1 cellspacing=0 cellpadding=3&gt;&lt;tr&gt;&lt;th&gt;办件&lt;/th&gt;&lt;th&gt;事项&lt;/th&gt;&lt;th&gt;部门&lt;/th&gt;&lt;th&gt;状态&lt;/th&gt;&lt;th&gt;截止&lt;/th&gt;&lt;th&gt;预警&lt;/th&gt;&lt;th&gt;意见&lt;/th&gt;&lt;/tr&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="334"/>
        <source>&lt;h4&gt;申报表单&lt;/h4&gt;&lt;table border=0 cellpadding=2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="339"/>
        <source>&lt;h4&gt;申请材料&lt;/h4&gt;&lt;ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="342"/>
        <source>（纸质原件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="376"/>
        <source>正在记录……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="388"/>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="493"/>
        <source>意见(&amp;O)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="407"/>
        <source>征求部门(&amp;D)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="408"/>
        <source>征求事项(&amp;Q)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="426"/>
        <source>答复征求意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="427"/>
        <source>征求意见(&amp;C)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="428"/>
        <source>答复(&amp;A)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="441"/>
        <source>程序(&amp;K)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="442"/>
        <source>专家评审</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="443"/>
        <source>现场听证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="444"/>
        <source>现场勘察</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="445"/>
        <source>招投标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="446"/>
        <source>环评公示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="447"/>
        <source>理由(&amp;R)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="456"/>
        <source>结果(&amp;R)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="471"/>
        <source>补正材料(&amp;M)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="472"/>
        <source>说明(&amp;N)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="489"/>
        <source>通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="489"/>
        <source>不通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="491"/>
        <source>容缺通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="492"/>
        <source>结论(&amp;U)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="493"/>
        <source>经审查，符合要求，同意。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="494"/>
        <source>批复文号(&amp;N)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="495"/>
        <source>批复文件标题(&amp;T)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="495"/>
        <source>关于%1的批复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="496"/>
        <source>批复日期(&amp;D)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/review/reviewworkspace.cpp" line="497"/>
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
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="114"/>
        <source>；</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="172"/>
        <source>合计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="182"/>
        <source>&lt;h3&gt;申报 %1&lt;/h3&gt;&lt;p&gt;（本地缓存的状态%2）&lt;/p&gt;&lt;ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="184"/>
        <source>，离线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="184"/>
        <source>，正在读取办理过程……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/supervise/superviseworkspace.cpp" line="187"/>
        <source>&lt;li&gt;%1 %2 %3：%4&lt;/li&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::SyncWorker</name>
    <message>
        <location filename="../client/core/syncworker.cpp" line="108"/>
        <location filename="../client/core/syncworker.cpp" line="134"/>
        <source>正在同步，请稍后再试</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/syncworker.cpp" line="140"/>
        <source>没有可用的离线会话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/syncworker.cpp" line="159"/>
        <location filename="../client/core/syncworker.cpp" line="199"/>
        <location filename="../client/core/syncworker.cpp" line="247"/>
        <location filename="../client/core/syncworker.cpp" line="269"/>
        <source>未登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/syncworker.cpp" line="163"/>
        <source>离线工作：登录后才能同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/syncworker.cpp" line="211"/>
        <source>登录的用户与本机缓存的用户不同</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/syncworker.cpp" line="252"/>
        <source>未知的操作：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/core/syncworker.cpp" line="296"/>
        <source>离线工作：需要连接服务器</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::Texts</name>
    <message>
        <location filename="../client/gui/texts.cpp" line="11"/>
        <source>已接件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="13"/>
        <location filename="../client/gui/texts.cpp" line="36"/>
        <source>补正中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="15"/>
        <source>已撤件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="17"/>
        <location filename="../client/gui/texts.cpp" line="66"/>
        <source>不予受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="19"/>
        <source>审批中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="21"/>
        <source>阶段办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="23"/>
        <source>未通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="25"/>
        <source>已出件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="32"/>
        <source>待认领</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="34"/>
        <source>办理中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="38"/>
        <source>特别程序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="40"/>
        <source>办结（通过）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="42"/>
        <source>办结（容缺通过）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="44"/>
        <source>办结（不通过）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="51"/>
        <source>预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="53"/>
        <source>超期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="55"/>
        <source>督办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="57"/>
        <source>正常</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="64"/>
        <source>受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="68"/>
        <source>补正</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="70"/>
        <source>认领</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="72"/>
        <source>审查意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="74"/>
        <source>征求意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="76"/>
        <source>答复征求意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="78"/>
        <source>开始特别程序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="80"/>
        <source>结束特别程序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="82"/>
        <source>办结决定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="84"/>
        <source>统一出件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="86"/>
        <source>审查批注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="88"/>
        <source>批注状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="90"/>
        <source>提出策划条件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="92"/>
        <source>撤回策划条件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="94"/>
        <source>窗口代办申报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="107"/>
        <source>区域环境影响评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="109"/>
        <source>区域节能评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="111"/>
        <source>地质灾害危险性评估</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="113"/>
        <source>地震安全性评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="115"/>
        <source>水资源论证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="117"/>
        <source>压覆矿产资源评估</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="124"/>
        <source>待同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="126"/>
        <source>已生效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="128"/>
        <source>被拒绝</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="130"/>
        <source>冲突</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="137"/>
        <source>通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="139"/>
        <source>容缺通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="141"/>
        <source>不通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="147"/>
        <source>邮寄送达</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="148"/>
        <source>现场领取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="149"/>
        <source>网上送达</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="152"/>
        <source>，邮件单号 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="154"/>
        <source>，收件人 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="154"/>
        <source>，领取人 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="156"/>
        <source>，%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="175"/>
        <source>窗口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="177"/>
        <source>网上</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="185"/>
        <source>立项用地规划许可</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="187"/>
        <source>工程建设许可</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="189"/>
        <source>施工许可</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="191"/>
        <source>竣工验收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/gui/texts.cpp" line="193"/>
        <source>第%1阶段</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::WalkInDialog</name>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="60"/>
        <source>窗口代办申报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="71"/>
        <source>读取办事指南(&amp;G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="74"/>
        <source>项目(&amp;P)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="79"/>
        <source>阶段(&amp;S)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="88"/>
        <source>已收材料(&amp;M)（勾选已收的纸质原件，或附上扫描件）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="90"/>
        <source>附加扫描件(&amp;A)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="92"/>
        <source>为选中的材料附上扫描件（PDF 或图片）；离线时先存在本机，联网后上传</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="94"/>
        <source>选择项目和阶段后读取办事指南（离线也可代办）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="130"/>
        <source>已代办申报 %1（待同步）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="162"/>
        <source>本机没有该项目类型在此阶段的办事指南：请先联网同步一次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="98"/>
        <source>提交申报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="101"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="126"/>
        <source>未提交：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="154"/>
        <source>请选择项目。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="163"/>
        <source>本机没有该项目所用审批流程（%1 %2 版）在此阶段的办事指南：请先联网同步一次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="170"/>
        <source>按审批流程「%1」%2 版办理。请按申请人提交的纸质申请表填写；勾选已收的纸质原件，或为材料附上扫描件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="198"/>
        <source>（请选择）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="244"/>
        <source>无法读取文件：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="253"/>
        <source>%1 %2&#x3000;［扫描件：%3］</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="273"/>
        <source>选择扫描件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="273"/>
        <source>扫描件 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="305"/>
        <source>请按服务器的答复修改后重新提交。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/walkindialog.cpp" line="434"/>
        <source>正在提交……</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spgl::desk::WindowWorkspace</name>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="89"/>
        <source>搜索申报编号、项目代码、项目名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="91"/>
        <source>搜索(&amp;S)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="101"/>
        <source>申报详情(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="106"/>
        <source>材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="106"/>
        <source>核验</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="106"/>
        <source>退回理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="112"/>
        <source>核验通过(&amp;G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="114"/>
        <source>退回(&amp;N)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="116"/>
        <source>材料核验(&amp;K)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="136"/>
        <source>材料(&amp;M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="138"/>
        <source>受理(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="140"/>
        <source>不予受理(&amp;J)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="142"/>
        <source>补正材料(&amp;B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="144"/>
        <source>打开通知书(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="146"/>
        <source>另存通知书(&amp;V)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="158"/>
        <source>代办申报(&amp;C)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="160"/>
        <source>窗口代办：为到窗口办理的申请人填报申报（需要在线）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="194"/>
        <source>受理(&amp;1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="204"/>
        <source>申报编号、项目代码、项目名称、建设单位或状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="206"/>
        <source>查询(&amp;Q)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="215"/>
        <source>综合查询(&amp;2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="225"/>
        <source>待出件(&amp;L)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="229"/>
        <source>出件(&amp;E)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="256"/>
        <source>统一出件(&amp;3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="329"/>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="345"/>
        <source>未执行：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="335"/>
        <source>已记录出件，待同步：%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="355"/>
        <source>操作已记录，待同步；但通知书未能生成：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="362"/>
        <source>已记录，待同步。%1已生成：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="377"/>
        <source>乌鲁木齐市政务服务中心工程建设项目综合服务窗口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="423"/>
        <source>&lt;p&gt;请在左侧选择一个待受理的申报。&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="440"/>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="829"/>
        <source>&lt;h3&gt;申报 %1&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="441"/>
        <source>&lt;p&gt;&lt;b&gt;项目：&lt;/b&gt;%1（%2）&lt;br&gt;&lt;b&gt;建设单位：&lt;/b&gt;%3&lt;br&gt;&lt;b&gt;阶段：&lt;/b&gt;%4&#x3000;&lt;b&gt;渠道：&lt;/b&gt;%5&#x3000;&lt;b&gt;状态：&lt;/b&gt;%6%7&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="445"/>
        <source>（待同步）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="450"/>
        <source>&lt;p&gt;&lt;b&gt;待补正：&lt;/b&gt;%1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="453"/>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="844"/>
        <source>&lt;p&gt;&lt;b&gt;出件：&lt;/b&gt;%1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="454"/>
        <source>&lt;h4&gt;申报事项&lt;/h4&gt;&lt;ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="458"/>
        <source>&lt;h4&gt;申请材料&lt;/h4&gt;&lt;ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="462"/>
        <source>（纸质原件，窗口核验）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="464"/>
        <source>&lt;h4&gt;申报表单&lt;/h4&gt;&lt;table border=0 cellpadding=2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="555"/>
        <source>通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="556"/>
        <source>退回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="557"/>
        <source>待核验</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="590"/>
        <source>退回材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="591"/>
        <source>材料：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="592"/>
        <source>退回理由(&amp;R)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="631"/>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="893"/>
        <source>正在记录……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="674"/>
        <source>受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="675"/>
        <source>受理后各部门办件开始计时。容缺受理的材料须由申请人承诺在期限内补齐；告知承诺制事项按承诺办理。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="677"/>
        <source>注意：以下材料核验未通过，宜先要求补正：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="679"/>
        <source>（部分事项的目录尚未读取：离线且此前未读取过，无法列出容缺和告知承诺选项。）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="681"/>
        <source>没有可容缺受理的缺失材料。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="683"/>
        <source>容缺材料(&amp;T)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="685"/>
        <source>告知承诺事项(&amp;C)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="686"/>
        <source>受理意见(&amp;O)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="686"/>
        <source>材料齐全，符合法定形式，予以受理。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="712"/>
        <source>不予受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="713"/>
        <source>理由(&amp;R)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="736"/>
        <source>（退回：%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="737"/>
        <source>%1（退回理由：%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="739"/>
        <source>（已交，需更正）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="740"/>
        <source>（需更正）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="753"/>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="754"/>
        <source>（未交）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="757"/>
        <source>补正材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="758"/>
        <source>补正材料(&amp;M)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="762"/>
        <source>说明(&amp;N)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="772"/>
        <source>%1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="778"/>
        <source>退回理由：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="820"/>
        <source>&lt;p&gt;请在左侧选择一个待出件的申报。&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="830"/>
        <source>&lt;p&gt;&lt;b&gt;项目：&lt;/b&gt;%1（%2）&lt;br&gt;&lt;b&gt;建设单位：&lt;/b&gt;%3&lt;br&gt;&lt;b&gt;阶段：&lt;/b&gt;%4&#x3000;&lt;b&gt;状态：&lt;/b&gt;%5&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="833"/>
        <source>&lt;h4&gt;审批结果&lt;/h4&gt;&lt;table border=1 cellspacing=0 cellpadding=3&gt;&lt;tr&gt;&lt;th&gt;办件&lt;/th&gt;&lt;th&gt;事项&lt;/th&gt;&lt;th&gt;结论&lt;/th&gt;&lt;th&gt;批复文件&lt;/th&gt;&lt;/tr&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="838"/>
        <source>%1《%2》</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="906"/>
        <source>已代办申报 %1（待同步），已列入待受理列表。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="924"/>
        <source>无法重做：本机缓存中没有该项目或它的办事指南，请先同步。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="846"/>
        <source>&lt;p&gt;（出件已记录，待同步）&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="855"/>
        <source>统一出件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="856"/>
        <source>申报 %1 的审批结果由综合窗口统一出件。请记录交付方式。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="857"/>
        <source>出件方式(&amp;W)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="858"/>
        <source>网上送达（电子证照）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="859"/>
        <source>现场领取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="860"/>
        <source>邮寄送达</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="861"/>
        <source>领取人/收件人(&amp;R)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="862"/>
        <source>邮件单号(&amp;T)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="863"/>
        <source>备注(&amp;N)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="867"/>
        <source>邮寄送达须填写邮件单号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="871"/>
        <source>邮件单号应为 6–40 位字母、数字或连字符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="873"/>
        <source>现场领取须填写领取人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="944"/>
        <source>另存通知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="945"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../client/workspaces/window/windowworkspace.cpp" line="950"/>
        <source>无法保存到 %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
