import type {EntityRef, NameMention} from '@copydesk/document'
import type {KnowledgeBase} from '@copydesk/kb'
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {groupMentions, linkGroups} from './link.js'

/** Configuration for `retextLinkEntities`. */
export interface Options {
  /** Knowledge base to link against (required), such as `loadStarterKb()` or a `SqliteKnowledgeBase`. */
  kb: KnowledgeBase
  /** Lowest confidence (0..1) of a link; below it the mention is NIL (default: `0.5`). */
  threshold?: number | null | undefined
  /**
   * A runner-up whose score is at least this share of the best one's makes the
   * choice ambiguous: an `ambiguous-entity` message (default: `0.8`).
   */
  ambiguity?: number | null | undefined
  /** Look for misspelled names within a small edit distance when nothing matches exactly (default: `true`). */
  fuzzy?: boolean | null | undefined
  /** Give unlinked mentions a stable NIL id (`nil:<slug>-<hash>`) instead of `null` (default: `true`). */
  nil?: boolean | null | undefined
  /**
   * Decisions shared across the documents of a run, by entity key (the name
   * stage's cluster, else type and canonical name): one real entity gets one id
   * in every article. Default: one registry per plugin instance; `false`: none,
   * each document on its own (results then do not depend on the order of
   * documents, as a cache or worker threads need).
   */
  registry?: Map<string, EntityRef> | false | null | undefined
}

const source = 'retext-link-entities'

function check(name: string, value: unknown, valid: boolean): void {
  if (value !== undefined && value !== null && !valid) {
    throw new TypeError(`Unexpected \`${name}\` option \`${String(value)}\`: expected a number between 0 and 1`)
  }
}

/**
 * Link the mentions on `file.data.names` to knowledge-base entities, or to
 * stable NIL identities.
 *
 * Results go on `file.data.links`.
 */
export default function retextLinkEntities(options: Readonly<Options>) {
  if (!options || !options.kb || typeof options.kb.lookup !== 'function') {
    throw new TypeError('Missing `kb` option: expected a knowledge base')
  }
  const {kb} = options
  check('threshold', options.threshold, typeof options.threshold === 'number' && options.threshold >= 0 && options.threshold <= 1)
  check('ambiguity', options.ambiguity, typeof options.ambiguity === 'number' && options.ambiguity > 0 && options.ambiguity <= 1)
  if (options.registry !== undefined && options.registry !== null && options.registry !== false && !(options.registry instanceof Map)) {
    throw new TypeError('Unexpected `registry` option: expected a `Map`, `false` or nothing')
  }
  const settings = {
    threshold: options.threshold ?? 0.5,
    ambiguity: options.ambiguity ?? 0.8,
    fuzzy: options.fuzzy ?? true,
    nil: options.nil ?? true,
    registry: options.registry === false ? undefined : (options.registry ?? new Map<string, EntityRef>())
  }

  return function (_tree: Root, file: VFile): undefined {
    const entities: Record<string, EntityRef | null> = {}
    file.data.links = {entities, kb: kb.snapshot}
    if (!file.data.names) {
      file.message('No names found on `file.data.names`: run `retext-normalize-names` first', {
        ruleId: 'missing-names',
        source
      })
      return
    }
    const text = String(file.value)
    let place: ReturnType<typeof location> | undefined
    // A message's stack is never used (vfile-message empties it): do not pay
    // for capturing one per NIL entity.
    const mentions = file.data.names.mentions
    const links = linkGroups(kb, groupMentions(mentions), settings, text)
    const refs = new Map<NameMention, EntityRef | null>()
    const stackTraceLimit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    try {
      for (const {group, ref, ambiguous, partial} of links) {
        // One copy per entity (the registry keeps `ref`), shared by its mentions.
        const shared = ref ? {...ref} : null
        for (const mention of group.mentions) refs.set(mention, partial?.has(mention) ? null : shared)
        if (!ambiguous && ref && !ref.id.startsWith('nil:')) continue
        const first = group.mentions[0]!
        place ??= location(file)
        const start = place.toPoint(first.start)
        const end = place.toPoint(first.end)
        const at = start && end ? {place: {start, end}} : {}
        if (ambiguous) {
          const [a, b] = ambiguous
          const message = file.message(
            `\`${group.name}\` is ambiguous: ${a.label} (${a.id}, ${a.description}) or ${b.label} (${b.id}, ${b.description})`,
            {...at, ruleId: 'ambiguous-entity', source}
          )
          message.actual = group.name
          message.expected = [a.id, b.id]
          message.note = ref && !ref.id.startsWith('nil:') ? `Linked to ${ref.id} with confidence ${ref.confidence}` : 'Left unlinked'
        }
        if (!ref || ref.id.startsWith('nil:')) {
          const message = file.info(`\`${group.name}\` is not in the knowledge base${ref ? `: NIL id \`${ref.id}\`` : ''}`, {
            ...at,
            ruleId: 'nil-entity',
            source
          })
          message.actual = group.name
        }
      }
    } finally {
      Error.stackTraceLimit = stackTraceLimit
    }
    // In the order of the mentions: documents then share the shape of
    // `entities` (`m1`, `m2`, …), which keeps it a fast object.
    for (const mention of mentions) entities[mention.id] = refs.get(mention) ?? null
  }
}
