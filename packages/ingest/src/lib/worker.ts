/**
 * A worker thread of `ingest` with `threads` above 1: reads and parses a
 * batch of files, and sends back their documents as plain data.
 */
import {bytesOf, parseInput, readFile} from './index.js'
import {settings, type Settings} from './options.js'
import {serialize, type SerializedParsed, type WorkerTask} from './serialize.js'

let prepared: {key: string; config: Settings} | undefined

export default async function work(task: WorkerTask): Promise<Array<Array<SerializedParsed>>> {
  const key = JSON.stringify(task.options)
  if (prepared?.key !== key) prepared = {key, config: settings(task.options)}
  const {config} = prepared
  const results: Array<Array<SerializedParsed>> = []
  for (const {path, name, bytes} of task.files) {
    const documents: Array<SerializedParsed> = []
    const open = bytes ? () => bytesOf(bytes) : () => readFile(path)
    for await (const parsed of parseInput({path, name, file: path, open}, name, config)) {
      documents.push(serialize(parsed))
    }
    results.push(documents)
  }
  return results
}
