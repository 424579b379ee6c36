import {parentPort, workerData} from 'node:worker_threads'
import {classNeedles, parseEntityLine, prepareEntity, type LineFilter, type PreparedEntity} from './parse.js'

// Parser thread of `importWikidataDump({threads})`: batches of dump lines in,
// entities with their lookup keys out.
const filter = workerData as LineFilter
const needles = classNeedles(filter.classes)

parentPort?.on('message', (lines: Array<string>) => {
  const entities: Array<PreparedEntity> = []
  let invalid = 0
  for (const line of lines) {
    const entity = parseEntityLine(line, filter, needles)
    if (entity === false) invalid++
    else if (entity) entities.push(prepareEntity(entity))
  }
  parentPort?.postMessage({entities, invalid})
})
