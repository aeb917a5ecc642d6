import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { PendingSchedules, RoundupSchedule } from '../../../shared/contracts/schedule';
import { paths } from '../api/paths';

/** One roundup's schedule, loaded once and replaced by what a change answers. */
export const useRoundupSchedule = (documentId: string) => {
  const { get } = useFetchClient();
  const [schedule, setSchedule] = React.useState<RoundupSchedule | null>(null);
  React.useEffect(() => {
    let current = true;
    get<RoundupSchedule>(paths.schedule(documentId))
      .then(({ data }) => current && setSchedule(data))
      .catch(() => current && setSchedule(null));
    return () => {
      current = false;
    };
  }, [documentId, get]);
  return { schedule, setSchedule };
};

/** The schedules of every roundup with a change waiting, by documentId (for the Roundups list). */
export const useWaitingSchedules = () => {
  const { get } = useFetchClient();
  const [byRoundup, setByRoundup] = React.useState(new Map<string, RoundupSchedule>());
  React.useEffect(() => {
    let current = true;
    get<PendingSchedules>(paths.schedules)
      .then(({ data }) => {
        if (current) setByRoundup(new Map(data.results.map((s) => [s.documentId, s])));
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [get]);
  return byRoundup;
};
