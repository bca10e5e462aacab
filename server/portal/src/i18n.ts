// A minimal dictionary: Simplified Chinese by default, English switchable; the choice is kept.
import { ref } from 'vue'

export type Locale = 'zh-CN' | 'en'
export const locale = ref<Locale>((localStorage.getItem('spgl.locale') as Locale) || 'zh-CN')

const en: Record<string, string> = {
  '工程建设项目审批 · 网上申报': 'Construction Permits · Online Filing',
  '办事指南': 'Guides',
  '我的项目': 'My projects',
  '我的申报': 'My applications',
  '通知': 'Notifications',
  '登录': 'Log in',
  '注册': 'Register',
  '退出': 'Log out',
  '用户名': 'User name',
  '密码': 'Password',
  '确认密码': 'Confirm password',
  '企业': 'Enterprise',
  '个人': 'Person',
  '单位名称': 'Organisation',
  '统一社会信用代码': 'Unified social credit code',
  '身份证号码': 'ID number',
  '姓名/联系人': 'Name / contact',
  '手机号码': 'Mobile',
  '电子邮箱': 'E-mail',
  '审批流程': 'Process',
  '阶段': 'Stage',
  '审批事项': 'Items',
  '办理部门': 'Department',
  '法定时限': 'Statutory limit',
  '承诺时限': 'Promised limit',
  '申请材料': 'Materials',
  '必要': 'Required',
  '可选': 'Optional',
  '可容缺': 'May follow later',
  '设立依据': 'Legal basis',
  '表单字段': 'Form fields',
  '新建项目': 'New project',
  '项目代码': 'Project code',
  '项目名称': 'Project name',
  '建设地点': 'Location',
  '申报': 'File',
  '办理进度': 'Progress',
  '提交': 'Submit',
  '保存草稿': 'Save draft',
  '下一步': 'Next',
  '上一步': 'Back',
  '撤回申请': 'Withdraw',
  '状态': 'Status',
  '办理时限': 'Time limit',
  '截止日期': 'Deadline',
  '已用工作日': 'Workdays used',
  '剩余': 'Remaining',
  '计时暂停': 'Clock paused',
  '计时中': 'Clock running',
  '当前办理人': 'Now held by',
  '办理过程': 'Timeline',
  '补正材料': 'Supplement',
  '上传': 'Upload',
  '选择文件': 'Choose file',
  '暂无数据': 'No data',
  '工作日': 'workdays',
  '自然日': 'days',
  '正常': 'normal',
  '预警': 'warning',
  '超期': 'overdue',
  '阶段时限': 'Stage limit',
  '表单': 'Form',
  '材料': 'Materials',
  '确认提交': 'Review',
  '取消': 'Cancel',
  '确定': 'OK',
  '查看': 'View',
  '刷新': 'Refresh',
  '全部已读': 'Mark all read',
}

export function t(text: string): string {
  return locale.value === 'en' ? en[text] ?? text : text
}

export function setLocale(l: Locale) {
  locale.value = l
  localStorage.setItem('spgl.locale', l)
  document.documentElement.lang = l
}
