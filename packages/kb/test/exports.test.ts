import {expect, it} from 'vitest'
import * as mod from '../src/index.js'

it('exposes the public api of @copydesk/kb', () => {
  expect(Object.keys(mod).sort()).toEqual([
    'MemoryKnowledgeBase',
    'SqliteKbWriter',
    'SqliteKnowledgeBase',
    'classTypes',
    'defaultMaxDistance',
    'entityFromWikidata',
    'identityKey',
    'importWikidataDump',
    'loadStarterKb',
    'nameKey',
    'nilId',
    'normalizeName',
    'parseStarter',
    'shortForms',
    'slug',
    'typeFromClasses',
    'writeSqliteKb'
  ])
})
