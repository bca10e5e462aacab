-- The departments of the demo prefecture 乌鲁木齐市 (650100) and its comprehensive window.
INSERT INTO departments (code, name, short_name, region_code, kind, sort_order) VALUES
('11650100FGW', '乌鲁木齐市发展和改革委员会', '发展改革委', '650100', 'department', 1),
('11650100ZRZY', '乌鲁木齐市自然资源局', '自然资源局', '650100', 'department', 2),
('11650100ZJJ', '乌鲁木齐市住房和城乡建设局', '住房城乡建设局', '650100', 'department', 3),
('11650100STHJ', '乌鲁木齐市生态环境局', '生态环境局', '650100', 'department', 4),
('11650100SWJ', '乌鲁木齐市水务局', '水务局', '650100', 'department', 5),
('11650100JTYS', '乌鲁木齐市交通运输局', '交通运输局', '650100', 'department', 6),
('11650100RFB', '乌鲁木齐市人民防空办公室', '人防办', '650100', 'department', 7),
('11650100XFJY', '乌鲁木齐市消防救援支队', '消防救援支队', '650100', 'department', 8),
('11650100CSGL', '乌鲁木齐市城市管理局', '城市管理局', '650100', 'department', 9),
('11650100DAG', '乌鲁木齐市档案馆', '档案馆', '650100', 'department', 10),
('11650100XZSP', '乌鲁木齐市行政审批服务中心（综合窗口）', '综合窗口', '650100', 'window', 11);
