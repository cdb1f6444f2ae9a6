// Joins single embedding requests that arrive while the model is busy into one run: under concurrent load each run
// embeds every question that waited for it (up to a batch size), instead of one run per question. A lone request
// runs at once, alone. Only for runs whose rows cannot influence each other (the transformers embedder quantizes
// activations per token): then a question gets the same vector whatever it shares a run with.

export interface RunBatcher<Item, Result> {
  submit(item: Item): Promise<Result>;
}

interface Pending<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

export function createRunBatcher<Item, Result>(
  run: (items: Item[]) => Promise<Result[]>,
  options: { maxBatch: number },
): RunBatcher<Item, Result> {
  const maxBatch = Math.max(1, Math.floor(options.maxBatch));
  const queue: Array<Pending<Item, Result>> = [];
  let running = false;

  async function drain(): Promise<void> {
    running = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        const results = await run(batch.map((pending) => pending.item));
        batch.forEach((pending, index) => {
          pending.resolve(results[index] as Result);
        });
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    running = false;
  }

  return {
    submit(item: Item): Promise<Result> {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!running) void drain();
      });
    },
  };
}
