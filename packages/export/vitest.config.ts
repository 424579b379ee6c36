import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    // The browser and worker tests start processes and threads: give them
    // room on a busy machine.
    testTimeout: 30_000,
    hookTimeout: 120_000
  }
})
