import { MemoryStoreFactory } from '../memory/memory-store.factory';
import { CollectionDefinition } from '../port/document-store.port';
import { FullScanError, ScanObserver, ScanReport } from './scan-observer';

describe('scan observer', () => {
  const definition: CollectionDefinition = { indexes: [{ fields: { _line: 1, _state: 1 } }] };

  it('reports each query that reads the whole collection, naming its filter fields', async () => {
    const scans: ScanReport[] = [];
    const store = new MemoryStoreFactory({ onScan: (scan) => scans.push(scan) }).createStore<{
      __id: string;
      _line: string;
      _state?: string;
    }>('sessions', definition);
    await store.insertOne({ __id: 's1', _line: 'l1', _state: 'Waiting' });
    await store.find({ __id: 's1' });
    await store.find({ _line: 'l1', _state: { $ne: 'Closed' } });
    await store.count({ $or: [{ _line: 'l1' }, { _state: 'Waiting' }] });
    await store.aggregate([{ $group: { _id: '$_line' } }]);
    expect(scans).toEqual([
      { collection: 'sessions', operation: 'count', fields: ['_line', '_state'] },
      { collection: 'sessions', operation: 'aggregate', fields: [] },
    ]);
  });

  it('throws instead of scanning under the throw policy, by option or by environment', async () => {
    const store = new MemoryStoreFactory({ scans: 'throw' }).createStore<{
      __id: string;
      _state: string;
    }>('sessions', definition);
    await store.insertOne({ __id: 's1', _state: 'Waiting' });
    await expect(store.find({ _state: 'Waiting' })).rejects.toBeInstanceOf(FullScanError);
    await expect(
      store.updateMany({ _state: 'Waiting' }, { $set: { _state: 'Closed' } }),
    ).rejects.toThrow(/updateMany on sessions would scan every document \(filter fields: _state\)/);
    expect(await store.findOne({ __id: 's1' })).toMatchObject({ _state: 'Waiting' });
    expect(() =>
      new ScanObserver({}, { OPENLINES_STORE_SCANS: 'throw' }).scanned({
        collection: 'c',
        operation: 'find',
        fields: [],
      }),
    ).toThrow(FullScanError);
    expect(() =>
      new ScanObserver({}, {}).scanned({ collection: 'c', operation: 'find', fields: [] }),
    ).not.toThrow();
  });
});
