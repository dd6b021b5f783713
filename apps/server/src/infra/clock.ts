/**
 * The time the business rules read: risk scans, the monthly credit rating, execution's delays. One per app, in
 * `ctx.clock`. In production it is the system clock. A deployment for acceptance runs (the browser journeys)
 * may start with CLOCK_ADJUSTABLE=true: the clock then keeps ticking from an offset that admin staff move forward
 * (`POST /api/staff/clock`), so a milestone can fall due in a journey that lasts a minute. Sessions, TOTP and
 * the ledger's timestamps keep the system time.
 */
export interface Clock {
  now(): Date;
  /** moves the clock forward; refused (false) by the system clock */
  advance(ms: number): boolean;
  readonly adjustable: boolean;
}

export function systemClock(): Clock {
  return { now: () => new Date(), advance: () => false, adjustable: false };
}

export function adjustableClock(): Clock {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance(ms) {
      if (!Number.isFinite(ms) || ms <= 0) return false;
      offsetMs += ms;
      return true;
    },
    adjustable: true,
  };
}

export function clockFor(config: { clockAdjustable: boolean }): Clock {
  return config.clockAdjustable ? adjustableClock() : systemClock();
}
