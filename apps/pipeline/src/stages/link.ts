import type {KnowledgeBase} from '@copydesk/kb'
import type {EntityRef, LinksData, NamesData} from '@copydesk/document'
import type {LayerRecord} from '../lib/layers.js'
import type {CorpusPass, DocumentStage, StageConfig} from './types.js'
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
 * What the link stage's layer carries besides `LinksData`, for the corpus
 * pass only (it is gone from the final layer): the name stage's cluster of
 * each entity linked to a QID (cluster → one of its mentions), and, when NIL
 * ids are off, the cluster of each unlinked mention.
 */
interface LinkLayerData extends LinksData {
  clusters?: Record<string, string>
  unlinked?: Record<string, string>
}

/** The facts the corpus pass needs, taken in the worker where the names are at hand. */
function clustersOf(names: NamesData | undefined, data: LinksData, nil: boolean): LinkLayerData {
  if (!names) return data
  let clusters: Record<string, string> | undefined
  let unlinked: Record<string, string> | undefined
  for (const mention of names.mentions) {
    if (!mention.cluster) continue
    const ref = data.entities[mention.id]
    if (ref && !ref.id.startsWith('nil:')) {
      clusters ??= {}
      clusters[mention.cluster] ??= mention.id
    } else if (!ref && !nil) {
      unlinked ??= {}
      unlinked[mention.id] = mention.cluster
    }
  }
  if (!clusters && !unlinked) return data
  const result: LinkLayerData = {...data}
  if (clusters) result.clusters = clusters
  if (unlinked) result.unlinked = unlinked
  return result
}

/**
 * Corpus pass: the name stage's clusters say which mentions of different
 * articles are one entity; where some articles link a cluster to a QID and
 * others leave it NIL (a lone surname with no context), the NIL mentions take
 * the QID the other articles chose, when they all chose the same. Clusters
 * linked to different QIDs are left as they are (precision first).
 *
 * A cluster is known by the NIL id it has (`nilId` of the cluster), so the
 * pass needs no names layer: what it needs comes with each record.
 */
async function corpusPass(): Promise<CorpusPass<LinksData>> {
  const {nilId} = await import('@copydesk/kb')
  const keys = new Map<string, string>()
  const keyOf = (cluster: string) => {
    let key = keys.get(cluster)
    if (key === undefined) keys.set(cluster, (key = nilId(cluster, 'other', cluster)))
    return key
  }
  // NIL id of a cluster → QID → the most confident link seen.
  const votes = new Map<string, Map<string, EntityRef>>()
  return {
    add(record) {
      const data = record.data as LinkLayerData | null
      if (!data?.clusters) return
      for (const [cluster, mention] of Object.entries(data.clusters)) {
        const ref = data.entities[mention]
        if (!ref) continue
        const key = keyOf(cluster)
        let forKey = votes.get(key)
        if (!forKey) votes.set(key, (forKey = new Map()))
        const best = forKey.get(ref.id)
        if (!best || ref.confidence > best.confidence) forKey.set(ref.id, ref)
      }
    },
    apply(record: LayerRecord<LinksData>) {
      const data = record.data as LinkLayerData | null
      if (!data) return record
      const {clusters, unlinked, ...links} = data
      let entities: Record<string, EntityRef | null> | undefined
      const upgraded = new Set<string>()
      if (votes.size > 0) {
        for (const [mention, ref] of Object.entries(links.entities)) {
          if (ref && !ref.id.startsWith('nil:')) continue
          const cluster = ref ? undefined : unlinked?.[mention]
          const forKey = votes.get(ref ? ref.id : cluster ? keyOf(cluster) : '')
          if (!forKey || forKey.size !== 1) continue
          const [best] = forKey.values()
          entities ??= {...links.entities}
          entities[mention] = {...best!}
          if (ref) upgraded.add(ref.id)
        }
      }
      if (!entities) return clusters || unlinked ? {...record, data: links} : record
      const messages = upgraded.size
        ? record.messages.filter((m) => !(m.ruleId === 'nil-entity' && [...upgraded].some((id) => m.reason.includes(`\`${id}\``))))
        : record.messages
      return {...record, data: {...links, entities}, messages}
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
      return {...result, data: clustersOf(document.names, result.data, nil)}
    }
  },
  async corpus() {
    return corpusPass()
  }
}
