/**
 * The one clock. Production reads the system time. Tests may move it: when the runtime sets
 * `FPB_ALLOW_CLOCK_OVERRIDE=true` (the test setup does; CDK never does), a request header
 * `x-fpb-now: <ISO time>` and a task input field `now` are honoured.
 */
export const CLOCK_HEADER = 'x-fpb-now';

export const clockOverrideAllowed = (): boolean => process.env.FPB_ALLOW_CLOCK_OVERRIDE === 'true';

/** The time to act at: the override when allowed and valid, otherwise now. */
export const nowFrom = (override?: string | null): Date => {
  if (override && clockOverrideAllowed()) {
    const date = new Date(override);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return new Date();
};
