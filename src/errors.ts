/**
 * A problem the user can fix (missing file, bad config, unwritable folder): the CLI prints
 * `message` (Chinese) and `hint`, exits with status 2, and never shows a stack trace.
 * Problems inside a policy text are vfile messages instead; throw only for these and for bugs.
 */
export class UserError extends Error {
  readonly file?: string
  readonly line?: number
  readonly hint?: string

  constructor(message: string, options: {file?: string; line?: number; hint?: string; cause?: unknown} = {}) {
    super(message, {cause: options.cause})
    this.name = 'UserError'
    this.file = options.file
    this.line = options.line
    this.hint = options.hint
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError
}
