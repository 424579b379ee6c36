import type {MentionType, NamesData, RecordMessage} from '@copydesk/document'
import type {LayerRecord} from '../lib/layers.js'
import type {DocumentStage, HeldPass} from './types.js'
import {runPlugin, textOnly} from './run-plugin.js'

/**
 * The name stage: `@copydesk/retext-normalize-names` on each document, then a corpus pass with
 * its `NameRegistry` that reconciles person names across documents (`name`, `cluster`,
 * `name-variant` messages). Set `"registry": false` in the `names` config section to skip it.
 */
export const namesStage: DocumentStage<NamesData> = {
  kind: 'document',
  key: 'names',
  keys: {types: 'string[]', skipExcluded: 'boolean', readExcluded: 'string[]', registry: 'boolean'},
  needs: [],
  packages: ['@copydesk/retext-normalize-names'],
  async setup(config) {
    const {types, skipExcluded, readExcluded} = config.options as {
      types?: Array<MentionType>
      skipExcluded?: boolean
      readExcluded?: Array<string>
    }
    const options: {types?: Array<MentionType>; skipExcluded?: boolean; readExcluded?: Array<string>} = {}
    if (types !== undefined) options.types = types
    if (skipExcluded !== undefined) options.skipExcluded = skipExcluded
    if (readExcluded !== undefined) options.readExcluded = readExcluded
    // Loaded here, not at import time: a run served from the cache never pays for it.
    const [{default: retextNormalizeNames}, {unified}] = await Promise.all([
      import('@copydesk/retext-normalize-names'),
      import('unified')
    ])
    const processor = unified().use(textOnly).use(retextNormalizeNames, options)
    return async (document) => runPlugin(processor, document, 'names', {mentions: []})
  },
  async corpus(config) {
    if (config.options['registry'] === false) return undefined
    const {NameRegistry} = await import('@copydesk/retext-normalize-names')
    return registryPass(new NameRegistry())
  }
}

function registryPass(registry: InstanceType<typeof import('@copydesk/retext-normalize-names').NameRegistry>): HeldPass<NamesData> {
  // Each record as added, its mentions left to the registry (which copies
  // them): the final records are made from both, without reading the layer again.
  const kept: Array<LayerRecord<NamesData>> = []
  return {
    add(record: LayerRecord<NamesData>) {
      if (record.data?.mentions) {
        registry.add(record.id, record.data.mentions)
        kept.push({...record, data: {...record.data, mentions: []}})
      } else {
        kept.push(record)
      }
    },
    *held() {
      const resolved = registry.resolve()
      for (const [index, record] of kept.entries()) {
        kept[index] = undefined as unknown as LayerRecord<NamesData>
        const result = resolved.get(record.id)
        if (!result || !record.data) {
          yield record
          continue
        }

        const messages: Array<RecordMessage> = result.messages.map((message) => ({
          ruleId: message.ruleId,
          source: message.source,
          reason: `${message.reason} (${message.evidence.join('; ')})`,
          start: message.start,
          end: message.end,
          severity: 'info'
        }))
        yield {id: record.id, data: {...record.data, mentions: result.mentions}, messages: [...record.messages, ...messages]}
      }
    }
  }
}
