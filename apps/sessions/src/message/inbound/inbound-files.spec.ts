import { inboundFiles } from './inbound-files';

describe('inbound files', () => {
  it('keeps attachments with a URL as files, named by their name or type', () => {
    expect(
      inboundFiles([
        { type: 'photo', url: 'https://cdn.example/p.jpg', mimeType: 'image/jpeg', size: 10 },
        { type: 'document', url: 'https://cdn.example/d.pdf', name: 'contract.pdf' },
        { type: 'sticker' },
      ]),
    ).toEqual([
      { name: 'photo', url: 'https://cdn.example/p.jpg', mimeType: 'image/jpeg', size: 10 },
      { name: 'contract.pdf', url: 'https://cdn.example/d.pdf' },
    ]);
  });
});
