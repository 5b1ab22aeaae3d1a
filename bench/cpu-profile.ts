import * as fs from 'node:fs';
import * as inspector from 'node:inspector';

/**
 * A CPU profile of the calling thread (the server's, in the benchmarks that boot it in-process)
 * until `stop(file)`, which writes it for Chrome's DevTools.
 */
export async function startProfiler(): Promise<{ stop: (file: string) => Promise<void> }> {
  const session = new inspector.Session();
  session.connect();
  const post = <T>(method: string): Promise<T> =>
    new Promise((resolve, reject) =>
      session.post(method, (err: Error | null, result: T) => (err ? reject(err) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    stop: async (file: string) => {
      const { profile } = await post<{ profile: inspector.Profiler.Profile }>('Profiler.stop');
      session.disconnect();
      fs.writeFileSync(file, JSON.stringify(profile));
    },
  };
}
