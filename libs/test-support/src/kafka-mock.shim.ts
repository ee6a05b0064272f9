interface ClusterInternals {
  findControllerBroker(): Promise<unknown>;
  findBroker(query: { nodeId: number }): Promise<unknown>;
  brokerPool: { metadata?: { brokers: readonly { nodeId: number }[] } };
}

let installed = false;

/**
 * TEST ONLY, never in production code (TOOLCHAIN.md): the mock cluster reports controller id 0
 * while numbering its brokers from 1, so kafkajs cannot find the controller it asks for a producer
 * id, and the idempotent producer fails to start. Falling back to the first broker lets the tests
 * run the producer exactly as production configures it. Patches kafkajs in this module registry.
 */
export const letIdempotentProducersRunOnKafkaMock = (): void => {
  if (installed) return;
  installed = true;
  // A plain require, so that under jest the patch reaches the module registry the tests load kafkajs from.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { prototype } = require('kafkajs/src/cluster') as { prototype: ClusterInternals };
  const findControllerBroker = prototype.findControllerBroker;
  prototype.findControllerBroker = async function (this: ClusterInternals) {
    try {
      return await findControllerBroker.call(this);
    } catch (error) {
      const first = this.brokerPool.metadata?.brokers[0];
      if ((error as Error).name !== 'KafkaJSBrokerNotFound' || !first) throw error;
      return this.findBroker({ nodeId: first.nodeId });
    }
  };
};
