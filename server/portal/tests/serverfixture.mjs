// Starts a real spgl-server on SQLite in a fresh folder for a test, on a free port.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export async function startServer({ bin, portalDir, extra = [] }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spgl-portal-'))
  const portFile = path.join(dir, 'port')
  const args = [`--data-dir=${dir}/data`, '--demo', '--listen=127.0.0.1:0', `--port-file=${portFile}`, '--clock-scan=0',
    '--argon2-memory=8192', ...extra]
  if (portalDir) args.push(`--portal-dir=${portalDir}`)
  const log = fs.openSync(path.join(dir, 'server.log'), 'w')
  const child = spawn(bin, args, { stdio: ['ignore', log, log] })
  const started = Date.now()
  while (!fs.existsSync(portFile)) {
    if (child.exitCode !== null) throw new Error(`spgl-server exited: ${fs.readFileSync(path.join(dir, 'server.log'), 'utf8')}`)
    if (Date.now() - started > 30000) throw new Error('spgl-server did not start in 30 s')
    await new Promise((r) => setTimeout(r, 100))
  }
  const port = Number(fs.readFileSync(portFile, 'utf8').trim())
  const base = `http://127.0.0.1:${port}/`
  return {
    base, dir,
    async stop() {
      child.kill('SIGTERM')
      await new Promise((r) => { if (child.exitCode !== null) r(); else child.once('exit', r); setTimeout(r, 5000) })
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function apiLogin(base, username, password = 'Demo@2026') {
  const r = await fetch(`${base}api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) })
  if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`)
  return (await r.json()).access_token
}

export async function apiCall(base, token, method, p, body) {
  const r = await fetch(`${base}api/v1/${p}`, {
    method, headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await r.text()
  if (!r.ok) throw new Error(`${method} ${p}: ${r.status} ${text}`)
  return text ? JSON.parse(text) : null
}

export async function apiUpload(base, token, filename, content) {
  const created = await fetch(`${base}api/v1/uploads`, {
    method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Upload-Length': String(content.length) },
    body: JSON.stringify({ filename }),
  })
  if (!created.ok) throw new Error(`upload ${filename}: ${created.status} ${await created.text()}`)
  const { id } = await created.json()
  const r = await fetch(`${base}api/v1/uploads/${id}`, {
    method: 'PATCH', headers: { Authorization: `Bearer ${token}`, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
    body: content,
  })
  const state = await r.json()
  if (!r.ok || !state.file) throw new Error(`upload ${filename}: ${r.status} ${JSON.stringify(state)}`)
  return state.file.sha256
}
