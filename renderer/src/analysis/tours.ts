/**
 * Tour planning in a worker of its own: one request per worker, so cancelling is terminating it
 * (the planner is synchronous) and a long plan never holds up the coverage worker's what-if.
 */
import type { TourPlanDocument } from '../../../electron/domain/tours.js';
import { AnalysisCancelled, createAnalysisWorker, type WorkerLike } from './client.js';
import type { TourRequestInput } from './protocol.js';

export interface TourJob {
  promise: Promise<{ plan: TourPlanDocument; workerMs: number }>;
  cancel(): void;
}

export function planToursInWorker(
  input: TourRequestInput,
  onProgress?: (fraction: number, stage: string) => void,
  createWorker: () => WorkerLike = createAnalysisWorker,
): TourJob {
  const worker = createWorker();
  let settle: { reject(e: unknown): void } | null = null;
  const promise = new Promise<{ plan: TourPlanDocument; workerMs: number }>((resolve, reject) => {
    settle = { reject };
    worker.onmessage = (e) => {
      const msg = e.data;
      if (msg.type === 'progress') onProgress?.(msg.fraction, msg.stage);
      else if (msg.type === 'tours') {
        worker.terminate();
        resolve({ plan: msg.plan, workerMs: msg.ms });
      } else if (msg.type === 'error') {
        worker.terminate();
        reject(new Error(msg.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(e instanceof ErrorEvent ? new Error(e.message) : new Error('tour worker failed'));
    };
    worker.postMessage({ type: 'tours', id: 1, input });
  });
  return {
    promise,
    cancel() {
      worker.terminate();
      settle?.reject(new AnalysisCancelled());
    },
  };
}
