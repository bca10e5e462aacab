// The REST client: relative to the page (so a path prefix or an iframe works), the session kept
// out of any storage a script could read (below), a refresh on 401, and problem+json errors turned
// into field messages.
import { reactive } from 'vue'
import { local, tabStorage } from './storage'

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

// The session ("reset the session safely"). The access token and the user live in this page's
// memory only. The refresh token lives in a cookie the server sets when asked with
// `X-SPGL-Session: cookie`: HttpOnly (no script, not even one injected here, can read it),
// SameSite=Strict (no other site's page sends it), Path=<prefix>/api/v1/auth (no other request
// carries it), Secure over HTTPS, and without an expiry date, so closing the browser ends it (a
// shared office PC keeps nothing). A reload restores the session with one refresh by that cookie.
// Tabs of the same browser share it; refreshes take turns (Web Locks), so that two tabs never
// present the same token (the server would take that for a stolen copy and end the session).
//
// Embedded by another site (an iframe of another origin), the browser neither keeps nor sends
// SameSite=Strict cookies: there the refresh token stays in memory for that tab only, and a reload
// asks to log in again; the login page says why.
export type SessionMode = 'cookie' | 'memory'

/** Whether a page of another origin frames this one. */
function framedByAnotherOrigin(): boolean {
  if (window.top === window.self) return false
  const ancestors = location.ancestorOrigins // Chromium, Safari
  if (ancestors) {
    for (let i = 0; i < ancestors.length; i++) if (ancestors.item(i) !== location.origin) return true
    return false
  }
  try { return window.top!.location.origin !== location.origin } catch { return true }
}

const SESSION_HEADER = 'X-SPGL-Session'
// "This browser may hold a session cookie": no secret, only whether a reload should try a refresh.
// Other tabs see it change: removed (logout, an ended session) logs them out, set logs them in.
const COOKIE_HINT = 'spgl.session'
// This tab was logged in while embedded (sessionStorage: the tab's, gone with it).
const EMBEDDED_LOGIN = 'spgl.session.embedded'

export const session = reactive({
  access: '',
  user: null as User | null,
  mode: (framedByAnotherOrigin() ? 'memory' : 'cookie') as SessionMode,
  /** An embedded page was reloaded after a login: its session ended with it. */
  endedByReload: false,
})
// The refresh token when the server hands it over in the body: embedded pages, or a server that
// does not know the cookie. Never written to any storage.
let memoryRefresh = ''

interface Tokens { access_token: string; refresh_token?: string; user?: User }

function store(tokens: Tokens) {
  session.access = tokens.access_token
  if (tokens.user) session.user = tokens.user
  memoryRefresh = tokens.refresh_token || ''
  if (session.mode === 'cookie' && !memoryRefresh && !local.getItem(COOKIE_HINT))
    local.setItem(COOKIE_HINT, '1')
}

/** A new session (login, password change). */
function begin(tokens: Tokens) {
  store(tokens)
  session.endedByReload = false
  if (session.mode === 'memory') tabStorage.setItem(EMBEDDED_LOGIN, '1')
}

/** Forgets the session here (drafts and upload resume data are kept, per user). */
export function logout() {
  session.access = ''
  session.user = null
  memoryRefresh = ''
  local.removeItem(COOKIE_HINT)
  tabStorage.removeItem(EMBEDDED_LOGIN)
}

/** Ends the session on the server too (revoked, the cookie cleared), then forgets it here. */
export async function signOut() {
  if (session.access) {
    try {
      await request('auth/logout', { method: 'POST', body: memoryRefresh ? { refresh_token: memoryRefresh } : {}, raw: true })
    } catch { /* offline: the session expires on its own */ }
  }
  logout()
}

// Notifications have no read flag the applicant can set: the portal remembers the newest one seen.
export function lastSeenNotification(): number {
  return Number(local.getItem(`spgl.seen.${session.user?.username}`) || '0')
}
export function markNotificationsSeen(maxId: number) {
  if (maxId > lastSeenNotification()) local.setItem(`spgl.seen.${session.user?.username}`, String(maxId))
}

let refreshing: Promise<boolean> | null = null
/** New tokens for the session (by the cookie, or the token in memory); false when it has ended. */
function refreshTokens(): Promise<boolean> {
  if (!memoryRefresh && (session.mode !== 'cookie' || !local.getItem(COOKIE_HINT))) return Promise.resolve(false)
  refreshing ??= inTurn(async () => {
    try {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' }
      if (session.mode === 'cookie') headers[SESSION_HEADER] = 'cookie'
      const r = await fetch(apiUrl('auth/refresh'), {
        method: 'POST', headers, credentials: 'include',
        body: JSON.stringify(memoryRefresh ? { refresh_token: memoryRefresh } : {}),
      })
      if (r.status >= 400 && r.status < 500) { logout(); return false }
      if (!r.ok) return false
      store(await r.json())
      return true
    } catch { return false } finally { setTimeout(() => (refreshing = null), 0) }
  })
  return refreshing
}

/** Runs @p work while no other tab of this browser refreshes (where the browser has Web Locks). */
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  // request() resolves with what work's promise resolves to (its typing nests the promise).
  return navigator.locks ? (navigator.locks.request('spgl.refresh', work) as unknown as Promise<T>) : work()
}

/**
 * Restores the session when the page loads: by the cookie (a reload keeps the login), or not at
 * all in an embedded page. Tokens an older portal kept in localStorage are moved into the cookie
 * and removed. Private pages wait for this (router guard).
 */
export const restored: Promise<void> = (async () => {
  const legacy = local.getItem('spgl.refresh')
  for (const k of ['spgl.access', 'spgl.refresh', 'spgl.user']) local.removeItem(k)
  if (session.mode === 'memory') {
    session.endedByReload = !!tabStorage.getItem(EMBEDDED_LOGIN)
    tabStorage.removeItem(EMBEDDED_LOGIN)
    if (!legacy) return
  }
  if (legacy) memoryRefresh = legacy
  await refreshTokens()
})()

// Another tab logged out (or its session ended): so does this one; another tab logged in: this one follows.
window.addEventListener('storage', (e) => {
  if (e.key !== COOKIE_HINT || session.mode !== 'cookie') return
  if (!e.newValue) { session.access = ''; session.user = null; memoryRefresh = '' } else if (!session.access) void refreshTokens()
})

export interface RequestOptions {
  method?: string
  body?: unknown
  headers?: Record<string, string>
  raw?: boolean
  signal?: AbortSignal
}

export async function request(path: string, opts: RequestOptions = {}): Promise<Response> {
  const auth = path.startsWith('auth/')
  const send = () => {
    const headers: Record<string, string> = { ...(opts.headers || {}) }
    if (session.access) headers.Authorization = `Bearer ${session.access}`
    if (auth && session.mode === 'cookie') headers[SESSION_HEADER] = 'cookie'
    let body: BodyInit | undefined
    if (opts.body !== undefined) {
      if (opts.body instanceof Blob || opts.body instanceof ArrayBuffer) body = opts.body as BodyInit
      else { body = JSON.stringify(opts.body); headers['Content-Type'] = 'application/json' }
    }
    // The auth endpoints set and read the session cookie, also when the API is on another origin.
    return fetch(apiUrl(path), { method: opts.method || 'GET', headers, body, signal: opts.signal, credentials: auth ? 'include' : 'same-origin' })
  }
  let r = await send()
  if (r.status === 401 && session.access && !/^auth\/(login|refresh|register)/.test(path)) {
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
  begin(tokens)
  return tokens
}

/** Changes the caller's password; every session ends and this page continues with fresh tokens. */
export async function changePassword(current: string, next: string) {
  const tokens = await api('auth/password', { method: 'POST', body: { current_password: current, new_password: next } })
  begin(tokens)
  return tokens
}

export function errorText(e: unknown): string {
  if (e instanceof ProblemError) return e.summary()
  if (e instanceof TypeError) return '无法连接服务器，请检查网络后重试'
  return String((e as Error)?.message || e)
}
