// Long work written once, as a generator that yields where it may pause, and run either all at once (pure
// callers, tests) or in tasks of a few milliseconds each (first load of a long section, so the page keeps
// answering input and no task of ours runs long).

export type Steps<T> = Generator<void, T, void>;

/**
 * A new task: lets the page handle input and paint before the next step. Posted as a message, not a timer:
 * Firefox defers timers set while a page is still loading (dom.timeout.defer_during_load), which is when
 * the first view is built, and clamps nested timers to 4 ms.
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** How long one task may keep taking steps before it lets the page run (well under the 50 ms of a long task). */
export const TASK_BUDGET_MS = 8;

export function runAll<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface TaskOptions {
  /** Steps continue on the same task until this much time has passed; 0 pauses at every yield. */
  budgetMs?: number;
  now?: () => number;
}

export async function runInTasks<T>(
  steps: Steps<T>,
  nextTask: () => Promise<void>,
  options: TaskOptions = {},
): Promise<T> {
  const { budgetMs = TASK_BUDGET_MS, now = () => performance.now() } = options;
  let start = now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (now() - start >= budgetMs) {
      await nextTask();
      start = now();
    }
  }
}
