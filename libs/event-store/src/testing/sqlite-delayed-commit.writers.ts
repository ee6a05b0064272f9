import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError, DomainErrorDetails, DomainEvent, ErrorCode } from '@coord/kernel';
import type { AppendOptions, AppendResult } from '../port/event-store.port';

export interface DelayedAppendRequest {
  readonly id: number;
  readonly filename: string;
  readonly streamId: string;
  readonly events: readonly DomainEvent[];
  readonly delayMs: number;
  readonly options: AppendOptions;
}

export type DelayedAppendReply =
  | { readonly id: number; readonly result: AppendResult }
  | {
      readonly id: number;
      readonly error:
        | { readonly domain: true; readonly code: ErrorCode; readonly message: string; readonly details: DomainErrorDetails }
        | { readonly domain: false; readonly message: string };
    };

interface Waiting {
  readonly worker: Worker;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

const WORKER_SCRIPT = join(__dirname, 'sqlite-delayed-commit.worker.ts');
const TSCONFIG = join(__dirname, '..', '..', '..', '..', 'tsconfig.json');

// Workers load TypeScript the way tools/run-ts.js does, so they run the adapter's own source.
const BOOTSTRAP = `
process.env.SWC_NODE_PROJECT = ${JSON.stringify(TSCONFIG)};
require(${JSON.stringify(require.resolve('@swc-node/register'))});
require(${JSON.stringify(WORKER_SCRIPT)});
`;

/**
 * SQLite writers on connections of their own, each in a worker thread: a writer that holds the write
 * lock must not block the thread that reads the log meanwhile. One append at a time per worker; a
 * new worker starts whenever all are busy.
 */
export class SqliteDelayedCommitWriters {
  private readonly idle: Worker[] = [];
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;

  async append(
    filename: string,
    streamId: string,
    events: readonly DomainEvent[],
    delayMs: number,
    options: AppendOptions,
  ): Promise<AppendResult> {
    const worker = this.idle.pop() ?? this.start();
    const id = this.nextId++;
    try {
      return await new Promise<AppendResult>((resolve, reject) => {
        this.waiting.set(id, { worker, resolve, reject });
        worker.postMessage({ id, filename, streamId, events, delayMs, options } satisfies DelayedAppendRequest);
      });
    } finally {
      this.idle.push(worker);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private start(): Worker {
    const worker = new Worker(BOOTSTRAP, { eval: true });
    worker.on('message', (reply: DelayedAppendReply) => this.settle(reply));
    worker.on('error', (error) => {
      for (const [id, waiting] of this.waiting) {
        if (waiting.worker !== worker) continue;
        this.waiting.delete(id);
        waiting.reject(error);
      }
    });
    this.workers.push(worker);
    return worker;
  }

  private settle(reply: DelayedAppendReply): void {
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (!waiting) return;
    if ('result' in reply) return waiting.resolve(reply.result);
    const { error } = reply;
    waiting.reject(error.domain ? new DomainError(error.code, error.message, error.details) : new Error(error.message));
  }
}
