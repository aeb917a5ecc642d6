import type { Core } from '@strapi/strapi';
import { mayTakeLease } from '../../core/link-health';
import type { LinkCheckRow } from '../../content-types/rows';
import { LINK_CHECK_UID } from '../../uids';
import { getPluginConfig } from '../../utils/config';

/** The one slot a running run holds; a unique index makes it the only one. */
const SLOT = 'link-check';

const asNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/**
 * The link checker's runs, kept in the database: a running run is a lease
 * that `instance` holds and renews, so one instance on the database works it
 * at a time and another takes it over when that one stops.
 */
export const createRunStore = (strapi: Core.Strapi, instance: string) => {
  const runs = () => strapi.db.query(LINK_CHECK_UID);
  const leaseTtlMs = () => getPluginConfig(strapi).linkCheck.leaseTtlMs;

  return {
    /** A new running run held by this instance; throws when one is running already (the slot is taken). */
    create(trigger: LinkCheckRow['trigger'], startedAt: number): Promise<LinkCheckRow> {
      return runs().create({
        data: {
          slot: SLOT,
          state: 'running',
          trigger,
          startedAt,
          total: 0,
          holder: instance,
          leaseUntil: Date.now() + leaseTtlMs(),
        },
      });
    },

    setTotal(runId: number, total: number): Promise<LinkCheckRow> {
      return runs().update({ where: { id: runId }, data: { total } });
    },

    /** The running run, on any instance, or null. */
    running(): Promise<LinkCheckRow | null> {
      return runs().findOne({ where: { state: 'running' }, orderBy: { id: 'desc' } });
    },

    /** The latest run, or null before the first. */
    latest(): Promise<LinkCheckRow | null> {
      return runs().findOne({ orderBy: { id: 'desc' } });
    },

    /** Extends this instance's lease on `runId`; false when another instance holds it now. */
    async renewLease(runId: number): Promise<boolean> {
      const { count } = await runs().updateMany({
        where: { id: runId, holder: instance },
        data: { leaseUntil: Date.now() + leaseTtlMs() },
      });
      return count === 1;
    },

    /** Takes the lease on `run` when its holder let it go or stopped renewing it; whether it was taken. */
    async takeOver(run: LinkCheckRow): Promise<boolean> {
      const now = Date.now();
      const lease = { holder: run.holder ?? null, until: asNumber(run.leaseUntil) };
      if (!mayTakeLease(lease, instance, now)) return false;
      const { count } = await runs().updateMany({
        where: {
          id: run.id,
          $or: [
            { holder: null },
            { leaseUntil: null },
            { leaseUntil: { $lt: now } },
            { holder: instance },
          ],
        },
        data: { holder: instance, leaseUntil: now + leaseTtlMs() },
      });
      return count === 1;
    },

    /** Marks `runId` finished at `finishedAt`, if this instance still holds it. */
    async finish(runId: number, finishedAt: number) {
      await runs().updateMany({
        where: { id: runId, holder: instance },
        data: { state: 'finished', slot: null, finishedAt, holder: null, leaseUntil: null },
      });
    },

    /** Lets go of every lease this instance holds, so another instance resumes at once. */
    async handBack() {
      await runs().updateMany({
        where: { holder: instance },
        data: { holder: null, leaseUntil: null },
      });
    },
  };
};

export type RunStore = ReturnType<typeof createRunStore>;
