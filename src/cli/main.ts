/** Entry of the `policy-press` command (bin/policy-press.js runs this through tsx). */
import {processIo} from './io.ts'
import {run} from './run.ts'

// A closed pipe (`policy-press parse … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

process.exitCode = await run(process.argv.slice(2), processIo())
