import { validate } from '@openlines/contracts';
import {
  LivechatReply,
  LivechatReplyRepository,
} from '../../delivery/persistence/livechat-reply.repository';
import { LivechatPollSchema, visitorAccountOf } from '../domain/livechat-message.rules';
import {
  ReceiveInboundUseCase,
  assertTakesMessages,
} from '../receive-inbound/receive-inbound.use-case';

/** Replies handed to the widget per poll at most; it asks again from the last `seq`. */
export const LIVECHAT_POLL_LIMIT = 100;

/**
 * GET /webhooks/livechat/:publicKey/messages?visitorToken=…&after=…: the operator replies the
 * widget has not shown yet. The token is the visitor's credential: only its own replies are found.
 */
export class PollLivechatUseCase {
  constructor(
    private readonly inbound: ReceiveInboundUseCase,
    private readonly replies: LivechatReplyRepository,
  ) {}

  async execute(publicKey: string, query: unknown): Promise<{ messages: LivechatReply[] }> {
    const channel = await this.inbound.livechatChannel(publicKey);
    assertTakesMessages(channel);
    const poll = validate(LivechatPollSchema, query, 'live chat poll');
    const account = visitorAccountOf(poll.visitorToken);
    return {
      messages: await this.replies.listAfter(
        channel.__id,
        account,
        poll.after,
        LIVECHAT_POLL_LIMIT,
      ),
    };
  }
}
