import { Controller, Module } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcClient } from '../rpc/rpc.client';
import {
  connectSpecNats,
  specLogger,
  specNatsConfig,
  uniqueName,
} from '../../test/support/spec-nats';
import { createRpcMicroservice } from './create-rpc-microservice';

describe('RPC replicas of one service', () => {
  it('share the requests through the queue group: each is answered exactly once', async () => {
    const sharedPrefix = uniqueName('replicas');
    const config = specNatsConfig({ subjectPrefix: sharedPrefix });
    const calls: string[] = [];
    const replica = async (id: string) => {
      @Controller()
      class ReplicaController {
        @MessagePattern('spec.replica.who')
        who() {
          calls.push(id);
          return id;
        }
      }
      @Module({ controllers: [ReplicaController] })
      class ReplicaModule {}
      return createRpcMicroservice({
        name: 'replica-spec',
        module: ReplicaModule,
        natsConfig: config,
        logger: specLogger,
        gracePeriodMs: 0,
      });
    };
    const replicas = [await replica('a'), await replica('b')];
    const nc = await connectSpecNats();
    try {
      const rpc = new RpcClient(nc, { subjectPrefix: sharedPrefix });
      const answers = await Promise.all(
        Array.from({ length: 40 }, () => rpc.request<string>('spec.replica.who', {})),
      );
      expect(calls).toHaveLength(40);
      expect(new Set(answers)).toEqual(new Set(['a', 'b']));
    } finally {
      await Promise.all(replicas.map((r) => r.close()));
      await nc.drain();
    }
  });
});
