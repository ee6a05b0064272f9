import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { EVENT_STORE, EventStore } from '@coord/event-store';
import { Actor } from '@coord/kernel';
import { Relay } from '@coord/messaging';
import { LOGGER, PLATFORM_CONFIG, PlatformConfig } from '@coord/runtime';
import { parsePcodeList } from './location-rows';
import { LocationImportService } from './location-import.service';

/** The global adm1/adm2 P-code list (156 countries); it contains every place of the earlier three-country file. */
export const BUNDLED_GAZETTEER = join(__dirname, '..', '..', 'assets', 'global-pcodes-adm-1-2.hxl.csv');
/** Mali, the Central African Republic and Haiti only: a small gazetteer for tests and demos (`GAZETTEER_FILE`). */
export const THREE_COUNTRY_GAZETTEER = join(__dirname, '..', '..', 'assets', 'gazetteer-mli-caf-hti.hxl.csv');

const SYSTEM_ACTOR: Actor = { userId: 'system', organizationId: 'system', roles: ['ADMIN'] };

/**
 * Loads the bundled gazetteer once per log, before the platform listens: the file's hash is kept as a checkpoint, so a restart
 * reads nothing, and a new gazetteer version (new hash) is applied by content — only what changed
 * becomes events.
 */
@Injectable()
export class GazetteerLoader implements OnApplicationBootstrap {
  constructor(
    private readonly importer: LocationImportService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly relay: Relay,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.load(this.config.gazetteerFile ?? BUNDLED_GAZETTEER);
  }

  async load(file: string): Promise<void> {
    const csv = readFileSync(file, 'utf8');
    const marker = `gazetteer:${createHash('sha256').update(csv).digest('hex').slice(0, 16)}`;
    if (await this.store.loadCheckpoint(marker)) return;
    const started = Date.now();
    const report = await this.importer.importRows(parsePcodeList(csv), [], SYSTEM_ACTOR, `gazetteer:${file.split('/').pop()}`);
    // Deliveries and meetings are checked against the gazetteer in the read model: the platform must
    // not answer its first command before the places it just recorded are readable there.
    await this.relay.drain();
    await this.store.saveCheckpoint(marker, (await this.store.headPosition()) ?? '0:0');
    this.logger.info({ ...report, ms: Date.now() - started }, 'gazetteer loaded');
  }
}
