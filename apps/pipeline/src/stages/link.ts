import fs from 'node:fs'
import path from 'node:path'
import type {KnowledgeBase} from '@copydesk/kb'
import type {EntityRef, LinksData, NamesData} from '@copydesk/document'
import {workDir} from '../lib/paths.js'
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
 * Corpus pass: the name stage's clusters say which mentions of different
 * articles are one entity; where some articles link a cluster to a QID and
 * others leave it NIL (a lone surname with no context), the NIL mentions take
 * the QID most articles chose. Clusters linked to different QIDs are left as
 * they are (precision first).
 */
async function corpusPass(): Promise<CorpusPass<LinksData>> {
  const {identityKey} = await import('@copydesk/kb')
  // Mention id → entity key, per document, from the names layer.
  const keys = new Map<string, Map<string, string>>()
  const namesLayer = path.join(workDir, 'names', 'layer.jsonl')
  if (fs.existsSync(namesLayer)) {
    for (const line of fs.readFileSync(namesLayer, 'utf8').split('\n')) {
      if (!line) continue
      const record = JSON.parse(line) as LayerRecord<NamesData | null>
      const byMention = new Map<string, string>()
      for (const m of record.data?.mentions ?? []) {
        if (m.cluster) byMention.set(m.id, identityKey(m.name, m.type, m.cluster))
      }
      if (byMention.size) keys.set(record.id, byMention)
    }
  }
  // Entity key → QID → votes and the best link seen.
  const votes = new Map<string, Map<string, {count: number; ref: EntityRef}>>()
  return {
    add(record) {
      const byMention = keys.get(record.id)
      if (!byMention || !record.data) return
      for (const [mention, ref] of Object.entries(record.data.entities)) {
        const key = byMention.get(mention)
        if (!key || !ref || ref.id.startsWith('nil:')) continue
        let forKey = votes.get(key)
        if (!forKey) votes.set(key, (forKey = new Map()))
        const vote = forKey.get(ref.id)
        if (!vote) forKey.set(ref.id, {count: 1, ref})
        else {
          vote.count++
          if (ref.confidence > vote.ref.confidence) vote.ref = ref
        }
      }
    },
    apply(record: LayerRecord<LinksData>) {
      const byMention = keys.get(record.id)
      if (!byMention || !record.data) return record
      const entities = {...record.data.entities}
      const upgraded = new Set<string>()
      for (const [mention, ref] of Object.entries(entities)) {
        if (ref && !ref.id.startsWith('nil:')) continue
        const forKey = votes.get(byMention.get(mention) ?? '')
        if (!forKey || forKey.size !== 1) continue
        const [{ref: best}] = forKey.values()
        entities[mention] = {...best}
        if (ref) upgraded.add(ref.id)
      }
      if (!upgraded.size) return record
      const messages = record.messages.filter(
        (m) => !(m.ruleId === 'nil-entity' && [...upgraded].some((id) => m.reason.includes(`\`${id}\``)))
      )
      return {...record, data: {...record.data, entities}, messages}
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
    return async (document) => runPlugin(processor, document, 'links', {entities: {}, kb: kb.snapshot})
  },
  async corpus() {
    return corpusPass()
  }
}
