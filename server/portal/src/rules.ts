// The unified form's visibility and completeness rules, evaluated like the server's C++
// evaluator (shared/rules): JSON Logic over {"form": data}.
import jsonLogic from 'json-logic-js'

export interface FormField {
  name: string; label: string; type: string; required?: boolean
  required_if?: unknown; visible_if?: unknown
  options?: { value: string; label: string }[]
  pattern?: string; min?: number; max?: number; max_length?: number; min_length?: number
  unit?: string; help?: string; section?: string; placeholder?: string
}
export interface FormDef { code: string; version: string; title: string; description?: string; fields: FormField[] }

function truthy(v: unknown): boolean {
  return jsonLogic.truthy(v)
}

export function evaluate(rule: unknown, data: Record<string, unknown>, fallback: boolean): boolean {
  if (rule === undefined || rule === null) return fallback
  try { return truthy(jsonLogic.apply(rule as any, { form: data })) } catch { return fallback }
}

// ---- materials and items (shared/workflow: the engine and the submission) ----

export interface MaterialDef { code: string; name: string; requirement: string; required_if?: unknown }
export interface ItemDef { code: string; applies_if?: unknown; materials: MaterialDef[] }
/** What the applicant must hand in: like the server's Engine::requiredByRule. */
export type MaterialNeed = 'required' | 'tolerable' | 'optional' | 'waived'

/**
 * A material's need for this application. The server decides with JSON Logic over
 * {"form": the stage form, "project": the blueprint's facts of the site} (e.g. the regional
 * assessments that waive 环评 inside an assessed zone); a broken rule asks for the material.
 */
export function materialNeed(m: MaterialDef, form: Record<string, unknown>, facts: unknown): MaterialNeed {
  if (m.requirement === 'optional') return 'optional'
  if (m.required_if !== undefined && m.required_if !== null) {
    let asks = true
    try { asks = truthy(jsonLogic.apply(m.required_if as any, { form, project: facts ?? {} })) } catch { asks = true }
    if (!asks) return 'waived'
  }
  return m.requirement === 'required' ? 'required' : 'tolerable'
}

/** Whether an item applies: JSON Logic over {"form", "project": the project}; a broken rule does not apply. */
export function itemApplies(item: { applies_if?: unknown }, form: Record<string, unknown>, project: unknown): boolean {
  if (item.applies_if === undefined || item.applies_if === null) return true
  try { return truthy(jsonLogic.apply(item.applies_if as any, { form, project: project ?? {} })) } catch { return false }
}

export function isVisible(f: FormField, data: Record<string, unknown>): boolean {
  return evaluate(f.visible_if, data, true)
}

export function isRequired(f: FormField, data: Record<string, unknown>): boolean {
  if (!isVisible(f, data)) return false
  if (f.required) return true
  return evaluate(f.required_if, data, false)
}

export function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)
}

/** Data to send: only visible fields with a value. */
export function cleanForm(def: FormDef, data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of def.fields) if (isVisible(f, data) && !isEmpty(data[f.name])) out[f.name] = data[f.name]
  return out
}

export function sections(def: FormDef): { name: string; fields: FormField[] }[] {
  const list: { name: string; fields: FormField[] }[] = []
  for (const f of def.fields) {
    const name = f.section || '基本信息'
    let s = list.find((x) => x.name === name)
    if (!s) list.push((s = { name, fields: [] }))
    s.fields.push(f)
  }
  return list
}

import { checkCreditCode, checkIdNumber, checkProjectCode } from './checks'

/** The message for one field's value, or '' (the same checks as shared/forms, in Chinese). */
export function fieldProblem(f: FormField, data: Record<string, unknown>): string {
  if (!isVisible(f, data)) return ''
  const v = data[f.name]
  if (isEmpty(v)) return isRequired(f, data) ? `请填写“${f.label}”` : ''
  const l = `“${f.label}”`
  switch (f.type) {
    case 'credit_code': return checkCreditCode(String(v)) || ''
    case 'id_number': return checkIdNumber(String(v)) || ''
    case 'project_code': return checkProjectCode(String(v)) || ''
    case 'phone': return /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/.test(String(v).trim()) ? '' : `${l}应为手机号码或带区号的固定电话`
    case 'email': return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(v).trim()) ? '' : `${l}应为有效的电子邮箱地址`
    case 'region_code': return /^\d{6}$/.test(String(v)) ? '' : `${l}应为6位行政区划代码`
    case 'money': {
      if (!/^\d{1,13}(\.\d{1,2})?$/.test(String(v).trim())) return `${l}应为金额，最多两位小数`
      const n = Number(v)
      if (f.min !== undefined && n < f.min) return `${l}不能小于${f.min}`
      if (f.max !== undefined && n > f.max) return `${l}不能大于${f.max}`
      return ''
    }
    case 'integer': case 'number': case 'area': {
      const n = Number(v)
      if (f.min !== undefined && n < f.min) return `${l}不能小于${f.min}`
      if (f.max !== undefined && n > f.max) return `${l}不能大于${f.max}`
      return ''
    }
  }
  if (typeof v === 'string') {
    if (f.max_length && [...v].length > f.max_length) return `${l}不能超过${f.max_length}个字`
    if (f.min_length && [...v].length < f.min_length) return `${l}至少${f.min_length}个字`
    if (f.pattern && !new RegExp(`^(?:${f.pattern})$`).test(v)) return `${l}格式不正确`
  }
  return ''
}
