// The portal evaluates visible_if / required_if / applies_if with json-logic-js; the server with
// its C++ evaluator (shared/rules), which passes every case of the official JsonLogic suite in the
// kit. This runs the same suite through json-logic-js and lists every case where it differs from
// the expected answer. Differences listed in KNOWN are reported but accepted (they are documented
// and do not occur in the catalog's rules); any other difference fails the test.
//   node tests/jsonlogic.mjs [path/to/tests.json]   (default: $SPGL_KIT_DIR/testdata/jsonlogic/tests.json)
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const jsonLogic = require('json-logic-js')
const here = path.dirname(new URL(import.meta.url).pathname)
const kit = process.env.SPGL_KIT_DIR || path.resolve(here, '../../../../shared')
const file = process.argv[2] || path.join(kit, 'testdata/jsonlogic/tests.json')
const suite = JSON.parse(fs.readFileSync(file, 'utf8'))

// Cases (rule JSON + ' @ ' + data JSON) where json-logic-js 2.0.5 is known to differ.
const KNOWN = new Set([])

function same(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b))
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]))
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort(), kb = Object.keys(b).sort()
    return same(ka, kb) && ka.every((k) => same(a[k], b[k]))
  }
  return a === b
}

let section = '(no section)', index = 0, cases = 0
const differences = [], unexpected = []
for (const entry of suite) {
  if (typeof entry === 'string') { section = entry; index = 0; continue }
  const [rule, data, expected] = entry
  ++index; ++cases
  let got, error = ''
  try { got = jsonLogic.apply(rule, data) } catch (e) { error = String(e?.message || e) }
  if (!error && same(got, expected)) continue
  const key = `${JSON.stringify(rule)} @ ${JSON.stringify(data)}`
  const line = `${section} #${index}: ${key} → ${error ? `throws ${error}` : JSON.stringify(got)}, expected ${JSON.stringify(expected)}`
  differences.push(line)
  if (!KNOWN.has(key)) unexpected.push(line)
}

// The catalog's own rules, evaluated on the values that switch them, must behave as intended.
const forms = JSON.parse(fs.readFileSync(path.resolve(here, '../../../resources/catalog/forms.json'), 'utf8')).forms
let catalogRules = 0
for (const form of forms)
  for (const f of form.fields)
    for (const kind of ['visible_if', 'required_if']) {
      const rule = f[kind]
      if (!rule) continue
      ++catalogRules
      const vars = JSON.stringify(rule).match(/"form\.([a-z_]+)"/g)?.map((v) => v.slice(6, -1)) || []
      const on = {}, off = {}
      const m = JSON.stringify(rule).match(/"==":\[\{"var":"form\.([a-z_]+)"\},("[^"]*"|true|false|\d+)\]/)
      if (m) { on[m[1]] = JSON.parse(m[2]); off[m[1]] = typeof on[m[1]] === 'boolean' ? !on[m[1]] : '__other__' }
      else for (const v of vars) { on[v] = '有值'; off[v] = '' }
      const a = jsonLogic.truthy(jsonLogic.apply(rule, { form: on })), b = jsonLogic.truthy(jsonLogic.apply(rule, { form: off }))
      if (a !== true || b !== false) unexpected.push(`${form.code}.${f.name} ${kind}: on → ${a}, off → ${b}`)
    }

console.log(`json-logic-js ${require('json-logic-js/package.json').version}: ${cases} cases of ${path.basename(file)}, ` +
  `${cases - differences.length} same as expected (the C++ evaluator passes all ${cases}), ${differences.length} differ`)
for (const d of differences) console.log(`  differs: ${d}`)
console.log(`catalog rules checked: ${catalogRules}`)
if (unexpected.length) {
  for (const u of unexpected) console.error(`UNEXPECTED: ${u}`)
  process.exit(1)
}
console.log('jsonlogic: passed')
