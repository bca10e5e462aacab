// Resumable uploads over POST/HEAD/PATCH /api/v1/uploads. The upload id and the last known offset
// are kept in localStorage under the file's fingerprint, so that after a cut connection or a page
// reload choosing the same file again continues where the server stopped (HEAD tells the offset).
import { ref } from 'vue'
import { apiUrl, request, session, ProblemError } from './api'
import { local } from './storage'

export interface UploadedFile { sha256: string; size: number; media_type?: string; filename: string }

export interface MaterialState {
  file?: UploadedFile
  pending?: { filename: string; size: number; done: number }
  error?: string
  resumable?: boolean
}

interface Saved { id: string; offset: number; length: number }

/** The server's limit for one file (GET /health → max_upload_bytes); 200 MB until it answers. */
export const uploadLimit = ref(200 * 1024 * 1024)
let limitAsked: Promise<void> | undefined
export function loadUploadLimit(): Promise<void> {
  limitAsked ??= (async () => {
    try {
      const r = await fetch(apiUrl('health'))
      const n = Number((await r.json()).max_upload_bytes)
      if (n > 0) uploadLimit.value = n
    } catch { limitAsked = undefined /* asked again next time */ }
  })()
  return limitAsked
}
/** "200 MB" for messages. */
export function limitText(bytes = uploadLimit.value): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`
}

function chunkSize(): number {
  const v = Number(local.getItem('spgl.upload.chunk'))
  return v > 0 ? v : 1024 * 1024
}

export function fingerprint(file: File): string {
  return `spgl.upload.${session.user?.username || ''}.${file.name}.${file.size}.${file.lastModified}`
}

export class UploadError extends Error {
  resumable: boolean
  constructor(message: string, resumable: boolean) {
    super(message)
    this.resumable = resumable
  }
}

/** Sends one chunk with XHR (fetch has no upload progress). Resolves with the server's state. */
function patch(id: string, offset: number, blob: Blob, onBytes: (n: number) => void, signal?: AbortSignal) {
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('PATCH', apiUrl(`uploads/${encodeURIComponent(id)}`))
    xhr.setRequestHeader('Authorization', `Bearer ${session.access}`)
    xhr.setRequestHeader('Upload-Offset', String(offset))
    xhr.setRequestHeader('Content-Type', 'application/offset+octet-stream')
    xhr.upload.onprogress = (e) => onBytes(e.loaded)
    xhr.onload = () => {
      let body: any = {}
      try { body = JSON.parse(xhr.responseText || '{}') } catch { /* empty */ }
      resolve({ status: xhr.status, body })
    }
    xhr.onerror = () => reject(new UploadError('网络连接中断，已上传的部分已保存，可继续上传', true))
    xhr.onabort = () => reject(new UploadError('上传已暂停，可继续上传', true))
    signal?.addEventListener('abort', () => xhr.abort())
    xhr.send(blob)
  })
}

async function headOffset(id: string): Promise<number | null> {
  const r = await request(`uploads/${encodeURIComponent(id)}`, { method: 'HEAD', raw: true })
  if (!r.ok) return null
  return Number(r.headers.get('Upload-Offset') || '0')
}

/**
 * Uploads @p file, resuming a saved upload of the same file. @p onProgress gets bytes on the
 * server plus bytes in flight. Throws UploadError (resumable or not) with a Chinese message.
 */
export async function uploadFile(file: File, onProgress: (done: number, total: number) => void,
  signal?: AbortSignal): Promise<UploadedFile> {
  const key = fingerprint(file)
  let saved: Saved | null = JSON.parse(local.getItem(key) || 'null')
  let offset = 0
  if (saved) {
    const at = await headOffset(saved.id).catch(() => null)
    if (at === null) saved = null
    else offset = at
  }
  if (!saved) {
    try {
      const r = await request('uploads', {
        method: 'POST', body: { filename: file.name }, headers: { 'Upload-Length': String(file.size) },
      })
      const state = await r.json()
      saved = { id: state.id, offset: 0, length: file.size }
    } catch (e) {
      if (e instanceof ProblemError) throw new UploadError(e.summary(), false)
      throw new UploadError('无法连接服务器，请检查网络后重试', true)
    }
  }
  local.setItem(key, JSON.stringify(saved))
  onProgress(offset, file.size)
  let retries = 0
  for (;;) {
    if (offset >= file.size && file.size > 0) break
    const end = Math.min(file.size, offset + chunkSize())
    let answer: { status: number; body: any }
    try {
      answer = await patch(saved.id, offset, file.slice(offset, end), (n) => onProgress(offset + n, file.size), signal)
    } catch (e) {
      // A cut connection: try again a few times (1, 2, 4 s) from the offset the server kept.
      if (!(e instanceof UploadError) || signal?.aborted || ++retries > 3) throw e
      await new Promise((r) => setTimeout(r, 1000 * 2 ** (retries - 1)))
      offset = (await headOffset(saved.id).catch(() => null)) ?? offset
      onProgress(offset, file.size)
      continue
    }
    retries = 0
    const { status, body } = answer
    if (status === 409 && body?.offset !== undefined) { offset = Number(body.offset); continue }
    if (status === 409) { offset = (await headOffset(saved.id)) ?? offset; continue }
    if (status >= 400) {
      const msg = [body?.detail, ...((body?.errors || []).map((x: any) => x.message))].filter(Boolean)
      const resumable = status >= 500 || (status === 400 && String(body?.detail || '').includes('连接中断'))
      if (!resumable) local.removeItem(key)
      throw new UploadError(msg.join('；') || `上传失败（${status}）`, resumable)
    }
    offset = Number(body.offset ?? end)
    saved.offset = offset
    local.setItem(key, JSON.stringify(saved))
    onProgress(offset, file.size)
    if (body.status === 'complete' && body.file) {
      local.removeItem(key)
      return { sha256: body.file.sha256, size: body.file.size ?? file.size, media_type: body.file.media_type, filename: file.name }
    }
    if (file.size === 0) break
  }
  // Complete without a file answer (e.g. an empty file): ask once more.
  const st = await request(`uploads/${encodeURIComponent(saved.id)}`).then((r) => r.json())
  local.removeItem(key)
  if (!st.file) throw new UploadError('上传未完成，请重新选择文件', false)
  return { sha256: st.file.sha256, size: st.file.size ?? file.size, media_type: st.file.media_type, filename: file.name }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}
