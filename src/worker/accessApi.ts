/**
 * Worker methods for services and access, spread into the compute worker's comlink API
 * (compute.worker.ts). They run over the dataset session the worker already holds.
 */
import type { DatasetSession } from './datasetSession';

export function accessApi(session: () => DatasetSession) {
  return {
    /** Number of services in the dataset (placeholder-free minimal method; extended by the access feature). */
    async serviceCount(): Promise<number> {
      return (await session().services())?.services.count ?? 0;
    },
  };
}
