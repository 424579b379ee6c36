import os from 'node:os'
import {fileURLToPath} from 'node:url'
import type {Piscina} from 'piscina'
import type {QueueExecutor} from './queue.js'
import type {DocumentStage, StageConfig, StageDocument, StageResult} from '../stages/types.js'

/** Runs a stage's per-document function, in this thread or on a pool of worker threads. */
export interface Executor {
  /** Process one document; `key` is its per-document cache key. */
  run(key: string, document: StageDocument): Promise<StageResult>
  close(): Promise<void>
  /** How many documents may be in flight. */
  window: number
}

/** Task sent to a worker thread. */
export interface WorkerTask {
  stage: 'names' | 'dates' | 'link'
  configJson: string
  document: StageDocument
}

/** How many documents may be in flight, per thread, to keep the pool busy while output stays in order. */
export const windowPerThread = 8

/** The concurrency asked for (`--concurrency`), else the number of cores. */
export function concurrency(): number {
  const asked = Number(process.env.COPYDESK_CONCURRENCY)
  return Number.isInteger(asked) && asked > 0 ? asked : os.availableParallelism()
}

/**
 * An executor for a stage: in this thread when the concurrency is 1, else on
 * a piscina pool of worker threads, each of which sets the stage up once.
 * Both are created on first use, so a run served from the cache pays nothing.
 */
export function createExecutor(
  name: 'names' | 'dates' | 'link',
  stage: DocumentStage,
  config: StageConfig,
  configJson: string,
  threads: number,
  version: string
): Executor {
  const queue = process.env.COPYDESK_QUEUE
  if (queue) {
    let executor: QueueExecutor | undefined
    return {
      // Enough batches in flight to keep many workers busy.
      window: 16 * 32,
      async run(key, document) {
        if (!executor) {
          const {QueueExecutor} = await import('./queue.js')
          executor ??= new QueueExecutor(queue, name, configJson, version)
        }

        return executor.run(key, document)
      },
      async close() {
        await executor?.close()
      }
    }
  }

  if (threads <= 1) {
    let process_: Promise<(document: StageDocument) => Promise<StageResult>> | undefined
    return {
      window: windowPerThread,
      async run(_key, document) {
        process_ ??= stage.setup(config)
        return (await process_)(document)
      },
      async close() {}
    }
  }

  let pool: Piscina | undefined
  return {
    window: threads * windowPerThread,
    async run(_key, document) {
      if (!pool) {
        const {Piscina} = await import('piscina')
        pool ??= new Piscina({
        filename: fileURLToPath(new URL('../worker.js', import.meta.url)),
        minThreads: 1,
        maxThreads: threads,
        idleTimeout: 1000
        })
      }

      const task: WorkerTask = {stage: name, configJson, document}
      return (await pool.run(task)) as StageResult
    },
    async close() {
      await pool?.destroy()
    }
  }
}
