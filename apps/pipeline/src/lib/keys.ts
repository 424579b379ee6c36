import {sha256} from './hash.js'
import {stageNames, type StageName} from './paths.js'

/**
 * The chain of stage keys: each stage's key hashes its own configuration and
 * the key of the stage before it, as turbo chains task hashes. The CLI checks
 * that the export manifest carries the key it expects, so a stale restore can
 * never be taken for this run's output.
 */
export function stageKey(configJson: string, upstreamKey: string): string {
  return sha256(`${upstreamKey}\n${configJson}`).slice(0, 32)
}

export function chainKeys(configs: Readonly<Record<StageName, string>>): Record<StageName, string> {
  const keys = {} as Record<StageName, string>
  let upstream = ''
  for (const stage of stageNames) {
    upstream = keys[stage] = stageKey(configs[stage], upstream)
  }

  return keys
}
