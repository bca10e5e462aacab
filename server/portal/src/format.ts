import { t } from './i18n'

export function unitName(u: string) { return u === 'day' || u === 'natural' ? t('自然日') : t('工作日') }

const STATUS: Record<string, [string, string]> = {
  draft: ['草稿', 'info'],
  submitted: ['已提交，待受理', 'primary'],
  accepted: ['已受理', 'success'],
  in_review: ['审查中', 'primary'],
  supplement_requested: ['待补正', 'warning'],
  refused: ['不予受理', 'danger'],
  withdrawn: ['已撤回', 'info'],
  concluded: ['已办结', 'success'],
  delivered: ['已送达', 'success'],
  approved: ['准予许可', 'success'],
  approved_tolerated: ['容缺许可', 'success'],
  disapproved: ['不予许可', 'danger'],
  suspended: ['特别程序', 'warning'],
  pending: ['待办理', 'info'],
  claimed: ['办理中', 'primary'],
  open: ['办理中', 'primary'],
  decided: ['已决定', 'success'],
}
export function statusName(s: string) { return STATUS[s] ? t(STATUS[s][0]) : s }
export function statusType(s: string): any { return STATUS[s]?.[1] ?? 'info' }

export function levelName(l: string) { return l === 'overdue' ? t('超期') : l === 'warning' ? t('预警') : t('正常') }
export function levelType(l: string): any { return l === 'overdue' ? 'danger' : l === 'warning' ? 'warning' : 'success' }

export function dateTime(s?: string) {
  if (!s) return ''
  return s.replace('T', ' ').replace(/(:\d\d)(\.\d+)?([+-]\d\d:\d\d|Z)$/, '$1')
}
