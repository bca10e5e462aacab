// 乌鲁木齐市's districts (行政区划) for selects, loaded once from /api/v1/regions.
import { ref } from 'vue'
import { api } from './api'

export const regions = ref<{ code: string; name: string }[]>([])
let loading: Promise<void> | null = null

export function loadRegions() {
  if (!loading)
    loading = api('regions?limit=500').then((r) => {
      regions.value = (r.items || []).filter((x: any) => String(x.code).startsWith('6501') && x.valid !== false)
    }).catch(() => { loading = null })
  return loading
}
