/**
 * Corpus-level reconciliation of person names across documents.
 */
import type {NameMention} from '@copydesk/document'
import {doubleMetaphone} from 'double-metaphone'
import {distance} from 'fastest-levenshtein'
import {lexicon} from './lexicon.js'

/** What else is known about a document, used as context when comparing names. */
export interface RegistryContext {
  /** Story or event key shared by articles about the same story (e.g. a feed's story id). */
  story?: string | null | undefined
  /** KB labels of linked mentions, by mention id: the label wins as canonical spelling. */
  labels?: Readonly<Record<string, string>> | null | undefined
}

/** Configuration for `NameRegistry`. */
export interface NameRegistryOptions {
  /**
   * How many neighbours each full name is compared with inside a candidate block, after sorting
   * the block by surname (default: `50`); bounds the work on very common names.
   */
  window?: number | null | undefined
  /** Most co-mentioned names kept per name variant as context (default: `64`). */
  maxContext?: number | null | undefined
}

/** A `name-variant` message: a mention whose name the registry changed, with the evidence. */
export interface NameVariantMessage {
  ruleId: 'name-variant'
  source: 'retext-normalize-names'
  reason: string
  /** Id of the mention in its document. */
  mention: string
  start: number
  end: number
  /** Name before reconciliation. */
  actual: string
  /** Canonical name across the corpus. */
  expected: string
  /** Why the names were merged (`same phonetic key HLS`, `edit distance 1`, `co-mentioned: …`). */
  evidence: Array<string>
}

/** Result for one document. */
export interface RegistryDocument {
  /** Mentions with `name` reconciled across the corpus and `cluster` set. */
  mentions: Array<NameMention>
  messages: Array<NameVariantMessage>
}

interface Variant {
  key: string
  words: Array<string>
  display: Map<string, number>
  count: number
  roles: Set<string>
  context: Map<string, number>
  stories: Set<string>
  label: string | undefined
  parent: number
  evidence: Array<string> | undefined
  /** A lone name that fits two or more full names of its own document (left ambiguous there). */
  ambiguous: boolean
}

interface StoredDocument {
  id: string
  mentions: Array<NameMention>
  variants: Array<number>
}

const defaults = {window: 50, maxContext: 64}

/**
 * Collects the mentions of many documents, then clusters spelling variants of one person
 * (`Holsey` / `Holcy`, `Steve` / `Stephen Benjamin`, `Bobby Lowery` / `Bobby Darrell Lowery`)
 * and gives every mention the cluster's canonical name.
 *
 * Candidates are blocked by phonetic keys of surname and given name, and by given name plus a
 * co-mentioned name, so that the work grows about linearly with the corpus.
 */
export class NameRegistry {
  readonly #variants: Array<Variant> = []
  readonly #byKey = new Map<string, number>()
  readonly #documents: Array<StoredDocument> = []
  /** Number of documents each name occurs in: names in very many documents are no evidence. */
  readonly #frequency = new Map<string, number>()
  readonly #window: number
  readonly #maxContext: number

  constructor(options?: Readonly<NameRegistryOptions> | null | undefined) {
    const window = options?.window ?? defaults.window
    const maxContext = options?.maxContext ?? defaults.maxContext
    if (!Number.isInteger(window) || window < 1) {
      throw new TypeError('Unexpected `window` option: expected an integer >= 1')
    }

    if (!Number.isInteger(maxContext) || maxContext < 0) {
      throw new TypeError('Unexpected `maxContext` option: expected an integer >= 0')
    }

    this.#window = window
    this.#maxContext = maxContext
  }

  /**
   * Add the mentions of one document (as found by the plugin, names resolved within it).
   */
  add(
    documentId: string,
    mentions: ReadonlyArray<NameMention>,
    context?: Readonly<RegistryContext> | null | undefined
  ): void {
    const stored: StoredDocument = {id: documentId, mentions: mentions.map((m) => ({...m})), variants: []}
    const names = new Set<string>()
    for (const mention of mentions) names.add(normalize(mention.name))
    // Parts of the full person names of this document: a lone name that still matches one was
    // left ambiguous by the plugin and must not be resolved from other documents.
    const parts = new Map<string, Set<string>>()
    for (const mention of mentions) {
      if (mention.type !== 'person') continue
      const words = normalize(mention.name).split(' ')
      if (words.length < 2) continue
      for (const part of [words[0] ?? '', words.at(-1) ?? '']) {
        let set = parts.get(part)
        if (!set) {
          set = new Set()
          parts.set(part, set)
        }

        set.add(words.join(' '))
      }
    }

    for (const name of names) this.#frequency.set(name, (this.#frequency.get(name) ?? 0) + 1)
    const seen = new Map<string, number>()

    for (const mention of stored.mentions) {
      if (mention.type !== 'person') {
        stored.variants.push(-1)
        continue
      }

      const key = normalize(mention.name)
      // A lone given name or surname says little outside its article: one variant per document.
      const lookup = key.includes(' ') ? key : documentId + '\u0000' + key
      let index = this.#byKey.get(lookup)
      if (index === undefined) {
        index = this.#variants.length
        this.#byKey.set(lookup, index)
        this.#variants.push({
          key,
          words: key.split(' '),
          display: new Map(),
          count: 0,
          roles: new Set(),
          context: new Map(),
          stories: new Set(),
          label: undefined,
          parent: index,
          evidence: undefined,
          ambiguous: false
        })
      }

      const variant = this.#variants[index]
      stored.variants.push(index)
      if (!variant) continue
      if (!key.includes(' ') && (parts.get(key)?.size ?? 0) > 1) variant.ambiguous = true
      variant.count++
      variant.display.set(mention.name, (variant.display.get(mention.name) ?? 0) + 1)
      if (mention.role) variant.roles.add(mention.role.replace(/^(former|the late|late|then|acting) /, '').toLowerCase())
      const label = context?.labels?.[mention.id]
      if (label) variant.label = label
      if (!seen.has(key)) {
        seen.set(key, index)
        if (context?.story) variant.stories.add(context.story)
        for (const name of names) {
          if (name === key) continue
          const known = variant.context.get(name)
          if (known !== undefined) variant.context.set(name, known + 1)
          else if (variant.context.size < this.#maxContext) variant.context.set(name, 1)
        }
      }
    }

    this.#documents.push(stored)
  }

  /**
   * Cluster the names of all added documents.
   *
   * @returns
   *   Per document id: its mentions with `name` and `cluster` set, and `name-variant` messages.
   */
  resolve(): Map<string, RegistryDocument> {
    const variants = this.#variants
    const lex = lexicon()
    const frequency = this.#frequency
    const limit = Math.max(50, this.#documents.length / 100)
    const informative = (name: string) => (frequency.get(name) ?? 0) <= limit
    // Reset (resolve may run again after more documents were added); indices, not `indexOf`,
    // which made this loop quadratic in the number of names.
    for (let index = 0; index < variants.length; index++) {
      const variant = variants[index]
      if (!variant) continue
      variant.parent = index
      variant.evidence = undefined
    }

    const find = (index: number): number => {
      let root = index
      while (variants[root]?.parent !== root) root = variants[root]?.parent ?? root
      let node = index
      while (node !== root) {
        const v = variants[node]
        if (!v) break
        node = v.parent
        v.parent = root
      }

      return root
    }

    // Blocks.
    const fullBlocks = new Map<string, Array<number>>()
    const surnameBlocks = new Map<string, Array<number>>()
    const givenContextBlocks = new Map<string, Array<number>>()
    const push = (map: Map<string, Array<number>>, key: string, index: number) => {
      const list = map.get(key)
      if (list) list.push(index)
      else map.set(key, [index])
    }

    // Full names by surname key and by what a lone surname must share with them to score at all
    // (an informative co-mention, a role, a story): a common surname (`Smith`) has thousands of
    // full names, and comparing each lone `Smith` with all of them grew with the square of the corpus.
    const surnameEvidence = new Map<string, Array<number>>()
    variants.forEach((variant, index) => {
      if (variant.words.length < 2) return
      const given = formal(variant.words[0] ?? '', lex.nicknames)
      const surname = variant.words.at(-1) ?? ''
      const surnameKey = phonetic(surname)
      push(fullBlocks, surnameKey + '|' + phonetic(given), index)
      push(surnameBlocks, surnameKey, index)
      for (const name of variant.context.keys()) {
        push(givenContextBlocks, phonetic(given) + '|' + name, index)
        if (informative(name)) push(surnameEvidence, surnameKey + '\u0000n' + name, index)
      }

      for (const role of variant.roles) push(surnameEvidence, surnameKey + '\u0000r' + role, index)
      for (const story of variant.stories) push(surnameEvidence, surnameKey + '\u0000s' + story, index)
    })

    // Full names against full names: within a block, sorted by name, each name is compared with
    // the next `window` names (sorted neighbourhood), so a huge block costs n × window.
    const window = this.#window
    for (const block of fullBlocks.values()) {
      if (block.length < 2) continue
      if (block.length > window) block.sort((x, y) => sortKey(variants[x]).localeCompare(sortKey(variants[y])))
      for (let i = 0; i < block.length; i++) {
        for (let j = i + 1; j < block.length && j <= i + window; j++) {
          const a = variants[block[i] ?? -1]
          const b = variants[block[j] ?? -1]
          if (!a || !b) continue
          const evidence = compareFull(a, b, lex.nicknames, informative)
          if (evidence) union(block[i] ?? 0, block[j] ?? 0, evidence)
        }
      }
    }

    // Single names against full names: a surname (`Holcy`) or a given name (`Steve`) seen with
    // names that the full name was also seen with.
    variants.forEach((variant, index) => {
      if (variant.words.length !== 1 || variant.ambiguous) return
      const word = variant.words[0] ?? ''
      const candidates = new Set<number>()
      const surnameKey = phonetic(word)
      const block = surnameBlocks.get(surnameKey)
      if (block) {
        // The full names of the surname block that share something with this name (the others
        // score 0 and are skipped below), in block order.
        const sharing = new Set<number>()
        const collect = (key: string) => {
          for (const c of surnameEvidence.get(key) ?? []) sharing.add(c)
        }

        for (const name of variant.context.keys()) if (informative(name)) collect(surnameKey + '\u0000n' + name)
        for (const role of variant.roles) collect(surnameKey + '\u0000r' + role)
        for (const story of variant.stories) collect(surnameKey + '\u0000s' + story)
        if (sharing.size * 4 < block.length) {
          for (const c of [...sharing].sort((x, y) => x - y)) candidates.add(c)
        } else {
          for (const c of block) candidates.add(c)
        }
      }

      if (lex.given.has(word) || lex.nicknames.has(word)) {
        const given = phonetic(formal(word, lex.nicknames))
        for (const name of variant.context.keys()) {
          for (const c of givenContextBlocks.get(given + '|' + name) ?? []) candidates.add(c)
        }
      }

      let best: {index: number; score: number; evidence: Array<string>} | undefined
      let tie = false
      for (const candidate of candidates) {
        const full = variants[candidate]
        if (!full) continue
        const nameEvidence = compareSingle(word, full.words, lex.nicknames)
        if (!nameEvidence) continue
        const context = compareContext(variant, full, informative)
        if (context.score === 0) continue
        const score = context.score
        if (!best || score > best.score) {
          best = {index: candidate, score, evidence: [...nameEvidence, ...context.evidence]}
          tie = false
        } else if (score === best.score && find(candidate) !== find(best.index)) {
          tie = true
        }
      }

      if (best && !tie) union(index, best.index, best.evidence)
    })

    // Canonical name per cluster.
    const clusters = new Map<number, Array<number>>()
    variants.forEach((_, index) => {
      const root = find(index)
      const list = clusters.get(root)
      if (list) list.push(index)
      else clusters.set(root, [index])
    })

    const canonical = new Map<number, string>()
    const clusterKey = new Map<number, string>()
    const usedKeys = new Map<string, number>()
    for (const [root, members] of clusters) {
      let name: string | undefined
      for (const m of members) if (variants[m]?.label) name = variants[m]?.label
      if (!name) {
        let best: Variant | undefined
        for (const m of members) {
          const v = variants[m]
          if (!v) continue
          if (
            !best ||
            rank(v) > rank(best) ||
            (rank(v) === rank(best) && v.count === best.count && v.words.length === best.words.length && v.key < best.key)
          ) {
            best = v
          }
        }

        name = best ? topDisplay(best) : ''
      }

      canonical.set(root, name)
      const slug = slugify(name) || 'name'
      const n = (usedKeys.get(slug) ?? 0) + 1
      usedKeys.set(slug, n)
      clusterKey.set(root, n === 1 ? slug : slug + '-' + n)
    }

    const result = new Map<string, RegistryDocument>()
    for (const document of this.#documents) {
      const messages: Array<NameVariantMessage> = []
      const mentions = document.mentions.map((mention, i) => {
        const out = {...mention}
        const index = document.variants[i] ?? -1
        if (index < 0) {
          out.cluster = slugify(mention.name) || 'name'
          return out
        }

        const root = find(index)
        const name = canonical.get(root) ?? mention.name
        out.cluster = clusterKey.get(root) ?? slugify(name)
        if (normalize(name) !== normalize(mention.name)) {
          messages.push({
            ruleId: 'name-variant',
            source: 'retext-normalize-names',
            reason: `Unexpected name \`${mention.name}\`, expected the corpus spelling \`${name}\``,
            mention: mention.id,
            start: mention.start,
            end: mention.end,
            actual: mention.name,
            expected: name,
            evidence: evidenceFor(index, variants, find)
          })
          out.name = name
        }

        return out
      })
      result.set(document.id, {mentions, messages})
    }

    return result

    function union(a: number, b: number, evidence: Array<string>) {
      const ra = find(a)
      const rb = find(b)
      if (ra === rb) return
      const va = variants[ra]
      const vb = variants[rb]
      if (!va || !vb) return
      // Keep the fuller, more frequent name as the root.
      if (rank(vb) > rank(va)) va.parent = rb
      else vb.parent = ra
      // The evidence of the merge goes with both names it joined.
      for (const index of [a, b]) {
        const variant = variants[index]
        if (variant) variant.evidence ??= evidence
      }
    }
  }

  /** Number of documents added. */
  get size(): number {
    return this.#documents.length
  }
}

function sortKey(variant: Variant | undefined): string {
  return variant ? (variant.words.at(-1) ?? '') + ' ' + variant.key : ''
}

function rank(variant: Variant): number {
  // Full forms first, then frequency, then length.
  return (variant.words.length > 1 ? 1e9 : 0) + variant.count * 10 + Math.min(variant.words.length, 9)
}

function topDisplay(variant: Variant): string {
  let best = ''
  let count = -1
  for (const [name, n] of variant.display) {
    if (n > count) {
      best = name
      count = n
    }
  }

  return best
}

function evidenceFor(index: number, variants: Array<Variant>, find: (i: number) => number): Array<string> {
  const evidence = variants[index]?.evidence
  if (evidence && evidence.length > 0) return [...new Set(evidence)]
  // Joined through another name of the cluster.
  return ['same cluster as `' + (variants[find(index)]?.key ?? '') + '`']
}

/** `fn` remembering up to 100,000 answers: the same names come back again and again. */
function remembered(fn: (value: string) => string): (value: string) => string {
  const cache = new Map<string, string>()
  return (value) => {
    let result = cache.get(value)
    if (result === undefined) {
      result = fn(value)
      if (cache.size < 100_000) cache.set(value, result)
    }

    return result
  }
}

/** Lowercase, accents folded, spaces collapsed. */
const normalize = remembered((value) =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.,]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
)

const slugify = remembered((value) =>
  normalize(value)
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
)

const phonetic = remembered((word) => doubleMetaphone(word)[0] || word)

function formal(given: string, nicknames: Map<string, string>): string {
  return nicknames.get(given) ?? given
}

/** Whether two surnames or given names are spelling variants; evidence when they are. */
function spelling(a: string, b: string): Array<string> | undefined {
  if (a === b) return []
  const d = distance(a, b)
  const samePhonetic = phonetic(a) === phonetic(b)
  if (samePhonetic && d <= 2) return [`same phonetic key ${phonetic(a)} (${a}/${b})`, `edit distance ${d}`]
  if (d === 1 && Math.min(a.length, b.length) >= 5) return [`edit distance 1 (${a}/${b})`]
  return undefined
}

function compareGiven(a: string, b: string, nicknames: Map<string, string>): Array<string> | undefined {
  if (a === b) return []
  if (formal(a, nicknames) === formal(b, nicknames)) return [`nickname (${a}/${b})`]
  if (a.length === 1 || b.length === 1) return a.charAt(0) === b.charAt(0) ? [`initial (${a}/${b})`] : undefined
  return spelling(a, b)
}

function compareFull(
  a: Variant,
  b: Variant,
  nicknames: Map<string, string>,
  informative: (name: string) => boolean
): Array<string> | undefined {
  const [shortV, longV] = a.words.length <= b.words.length ? [a, b] : [b, a]
  const given = compareGiven(shortV.words[0] ?? '', longV.words[0] ?? '', nicknames)
  if (!given) return undefined
  const surname = spelling(shortV.words.at(-1) ?? '', longV.words.at(-1) ?? '')
  if (!surname) return undefined
  // Middle names must not conflict.
  const middleShort = shortV.words.slice(1, -1)
  const middleLong = longV.words.slice(1, -1)
  for (const m of middleShort) {
    if (!middleLong.some((n) => n === m || (m.length === 1 && n.startsWith(m)) || (n.length === 1 && m.startsWith(n)))) {
      return undefined
    }
  }

  const evidence = [...given, ...surname]
  if (middleLong.length > middleShort.length) evidence.push(`middle name (${longV.key} / ${shortV.key})`)
  const context = compareContext(a, b, informative)
  if (context.disagree) return undefined
  // A spelling difference needs support from the context; a middle name, a nickname or an
  // initial needs only that the contexts do not disagree.
  const givenSpelling = given.length > 0 && !/^(nickname|initial)/.test(given[0] ?? '')
  if ((surname.length > 0 || givenSpelling) && context.score === 0) return undefined
  return [...evidence, ...context.evidence]
}

function compareSingle(word: string, full: Array<string>, nicknames: Map<string, string>): Array<string> | undefined {
  const surname = spelling(word, full.at(-1) ?? '')
  if (surname) return surname.length > 0 ? surname : [`surname of \`${full.join(' ')}\``]
  const given = compareGiven(word, full[0] ?? '', nicknames)
  if (given && word.length > 1) return given.length > 0 ? given : [`given name of \`${full.join(' ')}\``]
  return undefined
}

function compareContext(
  a: Variant,
  b: Variant,
  informative: (name: string) => boolean
): {score: number; disagree: boolean; evidence: Array<string>} {
  const evidence: Array<string> = []
  const shared: Array<string> = []
  const [small, large] = a.context.size <= b.context.size ? [a, b] : [b, a]
  for (const name of small.context.keys()) {
    if (name === a.key || name === b.key) continue
    if (large.context.has(name) && informative(name)) shared.push(name)
  }

  if (shared.length > 0) evidence.push('co-mentioned: ' + shared.slice(0, 5).join(', '))
  const roles = [...a.roles].filter((role) => b.roles.has(role))
  if (roles.length > 0) evidence.push('role: ' + roles.join(', '))
  const stories = [...a.stories].filter((story) => b.stories.has(story))
  if (stories.length > 0) evidence.push('same story: ' + stories.join(', '))
  const score = shared.length + roles.length + stories.length * 2
  const disagree =
    score === 0 &&
    ((a.context.size >= 2 && b.context.size >= 2) ||
      (a.roles.size > 0 && b.roles.size > 0))
  return {score, disagree, evidence}
}
