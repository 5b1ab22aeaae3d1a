import { TickBatcher } from './tick-batcher';

describe('TickBatcher', () => {
  it("runs one tick's calls together, in chunks, each getting its own result", async () => {
    const runs: number[][] = [];
    const batcher = new TickBatcher<number, number>(async (requests) => {
      runs.push(requests);
      return requests.map((n) => n * 10);
    }, 2);
    const results = await Promise.all([1, 2, 3].map((n) => batcher.add(n)));
    expect(results).toEqual([10, 20, 30]);
    expect(runs).toEqual([[1, 2], [3]]);
    expect(await batcher.add(4)).toBe(40);
    expect(runs).toEqual([[1, 2], [3], [4]]);
  });

  it('fails every call of a failed run', async () => {
    const batcher = new TickBatcher<number, number>(async () => {
      throw new Error('Redis is down');
    }, 10);
    const calls = [batcher.add(1), batcher.add(2)];
    for (const call of calls) await expect(call).rejects.toThrow('Redis is down');
  });
});
