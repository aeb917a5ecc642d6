import NodeEnvironment from 'jest-environment-node';
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';

/**
 * Jest's Node environment with the process in the time zone a test file
 * names (`@jest-environment-options {"timeZone": "Pacific/Chatham"}`), so
 * that the file shows the server's own zone never matters. A test file's
 * `process.env` is a copy: the zone must be set on the real one, and it is
 * put back when the file is done.
 */
export default class TimeZoneEnvironment extends NodeEnvironment {
  private readonly timeZone: string | undefined;
  private previous: string | undefined;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.timeZone = config.projectConfig.testEnvironmentOptions.timeZone as string | undefined;
  }

  async setup() {
    await super.setup();
    this.previous = process.env.TZ;
    if (this.timeZone) process.env.TZ = this.timeZone;
  }

  async teardown() {
    if (this.previous === undefined) delete process.env.TZ;
    else process.env.TZ = this.previous;
    await super.teardown();
  }
}
