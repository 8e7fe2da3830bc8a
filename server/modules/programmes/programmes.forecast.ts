// When will a programme reach its target, said honestly (spec §11 "Forecast"; the rules in docs/forecast.md).
// A pure function of counts and dates, so the figures can come from the allocations table today and from a read
// model of counters later without touching the rules.
//
// - No date before FORECAST_RULES.minHandovers handovers over FORECAST_RULES.minDays days, counted from the
//   programme's first handover (weeks of handover history, not weeks since the programme was created).
// - The pace is the handovers of the last paceWindowDays days, per day; while the history is shorter than the window,
//   the handovers of the whole history over its length. A drive that slowed down is forecast at its slower pace.
// - The date is today + ceil(remaining / pace) days; beyond horizonYears years it is not printed ('beyond_horizon').
// - Whatever the forecast, with an end date: the handovers a month needed to serve the rest by the end date.
import { FORECAST_RULES, type ProgrammeForecastDto } from '../../shared/index.js';

const DAY_MS = 86_400_000;
/** An average month: 365.25 / 12 days. */
export const MONTH_DAYS = 30.4375;

export interface ForecastInput {
  /** Beneficiaries served so far and the target (families + students). */
  served: number;
  target: number;
  /** Handovers so far and when the first one took place (null before any). */
  handovers: number;
  firstHandoverAt: Date | null;
  /** Handovers since paceWindowStart(now). */
  handoversInPaceWindow: number;
  /** The programme's end date (YYYY-MM-DD) or null. */
  endsOn: string | null;
  now: Date;
}

/** Where the pace window starts: the caller counts the handovers at or after this instant. */
export const paceWindowStart = (now: Date): Date => new Date(now.getTime() - FORECAST_RULES.paceWindowDays * DAY_MS);

const startOfDay = (d: Date): number => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
const ymd = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const oneDecimal = (n: number): number => Math.round(n * 10) / 10;

export function forecast(input: ForecastInput): ProgrammeForecastDto {
  const { served, target, handovers, firstHandoverAt, handoversInPaceWindow, endsOn, now } = input;
  const today = startOfDay(now);
  const remaining = Math.max(0, target - served);
  const elapsedDays = firstHandoverAt ? Math.max(0, (now.getTime() - firstHandoverAt.getTime()) / DAY_MS) : 0;
  const daysOfData = Math.floor(elapsedDays);

  // The end date: inclusive, so the last day still counts as one day left.
  const end = endsOn ? Date.UTC(+endsOn.slice(0, 4), +endsOn.slice(5, 7) - 1, +endsOn.slice(8, 10)) : null;
  const endPassed = end !== null && end < today;
  const daysLeft = end !== null && !endPassed ? Math.round((end - today) / DAY_MS) + 1 : null;
  const monthsLeft = daysLeft !== null ? oneDecimal(daysLeft / MONTH_DAYS) : null;
  const paceNeededPerMonth =
    daysLeft !== null && remaining > 0 && target > 0 ? Math.ceil((remaining * MONTH_DAYS) / daysLeft) : null;

  const enoughData = handovers >= FORECAST_RULES.minHandovers && daysOfData >= FORECAST_RULES.minDays;
  const windowDays = Math.min(FORECAST_RULES.paceWindowDays, elapsedDays);
  const pacePerDay = enoughData ? handoversInPaceWindow / windowDays : null;

  let status: ProgrammeForecastDto['status'];
  let date: string | null = null;
  if (target <= 0) status = 'no_target';
  else if (remaining === 0) status = 'complete';
  else if (pacePerDay === null) status = 'not_enough_data';
  else if (pacePerDay === 0) status = 'stalled';
  else {
    const days = Math.ceil(remaining / pacePerDay);
    const t = new Date(today);
    const horizon = Date.UTC(t.getUTCFullYear() + FORECAST_RULES.horizonYears, t.getUTCMonth(), t.getUTCDate());
    // Compared in days first: a pace of one handover a century would overflow a Date.
    if (days > (horizon - today) / DAY_MS) status = 'beyond_horizon';
    else {
      status = 'projected';
      date = ymd(today + days * DAY_MS);
    }
  }

  return {
    status,
    date,
    remaining,
    handoversSoFar: handovers,
    firstHandoverOn: firstHandoverAt ? ymd(firstHandoverAt.getTime()) : null,
    daysOfData,
    weeksOfData: Math.floor(daysOfData / 7),
    pacePerMonth: pacePerDay === null ? null : oneDecimal(pacePerDay * MONTH_DAYS),
    endsOn,
    endPassed,
    daysLeft,
    monthsLeft,
    paceNeededPerMonth,
  };
}
