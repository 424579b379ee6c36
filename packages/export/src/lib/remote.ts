import fs from 'node:fs'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import type {DocumentRecord} from '@copydesk/document'
import type {Format, StagedFile} from './atomic.js'
import type {ExportOptions} from './export.js'
import type {FromWorker, ToWorker} from './worker.js'
import type {RecordWriter} from './writer.js'

/** Records sent to the worker but not yet written by it. */
const maxInFlight = 64

/** The worker script, when running from the built package (not from source). */
export function workerScript(): URL | undefined {
  const url = new URL('worker.js', import.meta.url)
  return url.protocol === 'file:' && fs.existsSync(fileURLToPath(url)) ? url : undefined
}

/**
 * A writer whose formats run in a worker thread. `write` only posts the
 * record (waiting when the worker is `maxInFlight` records behind), so the main
 * thread goes on with its own writers.
 */
export function createRemoteWriter(
  script: URL,
  formats: Array<Format>,
  options: Readonly<ExportOptions>
): RecordWriter {
  const worker = new Worker(script, {workerData: {formats, options: {...options}}})
  let inflight = 0
  let failure: Error | undefined
  let settled = false
  let wake: (() => void) | undefined
  let reply: {resolve: (message: FromWorker) => void; reject: (error: Error) => void} | undefined

  const fail = (error: Error) => {
    if (failure) return
    failure = error
    wake?.()
    reply?.reject(error)
  }

  worker.on('message', (message: FromWorker) => {
    if (message.type === 'ack') {
      inflight--
      wake?.()
    } else if (message.type === 'error') {
      fail(new Error(message.message))
    } else {
      reply?.resolve(message)
    }
  })
  worker.on('error', (error) => fail(error))
  worker.on('exit', (code) => {
    if (!settled) fail(new Error('Export worker stopped early (exit code ' + code + ')'))
  })

  const send = (message: ToWorker) => {
    worker.postMessage(message)
  }

  const ask = (message: ToWorker) =>
    new Promise<FromWorker>((resolve, reject) => {
      if (failure) {
        reject(failure)
        return
      }

      reply = {resolve, reject}
      send(message)
    })

  return {
    async write(record: DocumentRecord) {
      if (failure) throw failure
      send({type: 'record', record})
      inflight++
      while (inflight >= maxInFlight && !failure) {
        await new Promise<void>((resolve) => {
          wake = resolve
        })
        wake = undefined
      }

      if (failure) throw failure
    },
    async finish(): Promise<Array<StagedFile>> {
      try {
        const message = await ask({type: 'finish'})
        settled = true
        return message.type === 'staged' ? message.staged : []
      } finally {
        settled = true
        await worker.terminate()
      }
    },
    async abort() {
      try {
        if (!failure) await ask({type: 'abort'})
      } catch {
        // The worker failed and already removed its temporary files.
      } finally {
        settled = true
        await worker.terminate()
      }
    }
  }
}
