// Department codes (as the catalog gives them) → names, loaded once from /api/v1/departments.
import { ref } from 'vue'
import { api } from './api'

const names = ref<Record<string, string>>({})
let loading: Promise<void> | null = null

export function loadDepartments() {
  if (!loading)
    loading = api('departments?limit=500').then((r) => {
      const map: Record<string, string> = {}
      for (const d of r.items || []) map[d.code] = d.short_name || d.name
      names.value = map
    }).catch(() => { loading = null })
  return loading
}

export function departmentName(code: string) { return names.value[code] || code }
