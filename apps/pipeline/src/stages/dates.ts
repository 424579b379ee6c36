import retextNormalizeDates from '@copydesk/retext-normalize-dates'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import type {DatesData} from '@copydesk/document'
import type {DocumentStage} from './types.js'
import {runPlugin} from './run-plugin.js'

/** The date stage: `@copydesk/retext-normalize-dates` on each document. */
export const datesStage: DocumentStage<DatesData> = {
  kind: 'document',
  key: 'dates',
  keys: {published: 'string'},
  needs: [],
  packages: ['@copydesk/retext-normalize-dates'],
  async setup(config) {
    const processor = unified().use(retextEnglish).use(retextNormalizeDates, config.options)
    return async (document) => runPlugin(processor, document, 'dates', {dates: [], reference: null})
  }
}
