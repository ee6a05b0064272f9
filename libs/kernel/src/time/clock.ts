/** Time enters through a clock so that rules such as "overdue" are testable; decide() never reads it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(to: Date): void {
    this.current = to;
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
