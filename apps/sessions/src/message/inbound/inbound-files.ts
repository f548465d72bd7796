import { InboundAttachment, LineMessageFile } from '@openlines/contracts';

/**
 * The attachments of an inbound message that can be files of the stored message: those the
 * messenger gave a URL for (the others stay visible in the message's `payload`, the raw update).
 */
export function inboundFiles(attachments: readonly InboundAttachment[]): LineMessageFile[] {
  return attachments.flatMap((attachment) => {
    if (attachment.url === undefined) return [];
    const file: LineMessageFile = { name: attachment.name ?? attachment.type, url: attachment.url };
    if (attachment.mimeType !== undefined) file.mimeType = attachment.mimeType;
    if (attachment.size !== undefined) file.size = attachment.size;
    return [file];
  });
}
