import type {DatesData} from '@copydesk/document'
import type {DocumentStage} from './types.js'
import {runPlugin, textOnly} from './run-plugin.js'

/** The date stage: `@copydesk/retext-normalize-dates` on each document. */
export const datesStage: DocumentStage<DatesData> = {
  kind: 'document',
  key: 'dates',
  keys: {published: 'string'},
  needs: [],
  packages: ['@copydesk/retext-normalize-dates'],
  async setup(config) {
    // Loaded here, not at import time: a run served from the cache never pays for it.
    const [{default: retextNormalizeDates}, {unified}] = await Promise.all([
      import('@copydesk/retext-normalize-dates'),
      import('unified')
    ])
    const processor = unified().use(textOnly).use(retextNormalizeDates, config.options)
    return async (document) => runPlugin(processor, document, 'dates', {dates: [], reference: null})
  }
}
