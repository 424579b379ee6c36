import {loadStarterKb} from '@copydesk/kb'
import {retext} from 'retext'
import {expectTypeOf, it} from 'vitest'
import type {LinksData} from '@copydesk/document'
import {VFile} from 'vfile'
import retextLinkEntities, {type Options} from '../src/index.js'

it('type-checks with unified and augments file.data', () => {
  const options: Options = {kb: loadStarterKb(), threshold: 0.6}
  retext().use(retextLinkEntities, options)
  expectTypeOf(new VFile().data.links).toEqualTypeOf<LinksData | undefined>()
})
