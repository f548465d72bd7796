import { ErrorCode, LineMessageFile, OpenLinesError } from '@openlines/contracts';
import { DocumentStore } from '@openlines/persistence';
import { LivechatCursorDocument, LivechatReplyDocument } from './livechat-reply.schema';

export interface LivechatReply {
  seq: number;
  text: string;
  files?: LineMessageFile[];
  sentAt: string;
}

/** The live chat's outbox: operator replies kept until the visitor's widget polls them. */
export class LivechatReplyRepository {
  constructor(
    private readonly replies: DocumentStore<LivechatReplyDocument>,
    private readonly cursors: DocumentStore<LivechatCursorDocument>,
  ) {}

  /** Stores the reply once per id (a redelivered event finds it there). */
  async add(
    id: string,
    channelId: string,
    account: string,
    text: string,
    files: LineMessageFile[] | undefined,
    now: Date,
  ): Promise<void> {
    if ((await this.replies.findOne({ __id: id })) !== null) return;
    const cursor = await this.cursors.findOneAndUpdate(
      { __id: `${channelId}:${account}` },
      { $inc: { seq: 1 } },
      { upsert: true },
    );
    const seq = cursor?.seq ?? 1;
    try {
      await this.replies.insertOne({
        __id: id,
        channelId,
        account,
        seq,
        text,
        ...(files && files.length > 0 ? { files } : {}),
        createdAt: now.toISOString(),
      });
    } catch (error) {
      // A twin delivery stored it meanwhile; the sequence number it burned leaves a harmless gap.
      if (!(error instanceof OpenLinesError && error.code === ErrorCode.Conflict)) throw error;
    }
  }

  async listAfter(
    channelId: string,
    account: string,
    afterSeq: number,
    limit: number,
  ): Promise<LivechatReply[]> {
    const docs = await this.replies.find(
      { channelId, account, seq: { $gt: afterSeq } },
      { sort: { seq: 1 }, limit },
    );
    return docs.map((doc) => ({
      seq: doc.seq,
      text: doc.text,
      ...(doc.files ? { files: doc.files } : {}),
      sentAt: doc.createdAt,
    }));
  }
}
