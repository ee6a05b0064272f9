import { mergePlatformMetrics } from './platform-metrics';

const service = (commands: string, lag: string) => `# HELP process_cpu_seconds_total Total CPU.
# TYPE process_cpu_seconds_total counter
process_cpu_seconds_total 2.5

# HELP coordination_commands_total Commands handled
# TYPE coordination_commands_total counter
${commands}

# HELP coordination_projection_lag_events Events not applied
# TYPE coordination_projection_lag_events gauge
coordination_projection_lag_events ${lag}
`;

describe('the platform metrics gathered over the services', () => {
  it('sums counters, takes gauges from the read-model service, and leaves process metrics out', () => {
    const merged = mergePlatformMetrics([
      { text: service('coordination_commands_total{type="PlanDelivery",outcome="accepted"} 3', '812'), ownsGauges: false },
      {
        text: service('coordination_commands_total{type="PlanDelivery",outcome="accepted"} 2\ncoordination_commands_total{type="FormCommittee",outcome="FORBIDDEN"} 1', '0'),
        ownsGauges: true,
      },
    ]);
    expect(merged).toBe(
      [
        '# HELP coordination_commands_total Commands handled',
        '# TYPE coordination_commands_total counter',
        'coordination_commands_total{type="PlanDelivery",outcome="accepted"} 5',
        'coordination_commands_total{type="FormCommittee",outcome="FORBIDDEN"} 1',
        '# HELP coordination_projection_lag_events Events not applied',
        '# TYPE coordination_projection_lag_events gauge',
        'coordination_projection_lag_events 0',
        '',
      ].join('\n'),
    );
  });

  it('answers nothing for services that answered nothing', () => {
    expect(mergePlatformMetrics([])).toBe('');
  });
});
