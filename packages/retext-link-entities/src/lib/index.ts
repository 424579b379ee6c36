import type {} from '@copydesk/document'
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import type {KnowledgeBase} from '@copydesk/kb'

/** Configuration for `retextLinkEntities`. */
export interface Options {
  /** Knowledge base to link against (required). */
  kb: KnowledgeBase
}

/**
 * Link the mentions on `file.data.names` to knowledge-base entities.
 *
 * Results go on `file.data.links`.
 */
export default function retextLinkEntities(options: Readonly<Options>) {
  if (!options || !options.kb) {
    throw new TypeError('Missing `kb` option: expected a knowledge base')
  }

  const kb = options.kb
  return function (_tree: Root, file: VFile): undefined {
    if (!file.data.names) {
      file.message('No names found on `file.data.names`: run `retext-normalize-names` first', {
        ruleId: 'missing-names',
        source: 'retext-link-entities'
      })
    }

    file.data.links = {entities: {}, kb: kb.snapshot}
  }
}
