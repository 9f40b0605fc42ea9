/**
 * EventBridge Scheduler `cron(minutes hours day-of-month month day-of-week year)` → the 5-field
 * pattern croner runs. Differences handled: `?` → `*`; day-of-week 1=SUN … 7=SAT becomes
 * 0=SUN … 6=SAT; `6L` (last Friday) → `5#L`; `a/step` (croner wants a range) → `a-max/step`.
 * Only `*` is accepted as the year locally.
 */
export class CronNotSupported extends Error {
  override readonly name = 'CronNotSupported';
  constructor(expression: string, reason: string) {
    super(`${expression}: ${reason}`);
  }
}

const FIELD_MAX = { minutes: 59, hours: 23, dayOfMonth: 31, month: 12 } as const;

/** `0/15` → `0-59/15`: croner refuses a step on a single number. */
const expandStep = (field: string, max: number): string =>
  field
    .split(',')
    .map((item) => {
      const step = /^(\d+)\/(\d+)$/.exec(item);
      return step ? `${step[1]}-${max}/${step[2]}` : item;
    })
    .join(',');

const WEEKDAY_NAMES = /^(SUN|MON|TUE|WED|THU|FRI|SAT)$/i;

const weekday = (expression: string, value: string): string => {
  if (WEEKDAY_NAMES.test(value)) return value.toUpperCase();
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 7)
    throw new CronNotSupported(expression, `day-of-week ${value} is not 1–7 or SUN–SAT`);
  return String(n - 1);
};

const convertDayOfWeek = (expression: string, field: string): string => {
  if (field === '?' || field === '*') return '*';
  if (field.includes('/')) throw new CronNotSupported(expression, 'day-of-week takes no step');
  if (field === 'L') return '6';
  return field
    .split(',')
    .map((item) => {
      const nth = /^(\w+)#(\d)$/.exec(item);
      if (nth?.[1] && nth[2]) return `${weekday(expression, nth[1])}#${nth[2]}`;
      const last = /^(\w+)L$/.exec(item);
      if (last?.[1]) return `${weekday(expression, last[1])}#L`;
      const range = /^(\w+)-(\w+)$/.exec(item);
      if (range?.[1] && range[2]) return `${weekday(expression, range[1])}-${weekday(expression, range[2])}`;
      return weekday(expression, item);
    })
    .join(',');
};

export const eventBridgeCronToCroner = (expression: string): string => {
  const inner = /^cron\((.*)\)$/.exec(expression.trim())?.[1];
  if (inner === undefined) throw new CronNotSupported(expression, 'not a cron(…) expression');
  const fields = inner.trim().split(/\s+/);
  if (fields.length !== 6) throw new CronNotSupported(expression, 'a cron(…) expression has 6 fields');
  const [minutes = '', hours = '', dayOfMonth = '', month = '', dayOfWeek = '', year = ''] = fields;
  if (year !== '*') throw new CronNotSupported(expression, 'only `*` is supported as the year locally');
  if ((dayOfMonth === '?') === (dayOfWeek === '?'))
    throw new CronNotSupported(expression, 'exactly one of day-of-month and day-of-week must be `?`');
  return [
    expandStep(minutes, FIELD_MAX.minutes),
    expandStep(hours, FIELD_MAX.hours),
    dayOfMonth === '?' ? '*' : expandStep(dayOfMonth, FIELD_MAX.dayOfMonth),
    expandStep(month, FIELD_MAX.month),
    convertDayOfWeek(expression, dayOfWeek),
  ].join(' ');
};
