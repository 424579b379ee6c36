import type {NamesData} from '@copydesk/document'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {expectTypeOf, it} from 'vitest'
import retextNormalizeNames, {type Options} from '../src/index.js'

it('type-checks as a unified plugin and exposes `file.data.names`', () => {
  const options: Options = {types: ['person', 'place'], skipExcluded: true}
  const processor = unified().use(retextEnglish).use(retextNormalizeNames, options)
  expectTypeOf(processor.use).toBeFunction()
  const file = new VFile('')
  expectTypeOf(file.data.names).toEqualTypeOf<NamesData | undefined>()
})
