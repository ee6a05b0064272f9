/** An event as the domain produces it; the store adds the envelope. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * The pure shape of an aggregate (ARCHITECTURE.md principle 5): fold the stream with `evolve`,
 * decide with a function of (command, state). Nothing here performs I/O.
 */
export interface Decider<Command, State, Event extends DomainEvent> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State) => readonly Event[];
}

export const fold = <State, Event extends DomainEvent>(
  decider: Pick<Decider<unknown, State, Event>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State => events.reduce(decider.evolve, decider.initialState());
