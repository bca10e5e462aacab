// After `vite build`: writes a .gz beside every text asset (spgl-server sends it to clients that
// accept gzip) and measures what the first page loads — the scripts, module preloads and style
// sheets index.html names — compressed. Fails when that exceeds the 400 KB budget (issue 4).
//   node scripts/sizes.mjs [outDir]
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const out = path.resolve(process.argv[2] || process.env.PORTAL_OUT_DIR || 'dist')
const BUDGET = 400 * 1024
const gz = (buf) => zlib.gzipSync(buf, { level: 9 })

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)])
}
let all = 0, allGz = 0
for (const file of walk(out)) {
  if (!/\.(js|mjs|css|html|svg|json|txt)$/.test(file)) continue
  const buf = fs.readFileSync(file)
  const z = gz(buf)
  all += buf.length
  allGz += z.length
  if (z.length < buf.length) fs.writeFileSync(file + '.gz', z)
}

const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8')
const refs = new Set()
for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"[^>]*>/g)) {
  const tag = m[0]
  if (/^<link/.test(tag) && !/rel="(stylesheet|modulepreload)"/.test(tag)) continue
  if (/^(https?:)?\/\//.test(m[1]) || m[1].startsWith('data:')) continue
  refs.add(m[1].replace(/^\.\//, ''))
}
let first = 0, firstRaw = 0
const rows = []
for (const ref of refs) {
  const buf = fs.readFileSync(path.join(out, ref))
  const z = gz(buf).length
  first += z
  firstRaw += buf.length
  rows.push(`  ${ref.padEnd(48)} ${(buf.length / 1024).toFixed(1).padStart(8)} KB ${(z / 1024).toFixed(1).padStart(8)} KB gz`)
}
const htmlGz = gz(Buffer.from(html)).length
console.log(`portal first page (index.html ${(htmlGz / 1024).toFixed(1)} KB gz) loads:`)
console.log(rows.join('\n'))
console.log(`portal first page JS+CSS: ${(firstRaw / 1024).toFixed(1)} KB, ${(first / 1024).toFixed(1)} KB gzip (budget ${BUDGET / 1024} KB)`)
console.log(`portal all assets: ${(all / 1024).toFixed(1)} KB, ${(allGz / 1024).toFixed(1)} KB gzip`)
fs.writeFileSync(path.join(out, 'sizes.json'), JSON.stringify({ first_page_gzip: first, first_page_raw: firstRaw, all_raw: all, all_gzip: allGz, files: [...refs] }, null, 2))
if (first > BUDGET) {
  console.error(`portal: the first page exceeds the ${BUDGET / 1024} KB budget`)
  process.exit(1)
}
