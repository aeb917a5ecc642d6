import type { Core } from '@strapi/strapi';
import type {
  PendingSchedules,
  RoundupSchedule,
  ScheduleAction,
} from '../../../../shared/contracts/schedule';
import { SCHEDULE_LIST_LIMIT } from '../../core/limits';
import { isPlanProblem, planSchedule, type ScheduleInput } from '../../core/schedule';
import { ROUNDUP_UID } from '../../uids';
import { NotFoundError } from '../../utils/errors';
import { getPluginService } from '../../utils/get-service';
import { fieldProblems } from '../../utils/validation';

/**
 * Editors' and automation's requests about a roundup's schedule: what is
 * scheduled, scheduling a publish or an unpublish in a time zone, and
 * cancelling. A publish is checked when it is scheduled, as a publish from
 * the editor's page would be, so a roundup that cannot be published is
 * refused at once (400, naming why) rather than failing at its time.
 */
const schedule = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => getPluginService(strapi, 'schedule-store');

  /** Whether the roundup has a published version; a NotFoundError when it does not exist. */
  const isPublished = async (documentId: string): Promise<boolean> => {
    const versions: { publishedAt: string | Date | null }[] = await strapi.db
      .query(ROUNDUP_UID)
      .findMany({ where: { documentId }, select: ['publishedAt'] });
    if (!versions.some((version) => !version.publishedAt))
      throw new NotFoundError(`No roundup with documentId "${documentId}"`);
    return versions.some((version) => version.publishedAt);
  };

  return {
    async view(documentId: string): Promise<RoundupSchedule> {
      await isPublished(documentId);
      return store().schedule(documentId);
    },

    /** Sets (or, with null, cancels) the scheduled publish and unpublish; every bad field named at once. */
    async set(
      documentId: string,
      input: ScheduleInput,
      now = Date.now()
    ): Promise<RoundupSchedule> {
      const published = await isPublished(documentId);
      const current = await store().schedule(documentId);
      const plan = planSchedule(
        input,
        {
          published,
          pendingPublishAt: current.publish ? Date.parse(current.publish.at) : null,
        },
        now
      );
      if (isPlanProblem(plan)) throw fieldProblems(plan);
      if (plan.publish) {
        const problems = await getPluginService(strapi, 'publish-checks').problems(documentId);
        if (problems && problems.length > 0) {
          throw fieldProblems([
            {
              path: 'publishAt',
              message: `cannot be scheduled: the roundup cannot be published as it stands (${problems.join('; ')})`,
            },
          ]);
        }
      }
      await store().apply(documentId, plan);
      return store().schedule(documentId);
    },

    /** Cancels the waiting publish, unpublish, or both. */
    async cancel(documentId: string, action?: ScheduleAction): Promise<RoundupSchedule> {
      await isPublished(documentId);
      await store().cancel(documentId, action ? [action] : ['publish', 'unpublish']);
      return store().schedule(documentId);
    },

    /** Every roundup with a change waiting, soonest first. */
    async waiting(): Promise<PendingSchedules> {
      return { results: await store().waiting(SCHEDULE_LIST_LIMIT) };
    },
  };
};

export type ScheduleService = ReturnType<typeof schedule>;
export default schedule;
