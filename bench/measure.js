/**
 * Runs the command (bin/policy-press.js) in this process and, when the process exits, writes its
 * peak memory and CPU time as one JSON line to file descriptor 3 (the bench reads it).
 *
 *   node bench/measure.js build source/xiuzhou-2024.txt …   # with fd 3 open, from bench/cli.ts
 *
 * maxRSS covers every thread of the process (the PDF worker included).
 */
import {writeSync} from 'node:fs'

process.on('exit', () => {
  const usage = process.resourceUsage()
  writeSync(3, JSON.stringify({maxRss: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000}) + '\n')
})
await import('../bin/policy-press.js')
