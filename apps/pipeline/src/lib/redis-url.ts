import type {ConnectionOptions} from 'bullmq'
import {UsageError} from './errors.js'

/** Parse `redis://[user:password@]host:port[/db]` into BullMQ connection options. */
export function parseRedisUrl(value: string): ConnectionOptions {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new UsageError(`--queue: expected a URL such as redis://127.0.0.1:6379, got \`${value}\``)
  }

  if (url.protocol !== 'redis:') throw new UsageError(`--queue: expected a redis:// URL, got \`${value}\``)
  const options: {host: string; port: number; username?: string; password?: string; db?: number; maxRetriesPerRequest: null} = {
    host: url.hostname || '127.0.0.1',
    port: Number(url.port || 6379),
    // Keep retrying through a Redis restart instead of failing the run.
    maxRetriesPerRequest: null
  }
  if (url.username) options.username = decodeURIComponent(url.username)
  if (url.password) options.password = decodeURIComponent(url.password)
  if (url.pathname.length > 1) options.db = Number(url.pathname.slice(1))
  return options
}
