/** A problem with how the pipeline was called (flag, option, config key): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
