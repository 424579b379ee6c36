// Runs in its own worker process: the zone is set before anything reads the clock.
process.env.TZ = 'Pacific/Kiritimati'

import {expect, it} from 'vitest'
import {expectClockIndependentValues} from './tz-fixture.js'

it('gives the same values with TZ=Pacific/Kiritimati (UTC+14)', () => {
  expect(new Date(2024, 0, 1).getTimezoneOffset()).toBe(-840)
  expectClockIndependentValues()
})
