// Whether the window is phone-sized (layouts switch from tables to cards below 640 px).
import { onBeforeUnmount, onMounted, ref } from 'vue'

export function useNarrow() {
  const narrow = ref(window.innerWidth < 640)
  const update = () => { narrow.value = window.innerWidth < 640 }
  onMounted(() => window.addEventListener('resize', update))
  onBeforeUnmount(() => window.removeEventListener('resize', update))
  return narrow
}
