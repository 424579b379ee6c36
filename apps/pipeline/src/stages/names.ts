import retextNormalizeNames from '@copydesk/retext-normalize-names'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import type {NamesData} from '@copydesk/document'
import type {DocumentStage} from './types.js'
import {runPlugin} from './run-plugin.js'

/** The name stage: `@copydesk/retext-normalize-names` on each document. */
export const namesStage: DocumentStage<NamesData> = {
  kind: 'document',
  key: 'names',
  keys: {allTypes: 'boolean'},
  needs: [],
  packages: ['@copydesk/retext-normalize-names'],
  async setup(config) {
    const processor = unified().use(retextEnglish).use(retextNormalizeNames, config.options)
    return async (document) => runPlugin(processor, document, 'names', {mentions: []})
  }
}
