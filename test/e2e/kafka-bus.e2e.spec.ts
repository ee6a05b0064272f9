import { describeWithKafka, letIdempotentProducersRunOnKafkaMock } from '@coord/test-support';
import { startTestPlatform, TestPlatform } from '../support/platform';

const REGISTER = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id version position } }`;
const ORGANIZATIONS = `query { organizations { id name } }`;

describeWithKafka('the platform with KAFKA_BROKERS', (mock) => {
  letIdempotentProducersRunOnKafkaMock();
  let platform: TestPlatform;

  beforeAll(async () => {
    // The first consumer-group join takes seconds on the mock: reads wait for it.
    platform = await startTestPlatform({ KAFKA_BROKERS: mock().brokers.join(','), READ_WAIT_TIMEOUT_MS: '20000' });
  }, 30_000);

  afterAll(async () => {
    await platform?.close();
  }, 30_000);

  it('is ready with the Kafka bus, and a command reaches the read model through Kafka', async () => {
    const ready = await fetch(`${platform.url}/health/ready`);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { bus: { status: 'up' } } });

    const admin = await platform.token('platform-admins', ['ADMIN']);
    const registered = await platform.graphql(
      REGISTER,
      { input: { name: 'World Food Programme', acronym: 'WFP', kind: 'UN_AGENCY' } },
      { token: admin },
    );
    expect(registered.errors).toBeUndefined();
    const { id, position } = registered.data.registerOrganization;

    const read = await platform.graphql(ORGANIZATIONS, {}, { token: admin, headers: { 'x-min-position': position } });

    expect(read.errors).toBeUndefined();
    expect(read.data.organizations).toContainEqual({ id, name: 'World Food Programme' });
  }, 30_000);
});
