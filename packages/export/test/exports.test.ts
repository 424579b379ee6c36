import {expect, it} from 'vitest'
import * as mod from '../src/index.js'

it('exposes the public api of @copydesk/export', () => {
  expect(Object.keys(mod).sort()).toEqual(["codePointOffsets","createCsvWriter","createHtmlWriter","createJsonLdWriter","createJsonWriter","createJsonlWriter","createNTriplesWriter","createSqliteWriter","createTurtleWriter","createWriter","csvColumns","exportRecords","formats","jsonLdContext","neutralizeCell","outputNames","parseFormats","rdfPrefixes","safeFileName","sqliteSchema","toNewsArticle","toQuads","withRecordJson","writeCsv","writeHtmlReport","writeJson","writeJsonLd","writeJsonl","writeNTriples","writeSqlite","writeTurtle"])
})
