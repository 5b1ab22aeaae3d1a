interface Waiting<Req, Res> {
  request: Req;
  resolve: (result: Res) => void;
  reject: (err: unknown) => void;
}

/**
 * Runs the calls made during one turn of the event loop together: a thousand long-polls answered
 * in one tick read their queues (or count their rate limits) in a few Redis script calls instead
 * of one each, which saves Redis and this process the cost of a command per call. Calls made in
 * the same turn (one batch of socket reads, or one Redis reply's callbacks) are flushed once the
 * turn's I/O is done (`setImmediate`), in chunks of at most `maxBatch`.
 */
export class TickBatcher<Req, Res> {
  private waiting: Array<Waiting<Req, Res>> = [];

  /** `run` answers its requests in order, one result each. */
  constructor(
    private readonly run: (requests: Req[]) => Promise<Res[]>,
    private readonly maxBatch: number,
  ) {}

  add(request: Req): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      if (this.waiting.length === 0) setImmediate(() => this.flush());
      this.waiting.push({ request, resolve, reject });
    });
  }

  private flush(): void {
    const all = this.waiting;
    this.waiting = [];
    for (let at = 0; at < all.length; at += this.maxBatch) {
      const chunk = all.slice(at, at + this.maxBatch);
      this.run(chunk.map((w) => w.request)).then(
        (results) => chunk.forEach((w, i) => w.resolve(results[i])),
        (err: unknown) => chunk.forEach((w) => w.reject(err)),
      );
    }
  }
}
