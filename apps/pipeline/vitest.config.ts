import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    // The pipeline runs share one work folder: run test files one at a time.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
})
