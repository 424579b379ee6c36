import type {DatesData} from '@copydesk/document'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {expect, expectTypeOf, it} from 'vitest'
import retextNormalizeDates, {type Options} from '../src/index.js'

it('type-checks as a unified plugin and augments `file.data`', () => {
  const processor = unified().use(retextEnglish).use(retextNormalizeDates, {published: '2024-04-26'})
  const file = new VFile('It happened on Thursday.')
  processor.runSync(processor.parse(file), file)
  expectTypeOf(file.data.dates).toEqualTypeOf<DatesData | undefined>()
  expectTypeOf<Options>().toHaveProperty('published')
  expect(file.data.dates!.dates.map((d) => d.value)).toEqual(['2024-04-25'])
})

it('fails on a bad `published` option when attached', () => {
  expect(() => unified().use(retextEnglish).use(retextNormalizeDates, {published: 'last Tuesday'}).freeze()).toThrow(
    'Unexpected `published` option: expected an ISO 8601 date'
  )
})
