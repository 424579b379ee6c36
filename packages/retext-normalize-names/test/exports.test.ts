import {expect, it} from 'vitest'
import * as mod from '../src/index.js'

it('exposes the public api of @copydesk/retext-normalize-names', () => {
  expect(Object.keys(mod).sort()).toEqual(["NameRegistry","default"])
})
