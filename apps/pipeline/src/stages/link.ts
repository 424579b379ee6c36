import type {KnowledgeBase} from '@copydesk/kb'
import type {EntityRef, LinksData, NamesData} from '@copydesk/document'
import type {LayerRecord} from '../lib/layers.js'
import type {DocumentStage, SidePass, StageConfig} from './types.js'
import {runPlugin, textOnly} from './run-plugin.js'

let loaded: {file: string | null; kb: KnowledgeBase} | undefined

/**
 * The KB of the run: the SQLite file given with `--kb`, else the embedded
 * starter KB. Loaded on first use: a run served from the cache never pays.
 */
async function loadKb(config: StageConfig): Promise<KnowledgeBase> {
  const file = typeof config['kb'] === 'string' ? config['kb'] : null
  if (!loaded || loaded.file !== file) {
    const {SqliteKnowledgeBase, loadStarterKb} = await import('@copydesk/kb')
    loaded?.kb.close()
    loaded = {file, kb: file ? new SqliteKnowledgeBase(file) : loadStarterKb()}
  }
  return loaded.kb
}

/**
 * What the corpus pass needs of a document (`StageResult.corpus`: kept with
 * the raw line, gone from the final layer): for each name-stage cluster
 * linked to a QID, the link; the NIL ids of the document; and, when NIL ids
 * are off, the cluster of each unlinked mention.
 */
interface LinkSide {
  clusters?: Record<string, EntityRef>
  nils?: Array<string>
  unlinked?: Record<string, string>
}

/** The facts the corpus pass needs, taken in the worker where the names are at hand. */
function sideOf(names: NamesData | undefined, data: LinksData, nil: boolean): LinkSide | undefined {
  if (!names) return undefined
  let clusters: Record<string, EntityRef> | undefined
  let nils: Set<string> | undefined
  let unlinked: Record<string, string> | undefined
  for (const mention of names.mentions) {
    const ref = data.entities[mention.id]
    if (ref?.id.startsWith('nil:')) (nils ??= new Set()).add(ref.id)
    if (!mention.cluster) continue
    if (ref && !ref.id.startsWith('nil:')) {
      clusters ??= {}
      clusters[mention.cluster] ??= ref
    } else if (!ref && !nil) {
      unlinked ??= {}
      unlinked[mention.id] = mention.cluster
    }
  }
  if (!clusters && !nils && !unlinked) return undefined
  const side: LinkSide = {}
  if (clusters) side.clusters = clusters
  if (nils) side.nils = [...nils]
  if (unlinked) side.unlinked = unlinked
  return side
}

/**
 * Corpus pass: the name stage's clusters say which mentions of different
 * articles are one entity; where some articles link a cluster to a QID and
 * others leave it NIL (a lone surname with no context), the NIL mentions take
 * the QID the other articles chose, when they all chose the same. Clusters
 * linked to different QIDs are left as they are (precision first).
 *
 * A cluster is known by the NIL id it has (`nilId` of the cluster), so the
 * pass needs no names layer, and reads only each document's side facts: a
 * document none of whose NIL ids is upgraded keeps its line as it is.
 */
async function corpusPass(): Promise<SidePass<LinksData>> {
  const {nilId} = await import('@copydesk/kb')
  const keys = new Map<string, string>()
  const keyOf = (cluster: string) => {
    let key = keys.get(cluster)
    if (key === undefined) keys.set(cluster, (key = nilId(cluster, 'other', cluster)))
    return key
  }
  // NIL id of a cluster → QID → the most confident link seen.
  const votes = new Map<string, Map<string, EntityRef>>()
  const upgrade = (key: string): EntityRef | undefined => {
    const forKey = votes.get(key)
    return forKey && forKey.size === 1 ? [...forKey.values()][0] : undefined
  }
  const side = {
    add(info: unknown) {
      const facts = info as LinkSide | undefined
      if (!facts?.clusters) return
      for (const [cluster, ref] of Object.entries(facts.clusters)) {
        const key = keyOf(cluster)
        let forKey = votes.get(key)
        if (!forKey) votes.set(key, (forKey = new Map()))
        const best = forKey.get(ref.id)
        if (!best || ref.confidence > best.confidence) forKey.set(ref.id, ref)
      }
    },
    changes(info: unknown) {
      const facts = info as LinkSide | undefined
      if (!facts || votes.size === 0) return false
      if (facts.nils?.some((id) => upgrade(id))) return true
      return facts.unlinked ? Object.values(facts.unlinked).some((cluster) => upgrade(keyOf(cluster))) : false
    }
  }
  return {
    side,
    apply(record: LayerRecord<LinksData>) {
      const {corpus: info, ...plain} = record
      const facts = info as LinkSide | undefined
      const links = plain.data
      if (!links || !facts || votes.size === 0) return plain
      let entities: Record<string, EntityRef | null> | undefined
      const upgraded = new Set<string>()
      for (const [mention, ref] of Object.entries(links.entities)) {
        if (ref && !ref.id.startsWith('nil:')) continue
        const cluster = ref ? undefined : facts.unlinked?.[mention]
        const best = upgrade(ref ? ref.id : cluster ? keyOf(cluster) : '')
        if (!best) continue
        entities ??= {...links.entities}
        entities[mention] = {...best}
        if (ref) upgraded.add(ref.id)
      }
      if (!entities) return plain
      const messages = upgraded.size
        ? plain.messages.filter((m) => !(m.ruleId === 'nil-entity' && [...upgraded].some((id) => m.reason.includes(`\`${id}\``))))
        : plain.messages
      return {...plain, data: {...links, entities}, messages}
    }
  }
}

/** The link stage: `@copydesk/retext-link-entities` against the KB. */
export const linkStage: DocumentStage<LinksData> = {
  kind: 'document',
  key: 'links',
  keys: {threshold: 'number', ambiguity: 'number', fuzzy: 'boolean', nil: 'boolean'},
  needs: ['names'],
  packages: ['@copydesk/retext-link-entities', '@copydesk/kb'],
  async version(config) {
    return (await loadKb(config)).snapshot
  },
  async info(config) {
    return {kb: (await loadKb(config)).snapshot}
  },
  async setup(config) {
    const kb = await loadKb(config)
    const [{default: retextLinkEntities}, {unified}] = await Promise.all([
      import('@copydesk/retext-link-entities'),
      import('unified')
    ])
    // The linker reads `file.data.names`, not the tree. No registry across
    // documents: results must not depend on which documents a worker saw
    // before (the cache keys on one document); the corpus pass unifies.
    const processor = unified().use(textOnly).use(retextLinkEntities, {...config.options, kb, registry: false})
    const nil = config.options['nil'] !== false
    return async (document) => {
      const result = await runPlugin(processor, document, 'links', {entities: {}, kb: kb.snapshot})
      const side = sideOf(document.names, result.data, nil)
      return side ? {...result, corpus: side} : result
    }
  },
  async corpus() {
    return corpusPass()
  }
}
