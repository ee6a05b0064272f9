/**
 * The platform's own metrics (`coordination_*`) as one process would show them, gathered from the
 * services behind the gateway: `GET /metrics` on the gateway then answers what `GET /metrics` on
 * the all-in-one platform answers. Counters are summed over the services (each command type is
 * handled by one service, so the sum is that service's figure); gauges describe the read model and
 * are taken from the read-model service only (a context service projects nothing, so its lag
 * figures mean nothing). Process metrics (CPU, memory, event loop) stay per process: scrape each
 * service's own `/metrics` for those.
 */

interface Family {
  help: string;
  type: string;
  /** `name{labels}` → value, in first-seen order. */
  readonly samples: Map<string, number>;
}

const PREFIX = 'coordination_';
const SAMPLE = /^([a-zA-Z_:][\w:]*)(\{.*\})?\s+(\S+)(?:\s+-?\d+)?$/;

export interface ServiceMetrics {
  readonly text: string;
  /** Whether this service's gauges are the platform's (the read-model service's are). */
  readonly ownsGauges: boolean;
}

export const mergePlatformMetrics = (services: readonly ServiceMetrics[]): string => {
  const families = new Map<string, Family>();
  for (const { text, ownsGauges } of services) {
    let current: { name: string; type: string } | null = null;
    for (const line of text.split('\n')) {
      if (line.startsWith('# HELP ') || line.startsWith('# TYPE ')) {
        const [, kind, name, ...rest] = line.split(' ');
        if (!name.startsWith(PREFIX)) {
          current = null;
          continue;
        }
        const family = families.get(name) ?? { help: '', type: 'untyped', samples: new Map<string, number>() };
        families.set(name, family);
        if (kind === 'HELP') family.help = rest.join(' ');
        else {
          family.type = rest[0] ?? 'untyped';
          current = { name, type: family.type };
        }
        continue;
      }
      const match = SAMPLE.exec(line);
      if (!match || !current || !match[1].startsWith(current.name)) continue;
      const value = Number(match[3]);
      const key = `${match[1]}${match[2] ?? ''}`;
      const family = families.get(current.name)!;
      if (current.type === 'counter') family.samples.set(key, (family.samples.get(key) ?? 0) + value);
      else if (current.type === 'gauge' && ownsGauges) family.samples.set(key, value);
    }
  }
  const lines: string[] = [];
  for (const [name, family] of families) {
    if (family.samples.size === 0 || (family.type !== 'counter' && family.type !== 'gauge')) continue;
    lines.push(`# HELP ${name} ${family.help}`, `# TYPE ${name} ${family.type}`);
    for (const [key, value] of family.samples) lines.push(`${key} ${value}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
