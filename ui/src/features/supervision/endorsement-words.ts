// How Endorsement details, trainings and figures read.
import type { Delivery, SessionDetails } from '../../lib/ipc/types';

export const DELIVERY_LABELS: Record<Delivery, string> = {
  in_person: 'In person',
  video: 'By video',
  phone: 'By phone',
};

/** A session's Endorsement details when none are given (they count). */
export function emptyDetails(): SessionDetails {
  return {
    provider_name: null,
    provider_credential: null,
    delivery: null,
    facilitator: null,
    group_size: null,
    presented: null,
    peer: false,
    counts_toward_endorsement: true,
  };
}

/** Hours with at most two decimals: 1.5 → "1.5", 12 → "12". */
export function formatDecimalHours(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}

/** "1 hour", "2.5 hours". */
export function hoursWord(hours: number): string {
  const h = formatDecimalHours(hours);
  return h === '1' ? '1 hour' : `${h} hours`;
}

/** Said plainly wherever the figures are shown. */
export const ASSOCIATIONS_DECIDE =
  'Associations differ, and rules change: your association decides what counts. These figures add up what you logged here.';
