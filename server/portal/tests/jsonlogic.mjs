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
const file = process.argv.slice(2).find((a) => !a.startsWith('--')) || path.join(kit, 'testdata/jsonlogic/tests.json')
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

// Every catalog rule on the data used below, with json-logic-js's answers, is kept in
// tests/shared/rules/catalog_rules.json (the kit's suite format), which tst_jsonlogic runs through
// the C++ evaluator: both evaluators give the same answers on the same cases. When the catalog's
// rules change, the file is out of date here: regenerate it with --write-cases.
const casesFile = path.resolve(here, '../../../tests/shared/rules/catalog_rules.json')
const catalogCases = []
function record(section, rule, datas) {
  catalogCases.push(section)
  for (const data of datas) catalogCases.push([rule, data, jsonLogic.apply(rule, data)])
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
      record(`${form.code}.${f.name} ${kind}`, rule, [{ form: on }, { form: off }, { form: {} }])
      const a = jsonLogic.truthy(jsonLogic.apply(rule, { form: on })), b = jsonLogic.truthy(jsonLogic.apply(rule, { form: off }))
      if (a !== true || b !== false) unexpected.push(`${form.code}.${f.name} ${kind}: on → ${a}, off → ${b}`)
    }

// The items' rules (applies_if over {form, project}; materials' required_if over {form, project:
// the project's blueprint_facts}) through the portal's own code (src/rules.ts, bundled here with
// esbuild): each rule is switched on and off by the values it reads, and the portal must then ask
// exactly for what the server's engine asks (Engine::requiredByRule: a material whose rule is
// false is waived; a rule that fails asks).
const esbuild = require('esbuild')
const bundled = esbuild.buildSync({ entryPoints: [path.resolve(here, '../src/rules.ts')], bundle: true, format: 'esm',
  platform: 'node', write: false, logLevel: 'silent' }).outputFiles[0].text
const rules = await import(`data:text/javascript;base64,${Buffer.from(bundled).toString('base64')}`)
const items = JSON.parse(fs.readFileSync(path.resolve(here, '../../../resources/catalog/items.json'), 'utf8')).items
const ASSESSMENTS = ['environmental', 'energy', 'geological_hazard', 'seismic', 'water', 'mineral']
let itemRules = 0, materialRules = 0
function switches(rule) {
  // {form} values that make a rule true and false, from the shapes the catalog uses.
  const text = JSON.stringify(rule)
  const eq = text.match(/"==":\[\{"var":"form\.([a-z_]+)"\},("[^"]*"|true|false|\d+)\]/)
  if (eq) { const v = JSON.parse(eq[2]); return [{ [eq[1]]: v }, { [eq[1]]: typeof v === 'boolean' ? !v : '__other__' }] }
  const inList = text.match(/"in":\[\{"var":"form\.([a-z_]+)"\},(\[[^\]]*\])\]/)
  if (inList) return [{ [inList[1]]: JSON.parse(inList[2])[0] }, { [inList[1]]: '__other__' }]
  const not = text.match(/^\{"!":\{"var":"form\.([a-z_]+)"\}\}$/)
  if (not) return [{ [not[1]]: false }, { [not[1]]: true }]
  return null
}
for (const item of items) {
  if (item.applies_if) {
    ++itemRules
    const sw = switches(item.applies_if)
    if (sw) record(`${item.code} applies_if`, item.applies_if, [{ form: sw[0], project: {} }, { form: sw[1], project: {} }, { form: {}, project: {} }])
    if (!sw) unexpected.push(`${item.code} applies_if: no test values for ${JSON.stringify(item.applies_if)}`)
    else if (!rules.itemApplies(item, sw[0], {}) || rules.itemApplies(item, sw[1], {}))
      unexpected.push(`${item.code} applies_if: on → ${rules.itemApplies(item, sw[0], {})}, off → ${rules.itemApplies(item, sw[1], {})}`)
  }
  for (const m of item.materials) {
    if (!m.required_if) {
      const n = rules.materialNeed(m, {}, { assessments: ASSESSMENTS })
      const want = m.requirement === 'tolerable' ? 'tolerable' : m.requirement
      if (n !== want) unexpected.push(`${item.code}/${m.code} without a rule: ${n}, expected ${want}`)
      continue
    }
    ++materialRules
    const text = JSON.stringify(m.required_if)
    const waivedBy = ASSESSMENTS.filter((a) => text.includes(`"${a}"`) && text.includes('project.assessments'))
    const base = m.requirement === 'required' ? 'required' : 'tolerable'
    const check = (label, form, facts, want) => {
      const got = rules.materialNeed(m, form, facts)
      if (got !== want) unexpected.push(`${item.code}/${m.code} ${label}: ${got}, expected ${want}`)
    }
    record(`${item.code}/${m.code} required_if`, m.required_if, [{ form: {}, project: {} }, { form: {}, project: { assessments: ASSESSMENTS } },
      ...waivedBy.map((a) => ({ form: {}, project: { assessments: [a] } })), { form: {}, project: { assessments: [] } },
      ...(switches(m.required_if) || []).map((form) => ({ form, project: {} }))])
    if (waivedBy.length) {
      // Regional assessment (5.3): waived inside a zone whose assessment covers it, asked elsewhere.
      for (const a of waivedBy) check(`in a zone with ${a}`, {}, { assessments: [a] }, 'waived')
      check('outside every zone', {}, {}, base)
      check('no blueprint facts', {}, undefined, base)
      check('in a zone with other assessments', {}, { assessments: ASSESSMENTS.filter((a) => !waivedBy.includes(a)) }, base)
    } else {
      const sw = switches(m.required_if)
      if (!sw) { unexpected.push(`${item.code}/${m.code} required_if: no test values for ${text}`); continue }
      check('rule on', sw[0], {}, base)
      check('rule off', sw[1], {}, 'waived')
    }
  }
}
// A broken rule asks for the material (the engine's choice), and never throws in the portal.
if (rules.materialNeed({ code: 'X', name: 'x', requirement: 'required', required_if: { nonsense_op: [1] } }, {}, {}) !== 'required')
  unexpected.push('a broken required_if must ask for the material')
// The demo's own case: STHJ-001 M02 (建设项目环境影响评价文件) is waived in an assessed zone.
{
  const sthj = items.find((i) => i.code === '650100-STHJ-001').materials.find((m) => m.code === 'M02')
  if (rules.materialNeed(sthj, {}, { assessments: ['environmental', 'seismic'] }) !== 'waived' ||
      rules.materialNeed(sthj, {}, { assessments: [] }) !== 'required') unexpected.push('STHJ-001/M02 not waived by 区域环评')
}

console.log(`catalog item rules checked through src/rules.ts: ${itemRules} applies_if, ${materialRules} material required_if`)
const caseCount = catalogCases.filter((c) => typeof c !== 'string').length
if (process.argv.includes('--write-cases')) {
  fs.writeFileSync(casesFile, '[\n' + catalogCases.map((c) => '  ' + JSON.stringify(c)).join(',\n') + '\n]\n')
  console.log(`wrote ${caseCount} catalog rule cases to ${casesFile}`)
} else {
  let kept = null
  try { kept = JSON.parse(fs.readFileSync(casesFile, 'utf8')) } catch { /* missing */ }
  if (!kept || !same(kept, catalogCases))
    unexpected.push(`${path.relative(process.cwd(), casesFile)} does not hold the catalog's current rules and json-logic-js's answers: run node tests/jsonlogic.mjs --write-cases (tst_jsonlogic then checks the C++ evaluator on them)`)
  else console.log(`catalog rule cases: ${caseCount}, the same in ${path.basename(casesFile)} (tst_jsonlogic: the C++ evaluator on them)`)
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
