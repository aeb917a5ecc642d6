import { isTimeProblem, resolveScheduleTime, type ScheduleTime, type TimeProblem } from './time';

export type ScheduleAction = 'publish' | 'unpublish';

/** A schedule request as the route takes it: a time sets a change, null cancels it, absent keeps it. */
export interface ScheduleInput {
  publishAt?: string | null;
  unpublishAt?: string | null;
  timeZone?: string;
}

/** What a request does to each change: set it to a time, cancel it (null), or leave it (undefined). */
export interface SchedulePlan {
  publish?: ScheduleTime | null;
  unpublish?: ScheduleTime | null;
}

/** What is true of the roundup when the request comes in. */
export interface RoundupTimeline {
  /** Whether a published version exists now. */
  published: boolean;
  /** The instant of the publish already scheduled, if any. */
  pendingPublishAt: number | null;
}

const FIELDS = { publish: 'publishAt', unpublish: 'unpublishAt' } as const;

/**
 * Turns a request into the changes to store, or every problem with it at
 * once, each naming its field. An unpublish needs something to unpublish:
 * a published roundup, or a publish scheduled before it.
 */
export const planSchedule = (
  input: ScheduleInput,
  timeline: RoundupTimeline,
  now: number
): SchedulePlan | TimeProblem[] => {
  const plan: SchedulePlan = {};
  const problems: TimeProblem[] = [];
  for (const action of ['publish', 'unpublish'] as const) {
    const text = input[FIELDS[action]];
    if (text === undefined || text === null) {
      plan[action] = text;
      continue;
    }
    const resolved = resolveScheduleTime(FIELDS[action], text, input.timeZone, now);
    if (isTimeProblem(resolved)) {
      for (const problem of resolved) {
        if (!problems.some((p) => p.path === problem.path && p.message === problem.message))
          problems.push(problem);
      }
    } else plan[action] = resolved;
  }
  if (problems.length > 0) return problems;

  const { publish, unpublish } = plan;
  if (publish && unpublish && unpublish.instant <= publish.instant) {
    return [{ path: 'unpublishAt', message: 'must be after publishAt' }];
  }
  if (unpublish && !timeline.published) {
    const publishAt =
      publish === undefined ? timeline.pendingPublishAt : publish ? publish.instant : null;
    if (publishAt === null || publishAt >= unpublish.instant) {
      return [
        {
          path: 'unpublishAt',
          message:
            'has nothing to unpublish: the roundup is not published and no publish is scheduled before it',
        },
      ];
    }
  }
  return plan;
};

export const isPlanProblem = (value: SchedulePlan | TimeProblem[]): value is TimeProblem[] =>
  Array.isArray(value);
