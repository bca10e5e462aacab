// The REST client: relative to the page (so a path prefix or an iframe works), tokens kept in
// localStorage, a refresh on 401, and problem+json errors turned into field messages.
import { reactive } from 'vue'

function apiBase(): string {
  const meta = document.querySelector('meta[name="spgl-api-base"]')?.getAttribute('content') || 'api/v1/'
  const override = (window as unknown as { SPGL_API_BASE?: string }).SPGL_API_BASE
  return new URL(override || meta, document.baseURI).toString()
}
export const API_BASE = apiBase()
export function apiUrl(path: string): string {
  return new URL(path.replace(/^\//, ''), API_BASE).toString()
}

export interface FieldError { field: string; code: string; message: string }

export class ProblemError extends Error {
  status: number
  title: string
  errors: FieldError[]
  body: Record<string, unknown>
  constructor(status: number, body: Record<string, unknown>) {
    const detail = (body.detail as string) || (body.title as string) || `HTTP ${status}`
    super(detail)
    this.status = status
    this.title = (body.title as string) || ''
    this.errors = (body.errors as FieldError[]) || []
    this.body = body
  }
  /** Field name → message (the first for each field). */
  fieldMessages(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const e of this.errors) if (e.field && !out[e.field]) out[e.field] = e.message
    return out
  }
  /** Everything as one line for a message box. */
  summary(): string {
    const rest = this.errors.map((e) => e.message).filter((m) => m && m !== this.message)
    return [this.message, ...rest].join('；')
  }
}

export interface User {
  id: string; username: string; display_name: string; roles: string[]; region_code: string
}

export const session = reactive({
  access: localStorage.getItem('spgl.access') || '',
  refresh: localStorage.getItem('spgl.refresh') || '',
  user: JSON.parse(localStorage.getItem('spgl.user') || 'null') as User | null,
})

function store(tokens: { access_token: string; refresh_token: string; user?: User }) {
  session.access = tokens.access_token
  session.refresh = tokens.refresh_token
  if (tokens.user) session.user = tokens.user
  localStorage.setItem('spgl.access', session.access)
  localStorage.setItem('spgl.refresh', session.refresh)
  localStorage.setItem('spgl.user', JSON.stringify(session.user))
}

/** Forgets the session (tokens and the cached user; drafts and uploads are kept per user). */
export function logout() {
  session.access = ''
  session.refresh = ''
  session.user = null
  for (const k of ['spgl.access', 'spgl.refresh', 'spgl.user']) localStorage.removeItem(k)
}

/** Ends the session on the server too (the refresh token is revoked), then forgets it here. */
export async function signOut() {
  const refresh = session.refresh
  if (refresh && session.access) {
    try {
      await fetch(apiUrl('auth/logout'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.access}` },
        body: JSON.stringify({ refresh_token: refresh }),
      })
    } catch { /* offline: the token expires on its own */ }
  }
  logout()
}

// Notifications have no read flag the applicant can set: the portal remembers the newest one seen.
export function lastSeenNotification(): number {
  return Number(localStorage.getItem(`spgl.seen.${session.user?.username}`) || '0')
}
export function markNotificationsSeen(maxId: number) {
  if (maxId > lastSeenNotification()) localStorage.setItem(`spgl.seen.${session.user?.username}`, String(maxId))
}

let refreshing: Promise<boolean> | null = null
async function refreshTokens(): Promise<boolean> {
  if (!session.refresh) return false
  if (!refreshing) {
    refreshing = (async () => {
      try {
        const r = await fetch(apiUrl('auth/refresh'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ refresh_token: session.refresh }),
        })
        if (!r.ok) { logout(); return false }
        store(await r.json())
        return true
      } catch { return false } finally { setTimeout(() => (refreshing = null), 0) }
    })()
  }
  return refreshing
}

export interface RequestOptions {
  method?: string
  body?: unknown
  headers?: Record<string, string>
  raw?: boolean
  signal?: AbortSignal
}

export async function request(path: string, opts: RequestOptions = {}): Promise<Response> {
  const send = () => {
    const headers: Record<string, string> = { ...(opts.headers || {}) }
    if (session.access) headers.Authorization = `Bearer ${session.access}`
    let body: BodyInit | undefined
    if (opts.body !== undefined) {
      if (opts.body instanceof Blob || opts.body instanceof ArrayBuffer) body = opts.body as BodyInit
      else { body = JSON.stringify(opts.body); headers['Content-Type'] = 'application/json' }
    }
    return fetch(apiUrl(path), { method: opts.method || 'GET', headers, body, signal: opts.signal })
  }
  let r = await send()
  if (r.status === 401 && session.refresh && !path.startsWith('auth/')) {
    if (await refreshTokens()) r = await send()
  }
  if (!r.ok && !opts.raw) {
    let body: Record<string, unknown> = {}
    try { body = await r.json() } catch { body = { detail: `服务器返回 ${r.status}` } }
    throw new ProblemError(r.status, body)
  }
  return r
}

export async function api<T = any>(path: string, opts: RequestOptions = {}): Promise<T> {
  const r = await request(path, opts)
  if (r.status === 204) return undefined as T
  return (await r.json()) as T
}

export async function login(username: string, password: string) {
  const tokens = await api('auth/login', { method: 'POST', body: { username, password } })
  store(tokens)
  return tokens
}

/** Changes the caller's password; every session ends and this page continues with fresh tokens. */
export async function changePassword(current: string, next: string) {
  const tokens = await api('auth/password', { method: 'POST', body: { current_password: current, new_password: next } })
  store(tokens)
  return tokens
}

export function errorText(e: unknown): string {
  if (e instanceof ProblemError) return e.summary()
  if (e instanceof TypeError) return '无法连接服务器，请检查网络后重试'
  return String((e as Error)?.message || e)
}
