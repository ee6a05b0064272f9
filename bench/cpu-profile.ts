/**
 * Reduces a V8 CPU profile (inspector `Profiler.stop`) to what a reader can act on: where the main
 * thread's time went by component, the hottest functions, and the inclusive time of the platform's
 * own steps. The sampler records the JS stack whether the thread computes or sits in a blocking
 * native call, so an fsync inside better-sqlite3 shows up as time under the statement that ran it.
 */

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface CpuSummary {
  readonly wallMs: number;
  /** Share of the window the thread was not idle. */
  readonly busyShare: number;
  readonly byComponent: Array<{ component: string; ms: number; share: number }>;
  readonly topFunctions: Array<{ name: string; ms: number; share: number }>;
  /** Inclusive time of named frames (each counted once per sample even when recursive). */
  readonly inclusive: Array<{ frame: string; ms: number; share: number }>;
}

/** Frames whose inclusive time answers "how long is the loop held by …". */
const WATCHED_FRAMES: ReadonlyArray<[label: string, match: (node: ProfileNode) => boolean]> = [
  ['SqliteEventStore.commitPending (append transactions + fsync)', (node) => node.callFrame.functionName.endsWith('commitPending')],
  ['SqliteEventStore.saveCheckpoint (relay checkpoint + fsync)', (node) => node.callFrame.functionName.endsWith('saveCheckpoint') && node.callFrame.url.includes('sqlite-event-store')],
  ['SqliteEventStore.readAll', (node) => node.callFrame.functionName.endsWith('readAll') && node.callFrame.url.includes('sqlite-event-store')],
  ['SqliteEventStore.readStream', (node) => node.callFrame.functionName.endsWith('readStream') && node.callFrame.url.includes('sqlite-event-store')],
  ['better-sqlite3 statements (all)', (node) => ['run', 'get', 'all', 'exec'].includes(node.callFrame.functionName) && node.callFrame.url === ''],
  ['typeorm (read model, all)', (node) => node.callFrame.url.includes('node_modules/typeorm/')],
  ['graphql-js execute/validate/parse', (node) => node.callFrame.url.includes('node_modules/graphql/')],
  ['@apollo/server', (node) => node.callFrame.url.includes('node_modules/@apollo/')],
  ['jose (JWT verify)', (node) => node.callFrame.url.includes('node_modules/jose/')],
  ['JSON.parse / JSON.stringify', (node) => ['parse', 'stringify'].includes(node.callFrame.functionName) && node.callFrame.url === ''],
];

const componentOf = (node: ProfileNode): string => {
  const { url, functionName } = node.callFrame;
  if (functionName === '(idle)') return '(idle)';
  if (functionName === '(garbage collector)') return '(garbage collector)';
  if (functionName === '(program)') return '(program: native, outside JS)';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (dependency) return dependency[1];
  const library = /\/(libs\/[^/]+(?:\/[^/]+)?)\/src\//.exec(url);
  if (library) return library[1].replace(/\/(domain|feature)$/, '-$1');
  if (url.startsWith('node:')) return 'node internals';
  if (url.includes('/apps/')) return 'apps/platform';
  if (url === '') return `native: ${functionName || '(anonymous)'}`;
  return 'other';
};

export const summarizeCpuProfile = (profile: CpuProfile): CpuSummary => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    // The delta that follows a sample is the time attributed to it.
    const delta = profile.timeDeltas[index + 1] ?? 0;
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + delta);
  });
  const wallMicros = profile.endTime - profile.startTime;
  const toMs = (micros: number) => Math.round(micros / 100) / 10;
  const share = (micros: number) => Math.round((micros / wallMicros) * 1000) / 10;

  const components = new Map<string, number>();
  const functions = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let idle = 0;
  for (const [id, micros] of selfMicros) {
    const node = byId.get(id)!;
    const component = componentOf(node);
    if (component === '(idle)') idle += micros;
    components.set(component, (components.get(component) ?? 0) + micros);
    const file = node.callFrame.url.split('/').slice(-2).join('/');
    const name = `${node.callFrame.functionName || '(anonymous)'} ${file ? `(${file}:${node.callFrame.lineNumber + 1})` : ''}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + micros);
    const seen = new Set<string>();
    for (let cursor: number | undefined = id; cursor !== undefined; cursor = parentOf.get(cursor)) {
      const frame = byId.get(cursor)!;
      for (const [label, match] of WATCHED_FRAMES) {
        if (!seen.has(label) && match(frame)) {
          seen.add(label);
          inclusive.set(label, (inclusive.get(label) ?? 0) + micros);
        }
      }
    }
  }
  const ranked = (map: Map<string, number>, limit: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, micros]) => ({ name, ms: toMs(micros), share: share(micros) }));
  return {
    wallMs: toMs(wallMicros),
    busyShare: Math.round((1 - idle / wallMicros) * 1000) / 10,
    byComponent: ranked(components, 14).map(({ name, ms, share: part }) => ({ component: name, ms, share: part })),
    topFunctions: ranked(functions, 15).filter((entry) => !entry.name.startsWith('(idle)')),
    inclusive: WATCHED_FRAMES.map(([label]) => ({ frame: label, ms: toMs(inclusive.get(label) ?? 0), share: share(inclusive.get(label) ?? 0) })),
  };
};
