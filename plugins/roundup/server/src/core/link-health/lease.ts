/** A run's hold on the checker: which instance works it, and until when. */
export interface Lease {
  holder: string | null;
  until: number | null;
}

/** Whether `instance` may work the run now: it holds the lease, or nobody holds it any more. */
export const mayTakeLease = (lease: Lease, instance: string, now: number) =>
  lease.holder === instance || lease.holder === null || lease.until === null || lease.until < now;
