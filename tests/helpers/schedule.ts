import { Webhook } from 'standardwebhooks';
import type { AdminClient } from './admin';
import { startReceiver, type ReceivedRequest } from './receiver';

/** Kathmandu is 5 h 45 min ahead of UTC all year: its wall times are worked out here without Intl. */
export const KATHMANDU = 'Asia/Kathmandu';
const KATHMANDU_OFFSET_MS = (5 * 60 + 45) * 60_000;

/** The wall time (to the second) a clock in Kathmandu shows at `instant`. */
export const kathmanduWallTime = (instant: number) =>
  new Date(instant + KATHMANDU_OFFSET_MS).toISOString().slice(0, 19);

/** A whole second at least `ms` from now: the instant to schedule for. */
export const secondsAhead = (ms: number) => Math.ceil((Date.now() + ms) / 1000) * 1000;

export const HOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** The rebuild request a receiver got, its signature checked. */
export const rebuildRequest = (request: ReceivedRequest) =>
  new Webhook(HOOK_SECRET).verify(request.body, {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  }) as {
    type: string;
    data: { roundup: { documentId: string; slug: string; title: string }; events: number };
  };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The app's environment for the schedule's suites: the scheduler looks every second (every 10 s by default). */
export const SCHEDULE_ENV = {
  ROUNDUP_SEED_DEMO: 'false',
  ROUNDUP_SCHEDULE_CRON: '* * * * * *',
  ROUNDUP_WEBHOOK_POLL_MS: '100',
  ROUNDUP_WEBHOOK_TIMEOUT_MS: '1000',
  // The build hooks' receivers listen on 127.0.0.1, which the outbound guard refuses unless allowed.
  ROUNDUP_OUTBOUND_ALLOW: '127.0.0.1',
};

/** The admin route of a roundup's schedule. */
export const schedulePath = (documentId: string) => `/roundup/roundups/${documentId}/schedule`;

/**
 * Runs `run` with a build hook for `events` whose receiver listens on
 * loopback; `received()` is every rebuild request it got, signature checked.
 */
export const withHook = async (
  admin: AdminClient,
  events: string[],
  run: (received: () => ReturnType<typeof rebuildRequest>[]) => Promise<void>
) => {
  const receiver = await startReceiver();
  const hook = (
    await admin
      .post('/roundup/build-hooks')
      .send({
        name: `hook ${events.join(' ')}`,
        url: receiver.url,
        events,
        secret: HOOK_SECRET,
        debounceMs: 300,
        maxWaitMs: 10_000,
      })
      .expect(201)
  ).body.data;
  try {
    await run(() => receiver.received.map(rebuildRequest));
  } finally {
    await admin.del(`/roundup/build-hooks/${hook.id}`);
    await receiver.close();
  }
};
