import {MemoryKnowledgeBase, type KnowledgeBase} from '@copydesk/kb'
import retextLinkEntities from '@copydesk/retext-link-entities'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import type {LinksData} from '@copydesk/document'
import type {DocumentStage, StageConfig} from './types.js'
import {runPlugin} from './run-plugin.js'

let loaded: KnowledgeBase | undefined

async function loadKb(_config: StageConfig): Promise<KnowledgeBase> {
  loaded ??= new MemoryKnowledgeBase('empty', [])
  return loaded
}

/** The link stage: `@copydesk/retext-link-entities` against the KB. */
export const linkStage: DocumentStage<LinksData> = {
  kind: 'document',
  key: 'links',
  keys: {},
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
    const processor = unified().use(retextEnglish).use(retextLinkEntities, {...config.options, kb})
    return async (document) => runPlugin(processor, document, 'links', {entities: {}, kb: kb.snapshot})
  }
}
