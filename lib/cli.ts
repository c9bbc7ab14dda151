/**
 * What the command-line tools share (`npm run import`, `export`, `seed`, `create-admin`, `jobs`):
 * where their output goes, and node:util's parseArgs with its errors turned into data, so each
 * tool words its own message and exit code.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'

export interface CliIo {
  stdout: (line: string) => void
  stderr: (line: string) => void
}

type Options = NonNullable<ParseArgsConfig['options']>

/** What was wrong with an option: unknown, given without its value, or a value for a switch. */
export type CommandLineProblem = 'unknown' | 'missing-value' | 'takes-no-value'

/**
 * `argv` read strictly against `options` (positionals allowed), or the option that was wrong and
 * how (`option` is its long name when it has one).
 */
export function readCommandLine<O extends Options>(argv: readonly string[], options: O) {
  try {
    const parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
    return { ok: true as const, values: parsed.values, positionals: parsed.positionals }
  } catch (err) {
    // node:util's messages: "Unknown option '--x'…", "Option '-o, --out <value>' argument
    // missing", "Option '--out' argument is ambiguous…", "Option '--publish' does not take an argument"
    const message = (err as Error).message
    const quoted = /'([^']*)'/.exec(message)?.[1] ?? ''
    const option = /--[\w-]+/.exec(quoted)?.[0] ?? quoted
    const problem: CommandLineProblem = message.startsWith('Unknown option')
      ? 'unknown'
      : /does not take an argument/.test(message)
        ? 'takes-no-value'
        : 'missing-value'
    return { ok: false as const, option, problem }
  }
}
