// End-to-end test of the applicant portal in the system Chromium (playwright-core), against a real
// spgl-server on SQLite started here (issue 4):
//   guides → register (a wrong 统一社会信用代码 first) → project (a wrong 项目代码 first) → the
//   stage form (missing required fields; a rule that shows a field) → materials (one upload cut
//   halfway, the page reloaded, the upload resumed; a 300 MB file and an .exe renamed .pdf refused)
//   → review → submit → a clerk accepts through the API → the progress page shows the state, the
//   departments and the deadlines → a reviewer asks for a supplement (the clock pauses) → the
//   applicant uploads it → the clock runs again → a draft saved on the server (保存草稿) and continued
//   in a fresh browser → the project's blueprint page (site and planning condition drawn by
//   OpenLayers, the coordinator's planning opinion) → logout (the old tokens refused). The session
//   throughout: no token in web storage, the refresh token in an HttpOnly cookie, a reload keeps
//   the login; embedded by another site it lives in the frame only.
// Environment: SPGL_SERVER_BIN (spgl-server), SPGL_PORTAL_DIR (built portal), SPGL_TEST_OUT
// (screenshots and logs), SPGL_SCREENSHOT_DIR (optional: copies for docs/).
import assert from 'node:assert/strict'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { apiCall, apiLogin, apiUpload, startServer } from './serverfixture.mjs'

const here = path.dirname(new URL(import.meta.url).pathname)
const bin = process.env.SPGL_SERVER_BIN || path.resolve(here, '../../../build/server/spgl-server')
const portalDir = process.env.SPGL_PORTAL_DIR || path.resolve(here, '../../../build/server/portal')
const out = process.env.SPGL_TEST_OUT || path.join(os.tmpdir(), 'spgl-portal-e2e')
const docs = process.env.SPGL_SCREENSHOT_DIR || ''
fs.mkdirSync(out, { recursive: true })

const CREDIT = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
function creditCode(first17) {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CREDIT.indexOf(first17[i]) * W[i]
  return first17 + CREDIT[(31 - (sum % 31)) % 31]
}
const goodCredit = creditCode('91650102MA7E2E2E1')
const badCredit = goodCredit.slice(0, 17) + (goodCredit[17] === 'A' ? 'B' : 'A')

let step = 0
function log(msg) { console.log(`[e2e ${String(++step).padStart(2, '0')}] ${msg}`) }

// Files to upload: two PDFs (one large enough to be cut), an .exe named .pdf, a 300 MB file.
const files = path.join(out, 'files')
fs.mkdirSync(files, { recursive: true })
function pdf(name, size) {
  const head = Buffer.from('%PDF-1.4\n% SPGL e2e\n')
  const tail = Buffer.from('\n%%EOF\n')
  const body = Buffer.alloc(size - head.length - tail.length)
  for (let i = 0; i < body.length; i++) body[i] = 32 + ((i * 7919) % 90)
  fs.writeFileSync(path.join(files, name), Buffer.concat([head, body, tail]))
  return path.join(files, name)
}
const bigPdf = pdf('可行性研究报告.pdf', 900 * 1024)
const smallPdf = pdf('项目备案证明.pdf', 40 * 1024)
const supplementPdf = pdf('补正-建设用地批准文件.pdf', 30 * 1024)
const exe = path.join(files, '营业执照.pdf')
{
  const b = Buffer.alloc(4096)
  Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1').copy(b)
  b.write('This program cannot be run in DOS mode.', 78, 'latin1')
  b.write('PE\0\0', 128, 'latin1')
  fs.writeFileSync(exe, b)
}
const huge = path.join(files, '航拍影像.pdf')
{ const fd = fs.openSync(huge, 'w'); fs.ftruncateSync(fd, 300 * 1024 * 1024); fs.closeSync(fd) }

// The upload limit is the server's (100 MB here, not the portal's old 200 MB default).
const server = await startServer({ bin, portalDir, extra: ['--max-upload=104857600'] })
const base = server.base
log(`server at ${base}`)
const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spgl-chromium-'))
const context = await chromium.launchPersistentContext(userDir, {
  executablePath: process.env.SPGL_CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  viewport: { width: 1366, height: 768 }, locale: 'zh-CN',
}).catch(async (e) => { await server.stop(); throw e })
const page = await context.newPage()
// The portal keeps no token in any storage a script can read: the test takes the access token off
// the wire and the refresh token from the browser's cookie jar.
let lastAccess = ''
page.on('response', (r) => {
  if (/\/api\/v1\/auth\/(login|refresh|password)$/.test(new URL(r.url()).pathname) && r.ok())
    r.json().then((b) => { if (b.access_token) lastAccess = b.access_token }).catch(() => {})
})
const refreshCookie = async (cookiePath = '/api/v1/auth') =>
  (await context.cookies()).find((c) => c.name === 'spgl_refresh' && c.path === cookiePath)
const consoleErrors = []
page.on('pageerror', (e) => consoleErrors.push(String(e)))
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()) })
const shots = []
async function shot(name) {
  const file = path.join(out, `portal-${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  shots.push(file)
}
const byTest = (id) => page.locator(`[data-test="${id}"]`)
const inputOf = (id) => page.locator([`[data-test="${id}"] input`, `[data-test="${id}"] textarea`, `input[data-test="${id}"]`, `textarea[data-test="${id}"]`,
  ...(id.startsWith('f-') ? [`[data-test="item-${id.slice(2)}"] input`, `[data-test="item-${id.slice(2)}"] textarea`] : [])].join(', ')).first()
async function fill(id, value) {
  const input = inputOf(id)
  await input.fill(value)
  await input.blur()
}
async function choose(id, label) {
  await page.locator(`[data-test="${id}"]`).first().click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click()
}

let failed = false
// The section being run: a failure names it (and its last logged step) before the error.
let section = '(start)'
try {
  // 1. Guides, no login.
  section = '1. Guides, no login.'
  await page.goto(base)
  await byTest('guide').waitFor()
  assert.match(await byTest('guide').innerText(), /阶段时限/)
  assert.match(await byTest('guide').innerText(), /发展改革委|自然资源局/)
  await shot('guides')
  log('guides shown without login')

  // 1b. Embedded: under a path prefix (/spgl/, through a proxy that says so, as nginx does) inside
  section = '1b. Embedded: under a path prefix (/spgl/, through a proxy) insi'
  // an iframe; every request stays under the prefix, the session cookie too. The proxy also serves
  // the page as another site would embed it (localhost and 127.0.0.1 are different sites).
  const proxy = http.createServer((req, res) => {
    const port = proxy.address().port
    if (req.url === '/embed.html' || req.url === '/embed-cross.html') {
      const src = req.url === '/embed.html' ? '/spgl/' : `http://127.0.0.1:${port}/spgl/`
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      return res.end(`<!doctype html><meta charset="utf-8"><h1>新疆政务服务网（测试）</h1><iframe src="${src}" style="width:1200px;height:640px"></iframe>`)
    }
    if (!req.url.startsWith('/spgl/')) { res.writeHead(404); return res.end() }
    const up = http.request(new URL(req.url.slice(5), base), { method: req.method, headers: { ...req.headers, 'x-forwarded-prefix': '/spgl' } }, (r) => {
      res.writeHead(r.statusCode, r.headers)
      r.pipe(res)
    })
    up.on('error', () => { res.writeHead(502); res.end() })
    req.pipe(up)
  })
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r))
  const outer = `http://127.0.0.1:${proxy.address().port}`
  const embedded = await context.newPage()
  const seen = []
  embedded.on('request', (r) => seen.push(r.url()))
  await embedded.goto(`${outer}/embed.html`)
  const inner = embedded.frameLocator('iframe')
  await inner.locator('[data-test="guide"]').waitFor()
  await embedded.screenshot({ path: path.join(out, 'portal-embedded.png') })
  // Logged in inside the frame (same site): the cookie is scoped to the prefix, a reload keeps the login.
  await inner.locator('header button', { hasText: '登录' }).click()
  await inner.locator('[data-test="login-username"] input, input[data-test="login-username"]').first().fill('applicant')
  await inner.locator('[data-test="login-password"] input, input[data-test="login-password"]').first().fill('Demo@2026')
  await inner.locator('[data-test="login-submit"]').click()
  await inner.locator('[data-test="current-user"]').waitFor()
  assert.equal(await inner.locator('[data-test="login-embedded"]').count(), 0, 'same site: no in-memory session')
  const prefixed = await refreshCookie('/spgl/api/v1/auth')
  assert.ok(prefixed && prefixed.httpOnly && prefixed.sameSite === 'Strict', JSON.stringify(await context.cookies()))
  await embedded.frames()[1].evaluate(() => location.reload())
  await inner.locator('[data-test="current-user"]').waitFor()
  await inner.locator('header button', { hasText: '退出' }).click()
  await inner.locator('[data-test="login-submit"]').waitFor()
  assert.equal(await refreshCookie('/spgl/api/v1/auth'), undefined, 'logout clears the cookie')
  const outside = seen.filter((u) => !u.startsWith(`${outer}/spgl/`) && u !== `${outer}/embed.html` && !u.startsWith('data:'))
  assert.deepEqual(outside, [], 'requests outside the prefix')
  assert.ok(seen.some((u) => u.startsWith(`${outer}/spgl/api/v1/guides`)), seen.join('\n'))
  await embedded.close()
  log(`embedded under /spgl/ in an iframe: ${seen.length} requests, all under the prefix; logged in, reloaded, logged out there`)

  // 2. Register: a wrong check character gives the Chinese message while typing and keeps the input.
  section = '2. Register: a wrong check character gives the Chinese message '
  await page.goto(`${base}#/register`)
  await fill('reg-organization', '乌鲁木齐门户测试建设有限公司')
  await fill('reg-credit-code', badCredit)
  await page.getByText('统一社会信用代码校验位不正确，请核对后重新输入').first().waitFor()
  await fill('reg-display-name', '门户测试员')
  await fill('reg-username', 'e2e.corp')
  await fill('reg-password', 'Portal#2026e2e')
  await fill('reg-password2', 'Portal#2026e2e')
  await byTest('reg-submit').click()
  await byTest('register-error').waitFor()
  assert.equal(await inputOf('reg-credit-code').inputValue(), badCredit)
  assert.equal(await inputOf('reg-organization').inputValue(), '乌鲁木齐门户测试建设有限公司')
  await shot('register-error')
  log('wrong 统一社会信用代码 refused with a Chinese message, input kept')
  await fill('reg-credit-code', goodCredit)
  await byTest('credit-ok').waitFor()
  await byTest('reg-submit').click()
  await page.waitForURL(/#\/projects/)
  await byTest('current-user').filter({ hasText: '门户测试员' }).waitFor()
  log('registered and logged in')

  // 2b. The session: no token in localStorage, sessionStorage or a readable cookie; the refresh
  section = '2b. The session: nothing a script can read; a reload keeps it.'
  // token in an HttpOnly, SameSite=Strict session cookie on /api/v1/auth; a reload keeps the login.
  const cookie = await refreshCookie()
  assert.ok(cookie, JSON.stringify(await context.cookies()))
  assert.equal(cookie.httpOnly, true)
  assert.equal(cookie.sameSite, 'Strict')
  assert.equal(cookie.expires, -1, 'a session cookie: closing the browser ends it')
  assert.ok(lastAccess, 'the login answered an access token')
  const readable = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie)
  for (const secret of [lastAccess, cookie.value]) assert.ok(!readable.includes(secret), `a token readable by scripts: ${readable}`)
  assert.doesNotMatch(readable, /eyJ[\w-]{8,}\.[\w-]{8,}/, 'no JWT anywhere a script can read')
  await page.reload()
  await byTest('current-user').filter({ hasText: '门户测试员' }).waitFor()
  assert.match(page.url(), /#\/projects/)
  assert.notEqual((await refreshCookie()).value, cookie.value, 'the reload refreshed by the cookie (rotated)')
  log('no token in web storage; the refresh token only in an HttpOnly SameSite=Strict session cookie; a reload keeps the login')

  // 2c. Embedded by another site: the browser neither keeps nor sends the SameSite=Strict cookie,
  section = '2c. Embedded by another site: the session lives in the tab only.'
  // so the session lives in that frame's memory; reloading it asks to log in again, saying why.
  const crossPage = await context.newPage()
  crossPage.on('pageerror', (e) => consoleErrors.push(`embedded: ${e}`))
  crossPage.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`embedded: ${m.text()}`) })
  await crossPage.goto(`http://localhost:${proxy.address().port}/embed-cross.html`)
  const cross = crossPage.frameLocator('iframe')
  await cross.locator('[data-test="guide"]').waitFor()
  await cross.locator('header button', { hasText: '登录' }).click()
  await cross.locator('[data-test="login-embedded"]').filter({ hasText: '本页面嵌入在其他网站中' }).waitFor()
  await cross.locator('[data-test="login-username"] input, input[data-test="login-username"]').first().fill('e2e.corp')
  await cross.locator('[data-test="login-password"] input, input[data-test="login-password"]').first().fill('Portal#2026e2e')
  await cross.locator('[data-test="login-submit"]').click()
  await cross.locator('[data-test="current-user"]').filter({ hasText: '门户测试员' }).waitFor()
  await cross.locator('[data-test="new-project"]').waitFor()
  const crossFrame = crossPage.frames()[1]
  assert.doesNotMatch(await crossFrame.evaluate(() => {
    try { return JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) } catch { return '(storage blocked)' }
  }), /eyJ/)
  await crossFrame.evaluate(() => location.reload())
  // (This browser also blocks storage for a frame of another site: the portal runs on without it.)
  await cross.locator('[data-test="login-embedded"]').filter({ hasText: '刷新或关闭页面后需要重新登录' }).waitFor()
  assert.equal(await cross.locator('[data-test="current-user"]').count(), 0)
  await crossPage.screenshot({ path: path.join(out, 'portal-embedded-cross-site.png') })
  await crossPage.close()
  proxy.close()
  log('embedded by another site: logged in for that frame only; its reload asks to log in again with the reason')

  // 3. A project (process 3, 一般社会投资, 备案), after a malformed 项目代码.
  section = '3. A project (process 3, 一般社会投资, 备案), after a malformed 项目代码.'
  await byTest('new-project').click()
  await fill('p-code', '2026-6501-47-01-1')
  await page.getByText('项目代码格式应为').first().waitFor()
  const code = '2026-650102-47-03-000777'
  await fill('p-code', code)
  await fill('p-name', '天山区门户测试仓储中心项目')
  await choose('p-process', '一般社会投资')
  await choose('p-approval', '备案')
  await fill('p-address', '乌鲁木齐市天山区测试路1号')
  await fill('p-investment', '35000000.00')
  await fill('p-land', '12000')
  await fill('p-building', '18000')
  await fill('p-builder-credit', goodCredit)
  await byTest('p-submit').click()
  await byTest('project-list').getByText(code).waitFor()
  await shot('projects')
  log('project created')

  // 4. The stage form: missing required fields, then a rule that shows a field.
  section = '4. The stage form: missing required fields, then a rule that sh'
  await byTest(`apply-${code}`).click()
  await byTest('step-form').waitFor()
  await page.evaluate(() => localStorage.setItem('spgl.upload.chunk', String(256 * 1024)))
  assert.equal(await inputOf('f-project_code').inputValue(), code)
  await fill('f-legal_representative', '王测试')
  await byTest('next').click()
  await byTest('apply-error').waitFor()
  assert.match(await byTest('apply-error').innerText(), /表单还有 \d+ 处需要填写或更正/)
  await page.getByText('请填写“联系人”').first().waitFor()
  assert.equal(await inputOf('f-legal_representative').inputValue(), '王测试')
  await shot('apply-form-missing')
  log('missing required fields named in Chinese, entered values kept')
  await fill('f-contact_person', '李联系')
  await fill('f-contact_phone', '13899990000')
  await choose('f-construction_nature', '新建')
  assert.equal(await byTest('item-land_contract_no').count(), 0, 'land_contract_no hidden before 出让')
  await choose('f-land_supply', '出让')
  await byTest('item-land_contract_no').waitFor()
  assert.match(await byTest('item-land_contract_no').getAttribute('class'), /is-required/)
  await fill('f-land_contract_no', '650102-2026-CR-0077')
  await fill('f-construction_content', '新建仓储用房两栋及配套设施，总建筑面积18000平方米。')
  await fill('f-planned_start_date', '2027-03-01')
  await page.keyboard.press('Escape')
  await fill('f-planned_completion_date', '2028-10-31')
  await page.keyboard.press('Escape')
  await shot('apply-form')
  await byTest('next').click()
  await byTest('step-materials').waitFor()
  log('form filled; 土地出让合同编号 shown by its visible_if rule')

  // 5. Materials: a 300 MB file and an .exe renamed .pdf are refused with clear messages.
  section = '5. Materials: a 300 MB file and an .exe renamed .pdf are refuse'
  const item = '650100-FGW-005'
  await page.setInputFiles(`[data-test="file-${item}/M03"]`, huge)
  await byTest(`error-${item}/M03`).filter({ hasText: '文件过大' }).waitFor()
  assert.match(await byTest(`error-${item}/M03`).innerText(), /不能超过 100 MB/)
  assert.match(await byTest('upload-hint').innerText(), /单个文件不超过 100 MB/)
  await page.setInputFiles(`[data-test="file-${item}/M03"]`, exe)
  await byTest(`error-${item}/M03`).filter({ hasText: '内容与其类型不符' }).waitFor({ timeout: 15000 })
  log(`refused: ${await byTest(`error-${item}/M03`).innerText()}`)
  // Nothing entered is lost by the refused uploads: the form is as it was, no file is taken.
  await byTest('prev').click()
  await byTest('step-form').waitFor()
  assert.equal(await inputOf('f-contact_person').inputValue(), '李联系')
  assert.equal(await inputOf('f-land_contract_no').inputValue(), '650102-2026-CR-0077')
  assert.equal(await inputOf('f-legal_representative').inputValue(), '王测试')
  await byTest('next').click()
  await byTest('step-materials').waitFor()
  assert.equal(await byTest(`m-${item}/M03`).getByText('已上传').count(), 0)
  await byTest(`pick-${item}/M03`).waitFor()
  log('after the refused uploads the form and the materials step are as they were')

  // One upload cut halfway: the third chunk's connection fails, the page is reloaded, the same
  // file chosen again continues from the server's offset.
  // The connection is down from the third chunk on: the portal retries three times, then says so.
  let patches = 0
  await page.route('**/api/v1/uploads/*', (route) => {
    if (route.request().method() === 'PATCH' && ++patches >= 3) return route.abort('connectionreset')
    return route.continue()
  })
  await page.setInputFiles(`[data-test="file-${item}/M01"]`, bigPdf)
  await byTest(`error-${item}/M01`).filter({ hasText: '网络连接中断' }).waitFor({ timeout: 30000 })
  assert.equal(patches, 6, `${patches} PATCH requests: 2 + the cut one + 3 retries`)
  await byTest(`resume-${item}/M01`).waitFor()
  await shot('apply-upload-cut')
  await page.unroute('**/api/v1/uploads/*')
  await page.reload()
  await byTest('step-form').waitFor({ state: 'attached' })
  await byTest('next').click()
  await byTest(`pending-${item}/M01`).waitFor()
  assert.match(await byTest(`pending-${item}/M01`).innerText(), /已上传 5\d%/)
  const offsets = []
  page.on('request', (r) => { if (r.method() === 'PATCH') offsets.push(Number(r.headers()['upload-offset'])) })
  await page.setInputFiles(`[data-test="file-${item}/M01"]`, bigPdf)
  await byTest(`m-${item}/M01`).getByText('已上传').first().waitFor()
  assert.equal(offsets[0], 512 * 1024, `resumed at ${offsets[0]}`)
  log(`upload cut at 512 KiB (3 automatic retries failed), page reloaded, resumed from offset ${offsets[0]}`)
  await page.setInputFiles(`[data-test="file-${item}/M02"]`, smallPdf)
  await byTest(`m-${item}/M02`).getByText('已上传').first().waitFor()
  log('second material uploaded')
  // The other required materials of the applicable items, so that the window can accept.
  const others = await page.locator('[data-test^="m-650100-ZRZY-"]').evaluateAll((els) => els.map((e) => e.dataset.test.slice(2)))
  const required = []
  for (const key of others) {
    const row = page.locator('tr', { has: page.locator(`[data-test="m-${key}"]`) })
    if ((await row.innerText()).includes('必要')) required.push(key)
  }
  for (const key of required) {
    await page.setInputFiles(`[data-test="file-${key}"]`, smallPdf)
    await byTest(`m-${key}`).getByText('已上传').first().waitFor()
  }
  await shot('apply-materials')
  log(`required materials of the other items uploaded: ${required.join(', ')}`)

  // 6. Review and submit.
  section = '6. Review and submit.'
  await byTest('next').click()
  await byTest('step-review').waitFor()
  assert.match(await byTest('review-materials').innerText(), /可行性研究报告\.pdf/)
  await shot('apply-review')
  await byTest('submit').click()
  await page.waitForURL(/#\/applications\/\d+/)
  const appId = page.url().split('/').pop()
  await byTest('app-status').and(page.locator('[data-status="submitted"]')).waitFor()
  log(`submitted application ${appId}`)

  // 7. The clerk accepts through the API; the progress page shows the cases and deadlines.
  section = '7. The clerk accepts through the API; the progress page shows t'
  const clerk = await apiLogin(base, 'clerk')
  await apiCall(base, clerk, 'POST', `applications/${appId}/accept`, { opinion: '材料齐全，予以受理（门户测试）' })
  const accepted = await apiCall(base, clerk, 'GET', `applications/${appId}`)
  await page.reload()
  await byTest('cases').waitFor()
  const status = await byTest('app-status').getAttribute('data-status')
  assert.ok(['accepted', 'in_review'].includes(status), `status ${status}`)
  const casesText = await byTest('cases').innerText()
  for (const c of accepted.cases) {
    assert.ok(casesText.includes(c.department_name), `department ${c.department_name}`)
    assert.ok(casesText.includes(c.clock.deadline), `deadline ${c.clock.deadline}`)
  }
  const departments = [...new Set(accepted.cases.map((c) => c.department_name))]
  assert.ok(departments.includes('发展改革委') && departments.includes('自然资源局'), departments.join(','))
  assert.match(await byTest('timeline').innerText(), /受理/)
  await shot('progress')
  log(`accepted: ${accepted.cases.length} cases (${departments.join('、')}), deadlines ${accepted.cases.map((c) => c.clock.deadline).join(', ')}`)

  // 8. A reviewer asks for a supplement (the clock pauses); the applicant uploads it; it runs again.
  section = '8. A reviewer asks for a supplement (the clock pauses); the app'
  const fgwCase = accepted.cases.find((c) => c.item_code === item)
  const reviewer = await apiLogin(base, 'rev.fgw')
  await apiCall(base, reviewer, 'POST', `cases/${fgwCase.id}/claim`, {})
  await apiCall(base, reviewer, 'POST', `cases/${fgwCase.id}/request-supplement`, { opinion: '请补充项目备案相关附件', missing_materials: [`${item}/M03`] })
  await page.reload()
  await byTest('supplement').waitFor()
  assert.match(await page.locator('tr', { hasText: '企业投资项目备案' }).locator('[data-test="clock-paused"]').innerText(), /计时暂停/)
  await shot('progress-supplement')
  await page.setInputFiles(`[data-test="file-${item}/M03"]`, supplementPdf)
  await byTest(`m-${item}/M03`).getByText('已上传').first().waitFor()
  await byTest('send-supplement').click()
  await byTest('supplement').waitFor({ state: 'detached' })
  const after = await apiCall(base, clerk, 'GET', `applications/${appId}`)
  const fgwAfter = after.cases.find((c) => c.id === fgwCase.id)
  assert.equal(fgwAfter.clock.paused, false)
  assert.match(await page.locator('tr', { hasText: '企业投资项目备案' }).locator('[data-test="clock-paused"]').innerText(), /计时中/)
  log(`supplement answered: case ${fgwCase.id} ${fgwAfter.status}, clock running`)

  // 8a. The reviewer decides with a result document; the applicant downloads it.
  section = '8a. The reviewer decides with a result document; the applicant d'
  const resultPdf = fs.readFileSync(pdf('备案证明-结果.pdf', 20 * 1024))
  const resultSha = await apiUpload(base, reviewer, '备案证明.pdf', resultPdf)
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)
  await apiCall(base, reviewer, 'POST', `cases/${fgwCase.id}/decide`, { outcome: 'approved', opinion: '准予备案（门户测试）',
    document: { number: '乌发改备〔2026〕77号', title: '企业投资项目备案证明', date: today, file_id: resultSha } })
  await page.reload()
  await byTest('result-doc').waitFor()
  const [download] = await Promise.all([page.waitForEvent('download'), byTest('result-doc').click()])
  const saved = path.join(out, 'downloaded-result.pdf')
  await download.saveAs(saved)
  assert.equal(fs.readFileSync(saved).length, resultPdf.length)
  assert.match(download.suggestedFilename(), /企业投资项目备案证明/)
  const stranger = await apiLogin(base, 'applicant')
  const denied = await fetch(`${base}api/v1/files/${resultSha}`, { headers: { Authorization: `Bearer ${stranger}` } })
  assert.equal(denied.status, 404, 'another applicant must not read the result document')
  log(`result document ${download.suggestedFilename()} downloaded (${resultPdf.length} bytes); another applicant gets 404`)

  // 8a2. The other departments decide; the window hands the results over by post (统一出件). The
  // applicant sees how, with the tracking number and the addressee.
  section = '8a2. The window hands the results over by post (统一出件).'
  const reviewerOf = { '11650100FGW': 'rev.fgw', '11650100ZRZY': 'rev.zrzy', '11650100STHJ': 'rev.sthj',
    '11650100SWJ': 'rev.swj', '11650100JTYS': 'rev.jtys', '11650100RFB': 'rev.rfb', '11650100XFJY': 'rev.xfjy',
    '11650100CSGL': 'rev.csgl', '11650100DAG': 'rev.dag' }
  for (const c of accepted.cases.filter((k) => k.id !== fgwCase.id)) {
    const token = await apiLogin(base, reviewerOf[c.department] ?? 'reviewer')
    await apiCall(base, token, 'POST', `cases/${c.id}/claim`, {})
    await apiCall(base, token, 'POST', `cases/${c.id}/decide`, { outcome: 'approved', opinion: '同意（门户测试）',
      document: { number: `门户测〔2026〕${c.id}号`, title: `${c.item_name}结果`, date: today } })
  }
  await apiCall(base, clerk, 'POST', `applications/${appId}/deliver`,
    { method: 'post', tracking_no: 'EMS1082026CN', recipient: '门户测试企业 王芳' })
  await page.reload()
  await byTest('delivery').waitFor()
  const deliveryShown = await byTest('delivery').innerText()
  for (const part of ['邮寄送达', 'EMS1082026CN', '门户测试企业 王芳'])
    assert.ok(deliveryShown.includes(part), `delivery shows ${part}: ${deliveryShown}`)
  assert.equal(await byTest('app-status').getAttribute('data-status'), 'delivered')
  assert.equal(await byTest('clock-paused').count(), 0, 'finished clocks neither run nor pause')
  assert.ok((await byTest('clock-level').allInnerTexts()).every((x) => x.includes('已完成')))
  await shot('progress-delivered')
  log(`delivered by post: "${deliveryShown}"`)

  // 8b. A second project, continued from a draft (as saved by the portal), reusing a file of the
  section = '8b. A second project, continued from a draft (as saved by the po'
  // first application instead of uploading it again; submitted, then withdrawn before acceptance.
  const me = await apiLogin(base, 'e2e.corp', 'Portal#2026e2e')
  const first = await apiCall(base, me, 'GET', `applications/${appId}`)
  const code2 = '2026-650102-47-03-000778'
  const p2 = await apiCall(base, me, 'POST', 'projects', { project_code: code2, name: '天山区门户测试撤回项目', region_code: '650102', process_type: 3, approval_type: 3, investment: '1000000.00', builder_credit_code: goodCredit })
  await page.evaluate(([key, form]) => localStorage.setItem(key, JSON.stringify({ form, materials: {}, saved: new Date().toISOString() })),
    [`spgl.draft.e2e.corp.${p2.id}.1`, { ...first.form, project_code: code2, project_name: '天山区门户测试撤回项目' }])
  await page.goto(`${base}#/projects/${p2.id}/apply`)
  await byTest('step-form').waitFor()
  assert.equal(await inputOf('f-project_code').inputValue(), code2)
  // 保存草稿 puts it on the server: a fresh browser (no localStorage) logs in and goes on from it.
  await fill('f-contact_person', '赵草稿')
  await byTest('save-draft').click()
  await byTest('draft-saved').and(page.locator('[data-where="server"]')).waitFor()
  await page.getByText(/草稿已保存到服务器（第 \d+ 版）/).first().waitFor()
  const onServer = await apiCall(base, me, 'GET', `projects/${p2.id}/drafts/1`)
  assert.equal(onServer.form.contact_person, '赵草稿')
  const browser2 = await chromium.launch({ executablePath: process.env.SPGL_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] })
  let app2
  try {
    const fresh = await (await browser2.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage()
    const t2 = (id) => fresh.locator(`[data-test="${id}"]`)
    await fresh.goto(`${base}#/login`)
    const in2 = (id) => fresh.locator(`[data-test="${id}"] input, input[data-test="${id}"]`).first()
    await in2('login-username').fill('e2e.corp')
    await in2('login-password').fill('Portal#2026e2e')
    await t2('login-submit').click()
    await t2('current-user').filter({ hasText: '门户测试员' }).waitFor()
    assert.equal(await fresh.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('spgl.draft.')).length), 0)
    await fresh.goto(`${base}#/projects/${p2.id}/apply`)
    await t2('step-form').waitFor()
    await t2('draft-saved').and(fresh.locator('[data-where="server"]')).waitFor()
    assert.equal(await fresh.locator('[data-test="item-contact_person"] input').inputValue(), '赵草稿')
    assert.equal(await fresh.locator('[data-test="item-project_code"] input').inputValue(), code2)
    // Edited and saved here (the next version): the first browser, still on the one before, is told on its
    // next save and loads this one instead of overwriting it.
    await fresh.locator('[data-test="item-contact_person"] input').fill('钱新')
    await fresh.locator('[data-test="item-contact_person"] input').blur()
    await t2('save-draft').click()
    // (An autosave may store a version just before the explicit save: the numbers come from the server.)
    await fresh.getByText(/草稿已保存到服务器（第 \d+ 版）/).first().waitFor()
    const newer = (await apiCall(base, me, 'GET', `projects/${p2.id}/drafts/1`)).version
    assert.ok(newer > onServer.version)
    await fresh.getByText(`草稿已保存到服务器（第 ${newer} 版）`).first().waitFor()
    await byTest('save-draft').click()
    await page.locator('.el-message-box', { hasText: `草稿已在其他浏览器或电脑上更新（第 ${newer} 版` }).waitFor()
    await page.locator('.el-message-box__btns button', { hasText: '载入服务器上的草稿' }).click()
    await page.waitForFunction(() => document.querySelector('[data-test="item-contact_person"] input')?.value === '钱新')
    assert.equal((await apiCall(base, me, 'GET', `projects/${p2.id}/drafts/1`)).form.contact_person, '钱新')
    await t2('next').click()
    await t2(`reuse-${item}/M01`).click()
    await fresh.locator('.el-select-dropdown__item:visible', { hasText: `申报 ${appId}` }).first().click()
    await t2(`m-${item}/M01`).getByText('沿用申报').first().waitFor()
    await t2('next').click()
    await t2('review-materials').getByText('沿用申报').waitFor()
    await t2('submit').click()
    await fresh.waitForURL((u) => /#\/applications\/\d+$/.test(u.hash) && !u.hash.endsWith(appId))
    app2 = fresh.url().split('/').pop()
  } finally { await browser2.close() }
  const filed = await apiCall(base, me, 'GET', `applications/${app2}`)
  assert.equal(filed.form.contact_person, '钱新')
  assert.equal(filed.materials.find((m) => m.material_code === 'M01' && m.item_code === item)?.file_id,
    first.materials.find((m) => m.material_code === 'M01' && m.item_code === item).file_id)
  const gone = await fetch(`${base}api/v1/projects/${p2.id}/drafts/1`, { headers: { Authorization: `Bearer ${me}` } })
  assert.equal(gone.status, 404, 'the draft is removed when the stage is submitted')
  await page.goto(`${base}#/applications/${app2}`)
  await byTest('app-status').waitFor()
  log(`draft saved to the server, continued in a fresh browser (a stale save in the first one refused and the newer draft loaded), file reused from ${appId}, application ${app2} submitted`)
  // The window asks for a missing material before acceptance (no clock yet); the applicant answers.
  await apiCall(base, clerk, 'POST', `applications/${app2}/request-supplement`, { opinion: '请补充企业营业执照', missing_materials: [`${item}/M02`] })
  await page.reload()
  await byTest('app-status').and(page.locator('[data-status="supplement_requested"]')).waitFor()
  await byTest('supplement').getByText('请补充企业营业执照').waitFor()
  await page.setInputFiles(`[data-test="file-${item}/M02"]`, smallPdf)
  await byTest(`m-${item}/M02`).getByText('已上传').first().waitFor()
  await byTest('send-supplement').click()
  await byTest('app-status').and(page.locator('[data-status="submitted"]')).waitFor()
  log(`window's supplement request before acceptance answered: ${app2} back to 待受理`)
  await byTest('withdraw').click()
  await page.locator('.el-message-box__btns button', { hasText: '撤回' }).click()
  await byTest('app-status').and(page.locator('[data-status="withdrawn"]')).waitFor()
  assert.equal(await byTest('withdraw').count(), 0)
  log(`application ${app2} withdrawn before acceptance`)

  // 8c. The project's blueprint page: its site on the map (OpenLayers, loaded with the page only),
  section = '8c. The project\'s blueprint page: its site on the map (OpenLaye'
  // the planning conditions, and the planning opinion the coordinator published.
  const sq = (lon, lat, d) => ({ type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] })
  const code3 = '2026-650102-47-03-000779'
  const p3 = await apiCall(base, me, 'POST', 'projects', { project_code: code3, name: '天山区门户测试蓝图项目', region_code: '650102', process_type: 3,
    approval_type: 3, investment: '2000000.00', builder_credit_code: goodCredit, site: sq(87.60, 43.82, 0.002) })
  const zrzy = await apiLogin(base, 'rev.zrzy')
  await apiCall(base, zrzy, 'POST', `projects/${p3.id}/planning/conditions`, { kind: 'condition', text: '项目东侧需退让规划道路红线15米', geometry: sq(87.6015, 43.82, 0.0005) })
  const coordinator = await apiLogin(base, 'coordinator')
  const opinionText = '经各部门会商，项目选址符合国土空间规划，东侧退让道路红线15米（门户测试策划意见）。'
  await apiCall(base, coordinator, 'POST', `projects/${p3.id}/planning/opinion`, { text: opinionText })
  // The coordinator checks the site against the blueprint (the demo's synthetic layers); the report is stored.
  const checked = await apiCall(base, coordinator, 'POST', 'blueprint/compliance', { project_id: p3.id })
  assert.ok(Array.isArray(checked.checks) && checked.checks.length > 0, 'the demo layers give the site some checks')
  await page.goto(`${base}#/projects`)
  await byTest(`open-${code3}`).click()
  await byTest('planning-opinion').filter({ hasText: opinionText }).waitFor()
  await byTest('site-map').and(page.locator('[data-rendered="yes"]')).waitFor({ timeout: 20000 })
  assert.equal(await byTest('site-map').getAttribute('data-features'), '2', 'the site and one condition on the map')
  const drawn = await byTest('site-map').evaluate((el) => {
    let red = 0, blue = 0
    for (const c of el.querySelectorAll('canvas')) {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] > 0 && d[i] > 150 && d[i + 1] < 90 && d[i + 2] < 90) red++
        if (d[i + 3] > 0 && d[i] < 60 && d[i + 1] < 110 && d[i + 2] > 110) blue++
      }
    }
    return { red, blue }
  })
  assert.ok(drawn.red > 200, `site outline pixels: ${drawn.red}`)
  assert.ok(drawn.blue > 20, `condition pixels: ${drawn.blue}`)
  assert.match(await byTest('site-map').locator('.ol-scale-line-inner').innerText(), /\d+\s*(m|km)/)
  assert.match(await byTest('planning-conditions').innerText(), /退让规划道路红线/)
  // The applicant sees the stored compliance report: its verdict and one row per check.
  await byTest('compliance-result').waitFor()
  assert.equal((await byTest('compliance-result').innerText()).trim(), checked.compliant ? '符合管控要求' : '存在冲突')
  assert.equal(await byTest('compliance-checks').locator('tbody tr').count(), checked.checks.length)
  await page.evaluate(() => document.querySelectorAll('.el-message').forEach((e) => e.remove()))
  await shot('project-blueprint')
  log(`project page: site and condition drawn (${drawn.red} site, ${drawn.blue} condition pixels), planning opinion shown`)

  // 9. Notifications.
  section = '9. Notifications.'
  await page.goto(`${base}#/notifications`)
  await byTest('notifications').getByText('补正').first().waitFor()
  await shot('notifications')
  log('notifications listed')

  // 9b. Change the password: a wrong current one is named; afterwards the old session's tokens are
  // refused while this page carries on, and the new password logs in.
  section = '9b. Change the password.'
  const beforeAccess = lastAccess
  const beforeCookie = (await refreshCookie()).value
  await byTest('current-user').click()
  await page.waitForURL(/#\/account/)
  await fill('password-current', 'Wrong#2026e2e')
  await fill('password-new', 'Portal#2027e2e')
  await fill('password-again', 'Portal#2027e2e')
  await byTest('password-submit').click()
  await byTest('password-error').filter({ hasText: '当前密码不正确' }).waitFor()
  await fill('password-current', 'Portal#2026e2e')
  await byTest('password-submit').click()
  await byTest('password-done').waitFor()
  assert.notEqual((await refreshCookie()).value, beforeCookie, 'the new session\'s cookie')
  const stalePw = await fetch(`${base}api/v1/applications`, { headers: { Authorization: `Bearer ${beforeAccess}` } })
  assert.equal(stalePw.status, 401, 'a session from before the password change must be refused')
  await page.goto(`${base}#/applications`)
  await byTest('current-user').waitFor()
  const oldLogin = await fetch(`${base}api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'e2e.corp', password: 'Portal#2026e2e' }) })
  assert.equal(oldLogin.status, 401)
  const newLogin = await fetch(`${base}api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'e2e.corp', password: 'Portal#2027e2e' }) })
  assert.equal(newLogin.status, 200)
  log('password changed: the old session and password are refused, the page goes on logged in')

  // 10. Phone width and English.
  section = '10. Phone width and English.'
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`${base}#/applications/${appId}`)
  await byTest('cases').waitFor()
  await shot('progress-phone')
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 400, `phone page is ${width} px wide`)
  await page.setViewportSize({ width: 1366, height: 768 })
  log('phone layout rendered without horizontal scrolling')
  await page.locator('header .el-select').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: 'English' }).click()
  await page.getByText('My applications').first().waitFor()
  assert.match(await byTest('delivery').innerText(), /Sent by post.*EMS1082026CN/)
  await shot('progress-en')
  log('English switchable')

  // 11. Log out: the session's access and refresh tokens are refused afterwards, and the portal asks to log in.
  section = '11. Log out: the session\'s access and refresh tokens are refuse'
  const oldAccess = lastAccess
  const oldRefresh = (await refreshCookie())?.value
  assert.ok(oldAccess && oldRefresh)
  assert.equal((await fetch(`${base}api/v1/applications`, { headers: { Authorization: `Bearer ${oldAccess}` } })).status, 200)
  // The cookie without the portal's header is what a forged cross-site request looks like: refused.
  const forged = await fetch(`${base}api/v1/auth/refresh`, { method: 'POST', headers: { Cookie: `spgl_refresh=${oldRefresh}` } })
  assert.equal(forged.status, 403, 'a refresh by cookie without X-SPGL-Session must be refused')
  await page.locator('header button', { hasText: 'Log out' }).click()
  await page.waitForURL(/#\/login/)
  assert.equal(await refreshCookie(), undefined, 'logout clears the cookie')
  const again = await fetch(`${base}api/v1/auth/refresh`, { method: 'POST', headers: { 'X-SPGL-Session': 'cookie', Cookie: `spgl_refresh=${oldRefresh}` } })
  assert.equal(again.status, 401, 'the refresh token of a closed session must be refused')
  const stale = await fetch(`${base}api/v1/applications`, { headers: { Authorization: `Bearer ${oldAccess}` } })
  assert.equal(stale.status, 401, 'the access token of a closed session must be refused')
  await page.goto(`${base}#/applications`)
  await page.waitForURL(/#\/login/)
  await page.reload()
  await byTest('login-submit').waitFor()
  assert.equal(await byTest('current-user').count(), 0, 'a reload after logout stays logged out')
  log('logged out: the cookie cleared, the old access and refresh tokens refused (401), private pages lead to the login')

  assert.deepEqual(consoleErrors.filter((e) => !/Failed to load resource|ERR_CONNECTION_RESET|net::/.test(e)), [])
} catch (e) {
  failed = true
  console.error(`e2e failed in section ${section} (after step ${step})`)
  console.error(e)
  await shot('failure').catch(() => {})
  try { console.error(fs.readFileSync(path.join(server.dir, 'server.log'), 'utf8').split('\n').slice(-30).join('\n')) } catch { /* */ }
  if (consoleErrors.length) console.error('browser console:', consoleErrors.join('\n'))
} finally {
  await context.close()
  await server.stop()
  fs.rmSync(userDir, { recursive: true, force: true })
  fs.rmSync(huge, { force: true })
}
if (docs && !failed) {
  fs.mkdirSync(docs, { recursive: true })
  for (const f of shots) if (/guides|register-error|apply-form\.|apply-materials|progress\.png|progress-supplement|project-blueprint/.test(f)) fs.copyFileSync(f, path.join(docs, path.basename(f)))
}
console.log(failed ? 'e2e: FAILED' : `e2e: passed (${step} steps; screenshots in ${out})`)
process.exit(failed ? 1 : 0)
