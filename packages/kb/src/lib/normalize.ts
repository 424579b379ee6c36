import type {EntityType} from './types.js'

/** Normalize a name for display-level comparison: case- and accent-insensitive. */
export function normalizeName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7f]*$/.test(name)
  return (ascii ? name : name.normalize('NFKD').replace(/\p{M}+/gu, ''))
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

const plain = /^[A-Za-z\d]+(?: [A-Za-z\d]+)*$/

/**
 * The lookup key of a name: `normalizeName`, then periods dropped, other
 * punctuation and dashes as spaces, a leading `the` dropped.
 *
 * `Washington, D.C.` → `washington dc`, `U.S.` → `us`, `the Fed` → `fed`.
 */
export function nameKey(name: string): string {
  // Most names are plain words and single spaces: the same key, without the regular expressions.
  if (plain.test(name)) {
    const lower = name.toLowerCase()
    return lower.startsWith('the ') ? lower.slice(4) : lower
  }

  return normalizeName(name)
    .replace(/'s$/, '')
    .replace(/\./g, '')
    .replace(/[,;:!?"()[\]{}/\\_\-‐‑‒–—]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '')
}

const suffixes = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'v'])
const particles = new Set(['de', 'da', 'di', 'del', 'van', 'von', 'der', 'la', 'le', 'bin', 'al'])

/**
 * Short forms derived from a label, as news uses them after first mention.
 * For people: the surname (with its particles: `van Gogh`), ignoring `Jr.`.
 */
export function shortForms(label: string, type: EntityType): Array<string> {
  if (type !== 'person') return []
  const tokens = nameKey(label).split(' ').filter(Boolean)
  while (tokens.length > 1 && suffixes.has(tokens[tokens.length - 1]!)) tokens.pop()
  if (tokens.length < 2) return []
  let i = tokens.length - 1
  while (i > 1 && particles.has(tokens[i - 1]!)) i--
  return [tokens.slice(i).join(' ')]
}

/** Default fuzzy bound for a key. */
export function defaultMaxDistance(key: string): number {
  return key.length <= 4 ? 0 : key.length <= 8 ? 1 : 2
}
