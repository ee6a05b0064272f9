import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { PubSub } from 'graphql-subscriptions';
import { DataSource } from 'typeorm';
import { loadOrCreateDevSecret, TokenVerifier } from '@coord/auth';
import { createEventStore, EVENT_STORE, EventStore } from '@coord/event-store';
import { contextOf } from '@coord/contracts';
import { systemClock } from '@coord/kernel';
import { EVENT_BUS, EventBus, followLogOnNotice, InProcessEventBus, KafkaEventBus, KafkaPubSub, Relay, withFaultInjection } from '@coord/messaging';
import { allProjections, createReadModelDataSource, READ_MODEL_ENTITIES, ExchangeQueries, ProjectionRunner, ReadModelQueries, ReferenceChecks } from '@coord/read-model';
import { PlatformConfig } from '../config/platform-config';
import { ALL_IN_ONE, relayCheckpointName, ServiceRole } from '../config/service-role';
import { eventStoreLocation, readModelLocation } from '../config/storage';
import { CommandExecutor } from '../commands/command-executor';
import { MetricsService } from '../metrics/metrics.service';
import { HistoryRedaction } from '../graphql/history-redaction';
import { AUTH_SECRET, CLOCK, LOGGER, PLATFORM_CONFIG, PUB_SUB, READ_MODEL_DATA_SOURCE, SERVICE_ROLE } from './tokens';

/**
 * Starts what every context stands on, in an order that cannot lose events: projections catch up
 * from the log first, then the relay publishes from its own checkpoint (redelivery is harmless,
 * projections skip what they applied).
 */
@Injectable()
class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SERVICE_ROLE) private readonly role: ServiceRole,
    private readonly runner: ProjectionRunner,
    private readonly relay: Relay,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A context service projects nothing: the read-model service does, and the context's reference
    // checks and read waits look at the checkpoints that service stores.
    if (this.role.kind !== 'context') {
      const started = Date.now();
      await this.runner.catchUp(this.store);
      this.logger.info({ ms: Date.now() - started, position: this.runner.appliedPosition() }, 'read model caught up');
    }
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.bus.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.store.close();
  }
}

/** As the all-in-one relay does, an unknown type stops the relay (and is reported) rather than being skipped. */
const contextOfKnown = (type: string): string => {
  const context = contextOf(type);
  if (!context) throw new Error(`event type "${type}" is not in the catalogue, so no service owns it`);
  return context;
};

@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: PlatformConfig, logger: Logger, role: ServiceRole = ALL_IN_ONE): DynamicModule {
    const owned = role.kind === 'all-in-one' ? null : new Set<string>(role.contexts);
    return {
      module: InfrastructureModule,
      providers: [
        { provide: PLATFORM_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: SERVICE_ROLE, useValue: role },
        { provide: CLOCK, useValue: systemClock },
        {
          provide: PUB_SUB,
          // With Kafka, a change applied by any read-model instance reaches the subscribers of every instance.
          // A context service serves no subscription and projects nothing: it needs no live consumer.
          useFactory: () =>
            config.kafkaBrokers && role.kind !== 'context'
              ? new KafkaPubSub({ brokers: config.kafkaBrokers, onError: (error) => logger.warn({ err: error }, 'live updates: Kafka') })
              : new PubSub(),
        },
        {
          provide: AUTH_SECRET,
          useFactory: () =>
            config.auth.kind === 'hs256' ? (config.auth.secret ?? loadOrCreateDevSecret(config.dataDir)) : null,
        },
        {
          provide: TokenVerifier,
          inject: [AUTH_SECRET],
          useFactory: (secret: string | null) =>
            new TokenVerifier(config.auth.kind === 'jwks' ? config.auth : { kind: 'hs256', secret: secret as string }),
        },
        { provide: EVENT_STORE, useFactory: () => createEventStore(eventStoreLocation(config)) },
        {
          provide: READ_MODEL_DATA_SOURCE,
          useFactory: () =>
            role.kind === 'context' && config.databaseUrl
              ? // Only the read-model service owns (and synchronises) the tables; a context service
                // reads them, and five processes altering one schema at boot would race.
                new DataSource({ type: 'postgres', url: config.databaseUrl, entities: [...READ_MODEL_ENTITIES], synchronize: false }).initialize()
              : createReadModelDataSource(readModelLocation(config)),
        },
        {
          provide: ProjectionRunner,
          inject: [READ_MODEL_DATA_SOURCE],
          useFactory: (dataSource: DataSource) => new ProjectionRunner(dataSource, allProjections),
        },
        { provide: ReadModelQueries, inject: [READ_MODEL_DATA_SOURCE], useFactory: (ds: DataSource) => new ReadModelQueries(ds) },
        { provide: ExchangeQueries, inject: [READ_MODEL_DATA_SOURCE], useFactory: (ds: DataSource) => new ExchangeQueries(ds) },
        {
          provide: ReferenceChecks,
          inject: [ReadModelQueries, EVENT_STORE],
          useFactory: (queries: ReadModelQueries, store: EventStore) => new ReferenceChecks(queries, store),
        },
        {
          provide: EVENT_BUS,
          inject: [ProjectionRunner, EVENT_STORE],
          useFactory: (runner: ProjectionRunner, store: EventStore) => {
            if (!config.kafkaBrokers) {
              const bus = new InProcessEventBus();
              // In process, every batch comes in log order, so the runner applies it as it is.
              bus.subscribe('read-model', (events) => runner.handle(events));
              return bus;
            }
            const bus = new KafkaEventBus({
              brokers: config.kafkaBrokers,
              clientId: role.kind === 'all-in-one' ? 'coordination-platform' : `coordination-${role.name}`,
              onError: (error, context) => logger.error({ err: error, ...context }, 'Kafka delivery failed; retrying'),
              log: ({ level, namespace, message, extra }) => logger[level]({ kafkajs: namespace, ...extra }, message),
            });
            // Kafka orders only within a partition: the read model reads the log itself up to each batch.
            // A context service only publishes.
            if (role.kind !== 'context') bus.subscribe('read-model', followLogOnNotice(store, runner));
            return bus;
          },
        },
        {
          provide: Relay,
          inject: [EVENT_STORE, EVENT_BUS],
          useFactory: (store: EventStore, bus: EventBus) =>
            // Off unless a fault test sets COORD_FAULT_KILL_BEFORE_PUBLISH (see withFaultInjection).
            new Relay(store, withFaultInjection(bus, process.env), {
              checkpointName: relayCheckpointName(role),
              ...(owned ? { filter: (event) => owned.has(contextOfKnown(event.type)) } : {}),
              onError: (error: unknown) => logger.error({ err: error }, 'relay batch failed; retrying'),
            }),
        },
        MetricsService,
        CommandExecutor,
        HistoryRedaction,
        PlatformLifecycle,
      ],
      exports: [
        PLATFORM_CONFIG,
        LOGGER,
        SERVICE_ROLE,
        CLOCK,
        PUB_SUB,
        AUTH_SECRET,
        TokenVerifier,
        EVENT_STORE,
        READ_MODEL_DATA_SOURCE,
        ProjectionRunner,
        ReadModelQueries,
        ExchangeQueries,
        ReferenceChecks,
        EVENT_BUS,
        Relay,
        MetricsService,
        CommandExecutor,
        HistoryRedaction,
      ],
    };
  }
}
