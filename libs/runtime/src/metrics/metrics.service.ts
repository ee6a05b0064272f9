import { Inject, Injectable, Optional } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { EVENT_STORE, EventStore } from '@coord/event-store';
import { parsePosition } from '@coord/kernel';
import { ProjectionRunner } from '@coord/read-model';
import type { ServiceRole } from '../config/service-role';
import { SERVICE_ROLE } from '../infrastructure/tokens';

/** Prometheus metrics (`GET /metrics`): commands by type and outcome, projection lag. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly commands = new Counter({
    name: 'coordination_commands_total',
    help: 'Commands handled, by command type and outcome (accepted, duplicate, or the error code)',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    @Optional() @Inject(SERVICE_ROLE) role?: ServiceRole,
  ) {
    collectDefaultMetrics({ register: this.registry });
    // A context service projects nothing: a lag of its idle runner would be a figure about nothing.
    if (role?.kind === 'context') return;
    const lag = () => this.projectionLag();
    new Gauge({
      name: 'coordination_projection_lag_events',
      help: 'Events in the log that the read model has not applied yet',
      registers: [this.registry],
      async collect() {
        this.set((await lag()).events);
      },
    });
    new Gauge({
      name: 'coordination_projection_lag_seconds',
      help: 'Age of the oldest event the read model has not applied yet (0 when caught up)',
      registers: [this.registry],
      async collect() {
        this.set((await lag()).seconds);
      },
    });
  }

  commandHandled(type: string, outcome: string): void {
    this.commands.inc({ type, outcome });
  }

  private async projectionLag(): Promise<{ events: number; seconds: number }> {
    const applied = this.runner.appliedPosition();
    const head = await this.store.headPosition();
    if (!head) return { events: 0, seconds: 0 };
    const [next] = await this.store.readAll({ after: applied, limit: 1 });
    if (!next) return { events: 0, seconds: 0 };
    const appliedMinor = applied ? parsePosition(applied).minor : 0n;
    return {
      // Sequence numbers can have gaps (rolled-back appends on PostgreSQL): an upper bound, exact on SQLite.
      events: Number(parsePosition(head).minor - appliedMinor),
      seconds: Math.max(0, (Date.now() - Date.parse(next.occurredAt)) / 1000),
    };
  }
}
