import {describe, expect, it, vi} from 'vitest'

// A stand-in for piscina that counts pools and answers each task with one
// outcome per document: what is tested is how the executor starts its pool.
const pools = vi.hoisted(() => ({started: 0, destroyed: 0}))
vi.mock('piscina', () => ({
  Piscina: class {
    constructor() {
      pools.started++
    }

    async run(task: {documents: Array<Array<string>>}) {
      await new Promise((resolve) => setTimeout(resolve, 5))
      return task.documents.map((lines) => ({line: lines[0], rules: ''}))
    }

    async destroy() {
      pools.destroyed++
    }
  }
}))

const {createExecutor, threadBatchSize} = await import('../src/lib/executor.js')
const {documentStages} = await import('../src/stages/index.js')

function batch(start: number): [Array<string>, Array<Array<string>>] {
  const documents = Array.from({length: threadBatchSize}, (_, index) => [`{"id":"d${start + index}"}`])
  return [documents.map((_, index) => `key-${start + index}`), documents]
}

describe('the stage executor', () => {
  it('starts one pool for batches dispatched before it is up, and answers each in order', async () => {
    const executor = createExecutor('dates', documentStages.dates, {options: {}}, '{"options":{}}', 2, 'v', ['ingest', 'names'])
    // The stage dispatches batches without waiting for the ones before.
    const results = await Promise.all([0, 1, 2, 3].map((index) => executor.runBatch(...batch(index * threadBatchSize))))
    expect(pools.started).toBe(1)
    expect(executor.threads()).toBe(2)
    expect(results.map((outcomes) => outcomes[0].line)).toEqual(['{"id":"d0"}', '{"id":"d32"}', '{"id":"d64"}', '{"id":"d96"}'])
    await executor.close()
    expect(pools.destroyed).toBe(1)
  })
})
