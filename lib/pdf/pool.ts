import 'server-only'

import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Piscina from 'piscina'

import type { PdfJob } from './worker/job'

/**
 * PDFs are rendered in worker threads, never on the event loop that answers everyone else: a board
 * report of a large plan is seconds of CPU. The pool is bounded twice — as many threads as the
 * cores allow beside the server's own thread, and a short queue — and a render it cannot take
 * fails at once with PdfBusyError (the routes answer 503 with `Retry-After`) instead of piling up.
 * A job asked for again while the same one (the same data) is under way joins it: readers of a
 * PDF whose cache an edit just expired cause one render, not one each.
 */

/** Pool limits: `PDF_WORKERS` threads (default: the cores less one, 1–4) and `PDF_QUEUE` waiting. */
export interface PdfPoolOptions {
  threads: number
  queue: number
}

/** The worker bundle (scripts/build-pdf-worker.mjs writes it), relative to the working directory. */
const WORKER_FILE = path.join('.pdf-worker', 'render.mjs')
const BUILD_SCRIPT = path.join('scripts', 'build-pdf-worker.mjs')

/** Thrown when every worker is busy and the queue is full: try again later. */
export class PdfBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Every PDF worker is busy and the queue is full.')
    this.name = 'PdfBusyError'
  }
}

function count(name: string, fallback: number, min: number): number {
  const raw = process.env[name]?.trim()
  if (!raw) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number of at least ${min} (got "${raw}").`)
  }
  return value
}

/** Limits from the environment, else sized from the machine's cores. */
export function pdfPoolOptions(): PdfPoolOptions {
  const cores = os.availableParallelism()
  const threads = count('PDF_WORKERS', Math.min(4, Math.max(1, cores - 1)), 1)
  return { threads, queue: count('PDF_QUEUE', threads * 4, 0) }
}

/**
 * The worker file to load. Outside production it is rebuilt when the pool starts, so a worker
 * runs the code as it is now (the bundle takes a few seconds); in production `next build` made it.
 */
function workerFile(): string {
  const file = path.resolve(WORKER_FILE)
  if (process.env.NODE_ENV !== 'production') {
    execFileSync(process.execPath, [path.resolve(BUILD_SCRIPT)], { stdio: 'inherit' })
  } else if (!fs.existsSync(file)) {
    throw new Error(`The PDF worker ${file} is missing: \`next build\` writes it.`)
  }
  return file
}

/** A bounded pool of PDF workers. */
export class PdfPool {
  private readonly pool: Piscina
  readonly options: PdfPoolOptions
  /** renders accepted and not finished: running in a worker or waiting for one */
  private inFlight = 0
  /** a moving mean of the last renders' times, ms (for Retry-After) */
  private meanMs = 0
  /** renders under way by their job's hash: the same job asked for again joins the one running */
  private readonly underWay = new Map<string, Promise<Buffer>>()

  constructor(options: PdfPoolOptions = pdfPoolOptions()) {
    this.options = options
    this.pool = new Piscina({
      filename: workerFile(),
      minThreads: 0,
      maxThreads: options.threads,
      // a worker keeps its fonts loaded between renders; an idle one goes after 5 minutes
      idleTimeout: 5 * 60_000,
    })
  }

  /**
   * Renders one PDF in a worker. At most `threads` run and `queue` wait; one more is refused at
   * once with PdfBusyError (counted here, before piscina sees it, so the bound is exact). The same
   * job (equal data) asked for while it is under way shares that render and takes no place.
   */
  render(job: PdfJob): Promise<Buffer> {
    const key = createHash('sha256').update(JSON.stringify(job)).digest('base64')
    const same = this.underWay.get(key)
    if (same) return same
    const render = this.renderNew(job).finally(() => this.underWay.delete(key))
    this.underWay.set(key, render)
    return render
  }

  private async renderNew(job: PdfJob): Promise<Buffer> {
    if (this.inFlight >= this.options.threads + this.options.queue) {
      throw new PdfBusyError(this.retryAfterSeconds())
    }
    this.inFlight += 1
    const started = performance.now()
    try {
      const bytes = (await this.pool.run(job)) as Uint8Array
      const ms = performance.now() - started
      this.meanMs = this.meanMs === 0 ? ms : 0.8 * this.meanMs + 0.2 * ms
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    } finally {
      this.inFlight -= 1
    }
  }

  /** Renders accepted and not finished (running or waiting). */
  get pending(): number {
    return this.inFlight
  }

  /** How long a client should wait before retrying: the renders ahead of it at the mean time. */
  retryAfterSeconds(): number {
    const perRender = this.meanMs > 0 ? this.meanMs : 5_000
    const ahead = Math.max(this.inFlight, 1)
    return Math.min(120, Math.max(1, Math.ceil((perRender * ahead) / this.options.threads / 1000)))
  }

  /** Stops the workers (tests, shutdown). */
  async close(): Promise<void> {
    await this.pool.close({ force: true })
  }
}

const REGISTRY = Symbol.for('lodestar.pdfPool')
type Registry = Record<symbol, PdfPool | undefined>

/** The process's one pool, started on first use (kept on globalThis: Next may load this twice). */
export function pdfPool(): PdfPool {
  const registry = globalThis as Registry
  registry[REGISTRY] ??= new PdfPool()
  return registry[REGISTRY]
}

/** Renders a PDF on the process's pool (PdfBusyError when it is full). */
export function renderPdf(job: PdfJob): Promise<Buffer> {
  return pdfPool().render(job)
}

/** The answer to a render the pool refused: 503, and when to try again. */
export function pdfBusyResponse(err: PdfBusyError): Response {
  return new Response('Many reports are being prepared right now. Try again in a few seconds.\n', {
    status: 503,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'Retry-After': String(err.retryAfterSeconds),
    },
  })
}
