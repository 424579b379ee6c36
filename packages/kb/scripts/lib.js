// Helpers shared by the data scripts (`derive-shared.js`, `check-starter.js`).
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'

/** One JSON object per non-empty line. */
export function readJsonl(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line)
      } catch (error) {
        throw new Error(`${file}:${i + 1}: ${error.message}`)
      }
    })
}

/**
 * The lookup key of a name: the package's own `nameKey`, from its build (the
 * scripts run after `pnpm build`, as the tests do).
 */
let built
try {
  built = await import('../dist/lib/normalize.js')
} catch {
  throw new Error('Build @copydesk/kb first (`pnpm build`): the data scripts use its name keys')
}
export const keyOf = built.nameKey

/**
 * The `shared/kb` folder of reference data: the first argument that is not an
 * option, else `$COPYDESK_SHARED_DIR/kb`, else a `shared/kb` beside a folder
 * above this package; undefined when there is none.
 */
export function findShared(root, args = process.argv.slice(2)) {
  const arg = args.find((a) => !a.startsWith('--'))
  if (arg) return resolve(arg)
  if (process.env.COPYDESK_SHARED_DIR) return join(process.env.COPYDESK_SHARED_DIR, 'kb')
  let dir = root
  while (dirname(dir) !== dir) {
    dir = dirname(dir)
    if (existsSync(join(dir, 'shared', 'kb'))) return join(dir, 'shared', 'kb')
  }
  return undefined
}

/** US states, DC and the territories that send a delegate to the House, by postal code. */
export const usStates = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado',
  CT: 'Connecticut', DE: 'Delaware', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho',
  IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana',
  ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota',
  MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada',
  NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York', NC: 'North Carolina',
  ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania',
  RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas',
  UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia',
  WI: 'Wisconsin', WY: 'Wyoming', DC: 'the District of Columbia'
}
/** Territories with a delegate in the House (not states). */
export const usTerritories = {
  PR: 'Puerto Rico', GU: 'Guam', VI: 'the U.S. Virgin Islands', AS: 'American Samoa',
  MP: 'the Northern Mariana Islands'
}

/**
 * Words that must never be a name on their own (a label or an alias): else
 * every “male”, “mobile” or “is” in a text could be a candidate entity.
 * `check-starter.js` enforces it on aliases; `derive-shared.js` also keeps
 * places so named out.
 */
export const commonWords = new Set(
  `a an the and of in on at to for by with from as is it or be are was were this that these those
  he she we they you his her our their its my your no not yes all any some one two three four five
  male female mobile reading bath hope liberty independence union commerce enterprise paradise
  temple orange marathon victory progress unity freedom peace man van san salt nan hue moss bol
  king queen may march june august will say said best worst more most new old city town`.split(/\s+/)
)
