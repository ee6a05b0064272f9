import { Decider, DomainEvent, fold } from '../decider/decider';
import { DomainError, ErrorCode } from '../errors/domain-error';

/**
 * given([events]).when(command).then([events]) / .thenThrows(code) — the one shape of every
 * `*.decide.spec.ts` (STYLE.md). Uses jest's global `expect`.
 */
export const specFor =
  <Command, State, Event extends DomainEvent>(decider: Decider<Command, State, Event>) =>
  (history: readonly Event[] = []) => ({
    when: (command: Command) => {
      const run = () => decider.decide(command, fold(decider, history));
      return {
        then: (expected: readonly Event[]) => {
          expect(run()).toEqual(expected);
        },
        thenThrows: (code: ErrorCode, details?: { field?: string; reason?: string }) => {
          let caught: unknown;
          try {
            run();
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(DomainError);
          const domainError = caught as DomainError;
          expect(domainError.code).toBe(code);
          if (details) expect(domainError.details).toMatchObject(details);
        },
      };
    },
  });
