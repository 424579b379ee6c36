import {Worker, UnrecoverableError} from 'bullmq'
import {queueName, type BatchJob, type BatchResult} from '../lib/queue.js'
import {parseRedisUrl} from '../lib/redis-url.js'
import {codeVersion} from '../lib/version.js'
import {documentStages} from '../stages/index.js'
import type {StageConfig, StageDocument, StageResult} from '../stages/types.js'

/** Options of `copydesk worker`. */
export interface WorkerOptions {
  queue: string
  concurrency?: string
}

/**
 * Process batches of documents from the queue until stopped (SIGINT or
 * SIGTERM). Any number of workers, on any machines, may share a queue; the
 * run that filled it assembles the results.
 */
export async function runWorker(options: WorkerOptions): Promise<number> {
  const connection = parseRedisUrl(options.queue)
  const prepared = new Map<string, Promise<(document: StageDocument) => Promise<StageResult>>>()
  const versions = new Map<string, string>()
  // Test hook: a document whose text contains this marker makes its batch
  // fail, as a document that crashes a stage would.
  const poison = process.env.COPYDESK_TEST_FAIL_ON
  const log = (line: string): void => {
    process.stdout.write(`copydesk worker ${process.pid}: ${line}\n`)
  }

  const worker = new Worker<BatchJob, BatchResult>(
    queueName,
    async (job) => {
      const {stage: name, configJson, documents} = job.data
      const stage = documentStages[name]
      if (!stage) throw new UnrecoverableError(`Unknown stage \`${String(name)}\``)
      const config = JSON.parse(configJson) as StageConfig
      let version = versions.get(`${name}\n${configJson}`)
      if (version === undefined) {
        version = codeVersion(stage.packages) + (stage.version ? await stage.version(config) : '')
        versions.set(`${name}\n${configJson}`, version)
      }

      if (version !== job.data.version) {
        throw new UnrecoverableError(`This worker runs other code for the ${name} stage (${version}, the run has ${job.data.version}): update it`)
      }

      log(`batch ${job.id} (${name}, ${documents.length} documents) started`)
      let process_ = prepared.get(`${name}\n${configJson}`)
      if (!process_) {
        process_ = stage.setup(config)
        prepared.set(`${name}\n${configJson}`, process_)
      }

      const run = await process_
      const results: BatchResult = []
      for (const document of documents) {
        if (poison && document.text.includes(poison)) throw new Error(`Document ${document.id} broke the ${name} stage`)
        results.push(await run(document))
      }

      log(`batch ${job.id} done`)
      return results
    },
    {
      connection,
      concurrency: Number(options.concurrency ?? 1) || 1,
      // A killed worker's batch goes back to the queue after its lock expires.
      lockDuration: 10_000,
      stalledInterval: 5_000,
      maxStalledCount: 3
    }
  )
  worker.on('error', (error) => log(`error: ${error.message}`))
  worker.on('failed', (job, error) => log(`batch ${job?.id ?? '?'} failed: ${error.message}`))
  await worker.waitUntilReady()
  log(`ready on ${options.queue}`)
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      log('stopping')
      void worker.close().then(resolve)
    }

    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return 0
}
